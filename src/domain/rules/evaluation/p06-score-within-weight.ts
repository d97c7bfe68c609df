import type { AmountCell } from "../../model";
import {
  computedResults,
  indicatorName,
  plain,
  scoredIndicators,
  SELF_EVALUATION_KINDS,
  shown,
  usable,
  type ComputedCheck,
  type EvaluationContext,
  type EvaluationRule,
  type RuleResult,
} from "./context";

/** Chongqing: 指标得分 = 得分系数 × 指标权重, recomputed. */
export function coefficientCheck(ctx: EvaluationContext, i: ReturnType<typeof scoredIndicators>[number]): ComputedCheck | null {
  if (!usable(i.coefficient)) return null;
  const coefficient = i.coefficient;
  const weight = i.weight.value;
  const score = i.score;
  return {
    rule: "P6",
    printed: score,
    expected: coefficient.value.times(weight),
    alternatives: [coefficient.displayed.times(weight)],
    settingDecimals: ctx.settings.scoreDecimals,
    settings: [`得分小数位=${ctx.settings.scoreDecimals}`],
    cells: [score.address, coefficient.address, i.weight.address],
    describe: (e, a) =>
      `${indicatorName(i)}${ctx.term("indicators", "score", "得分")}（${score.address}）应为 ${ctx.term("indicators", "coefficient", "得分系数")} ${shown(coefficient)} × ${ctx.term("indicators", "weight", "权重")} ${plain(weight)} = ${e}，表中为 ${a}`,
  };
}

export const P6: EvaluationRule = {
  id: "P6",
  severity: "error",
  reads: SELF_EVALUATION_KINDS,
  statement: "各项得分不超过其分值、不为负；重庆表 指标得分 = 得分系数 × 指标权重",
  check(ctx) {
    const out: RuleResult[] = [];
    const rows: { name: string; weight?: AmountCell; score?: AmountCell }[] = ctx.model.indicators.map((i) => ({
      name: indicatorName(i),
      ...(i.weight ? { weight: i.weight } : {}),
      ...(i.score ? { score: i.score } : {}),
    }));
    if (ctx.execution?.weightCell && ctx.execution.score)
      rows.unshift({
        name: "执行率",
        weight: ctx.execution.weightCell,
        score: ctx.execution.score,
      });
    for (const r of rows) {
      if (!usable(r.weight) || !usable(r.score)) continue;
      const { weight, score } = r;
      if (score.value.gt(weight.value)) {
        out.push({
          cell: score.address,
          cells: [score.address, weight.address],
          message: `${r.name}得分（${score.address}）为 ${shown(score)}，超过分值 ${shown(weight)}（${weight.address}）`,
          expected: `≤${shown(weight)}`,
          actual: shown(score),
          difference: plain(score.displayed.minus(weight.displayed)),
          tolerance: null,
        });
      } else if (score.value.lt(0)) {
        out.push({
          cell: score.address,
          cells: [score.address],
          message: `${r.name}得分（${score.address}）为负数 ${shown(score)}`,
          expected: "≥0",
          actual: shown(score),
          tolerance: null,
        });
      }
    }
    return [...out, ...computedResults(scoredIndicators(ctx).flatMap((i) => coefficientCheck(ctx, i) ?? []))];
  },
};
