import { executionScore } from "../../scoring";
import {
  computedResults,
  executionScoreBasis,
  plain,
  SELF_EVALUATION_KINDS,
  usable,
  type ComputedCheck,
  type EvaluationContext,
  type EvaluationRule,
} from "./context";

/** The score of a “预算执行率” indicator line, recomputed like P3. */
export function executionLineScoreChecks(ctx: EvaluationContext): ComputedCheck[] {
  const basis = executionScoreBasis(ctx);
  const line = ctx.executionLine;
  if (!basis || !line || !usable(line.score) || !usable(line.weight)) return [];
  const { exec, rates, rateText, capNote } = basis;
  const score = line.score;
  const weight = line.weight.value;
  return [
    {
      rule: "S3",
      printed: score,
      expected: executionScore(exec.rate!, weight),
      alternatives: rates.map((r) => executionScore(r, weight)),
      settingDecimals: ctx.settings.scoreDecimals,
      settings: [`得分小数位=${ctx.settings.scoreDecimals}`, `百分比小数位=${ctx.settings.percentDecimals}`],
      cells: [score.address, line.weight.address, exec.executed.address, exec.budget.address],
      describe: (e, a) => `指标“预算执行率”得分（${score.address}）应为 min(执行率 ${rateText}, 100%) × 分值 ${plain(weight)} = ${e}，表中为 ${a}${capNote}`,
    },
  ];
}

export const S3: EvaluationRule = {
  id: "S3",
  severity: "error",
  reads: SELF_EVALUATION_KINDS,
  statement: "“预算执行率”指标行的得分 = min(执行率, 100%) × 分值",
  check: (ctx) => computedResults(executionLineScoreChecks(ctx)),
};
