import type { RuleFinding } from "../../findings";
import type { RecognizedTable } from "../../model";
import type { StructuralRule } from "./rule";

const isZeroColumn = (t: RecognizedTable, col: string) => t.rows.every((r) => !r.cells[col] || r.cells[col].displayed.isZero());

export const X11: StructuralRule = {
  id: "X11",
  severity: "error",
  reads: ["fiscal-summary", "government-fund", "state-capital"],
  statement: "财政拨款收入支出决算总表中某类资金全为 0 ⇒ 对应决算表为空表（有数据为错误）且附空表说明（缺说明为警告）",
  check(set) {
    const t4 = set["fiscal-summary"];
    const out: RuleFinding[] = [];
    for (const [fund, kind, name] of [
      ["government-fund", "government-fund", "政府性基金"],
      ["state-capital", "state-capital", "国有资本经营"],
    ] as const) {
      const table = set[kind];
      if (!table) continue;
      const fundZero = t4
        ? isZeroColumn(t4, fund) &&
          t4.rows.filter((r) => r.key === fund || r.key === `opening-${fund}`).every((r) => r.cells.amount?.displayed.isZero() ?? true)
        : undefined;
      if (fundZero === true && !table.empty) {
        out.push({
          rule: "X11",
          severity: "error",
          at: { sheet: table.sheet, address: table.titleCell.address },
          cells: [{ sheet: table.sheet, address: table.titleCell.address }],
          message: `财政拨款收入支出决算总表中${name}预算财政拨款全为 0，但${table.printedTitle}有数据，两表不一致。`,
          expected: "空表",
          actual: "有数据",
          table: table.id,
        });
      }
      if (table.empty && table.notes.every((n) => !/无数据|没有|无.*(收入|支出)/.test(n.text))) {
        out.push({
          rule: "X11",
          severity: "warning",
          at: { sheet: table.sheet, address: table.titleCell.address },
          cells: [{ sheet: table.sheet, address: table.titleCell.address }],
          message: `${table.printedTitle}为空表，应在表下注明“本单位本年度没有${name}预算财政拨款收入和支出，故本表无数据”。`,
          expected: "空表说明",
          actual: "无",
          table: table.id,
        });
      }
    }
    return out;
  },
};
