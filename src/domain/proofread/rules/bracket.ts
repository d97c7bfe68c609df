/** NARR.BRACKET: a bracket, quotation mark or book-title mark not closed (or not opened) in its paragraph. */
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
  out.push(...checkPairedMarks(ctx));
  return out;
}

/**
 * Chinese quotation marks and book-title marks are directional, so a closing mark without its opening one
 * (“官仓镇2015年三公”经费”) is certain. A quotation spanning paragraphs (each paragraph opens, only the last
 * closes) is not written in a 说明, so the paragraph is the unit here as for brackets.
 */
const PAIRED_MARKS: readonly { open: string; close: string; name: string }[] = [
  { open: "“", close: "”", name: "引号" },
  { open: "《", close: "》", name: "书名号" },
];

function checkPairedMarks(ctx: ProofreadContext): ProofreadFinding[] {
  const { doc } = ctx;
  const text = doc.masked;
  const out: ProofreadFinding[] = [];
  for (const p of doc.paragraphs) {
    for (const mark of PAIRED_MARKS) {
      const open: number[] = [];
      for (let i = p.start; i < p.end; i++) {
        if (text[i] === mark.open) open.push(i);
        else if (text[i] === mark.close && open.pop() === undefined)
          out.push(
            makeFinding(doc, {
              rule: "NARR.BRACKET",
              severity: "warning",
              span: clauseSpan(doc, i),
              message: `${mark.name}不成对：有后${mark.name}“${mark.close}”，前面没有对应的前${mark.name}“${mark.open}”。`,
              expected: null,
              actual: mark.close,
            }),
          );
      }
      for (const at of open)
        out.push(
          makeFinding(doc, {
            rule: "NARR.BRACKET",
            severity: "warning",
            span: clauseSpan(doc, at),
            message: `${mark.name}不成对：前${mark.name}“${mark.open}”在本段内没有对应的后${mark.name}“${mark.close}”。`,
            expected: null,
            actual: mark.open,
          }),
        );
    }
  }
  return out;
}

export const BRACKET: NarrRule = {
  meta: { id: "NARR.BRACKET", statement: "括号、引号、书名号在本段内成对出现", severity: "warning", policy: "警告", reads: [] },
  pass: "form",
  check: checkBrackets,
};
