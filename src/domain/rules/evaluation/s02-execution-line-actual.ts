import { roundHalfUp } from "../../decimal";
import { fmtPercent, SELF_EVALUATION_KINDS, shown, type EvaluationRule } from "./context";

export const S2: EvaluationRule = {
  id: "S2",
  severity: "warning",
  reads: SELF_EVALUATION_KINDS,
  statement: "“预算执行率”指标的实际完成值 = 资金表计算的执行率",
  check(ctx) {
    const line = ctx.executionLine;
    const e = ctx.execution;
    const actual = line?.actual;
    if (!line || !e?.rate || !actual?.number || actual.unit !== "%") return [];
    const written = actual.raw.replace(/[^\d.]/g, "");
    const decimals = (written.includes(".") ? written.split(".")[1].length : 0) + 2;
    const said = actual.number.div(100);
    const candidates = [e.rate, e.rateStored ?? e.rate];
    if (candidates.some((r) => roundHalfUp(r, decimals).eq(said))) return [];
    const expected = fmtPercent(roundHalfUp(e.rate, decimals), decimals - 2);
    return [
      {
        cell: actual.cell.address,
        cells: [actual.cell.address, e.executed.address, e.budget.address],
        message: `指标“预算执行率”实际完成值（${actual.cell.address}）应为 ${e.executedTerm} ${shown(e.executed)} ÷ ${e.budgetTerm} ${shown(e.budget)} = ${expected}，表中为 ${actual.raw.trim()}`,
        expected,
        actual: actual.raw.trim(),
      },
    ];
  },
};
