/**
 * NARR.ROUNDING, and the verdict on every percentage the text states and the proofreader recomputes
 * (占比, 增减率, 完成率): right, rounded down instead of to nearest (this rule), or wrong (the
 * recomputing rule's own finding). Printed amounts are themselves rounded, so a percentage some values
 * behind them give is not certainly wrong.
 */
import { Decimal, HUNDRED, roundHalfUp } from "../../decimal";
import { formatPercentNumber, percentValue, truncatedPercentValue } from "../../format";
import { inWan, type Claim } from "../claims";
import { makeFinding } from "../finding";
import type { ProofreadFinding } from "../types";
import type { NarrRule, ProofreadContext } from "./rule";

type Verdict = "ok" | "truncated" | "wrong";

function judge(printed: Decimal, decimals: number, ratio: Decimal): Verdict {
  if (percentValue(ratio, decimals).eq(printed)) return "ok";
  if (truncatedPercentValue(ratio, decimals).eq(printed)) return "truncated";
  return "wrong";
}

/** An amount as printed stands for a value within half a unit of its last place (2 places at least: "4.7" is 4.70). */
interface Approx {
  value: Decimal;
  /** half-width of the interval, in 万元 like value */
  error: Decimal;
}

export function approx(c: Claim): Approx {
  const half = new Decimal(0.5).times(new Decimal(10).pow(-Math.max(c.decimals, 2)));
  return { value: inWan(c), error: c.unit === "元" ? half.div(10000) : c.unit === "亿元" ? half.times(10000) : half };
}

export function plus(...xs: Approx[]): Approx {
  return xs.reduce((a, x) => ({ value: a.value.plus(x.value), error: a.error.plus(x.error) }), { value: new Decimal(0), error: new Decimal(0) });
}

/** Every ratio the printed numerator and denominator allow. */
export function ratioRange(num: Approx, den: Approx): [Decimal, Decimal] | undefined {
  const low = den.value.minus(den.error);
  if (low.lte(0) || num.value.isNegative()) return undefined;
  return [Decimal.max(num.value.minus(num.error), 0).div(den.value.plus(den.error)), num.value.plus(num.error).div(low)];
}

function attainable(printed: Decimal, decimals: number, range: [Decimal, Decimal]): boolean {
  const half = new Decimal(0.5).times(new Decimal(10).pow(-decimals));
  return printed.plus(half).gte(range[0].times(HUNDRED)) && printed.minus(half).lte(range[1].times(HUNDRED));
}

/** Judges a stated percentage against its recomputed ratio and reports it under `rule` (or NARR.ROUNDING). */
export function reportPercent(
  ctx: ProofreadContext,
  out: ProofreadFinding[],
  claim: Claim,
  ratio: Decimal,
  rule: NarrRule["meta"]["id"],
  what: string,
  formula: string,
  confident: boolean,
  alternative?: Decimal,
  range?: [Decimal, Decimal],
): void {
  ctx.ratios.set(claim.id, ratio);
  const verdict = judge(claim.value, claim.decimals, ratio);
  if (verdict === "ok") return;
  if (alternative && percentValue(alternative, claim.decimals).eq(claim.value)) return;
  const expected = formatPercentNumber(ratio, claim.decimals);
  const exact = roundHalfUp(ratio.times(HUNDRED), 4).toString();
  const truncated = verdict === "truncated";
  // the printed amounts are rounded: a percentage some values behind them give is not certainly wrong
  const possible = alternative === undefined && range !== undefined && attainable(claim.value, claim.decimals, range);
  if (possible && !truncated) {
    const bounds = `${range![0].times(HUNDRED).toDecimalPlaces(2, Decimal.ROUND_FLOOR).toString()}%–${range![1].times(HUNDRED).toDecimalPlaces(2, Decimal.ROUND_CEIL).toString()}%`;
    out.push(
      makeFinding(ctx.doc, {
        rule,
        severity: "info",
        span: { start: claim.clause.start, end: claim.clause.end },
        message: `${what}：按文中数字 ${formula} = ${exact}%（约${expected}%）；文中数字已舍入，可能的范围为${bounds}，文中${claim.printed}%在此范围内，可按明细数核对。`,
        expected: `${expected}%`,
        actual: `${claim.printed}%`,
      }),
    );
    return;
  }
  ctx.wrong.add(claim.id);
  const severity = confident && !possible ? "error" : "warning";
  out.push(
    makeFinding(ctx.doc, {
      rule: truncated ? "NARR.ROUNDING" : rule,
      severity,
      span: { start: claim.clause.start, end: claim.clause.end },
      message: truncated
        ? `${what}：${formula} = ${exact}%，四舍五入应为${expected}%；“${claim.printed}%”像是截断（舍去）的结果${possible ? "（文中数字已舍入，请按明细数核对）" : ""}。`
        : `${what}：${formula} = ${exact}%，应为${expected}%，文中为${claim.printed}%${severity === "error" ? "" : "，请核对"}。`,
      expected: `${expected}%`,
      actual: `${claim.printed}%`,
      replacements: [{ start: claim.start, end: claim.end, text: expected }],
    }),
  );
}

export const ROUNDING: NarrRule = {
  meta: {
    id: "NARR.ROUNDING",
    statement: "百分比按四舍五入保留小数，不截断（占比、增减率、完成率按文中数字重算后判断）",
    severity: "error",
    policy: "重算结果确定时：错误；分母不确定、按“各”的顺序对应重算或文中数字舍入后也可能得出时：警告",
    reads: [],
  },
  pass: "text",
};
