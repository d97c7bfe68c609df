/**
 * NARR.SUM: the parts a "其中：…" list names against the total before it — amounts here, scores under
 * NARR.SCORE (the same reading of the list).
 */
import { Decimal } from "../../decimal";
import { isMoney, type Claim } from "../claims";
import { makeFinding } from "../finding";
import type { ProofreadFinding } from "../types";
import { completeDecomposition, COMPOSITIONS } from "../vocabulary";
import type { NarrRule, ProofreadContext } from "./rule";
import { commonUnit, fmt, label, listOf, markSuspect } from "./support";

/** The 其中 lists whose total is an amount (`money`) or a score, and their parts. */
export function checkListSums(ctx: ProofreadContext, money: boolean): ProofreadFinding[] {
  const out: ProofreadFinding[] = [];
  const { doc } = ctx;
  for (const sentence of doc.paragraphs.flatMap((p) => p.sentences)) {
    const list = listOf(ctx, sentence);
    if (!list || list.parts.length === 0) continue;
    const { total, parts } = list;
    if (parts.some((p) => /[均各]/.test(p.segment) || (p.binding === "explicit" && p.indicator === total.indicator))) continue;
    if (isMoney(total) !== money) continue;
    // a run of zeros ("上级补助收入0万元…") is the template's list of absent items, not a decomposition
    if (parts.every((p) => p.value.isZero()) && !total.value.isZero()) continue;
    const { unit, value } = money ? commonUnit([total, ...parts]) : { unit: "分", value: (c: Claim) => c.value };
    const sum = parts.reduce((acc, p) => acc.plus(value(p)), new Decimal(0));
    const diff = sum.minus(value(total));
    if (diff.isZero()) continue;
    const decimals = Math.max(total.decimals, ...parts.map((p) => p.decimals));
    const tolerance = new Decimal(0.5).times(new Decimal(10).pow(-decimals)).times(parts.length + 1);
    const rule = money ? "NARR.SUM" : "NARR.SCORE";
    const complete = money && completeDecomposition(total.indicator, parts.map((p) => p.indicator)) !== undefined;
    const expression = `${parts.map((p) => `${label(p)}${p.printed}`).join(" + ")} = ${fmt(sum, decimals)}${unit}`;
    const totalText = `${label(total)}${total.printed}${unit}`;
    const span = { start: total.clause.start, end: total.clause.end };
    if (diff.abs().lte(tolerance)) {
      const crossed = crossFoot(ctx, total, parts);
      if (crossed) {
        const { grand, siblings, withParts, withStated } = crossed;
        const named = (c: Claim): string => `${label(c)}${c.printed}`;
        const finding = makeFinding(doc, {
          rule,
          severity: "warning",
          span,
          message:
            `其中各项之和 ${expression}，与总数 ${totalText} 相差 ${fmt(diff.abs(), decimals)}；` +
            `按 ${fmt(sum, decimals)} 计，${[...siblings.map(named), `${label(total)}${fmt(sum, decimals)}`].join(" + ")} = ${fmt(withParts, decimals)}${unit}，与${named(grand)}${unit}相符，` +
            `按 ${total.printed} 计则为 ${fmt(withStated, decimals)}${unit}：${total.printed}${unit}应为${fmt(sum, decimals)}${unit}，请核对。`,
          expected: fmt(sum, decimals),
          actual: total.printed,
          replacements: [{ start: total.start, end: total.end, text: fmt(sum, decimals) }],
        });
        out.push(finding);
        markSuspect(ctx, finding, [total]);
        continue;
      }
      out.push(
        makeFinding(doc, {
          rule,
          severity: "info",
          span,
          message: `其中各项之和 ${expression}，与总数 ${totalText} 相差 ${fmt(diff.abs(), decimals)}，属舍位差异。`,
          expected: fmt(sum, decimals),
          actual: total.printed,
        }),
      );
      continue;
    }
    let severity: "error" | "warning" | undefined;
    let message: string;
    if (diff.isPositive()) {
      severity = "error";
      message = `其中各项之和 ${expression}，大于总数 ${totalText}：部分之和不能超过总数。`;
    } else if (complete) {
      severity = "error";
      message = `其中列出了${label(total) || "总数"}的全部组成部分，${expression}，与总数 ${totalText} 不等（相差 ${fmt(diff.abs(), decimals)}${unit}）。`;
    } else if (parts.length >= 2) {
      severity = "warning";
      message = `其中各项之和 ${expression}，小于总数 ${totalText}；请核对是否漏列或数字有误。`;
    } else continue;
    const finding = makeFinding(doc, { rule, severity, span, message, expected: fmt(sum, decimals), actual: total.printed });
    out.push(finding);
    // which figure is wrong is not known: none of them is used to recompute anything else
    if (severity === "error") markSuspect(ctx, finding, [total, ...parts]);
  }
  return out;
}

/**
 * A total off its parts by no more than rounding, cross-footed: the paragraph also gives the total it is a part
 * of ("“三公”经费2364万元…因公出国12万元，公务接待费1356万元，公车购置及运行费995万元（其中购置费38万元，运行费958万元）")
 * with every other part of that decomposition. When the sum of its own parts makes that one add up exactly and
 * the stated figure does not, the stated figure is the slip.
 */
function crossFoot(ctx: ProofreadContext, total: Claim, parts: Claim[]): { grand: Claim; siblings: Claim[]; withParts: Decimal; withStated: Decimal } | undefined {
  if (!total.indicator) return undefined;
  const claims = ctx.claims.filter((c) => c.paragraph === total.paragraph).filter((c) => isMoney(c) && c.measure === "actual" && !c.bound && c.binding === "explicit" && !parts.includes(c));
  for (const grand of claims.filter((c) => c.start < total.start)) {
    for (const decomposition of COMPOSITIONS[grand.indicator ?? ""] ?? []) {
      if (!decomposition.includes(total.indicator)) continue;
      const siblings = decomposition.filter((k) => k !== total.indicator).map((k) => claims.find((c) => c.start > grand.start && c.indicator === k));
      if (!siblings.every((c): c is Claim => !!c)) continue;
      const all = [grand, total, ...siblings, ...parts];
      if (all.some((c) => ctx.suspect.has(c.id) || ctx.wrong.has(c.id))) return undefined;
      const { value } = commonUnit(all);
      const partsSum = parts.reduce((a, p) => a.plus(value(p)), new Decimal(0));
      const rest = siblings.reduce((a, c) => a.plus(value(c)), new Decimal(0));
      const withParts = rest.plus(partsSum);
      const withStated = rest.plus(value(total));
      if (withParts.eq(value(grand)) && !withStated.eq(value(grand))) return { grand, siblings, withParts, withStated };
    }
  }
  return undefined;
}

export const SUM: NarrRule = {
  meta: {
    id: "NARR.SUM",
    statement: "“其中”所列各项金额之和不超过总数；列出全部组成部分时等于总数；相差在舍位范围内时与同段的上一级总数交叉核对",
    severity: "error",
    policy:
      "各项之和大于总数、列全组成部分而不等：错误；列出两项以上而和小于总数：警告；差额在舍位范围内：提示，但按各项之和计同段的上一级总数恰好相符、按所写总数计不符时：警告",
    reads: [],
  },
  pass: "text",
  check: (ctx) => checkListSums(ctx, true),
};
