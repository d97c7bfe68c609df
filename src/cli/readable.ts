/** The readable zh-CN summary of `juesuan check` (without --json): per file, tables, then findings by table, errors first. */
import { compareFindings, severityRank, type Finding, type Severity } from "../domain/findings";
import { KIND_TITLES } from "../domain/kinds";
import type { FileReport } from "./check-file";

export const KIND_NAMES = KIND_TITLES;

export const SEVERITY_NAMES: Record<Severity, string> = { error: "错误", warning: "警告", info: "提示" };

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const c = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

export function renderReadable(reports: readonly FileReport[]): string {
  const out: string[] = [];
  for (const r of reports) {
    out.push(`■ ${r.file}`);
    if (r.error) {
      // the reason is printed once, on stderr
      out.push("  未检查：无法读取（原因见错误输出）。", "");
      continue;
    }
    if (r.tables.length === 0) out.push("  未识别到标准决算公开表或绩效自评表。");
    else if (r.unrecognizedSheets.length) out.push(`  未识别的工作表：${r.unrecognizedSheets.join("、")}`);
    for (const t of r.tables) out.push(`  · ${t.sheet}!${t.range}  ${KIND_NAMES[t.kind] ?? t.kind}  ${t.unit ?? "单位未注明"}  ${t.year ?? ""}  ${t.unitName ?? ""}`.trimEnd());
    const c = countBySeverity(r.findings);
    out.push(`  结果：错误 ${c.error}，警告 ${c.warning}，提示 ${c.info}`);
    const byTable = new Map<string, Finding[]>();
    for (const f of r.findings) {
      const key = f.table ?? "（工作簿）";
      byTable.set(key, [...(byTable.get(key) ?? []), f]);
    }
    const groups = [...byTable.entries()].sort((a, b) => Math.min(...a[1].map((f) => severityRank(f.severity))) - Math.min(...b[1].map((f) => severityRank(f.severity))));
    for (const [table, list] of groups) {
      out.push(`  【${table}】`);
      for (const f of [...list].sort(compareFindings)) {
        out.push(`    [${SEVERITY_NAMES[f.severity]}] ${f.rule} ${f.sheet ? `${f.sheet}!${f.cell ?? ""}` : ""} ${f.message}`);
      }
    }
    out.push("");
  }
  return out.join("\n") + "\n";
}
