import { toleranceSetting } from "../../findings";
import type { AmountCell, TableRow } from "../../model";
import { fmt, judgeSum, SELF_EVALUATION_KINDS, shown, type EvaluationRule, type RuleResult } from "./context";

export const P1: EvaluationRule = {
  id: "P1",
  severity: "error",
  reads: SELF_EVALUATION_KINDS,
  statement: "年度资金总额 = 其中各项之和（当年财政拨款 + 上年结转资金 + 其他资金；部门整体：基本支出 + 项目支出），逐列",
  check(ctx) {
    const total = ctx.model.funds.find((r) => r.key === "total");
    if (!total) return [];
    const sourceKeys = ["fiscal", "carryover", "special-account", "unit", "other"];
    const useKeys = ["basic", "project"];
    const partitions: TableRow[][] = [];
    const sources = ctx.model.funds.filter((r) => sourceKeys.includes(r.key));
    const uses = ctx.model.funds.filter((r) => useKeys.includes(r.key));
    if (uses.length > 0) {
      // 部门整体 (Guizhou): 基本支出 + 项目支出 (+ 其他 when it is the only source-like row)
      const extra = sources.length === 1 && sources[0].key === "other" ? sources : [];
      partitions.push([...uses, ...extra]);
      if (extra.length === 0 && sources.length > 0) partitions.push(sources);
    } else if (sources.length > 0) partitions.push(sources);
    const out: RuleResult[] = [];
    for (const parts of partitions) {
      for (const key of ["initial-budget", "annual-budget", "executed"]) {
        const printed = total.cells[key];
        if (!printed || printed.notANumber) continue;
        const cells = parts.map((r) => r.cells[key]).filter((c): c is AmountCell => !!c && !c.notANumber);
        // 其中 rows left blank altogether are not a breakdown; a blank total over filled rows is
        if (cells.length === 0 || cells.every((c) => c.blank)) continue;
        const j = judgeSum(printed, cells, ctx.settings);
        if (j.status === "ok") continue;
        const term = ctx.term("funds", key, key);
        const expr = parts.map((r, idx) => `${r.label} ${shown(cells[idx] ?? printed)}`).join(" + ");
        const expected = fmt(j.total, j.decimals);
        const actual = shown(printed);
        out.push({
          cell: printed.address,
          cells: [printed.address, ...cells.map((c) => c.address)],
          message:
            `${total.label} ${term}（${printed.address}）应为 ${expr} = ${expected}，表中为 ${shown(printed)}` +
            (j.status === "rounding" ? "（舍位差异）" : ""),
          expected,
          actual,
          difference: fmt(j.difference, j.decimals),
          tolerance: j.tolerance,
          settings: [toleranceSetting(ctx.settings)],
          ...(j.status === "rounding" ? { severity: "info" as const } : {}),
        });
      }
    }
    return out;
  },
};
