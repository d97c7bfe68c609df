/** NARR.ZERO-CHANGE: "增加0万元" / "增长0%" where the text should say 持平. */
import { WORDS } from "../../format";
import { makeFinding } from "../finding";
import type { ProofreadFinding } from "../types";
import type { NarrRule, ProofreadContext } from "./rule";

function checkZeroChanges(ctx: ProofreadContext): ProofreadFinding[] {
  const { doc } = ctx;
  const out: ProofreadFinding[] = [];
  for (const c of ctx.claims) {
    if (c.measure !== "change" && c.measure !== "rate") continue;
    if (c.direction === "ambiguous" || !c.verb) continue;
    const verbStart = c.start - c.segment.length + c.segment.lastIndexOf(c.verb);
    // a negative figure after the verb (−0 too) is NARR.DIRECTION's
    if (c.value.isNegative() || !c.value.isZero()) continue;
    if (c.measure === "rate" && ctx.claims.some((o) => o.sentence === c.sentence && o.measure === "change" && o.value.isZero())) continue;
    const compareAt = doc.text.lastIndexOf("比", verbStart);
    const replacements =
      c.measure === "change" && compareAt >= c.clause.start
        ? [
            { start: compareAt, end: compareAt + 1, text: "与" },
            { start: verbStart, end: c.unitEnd, text: WORDS.flat },
          ]
        : undefined;
    out.push(
      makeFinding(doc, {
        rule: "NARR.ZERO-CHANGE",
        severity: "warning",
        span: { start: c.clause.start, end: c.clause.end },
        message: `“${c.verb}${c.printed}${c.unit}”：没有变化时应写“${WORDS.flat}”，不写“${c.verb}0”。`,
        expected: WORDS.flat,
        actual: `${c.verb}${c.printed}${c.unit}`,
        replacements,
      }),
    );
  }
  return out;
}

export const ZERO_CHANGE: NarrRule = {
  meta: {
    id: "NARR.ZERO-CHANGE",
    statement: "没有变化时写“持平”，不写“增加0万元”“增长0%”",
    severity: "warning",
    policy: "警告",
    reads: [],
  },
  pass: "form",
  check: checkZeroChanges,
};
