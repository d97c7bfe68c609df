/** NARR.RESIDUE: the template's words left in the text ("增加（减少）", "XX万元", "主要原因是……"). */
import { TEMPLATE_RESIDUE, WORDS } from "../../format";
import { isMoney, type Claim } from "../claims";
import { makeFinding } from "../finding";
import type { ProofreadFinding } from "../types";
import type { NarrRule, ProofreadContext } from "./rule";
import { clauseSpan } from "./support";

function decideDirection(ctx: ProofreadContext, residueEnd: number, choices: readonly [string, string]): { word: string; zero: boolean; claim?: Claim } | undefined {
  const claim = ctx.claims.find((c) => c.start >= residueEnd && c.start <= residueEnd + 1 && (c.measure === "change" || c.measure === "rate"));
  const sentenceClaims = claim ? ctx.claims.filter((c) => c.sentence === claim.sentence) : [];
  if (claim && claim.measure === "change" && claim.value.isZero()) return { word: WORDS.flat, zero: true, claim };
  const isAmountChoice = choices[0] === "增加";
  // the other verb of the sentence, when unambiguous, decides
  for (const other of sentenceClaims) {
    if (other === claim || !other.direction || other.direction === "ambiguous") continue;
    if (other.measure !== "change" && other.measure !== "rate") continue;
    const word = isAmountChoice ? WORDS.amount[other.direction] : choices[0] === "大于" ? WORDS.compare[other.direction] : WORDS.rate[other.direction];
    return { word, zero: false, claim };
  }
  // or the figures themselves: subject and base of the change
  if (claim && claim.measure === "change") {
    const before = sentenceClaims.filter((c) => c.start < claim.start && isMoney(c));
    const subject = before.find((c) => c.measure === "actual");
    const base = [...before].reverse().find((c) => c.measure === (claim.base === "budget" ? "budget" : "previous"));
    if (subject && base) {
      const cmp = subject.value.comparedTo(base.value);
      if (cmp === 0) return { word: WORDS.flat, zero: true, claim };
      const direction = cmp > 0 ? "increase" : "decrease";
      return { word: isAmountChoice ? WORDS.amount[direction] : WORDS.rate[direction], zero: false, claim };
    }
  }
  return undefined;
}

function checkResidue(ctx: ProofreadContext): ProofreadFinding[] {
  const { doc } = ctx;
  const out: ProofreadFinding[] = [];
  for (const residue of TEMPLATE_RESIDUE) {
    const re = new RegExp(residue.pattern.source, residue.pattern.flags.includes("g") ? residue.pattern.flags : residue.pattern.flags + "g");
    for (const m of doc.masked.matchAll(re)) {
      const start = m.index!;
      const end = start + m[0].length;
      const span = clauseSpan(doc, start);
      const decided = residue.choices ? decideDirection(ctx, end, residue.choices) : undefined;
      let replacements: { start: number; end: number; text: string }[] | undefined;
      if (decided && !decided.zero) replacements = [{ start, end, text: decided.word }];
      else if (decided && decided.zero && decided.claim) {
        const compareAt = doc.text.lastIndexOf("比", start);
        replacements = [{ start, end: decided.claim.unitEnd, text: WORDS.flat }];
        if (compareAt >= span.start) replacements.push({ start: compareAt, end: compareAt + 1, text: "与" });
      }
      const choiceText = residue.choices ? `，应按实际选用“${residue.choices[0]}”或“${residue.choices[1]}”` : "";
      out.push(
        makeFinding(doc, {
          rule: "NARR.RESIDUE",
          severity: residue.severity,
          span,
          message: `模板残留“${m[0]}”（${residue.label}）${choiceText}${decided ? `；按文中数字应为“${decided.word}”` : ""}。`,
          expected: decided?.word ?? null,
          actual: m[0],
          replacements,
        }),
      );
    }
  }
  return out;
}

export const RESIDUE: NarrRule = {
  meta: {
    id: "NARR.RESIDUE",
    statement: "说明中不得留有模板的占位和待选文字（如“增加（减少）”“XX”“……”）；待选的增减词按文中数字给出应选的一个",
    severity: "error",
    policy: "未选定的待选词、XX、****、待补充：错误；省略号（可能是未填写的内容）：警告",
    reads: [],
  },
  pass: "form",
  check: checkResidue,
};
