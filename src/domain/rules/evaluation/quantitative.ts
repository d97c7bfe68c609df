import { reverseFormulaSetting } from "../../findings";
/**
 * The score of a quantitative indicator (年度指标值 and 实际完成值 both numbers in the same unit),
 * recomputed by the indicator's type: S4 正向, S5 反向, S6 等于. scoring.ts decides the type from the
 * indicator's sign; the three rule modules each report their own type.
 */
import type { Decimal } from "../../decimal";
import type { CheckSettings } from "../../findings";
import { sameUnit } from "../../indicator-value";
import { quantitativeScore } from "../../scoring";
import { computedResults, indicatorName, plain, scoredIndicators, type ComputedCheck, type EvaluationContext } from "./context";

type QuantitativeRule = "S4" | "S5" | "S6";

export function quantitativeCheck(ctx: EvaluationContext, i: ReturnType<typeof scoredIndicators>[number]): ComputedCheck | null {
  const { settings } = ctx;
  const target = i.target;
  const actual = i.actual;
  if (!target || !actual || target.nature === "qualitative" || actual.nature === "qualitative") return null;
  if (!target.number || !actual.number || !sameUnit(target.unit, actual.unit)) return null;
  const weight = i.weight.value;
  const score = i.score;
  const nature = target.nature;
  const { rule, score: expected } = quantitativeScore(nature, target.number, actual.number, weight, settings.reverseFormula);
  const unit = target.unit ?? actual.unit ?? "";
  const targetTerm = ctx.term("indicators", "target", "年度指标值");
  const actualTerm = ctx.term("indicators", "actual", "实际完成值");
  const how = explainQuantitative(rule, nature, target.number, actual.number, weight, unit, settings.reverseFormula, targetTerm, actualTerm);
  const scoreSetting = `得分小数位=${settings.scoreDecimals}`;
  return {
    rule,
    printed: score,
    expected,
    alternatives: [],
    settingDecimals: settings.scoreDecimals,
    settings: rule === "S5" ? [reverseFormulaSetting(settings), scoreSetting] : [scoreSetting],
    cells: [score.address, target.cell.address, actual.cell.address, i.weight.address],
    describe: (e, a) => `${indicatorName(i)}得分（${score.address}）${how} = ${e}，表中为 ${a}（各地计分公式不一，请核实）`,
  };
}

/** Findings of one indicator type. */
export function quantitativeResults(ctx: EvaluationContext, rule: QuantitativeRule) {
  const checks = scoredIndicators(ctx)
    .map((i) => quantitativeCheck(ctx, i))
    .filter((c): c is ComputedCheck => c !== null && c.rule === rule);
  return computedResults(checks);
}

function explainQuantitative(
  rule: QuantitativeRule,
  nature: string,
  A: Decimal,
  B: Decimal,
  w: Decimal,
  unit: string,
  formula: CheckSettings["reverseFormula"],
  targetTerm: string,
  actualTerm: string,
): string {
  const a = `${plain(A)}${unit}`;
  const b = `${plain(B)}${unit}`;
  if (rule === "S4" || (rule === "S6" && !A.isZero())) {
    const kind = rule === "S4" ? "正向指标" : "等于型指标";
    if (B.gte(A)) return `按${kind}应为满分（${actualTerm} ${b} 达到${targetTerm} ${nature === "=" ? "" : nature}${a}）${plain(w)}`;
    return `按${kind}应为 ${actualTerm} ${b} ÷ ${targetTerm} ${a} × 分值 ${plain(w)}`;
  }
  if (rule === "S6") return `按等于型指标（${targetTerm} 0：${actualTerm} ≤ 0 满分，否则 0）应为`;
  if (B.lte(A)) return `按反向指标应为满分（${actualTerm} ${b} 未超过${targetTerm} ${a}）${plain(w)}`;
  if (formula === "ratio") return `按反向指标应为 ${targetTerm} ${a} ÷ ${actualTerm} ${b} × 分值 ${plain(w)}`;
  if (A.lte(0) || B.gte(A.times(2))) return `按反向指标（${actualTerm} 达到${targetTerm}的2倍及以上得0分）应为`;
  return `按反向指标应为 (1 − (${actualTerm} ${b} − ${targetTerm} ${a}) ÷ ${a}) × 分值 ${plain(w)}`;
}
