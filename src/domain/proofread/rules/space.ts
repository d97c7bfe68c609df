/** NARR.SPACE: "0 %". */
import { makeFinding } from "../finding";
import type { ProofreadFinding } from "../types";
import type { NarrRule, ProofreadContext } from "./rule";
import { clauseSpan } from "./support";

/** "0 %": a space between a number and its percent sign. */
function checkSpaces(ctx: ProofreadContext): ProofreadFinding[] {
  const { doc } = ctx;
  return [...doc.masked.matchAll(/(\d)([ \u00a0\u3000]+)(?=[%％])/g)].map((m) => {
    const start = m.index! + 1;
    return makeFinding(doc, {
      rule: "NARR.SPACE",
      severity: "info",
      span: clauseSpan(doc, m.index!),
      message: "数字与“%”之间不应有空格。",
      expected: "",
      actual: m[2],
      replacements: [{ start, end: start + m[2].length, text: "" }],
    });
  });
}

export const SPACE: NarrRule = {
  meta: { id: "NARR.SPACE", statement: "数字与“%”之间不留空格", severity: "info", policy: "提示", reads: [] },
  pass: "form",
  check: checkSpaces,
};
