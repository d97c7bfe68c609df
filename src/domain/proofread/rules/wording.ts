/** NARR.WORDING: 截止 for 截至, and a rate's verb other than 增长/下降. */
import { RATE_VERBS } from "../../format";
import { makeFinding } from "../finding";
import type { ProofreadFinding } from "../types";
import type { NarrRule, ProofreadContext } from "./rule";
import { clauseSpan } from "./support";

function checkWording(ctx: ProofreadContext): ProofreadFinding[] {
  const { doc } = ctx;
  const out: ProofreadFinding[] = [];
  for (const m of doc.masked.matchAll(/截止(?:到|至)?(?=\s*(?:\d{4}\s*年|目前|本年|年底|年末))/g)) {
    const start = m.index!;
    out.push(
      makeFinding(doc, {
        rule: "NARR.WORDING",
        severity: "warning",
        span: clauseSpan(doc, start),
        message: "表示“到某一时点为止”应写“截至”，“截止”只表示停止。",
        expected: "截至",
        actual: m[0],
        replacements: [{ start, end: start + m[0].length, text: "截至" }],
      }),
    );
  }
  for (const c of ctx.claims) {
    if (c.measure !== "rate" || !c.verb || c.direction === "ambiguous") continue;
    const standard = RATE_VERBS[c.verb]?.standard;
    if (!standard || standard === c.verb) continue;
    const verbStart = c.start - c.segment.length + c.segment.lastIndexOf(c.verb);
    out.push(
      makeFinding(doc, {
        rule: "NARR.WORDING",
        severity: "info",
        span: { start: c.clause.start, end: c.clause.end },
        message: `增减率的规范用语为“增长/下降”，此处为“${c.verb}”。`,
        expected: standard,
        actual: c.verb,
        replacements: verbStart >= c.clause.start ? [{ start: verbStart, end: verbStart + c.verb.length, text: standard }] : undefined,
      }),
    );
  }
  return out;
}

export const WORDING: NarrRule = {
  meta: {
    id: "NARR.WORDING",
    statement: "表示到某一时点为止应写“截至”；增减率的规范用语为“增长/下降”",
    severity: "warning",
    policy: "“截止”误用：警告；增减率用词不规范：提示",
    reads: [],
  },
  pass: "form",
  check: checkWording,
};
