import { roundHalfUp } from "../../decimal";
import { fmt, fmtPercent, SELF_EVALUATION_KINDS, shown, type EvaluationRule } from "./context";

export const P10: EvaluationRule = {
  id: "P10",
  severity: "warning",
  reads: SELF_EVALUATION_KINDS,
  statement: "全年执行数一般不超过全年预算数（执行率超过100%须核实）",
  check(ctx) {
    const e = ctx.execution;
    if (!e || e.budget.blank || !e.executed.displayed.gt(e.budget.displayed) || !e.rate) return [];
    return [
      {
        cell: e.executed.address,
        cells: [e.executed.address, e.budget.address],
        message: `${e.executedTerm}（${e.executed.address}）${shown(e.executed)} 大于 ${e.budgetTerm}（${e.budget.address}）${shown(e.budget)}，执行率 ${fmtPercent(roundHalfUp(e.rate, ctx.settings.percentDecimals + 2), ctx.settings.percentDecimals)}，请核实`,
        expected: `≤${shown(e.budget)}`,
        actual: shown(e.executed),
        difference: fmt(e.executed.displayed.minus(e.budget.displayed), Math.max(e.executed.decimals, e.budget.decimals)),
      },
    ];
  },
};
