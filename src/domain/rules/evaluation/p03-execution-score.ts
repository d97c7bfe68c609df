import { executionScore } from "../../scoring";
import { computedResults, executionScoreBasis, plain, SELF_EVALUATION_KINDS, type ComputedCheck, type EvaluationContext, type EvaluationRule } from "./context";

/** The 资金 block's 执行率得分, recomputed. */
export function executionScoreChecks(ctx: EvaluationContext): ComputedCheck[] {
  const basis = executionScoreBasis(ctx);
  if (!basis?.exec.score) return [];
  const { exec, rates, rateText, capNote } = basis;
  const score = exec.score!;
  const scoreTerm = ctx.term("funds", "score", "得分");
  return [
    {
      rule: "P3",
      printed: score,
      expected: executionScore(exec.rate!, exec.weight),
      alternatives: rates.map((r) => executionScore(r, exec.weight)),
      settingDecimals: ctx.settings.scoreDecimals,
      settings: [`得分小数位=${ctx.settings.scoreDecimals}`, `百分比小数位=${ctx.settings.percentDecimals}`, ...(exec.weightNote ? [exec.weightNote] : [])],
      cells: [score.address, exec.executed.address, exec.budget.address, ...(exec.weightCell ? [exec.weightCell.address] : [])],
      describe: (e, a) =>
        `执行率${scoreTerm === "得分" ? "得分" : scoreTerm.replace(/^执行率/, "")}（${score.address}）应为 min(执行率 ${rateText}, 100%) × 分值 ${plain(exec.weight)} = ${e}，表中为 ${a}${capNote}`,
    },
  ];
}

export const P3: EvaluationRule = {
  id: "P3",
  severity: "error",
  reads: SELF_EVALUATION_KINDS,
  statement: "执行率得分 = min(执行率, 100%) × 分值（最高不得超过分值上限）",
  check: (ctx) => computedResults(executionScoreChecks(ctx)),
};
