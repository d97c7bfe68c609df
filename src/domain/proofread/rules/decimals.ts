/** NARR.DECIMALS: amounts and percentages with a number of decimals other than the rest of the text. */
import { Decimal } from "../../decimal";
import { formatPercentNumber } from "../../format";
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
      const fixed = c.value.toDecimalPlaces(dominant, Decimal.ROUND_HALF_UP).toFixed(dominant);
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
  return out;
}

export const DECIMALS: NarrRule = {
  meta: {
    id: "NARR.DECIMALS",
    statement: "金额的小数位数与全文多数金额一致；同一段中的百分比小数位数一致（或按设置的位数）",
    severity: "warning",
    policy: "警告；整数百分比无法重算时为提示",
    reads: [],
  },
  pass: "form",
  check: checkDecimals,
};
