/**
 * How findings become marks on cells — shared by the Excel add-in (src/excel) and the
 * annotated copies the CLI writes (src/xlsx), so both show exactly the same thing.
 */
import { compareFindings, type Finding, type Severity } from "./findings";

/** Fill colours by severity (Excel's own "bad" / "neutral" / light-blue styles, legible in print). */
export const MARK_FILL: Record<Severity, string> = {
  error: "#FFC7CE",
  warning: "#FFEB9C",
  info: "#DDEBF7",
};

/** Every note or comment the add-in writes starts with this, so it removes only its own. */
export const NOTE_PREFIX = "【决算助手】";

export interface CellMark {
  sheet: string;
  /** A1 on `sheet` */
  address: string;
  /** highest severity of the findings on this cell */
  severity: Severity;
  /** note text: NOTE_PREFIX + one line per finding */
  note: string;
  /** rule ids on this cell */
  rules: string[];
}

/** One mark per flagged cell (the worst severity wins); info findings only when asked. */
export function marksFromFindings(findings: readonly Finding[], options: { includeInfo?: boolean } = {}): CellMark[] {
  const byCell = new Map<string, { sheet: string; address: string; items: Finding[] }>();
  for (const f of findings) {
    if (!f.sheet || !f.cell) continue;
    if (f.severity === "info" && !options.includeInfo) continue;
    const key = `${f.sheet}\u0000${f.cell}`;
    let entry = byCell.get(key);
    if (!entry) {
      entry = { sheet: f.sheet, address: f.cell, items: [] };
      byCell.set(key, entry);
    }
    entry.items.push(f);
  }
  const marks: CellMark[] = [];
  for (const { sheet, address, items } of byCell.values()) {
    items.sort(compareFindings);
    const severity = items[0].severity;
    const lines = items.map((f) => `[${f.rule}] ${f.message}`);
    marks.push({ sheet, address, severity, note: `${NOTE_PREFIX}\n${lines.join("\n")}`, rules: items.map((f) => f.rule) });
  }
  return marks;
}
