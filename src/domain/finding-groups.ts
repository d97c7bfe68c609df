/**
 * One entry per marked cell: a cell that breaks several rules is shown once, with every rule it breaks.
 * Used by the task pane's list and the CLI's HTML report so both group the same way.
 */
import { compareFindings, type Finding, type Severity } from "./findings";

export interface CellFindingGroup {
  /** "sheet!cell" for a cell, or a unique key per workbook-level finding */
  key: string;
  sheet: string | null;
  cell: string | null;
  /** the most severe finding's severity */
  severity: Severity;
  /** every finding on this cell, most severe first, in engine order otherwise */
  findings: Finding[];
}

/** Groups findings by the cell they mark, keeping the order of first appearance (after severity). */
export function groupFindingsByCell(findings: readonly Finding[]): CellFindingGroup[] {
  const groups = new Map<string, CellFindingGroup>();
  findings.forEach((finding, index) => {
    const key = finding.sheet !== null && finding.cell !== null ? `${finding.sheet}\u0000${finding.cell}` : `#${index}`;
    const group = groups.get(key);
    if (group) {
      group.findings.push(finding);
    } else {
      groups.set(key, { key, sheet: finding.sheet, cell: finding.cell, severity: finding.severity, findings: [finding] });
    }
  });
  const result = [...groups.values()];
  for (const group of result) {
    group.findings.sort(compareFindings);
    group.severity = group.findings[0].severity;
  }
  // Array.prototype.sort is stable: groups of equal severity keep their first-appearance order.
  return result.sort((a, b) => compareFindings(a.findings[0], b.findings[0]));
}
