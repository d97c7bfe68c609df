/** NARR.ZERO-ITEM: items of 0 listed anyway ("不涉及的不列"). */
import { isMoney } from "../claims";
import type { Paragraph } from "../document";
import { makeFinding } from "../finding";
import type { ProofreadFinding } from "../types";
import type { NarrRule, ProofreadContext } from "./rule";

/** "不涉及的不列": zero items listed anyway, once per paragraph. */
function checkZeroItems(ctx: ProofreadContext): ProofreadFinding[] {
  const { doc } = ctx;
  const out: ProofreadFinding[] = [];
  const seen = new Set<Paragraph>();
  for (const c of ctx.claims) {
    if (!isMoney(c) || !c.value.isZero() || c.measure !== "actual" || c.binding !== "explicit" || seen.has(c.paragraph)) continue;
    const before = doc.masked.slice(c.sentence.start, c.start);
    if (!/其中|主要用于/.test(before)) continue;
    const zeros = ctx.claims.filter((o) => o.paragraph === c.paragraph && isMoney(o) && o.value.isZero() && o.measure === "actual" && o.binding === "explicit");
    if (zeros.length < 1) continue;
    seen.add(c.paragraph);
    out.push(
      makeFinding(doc, {
        rule: "NARR.ZERO-ITEM",
        severity: "info",
        span: { start: c.clause.start, end: c.clause.end },
        message: `本段列出了${zeros.length}个金额为0的项目（${zeros.map((z) => z.indicatorName ?? "").filter(Boolean).join("、")}）；不涉及的项目可不列。`,
        expected: null,
        actual: `${c.printed}${c.unit}`,
      }),
    );
  }
  return out;
}

export const ZERO_ITEM: NarrRule = {
  meta: { id: "NARR.ZERO-ITEM", statement: "不涉及（金额为0）的项目可不列出", severity: "info", policy: "提示（每段一次）", reads: [] },
  pass: "form",
  check: checkZeroItems,
};
