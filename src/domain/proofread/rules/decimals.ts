/** NARR.DECIMALS: amounts and percentages with a number of decimals other than the rest of the text. */
import { roundHalfUp } from "../../decimal";
import { formatPercentNumber, percentValue } from "../../format";
import type { Claim } from "../claims";
import type { Paragraph } from "../document";
import { makeFinding } from "../finding";
import type { ProofreadFinding } from "../types";
import type { NarrRule, ProofreadContext } from "./rule";

function isComputedPercent(c: Claim): boolean {
  return c.unit === "%" && !c.bound && (c.measure === "share" || c.measure === "rate" || c.measure === "completion");
}

function checkDecimals(ctx: ProofreadContext): ProofreadFinding[] {
  const { doc } = ctx;
  const out: ProofreadFinding[] = [];
  // amounts: the decimals most amounts carry (2 in almost every 说明)
  const amounts = ctx.claims.filter((c) => c.unit === "万元" && !c.bound && !c.value.isZero());
  const counts = new Map<number, number>();
  for (const c of amounts) counts.set(c.decimals, (counts.get(c.decimals) ?? 0) + 1);
  const [dominant, dominantCount] = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0] ?? [2, 0];
  if (dominantCount >= 3 && dominant > 0) {
    for (const c of amounts) {
      if (c.decimals === dominant || ctx.wrong.has(c.id)) continue;
      const fixed = roundHalfUp(c.value, dominant).toFixed(dominant);
      out.push(
        makeFinding(doc, {
          rule: "NARR.DECIMALS",
          severity: "warning",
          span: { start: c.clause.start, end: c.clause.end },
          message: `金额“${c.printed}${c.unit}”的小数位数（${c.decimals}位）与全文其他金额（${dominant}位）不一致。`,
          expected: `${fixed}${c.unit}`,
          actual: `${c.printed}${c.unit}`,
          replacements: [{ start: c.start, end: c.end, text: fixed }],
        }),
      );
    }
  }
  // percentages: one paragraph, one number of decimals (or the configured one)
  const reported = new Set<number>();
  const byParagraph = new Map<Paragraph, Claim[]>();
  for (const c of ctx.claims.filter(isComputedPercent)) byParagraph.set(c.paragraph, [...(byParagraph.get(c.paragraph) ?? []), c]);
  for (const claims of byParagraph.values()) {
    const exact = (c: Claim): boolean => c.decimals === 0 && (c.value.isZero() || c.value.eq(100));
    const considered = claims.filter((c) => !exact(c));
    const target = ctx.percentDecimals ?? Math.max(-1, ...considered.map((c) => c.decimals));
    if (target < 0) continue;
    if (ctx.percentDecimals === undefined && new Set(considered.map((c) => c.decimals)).size < 2) continue;
    for (const c of considered) {
      if (c.decimals === target || ctx.wrong.has(c.id)) continue;
      const ratio = ctx.ratios.get(c.id);
      if (ratio && ratio.times(100).eq(c.value)) continue;
      reported.add(c.id);
      const fixed = ratio ? formatPercentNumber(ratio, target) : undefined;
      out.push(
        makeFinding(doc, {
          rule: "NARR.DECIMALS",
          severity: ratio || c.decimals > 0 ? "warning" : "info",
          span: { start: c.clause.start, end: c.clause.end },
          message:
            ctx.percentDecimals !== undefined
              ? `百分比“${c.printed}%”应保留${target}位小数。`
              : `同一段中百分比的小数位数不一致：“${c.printed}%”为${c.decimals}位，其他为${target}位。`,
          expected: fixed ? `${fixed}%` : null,
          actual: `${c.printed}%`,
          replacements: fixed ? [{ start: c.start, end: c.end, text: fixed }] : undefined,
        }),
      );
    }
  }
  if (ctx.percentDecimals === undefined) out.push(...acrossDocument(ctx, reported));
  return out;
}

/**
 * Percentages of one kind (增减率, 占比, 完成率) across the whole text: a list whose items are lines of their
 * own ("1、…下降63.5%" among items at two decimals), or two sections of one short text. Paragraphs may be
 * written by different hands, so this is style (info), against the decimals most of them carry (the more
 * precise on a tie). A whole percentage is left alone unless recomputed: 50% may well be exact.
 */
function acrossDocument(ctx: ProofreadContext, reported: Set<number>): ProofreadFinding[] {
  const { doc } = ctx;
  const out: ProofreadFinding[] = [];
  for (const measure of ["rate", "share", "completion"] as const) {
    const claims = ctx.claims.filter((c) => isComputedPercent(c) && c.measure === measure && !ctx.wrong.has(c.id));
    const considered = claims.filter((c) => {
      const ratio = ctx.ratios.get(c.id);
      if (ratio) return !ratio.times(100).eq(c.value);
      return c.decimals > 0;
    });
    const counts = new Map<number, number>();
    for (const c of claims) if (c.decimals > 0 || ctx.ratios.has(c.id)) counts.set(c.decimals, (counts.get(c.decimals) ?? 0) + 1);
    if (counts.size < 2) continue;
    const [target] = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0];
    const others = claims.filter((c) => c.decimals === target).map((c) => `${c.printed}%`);
    for (const c of considered) {
      if (c.decimals >= target || reported.has(c.id)) continue;
      const ratio = ctx.ratios.get(c.id);
      const fixed = ratio ? formatPercentNumber(ratio, target) : undefined;
      out.push(
        makeFinding(doc, {
          rule: "NARR.DECIMALS",
          severity: "info",
          span: { start: c.clause.start, end: c.clause.end },
          message:
            `全文${MEASURE_NAMES[measure]}多为${target}位小数（${others.slice(0, 3).join("、")}${others.length > 3 ? "等" : ""}），“${c.printed}%”只有${c.decimals}位` +
            (fixed ? `；按${percentValue(ratio!, 4).toString()}%应写${fixed}%。` : "；请用原始数据重算后补足位数。"),
          expected: fixed ? `${fixed}%` : null,
          actual: `${c.printed}%`,
          replacements: fixed ? [{ start: c.start, end: c.end, text: fixed }] : undefined,
        }),
      );
    }
  }
  return out;
}

const MEASURE_NAMES = { rate: "增减率", share: "占比", completion: "完成率" } as const;

export const DECIMALS: NarrRule = {
  meta: {
    id: "NARR.DECIMALS",
    statement: "金额的小数位数与全文多数金额一致；同一段中的百分比小数位数一致（或按设置的位数）；全文同类百分比（增减率、占比、完成率）的小数位数一致",
    severity: "warning",
    policy: "警告；整数百分比无法重算时、跨段比较时为提示",
    reads: [],
  },
  pass: "form",
  check: checkDecimals,
};
