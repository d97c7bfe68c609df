/** NARR.BRACKET: a bracket not closed (or not opened) in its paragraph. */
import { makeFinding } from "../finding";
import type { ProofreadFinding } from "../types";
import type { NarrRule, ProofreadContext } from "./rule";
import { clauseSpan } from "./support";

/** A bracket opened and not closed in its paragraph (or closed without being opened). */
function checkBrackets(ctx: ProofreadContext): ProofreadFinding[] {
  const { doc } = ctx;
  const out: ProofreadFinding[] = [];
  for (const p of doc.paragraphs) {
    const open: number[] = [];
    const text = doc.masked;
    for (let i = p.start; i < p.end; i++) {
      const ch = text[i];
      if (ch === "（" || ch === "(") open.push(i);
      else if (ch === "）" || ch === ")") {
        if (open.length > 0) open.pop();
        // "1）…" numbering needs no opening bracket
        else if (!/^[\s\dA-Za-z一二三四五六七八九十]*$/.test(text.slice(p.start, i)))
          out.push(
            makeFinding(doc, { rule: "NARR.BRACKET", severity: "warning", span: clauseSpan(doc, i), message: `右括号“${ch}”没有对应的左括号。`, expected: null, actual: ch }),
          );
      }
    }
    for (const at of open) {
      out.push(
        makeFinding(doc, {
          rule: "NARR.BRACKET",
          severity: "warning",
          span: { start: at, end: Math.min(p.end, clauseSpan(doc, at + 1).end) },
          message: `左括号“${text[at]}”在本段内没有闭合。`,
          expected: text[at] === "（" ? "）" : ")",
          actual: text[at],
        }),
      );
    }
  }
  return out;
}

export const BRACKET: NarrRule = {
  meta: { id: "NARR.BRACKET", statement: "括号在本段内成对出现", severity: "warning", policy: "警告", reads: [] },
  pass: "form",
  check: checkBrackets,
};
