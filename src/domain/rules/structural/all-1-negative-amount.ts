import type { RuleFinding } from "../../findings";
import { KIND_TITLES } from "../../kinds";
import type { TableKind } from "../../model";
import type { StructuralRule } from "./rule";

/** Every table of amounts: all but the 绩效自评表 (whose scores and rates are no amounts). */
const AMOUNT_TABLE_KINDS = (Object.keys(KIND_TITLES) as TableKind[]).filter((k) => k !== "project-self-evaluation" && k !== "department-self-evaluation");

export const ALL_1: StructuralRule = {
  id: "ALL.1",
  severity: "warning",
  reads: AMOUNT_TABLE_KINDS,
  statement: "金额一般不应为负数",
  check(_set, tables) {
    const out: RuleFinding[] = [];
    for (const t of tables) {
      if (t.kind === "project-self-evaluation" || t.kind === "department-self-evaluation") continue;
      for (const row of t.rows) {
        for (const cell of Object.values(row.cells)) {
          if (!cell.displayed.isNegative() || cell.displayed.isZero()) continue;
          out.push({
            rule: "ALL.1",
            severity: "warning",
            at: { sheet: t.sheet, address: cell.address },
            cells: [{ sheet: t.sheet, address: cell.address }],
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
};
