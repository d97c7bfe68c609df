/** NARR.CAPTION: a figure caption that says 预算 in a 决算 text. */
import { makeFinding } from "../finding";
import type { ProofreadFinding } from "../types";
import type { NarrRule, ProofreadContext } from "./rule";

function checkCaptions(ctx: ProofreadContext): ProofreadFinding[] {
  const { doc } = ctx;
  if (!/决算/.test(doc.text)) return [];
  return doc.paragraphs
    .filter((p) => /^图\s*\d+\s*[：:]/.test(p.text) && /预算/.test(p.text) && !/决算/.test(p.text))
    .map((p) =>
      makeFinding(doc, {
        rule: "NARR.CAPTION",
        severity: "warning",
        span: { start: p.start, end: p.end },
        message: `图题“${p.text}”写的是“预算”，所在部分说明的是决算，请核对。`,
        expected: p.text.replace(/预算/g, "决算"),
        actual: p.text,
        suggestion: p.text.replace(/预算/g, "决算"),
      }),
    );
}

export const CAPTION: NarrRule = {
  meta: { id: "NARR.CAPTION", statement: "决算说明中的图题说的是决算，不是预算", severity: "warning", policy: "警告", reads: [] },
  pass: "form",
  check: checkCaptions,
};
