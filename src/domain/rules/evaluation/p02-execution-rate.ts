import { executionRate } from "../../scoring";
import { budgetOf, computedResults, SELF_EVALUATION_KINDS, shown, usable, type ComputedCheck, type EvaluationContext, type EvaluationRule } from "./context";

/** The 执行率 of every 资金 row that prints one, recomputed. */
export function executionRateChecks(ctx: EvaluationContext): ComputedCheck[] {
  const out: ComputedCheck[] = [];
  for (const row of ctx.model.funds) {
    const rateCell = row.cells.rate;
    const executed = row.cells.executed;
    const budget = budgetOf(row);
    if (!usable(rateCell) || !executed || !budget) continue;
    const rate = executionRate(executed.displayed, budget.displayed);
    const stored = executionRate(executed.value, budget.value);
    if (!rate || !stored) continue;
    const budgetTerm = ctx.term("funds", budget === row.cells["annual-budget"] ? "annual-budget" : "initial-budget", "全年预算数");
    const executedTerm = ctx.term("funds", "executed", "全年执行数");
    const prefix = row.key === "total" ? "" : `${row.label} `;
    out.push({
      rule: "P2",
      printed: rateCell,
      expected: rate,
      alternatives: [stored],
      settingDecimals: ctx.settings.percentDecimals + 2,
      settings: [`百分比小数位=${ctx.settings.percentDecimals}`],
      cells: [rateCell.address, executed.address, budget.address],
      describe: (e, a) => `${prefix}执行率（${rateCell.address}）应为 ${executedTerm} ${shown(executed)} ÷ ${budgetTerm} ${shown(budget)} = ${e}，表中为 ${a}`,
    });
  }
  return out;
}

export const P2: EvaluationRule = {
  id: "P2",
  severity: "error",
  reads: SELF_EVALUATION_KINDS,
  statement: "执行率 = 全年执行数 ÷ 全年预算数（四川：预算执行数 ÷ 调整后预算数；贵州：全年执行数(B) ÷ 年初预算数(A)）",
  check: (ctx) => computedResults(executionRateChecks(ctx)),
};
