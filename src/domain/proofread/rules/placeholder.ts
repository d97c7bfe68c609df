/** NARR.PLACEHOLDER: a blank the writer left to fill ("□□万元", "（  ）"). */
import { makeFinding } from "../finding";
import type { ProofreadFinding } from "../types";
import type { NarrRule, ProofreadContext } from "./rule";

function checkPlaceholders(ctx: ProofreadContext): ProofreadFinding[] {
  return ctx.doc.placeholders.map((p) =>
    makeFinding(ctx.doc, {
      rule: "NARR.PLACEHOLDER",
      severity: "warning",
      span: p,
      message: `尚未填写：${p.text}`,
      expected: null,
      actual: p.text,
    }),
  );
}

export const PLACEHOLDER: NarrRule = {
  meta: { id: "NARR.PLACEHOLDER", statement: "说明中不得留有未填写的空位", severity: "warning", policy: "警告", reads: [] },
  pass: "form",
  check: checkPlaceholders,
};
