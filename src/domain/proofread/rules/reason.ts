/** NARR.REASON: an increase or decrease stated without its reason. */
import { makeFinding } from "../finding";
import type { ProofreadFinding } from "../types";
import type { NarrRule, ProofreadContext } from "./rule";

/** Every 增加/减少 needs its 主要原因. */
function checkReasons(ctx: ProofreadContext): ProofreadFinding[] {
  const { doc } = ctx;
  const out: ProofreadFinding[] = [];
  for (const p of doc.paragraphs) {
    const change = ctx.claims.find((c) => c.paragraph === p && c.measure === "change" && c.direction !== "ambiguous" && !c.value.isZero());
    if (!change) continue;
    const next = doc.paragraphs[p.index + 1];
    const scope = doc.text.slice(p.start, next && !next.heading ? next.end : p.end);
    if (/原因|由于|因为|主要是/.test(scope)) continue;
    out.push(
      makeFinding(doc, {
        rule: "NARR.REASON",
        severity: "info",
        span: { start: change.clause.start, end: change.clause.end },
        message: "说明了增减变化，但没有说明主要原因。",
        expected: null,
        actual: null,
      }),
    );
  }
  return out;
}

export const REASON: NarrRule = {
  meta: { id: "NARR.REASON", statement: "说明增减变化的同时说明其主要原因", severity: "info", policy: "提示", reads: [] },
  pass: "form",
  check: checkReasons,
};
