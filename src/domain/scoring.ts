/**
 * 绩效自评 scoring formulas (S3–S8, docs/rules.md), exact and unrounded: callers round to the 得分小数位
 * setting. Used by the rules (to recompute) and by the narrative (to describe).
 */
import { Decimal, ZERO } from "./decimal";
import type { IndicatorValue } from "./model";

const ONE = new Decimal(1);

/** S2 执行率 = 执行数 / 预算数 (a fraction; null when the budget is zero or negative). */
export function executionRate(executed: Decimal, budget: Decimal): Decimal | null {
  if (budget.lte(0)) return null;
  return executed.div(budget);
}

/** S3 执行率得分 = min(执行率, 100%) × 分值 ("最高不得超过分值上限"); a negative rate scores 0. */
export function executionScore(rate: Decimal, weight: Decimal): Decimal {
  return Decimal.max(ZERO, Decimal.min(rate, ONE)).times(weight);
}

/** S4 positive indicator (≥, >): actual ≥ target ⇒ full 分值, else actual / target × 分值. */
export function positiveScore(target: Decimal, actual: Decimal, weight: Decimal): Decimal {
  if (actual.gte(target) || target.lte(0)) return weight;
  if (actual.lte(0)) return ZERO;
  return actual.div(target).times(weight);
}

export type ReverseFormula = "pmkpi" | "ratio";

/**
 * S5 reverse indicator (≤, <, lower is better).
 * pmkpi: actual ≤ target ⇒ full; target < actual < 2·target ⇒ (1 − (actual−target)/target) × 分值; ≥ 2·target ⇒ 0.
 * ratio (Guizhou notes): actual ≤ target ⇒ full; else target / actual × 分值.
 * A target of 0: actual ≤ 0 ⇒ full, else 0.
 */
export function reverseScore(target: Decimal, actual: Decimal, weight: Decimal, formula: ReverseFormula = "pmkpi"): Decimal {
  if (actual.lte(target)) return weight;
  if (target.lte(0)) return ZERO;
  if (formula === "ratio") return target.div(actual).times(weight);
  if (actual.gte(target.times(2))) return ZERO;
  return ONE.minus(actual.minus(target).div(target)).times(weight);
}

/** S6 equality indicator (=): target 0 ⇒ actual ≤ 0 full, else 0; target > 0 ⇒ scored as positive. */
export function equalityScore(target: Decimal, actual: Decimal, weight: Decimal): Decimal {
  if (target.isZero()) return actual.lte(0) ? weight : ZERO;
  return positiveScore(target, actual, weight);
}

/** The scoring rule (S4/S5/S6) and the score for a quantitative indicator of the given nature. */
export function quantitativeScore(
  nature: Exclude<IndicatorValue["nature"], "qualitative">,
  target: Decimal,
  actual: Decimal,
  weight: Decimal,
  formula: ReverseFormula = "pmkpi",
): { rule: "S4" | "S5" | "S6"; score: Decimal } {
  if (nature === ">=" || nature === ">") return { rule: "S4", score: positiveScore(target, actual, weight) };
  if (nature === "<=" || nature === "<") return { rule: "S5", score: reverseScore(target, actual, weight, formula) };
  return { rule: "S6", score: equalityScore(target, actual, weight) };
}

export type QualitativeBandName = "achieved" | "partial" | "not-achieved";

export interface QualitativeBand {
  band: QualitativeBandName;
  /** zh-CN name of the band as 财预〔2020〕10号 words it */
  label: string;
  min: Decimal;
  max: Decimal;
  /** max is included only for "achieved" ([0.8w, w]); the others are [a, b) */
  maxInclusive: boolean;
}

/**
 * S8 qualitative bands, from what the 实际完成值 says: 达成 ⇒ [0.8w, w]; 部分达成 ⇒ [0.6w, 0.8w); 未达成 ⇒ [0, 0.6w).
 * null when the text does not say which (e.g. "基本达到", "好").
 */
export function qualitativeBand(actualText: string, weight: Decimal): QualitativeBand | null {
  const t = actualText.replace(/\s+/g, "");
  if (t === "") return null;
  if (/(未|没有|尚未|不)(能)?(达成|达到|完成|实现)/.test(t)) {
    return { band: "not-achieved", label: "未达成年度指标", min: ZERO, max: weight.times("0.6"), maxInclusive: false };
  }
  if (/部分(达成|达到|完成|实现)/.test(t)) {
    return { band: "partial", label: "部分达成年度指标", min: weight.times("0.6"), max: weight.times("0.8"), maxInclusive: false };
  }
  if (/基本/.test(t)) return null;
  if (/(达成|达到|完成|实现)/.test(t)) {
    return { band: "achieved", label: "达成年度指标", min: weight.times("0.8"), max: weight, maxInclusive: true };
  }
  return null;
}

/** Does a score lie in the band? */
export function inBand(score: Decimal, band: QualitativeBand): boolean {
  if (score.lt(band.min)) return false;
  return band.maxInclusive ? score.lte(band.max) : score.lt(band.max);
}

export type Grade = "优" | "良" | "中" | "差";

/** S10 grade of a total: 90(含)–100 优; 80(含)–90 良; 60(含)–80 中; < 60 差. */
export function gradeOf(total: Decimal): Grade {
  if (total.gte(90)) return "优";
  if (total.gte(80)) return "良";
  if (total.gte(60)) return "中";
  return "差";
}

/** The band of a grade, for messages: "90（含）以上". */
export function gradeBand(grade: Grade): string {
  switch (grade) {
    case "优":
      return "90（含）–100";
    case "良":
      return "80（含）–90";
    case "中":
      return "60（含）–80";
    default:
      return "60以下";
  }
}

/**
 * A printed grade, in any of its spellings (优/优秀, 良/良好, 中/中等/一般/合格, 差/较差/不合格),
 * possibly after a label ("自评等级：良"); null when it is none of these.
 */
export function normalizeGrade(text: string): Grade | null {
  let t = text.replace(/\s+/g, "").replace(/[“”"'‘’。.]/g, "");
  const colon = t.search(/[:：]/);
  if (colon >= 0) t = t.slice(colon + 1);
  t = t.replace(/^(自评|评价|绩效)?(等级|级别|结果)(为|是)?/, "").replace(/(等|级|等级)$/, "");
  if (/^(不合格|较差|差)$/.test(t)) return "差";
  if (/^(优秀|优)$/.test(t)) return "优";
  if (/^(良好|良)$/.test(t)) return "良";
  if (/^(中等|中|一般|合格)$/.test(t)) return "中";
  return null;
}
