/** NARR.CHANGE: a stated 增减额 and 增减率 against the figures they are computed from. */
import { Decimal } from "../../decimal";
import { formatAmount, WORDS } from "../../format";
import { inWan, isMoney, type Claim } from "../claims";
import { makeFinding } from "../finding";
import type { ProofreadFinding } from "../types";
import type { NarrRule, ProofreadContext } from "./rule";
import { approx, ratioRange, reportPercent } from "./rounding";
import { commonUnit, dependsOnWrong, inSentence, markSuspect, nearestBefore } from "./support";

export type Direction = "increase" | "decrease";

export function statedDirection(d: Claim["direction"]): Direction | undefined {
  return d === "increase" || d === "decrease" ? d : undefined;
}

/** The figures a stated change is computed from: this year's amount, the base it is compared with, the rate after it. */
export function changeOperands(ctx: ProofreadContext, change: Claim): { subject?: Claim; baseClaim?: Claim; rate?: Claim } {
  const claims = inSentence(ctx, change.sentence);
  const actual = (c: Claim): boolean => isMoney(c) && c.measure === "actual";
  // a change that names what it is about ("收入总计减少315.71万元") is computed from the figure of that name:
  // "…总计766.75万元，其中：…年初结转和结余156.33万元，与上年相比收入总计减少…" — when the sentence names
  // it under another name only, the base is ambiguous and nothing is recomputed
  const nearest = nearestBefore(claims, change, actual);
  const named =
    change.indicator && change.binding === "explicit" && nearest?.indicator && nearest.indicator !== change.indicator
      ? nearestBefore(claims, change, (c) => actual(c) && c.indicator === change.indicator)
      : nearest;
  if (nearest && !named) return { ...rateAndBase(change, claims), subject: undefined };
  // Shanghai puts the figure in the sentence before: "…总计123.78万元。与2022年度相比，…总计减少15.30万元"
  const subject =
    named ??
    (change.indicator
      ? nearestBefore(
          ctx.claims.filter((c) => c.paragraph === change.paragraph),
          change,
          (c) => isMoney(c) && c.measure === "actual" && c.indicator === change.indicator && c.binding === "explicit",
        )
      : undefined);
  return { ...rateAndBase(change, claims), subject };
}

/** The rate right after a stated change (before the next amount) and the base the sentence states, if any. */
function rateAndBase(change: Claim, claims: Claim[]): { baseClaim?: Claim; rate?: Claim } {
  const after = claims.filter((c) => c.start > change.start);
  const nextMoney = after.find((c) => isMoney(c));
  const rate = after.find((c) => c.measure === "rate" && (!nextMoney || c.start < nextMoney.start));
  const baseClaim = nearestBefore(claims, change, (c) => isMoney(c) && c.measure === (change.base === "budget" ? "budget" : "previous"));
  return { baseClaim, rate };
}

/** The stated changes: money amounts of measure "change" the text states itself. */
export function statedChanges(ctx: ProofreadContext): Claim[] {
  return ctx.claims.filter((c) => c.measure === "change" && !c.bound && isMoney(c));
}

function checkChanges(ctx: ProofreadContext): ProofreadFinding[] {
  const { doc } = ctx;
  const out: ProofreadFinding[] = [];
  for (const change of statedChanges(ctx)) {
    const { subject, baseClaim, rate } = changeOperands(ctx, change);
    const span = { start: change.clause.start, end: change.clause.end };
    let direction = statedDirection(change.direction) ?? statedDirection(rate?.direction);
    if (subject && baseClaim) {
      const expected = inWan(subject).minus(inWan(baseClaim));
      const d = change.decimals;
      if (!expected.abs().toDecimalPlaces(d, Decimal.ROUND_HALF_UP).eq(inWan(change).toDecimalPlaces(d, Decimal.ROUND_HALF_UP))) {
        ctx.wrong.add(change.id);
        const finding = makeFinding(doc, {
          rule: "NARR.CHANGE",
          severity: "error",
          span,
          message: `增减额应为 ${subject.printed} − ${baseClaim.printed} = ${formatAmount(expected)}万元，文中为${change.printed}${change.unit}。`,
          expected: formatAmount(expected.abs()),
          actual: change.printed,
          replacements: [{ start: change.start, end: change.end, text: formatAmount(expected.abs(), Math.max(d, 0)) }],
        });
        out.push(finding);
        // the rate after it is computed from this amount: listed under this finding, not checked again
        markSuspect(ctx, finding, [change]);
      }
      const actualDirection = expected.isZero() ? "flat" : expected.isPositive() ? "increase" : "decrease";
      direction = actualDirection === "flat" ? direction : actualDirection;
    }
    if (!rate) continue;
    const rateDirection = statedDirection(rate.direction);
    const changeDirection = statedDirection(change.direction);
    // verbs that contradict each other are NARR.DIRECTION's: the rate is not recomputed
    if (rateDirection && changeDirection && rateDirection !== changeDirection) continue;
    if (!subject || !direction || change.base === "budget") continue;
    if (dependsOnWrong(ctx, rate, subject, change, ...(baseClaim ? [baseClaim] : []))) continue;
    const { unit, value } = commonUnit([subject, change, ...(baseClaim ? [baseClaim] : [])]);
    const base = baseClaim ? value(baseClaim) : direction === "increase" ? value(subject).minus(value(change)) : value(subject).plus(value(change));
    const baseText = baseClaim ? baseClaim.printed : `${subject.printed} ${direction === "increase" ? "−" : "+"} ${change.printed} = ${base.toString()}${unit}`;
    if (base.lte(0)) {
      out.push(
        makeFinding(doc, {
          rule: "NARR.CHANGE",
          severity: base.isZero() ? "error" : "warning",
          span: { start: rate.clause.start, end: rate.clause.end },
          message: `上年数 = ${baseText}，为${base.isZero() ? "0" : "负数"}，不能计算增减率（应写“${WORDS.zeroBase}”）。`,
          expected: null,
          actual: `${rate.printed}%`,
        }),
      );
      continue;
    }
    const baseApprox = baseClaim ? approx(baseClaim) : { value: inWan(subject).minus(inWan(change)).abs(), error: approx(subject).error.plus(approx(change).error) };
    if (!baseClaim && direction === "decrease") baseApprox.value = inWan(subject).plus(inWan(change));
    reportPercent(
      ctx,
      out,
      rate,
      value(change).div(base),
      "NARR.CHANGE",
      "增减率 = 增减额 ÷ 上年数",
      `${change.printed} ÷ ${baseClaim ? baseClaim.printed : `(${baseText})`}`,
      true,
      undefined,
      ratioRange(approx(change), baseApprox),
    );
  }
  return out;
}

export const CHANGE: NarrRule = {
  meta: {
    id: "NARR.CHANGE",
    statement: "增减额 = 本年数 − 上年数（或预算数）；增减率 = 增减额 ÷ 上年数，上年数为0时不计算增减率",
    severity: "error",
    policy: "增减额不符、上年数为0仍写增减率：错误；增减率按舍入后的文中数字也不可能得出：错误，可能得出：提示；上年数为负：警告",
    reads: [],
  },
  pass: "text",
  check: checkChanges,
};
