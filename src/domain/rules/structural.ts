/**
 * Identities that are not sums: T7.3 (合计 0 ⇒ items 0), X11 (a fund column without money ⇒ the
 * fund table is empty and says so) and ALL.1 (negative amounts). Declared here once each.
 */
import type { CheckSettings, Finding } from "../findings";
import { qualify } from "../grid";
import type { RecognizedTable } from "../model";
import type { TableSet } from "./evaluate";

export interface StructuralRule {
  id: string;
  statement: string;
  check(set: TableSet, tables: readonly RecognizedTable[], settings: CheckSettings): Finding[];
}

const isZeroColumn = (t: RecognizedTable, col: string) => t.rows.every((r) => !r.cells[col] || r.cells[col].displayed.isZero());

export const STRUCTURAL_RULES: readonly StructuralRule[] = [
  {
    id: "T7.3",
    statement: '"三公"经费合计为 0 时，各项均应为 0',
    check(set) {
      const t = set["three-public-expenses"];
      const data = t?.rows.find((r) => r.key === "data");
      if (!t || !data) return [];
      const out: Finding[] = [];
      for (const m of ["budget", "actual"]) {
        const total = data.cells[`total.${m}`];
        if (!total || !total.displayed.isZero()) continue;
        for (const [key, cell] of Object.entries(data.cells)) {
          if (!key.endsWith(`.${m}`) || key.startsWith("total.") || cell.displayed.isZero()) continue;
          out.push({
            rule: "T7.3",
            severity: "error",
            sheet: t.sheet,
            cell: cell.address,
            cells: [qualify(t.sheet, cell.address), qualify(t.sheet, total.address)],
            message: `"三公"经费合计（${total.address}）为 0，但 ${cell.address} 为 ${cell.displayed.toFixed(2)}：合计为 0 时各项都应为 0。`,
            expected: "0.00",
            actual: cell.displayed.toFixed(2),
            difference: cell.displayed.toFixed(2),
            tolerance: null,
            table: t.id,
          });
        }
      }
      return out;
    },
  },
  {
    id: "X11",
    statement: "财政拨款收入支出决算总表中某类资金全为 0 ⇒ 对应决算表为空表且附空表说明",
    check(set) {
      const t4 = set["fiscal-summary"];
      const out: Finding[] = [];
      for (const [fund, kind, name] of [
        ["government-fund", "government-fund", "政府性基金"],
        ["state-capital", "state-capital", "国有资本经营"],
      ] as const) {
        const table = set[kind];
        if (!table) continue;
        const fundZero = t4 ? isZeroColumn(t4, fund) && t4.rows.filter((r) => r.key === fund || r.key === `opening-${fund}`).every((r) => r.cells.amount?.displayed.isZero() ?? true) : undefined;
        if (fundZero === true && !table.empty) {
          out.push({
            rule: "X11",
            severity: "error",
            sheet: table.sheet,
            cell: table.titleCell.address,
            cells: [qualify(table.sheet, table.titleCell.address)],
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
            sheet: table.sheet,
            cell: table.titleCell.address,
            cells: [qualify(table.sheet, table.titleCell.address)],
            message: `${table.printedTitle}为空表，应在表下注明“本单位本年度没有${name}预算财政拨款收入和支出，故本表无数据”。`,
            expected: "空表说明",
            actual: "无",
            table: table.id,
          });
        }
      }
      return out;
    },
  },
  {
    id: "ALL.1",
    statement: "金额一般不应为负数",
    check(_set, tables) {
      const out: Finding[] = [];
      for (const t of tables) {
        if (t.kind === "project-self-evaluation" || t.kind === "department-self-evaluation") continue;
        for (const row of t.rows) {
          for (const cell of Object.values(row.cells)) {
            if (!cell.displayed.isNegative() || cell.displayed.isZero()) continue;
            out.push({
              rule: "ALL.1",
              severity: "warning",
              sheet: t.sheet,
              cell: cell.address,
              cells: [qualify(t.sheet, cell.address)],
              message: `${row.label || row.key}（${cell.address}）为负数 ${cell.displayed.toFixed(2)}，除退款等特殊情况外金额不应为负，请核对。`,
              expected: "≥ 0",
              actual: cell.displayed.toFixed(2),
              table: t.id,
            });
          }
        }
      }
      return out;
    },
  },
];
