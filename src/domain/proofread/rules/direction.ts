/**
 * NARR.DIRECTION: a direction word the figures contradict — 增加 where the amount fell, a rate's verb
 * against its amount's, 大于/持平 said of figures that are not, a negative number after 增加/减少.
 */
import { roundHalfUp } from "../../decimal";
import { AMOUNT_DECIMALS, formatAmount, WORDS } from "../../format";
import { inWan, isMoney } from "../claims";
import { makeFinding } from "../finding";
import type { ProofreadFinding } from "../types";
import { changeOperands, statedChanges, statedDirection } from "./change";
import type { NarrRule, ProofreadContext } from "./rule";
import { label } from "./support";

/** "增加-5.00万元": the verb says the direction, the sign must not say the other. */
function checkNegativeAfterVerb(ctx: ProofreadContext): ProofreadFinding[] {
  const out: ProofreadFinding[] = [];
  for (const c of ctx.claims) {
    if (c.measure !== "change" && c.measure !== "rate") continue;
    if (c.direction === "ambiguous" || !c.verb || !c.value.isNegative()) continue;
    out.push(
      makeFinding(ctx.doc, {
        rule: "NARR.DIRECTION",
        severity: "error",
        span: { start: c.clause.start, end: c.clause.end },
        message: `“${c.verb}”后不应是负数（${c.printed}）：方向词与数值符号矛盾。`,
        expected: null,
        actual: `${c.verb}${c.printed}`,
      }),
    );
  }
  return out;
}

/** "收入总计X万元，支出总计Y万元，收支持平": 持平/相等/等于 said of two figures the sentence states. */
function checkEquality(ctx: ProofreadContext): ProofreadFinding[] {
  const out: ProofreadFinding[] = [];
  for (const sentence of ctx.doc.paragraphs.flatMap((p) => p.sentences)) {
    for (const clause of sentence.clauses) {
      const text = ctx.doc.masked.slice(clause.start, clause.end);
      const word = /(?<!基本)(持平|相等|等于|一致)/.exec(text);
      if (!word || ctx.claims.some((c) => c.clause === clause)) continue;
      // against last year or the budget the other figure is not in the sentence: the zero-change checks decide
      if (/上年|去年|同期|预算|上年度/.test(ctx.doc.masked.slice(sentence.start, clause.end))) continue;
      const amounts = ctx.claims.filter((c) => c.sentence === sentence && c.start < clause.start && isMoney(c) && c.measure === "actual" && !c.bound);
      if (amounts.length !== 2) continue;
      const [a, b] = amounts;
      const d = Math.min(a.decimals, b.decimals);
      const va = roundHalfUp(inWan(a), d);
      const vb = roundHalfUp(inWan(b), d);
      if (va.eq(vb)) continue;
      out.push(
        makeFinding(ctx.doc, {
          rule: "NARR.DIRECTION",
          severity: "error",
          span: { start: clause.start, end: clause.end },
          message: `${label(a) || "前一数"}${a.printed}${a.unit}与${label(b) || "后一数"}${b.printed}${b.unit}不相等（相差${formatAmount(inWan(a).minus(inWan(b)).abs())}万元），不能说“${word[1]}”。`,
          expected: null,
          actual: word[1],
        }),
      );
    }
  }
  return out;
}

/** The verb of a stated change against its figures, and the verb of the rate after it against the change's. */
function checkChangeVerbs(ctx: ProofreadContext): ProofreadFinding[] {
  const out: ProofreadFinding[] = [];
  for (const change of statedChanges(ctx)) {
    const { subject, baseClaim, rate } = changeOperands(ctx, change);
    if (subject && baseClaim) {
      const expected = inWan(subject).minus(inWan(baseClaim));
      const actualDirection = expected.isZero() ? "flat" : expected.isPositive() ? "increase" : "decrease";
      if (statedDirection(change.direction) && actualDirection !== "flat" && actualDirection !== change.direction && change.verb) {
        const word = WORDS.amount[actualDirection];
        const verbStart = change.start - change.segment.length + change.segment.lastIndexOf(change.verb);
        out.push(
          makeFinding(ctx.doc, {
            rule: "NARR.DIRECTION",
            severity: "error",
            span: { start: change.clause.start, end: change.clause.end },
            message: `${subject.printed} 与 ${baseClaim.printed} 相比应为“${word}”，文中为“${change.verb}”。`,
            expected: word,
            actual: change.verb,
            replacements: [{ start: verbStart, end: verbStart + change.verb.length, text: word }],
          }),
        );
      }
    }
    if (!rate) continue;
    const rateDirection = statedDirection(rate.direction);
    const changeDirection = statedDirection(change.direction);
    if (rateDirection && changeDirection && rateDirection !== changeDirection) {
      out.push(
        makeFinding(ctx.doc, {
          rule: "NARR.DIRECTION",
          severity: "error",
          span: { start: rate.clause.start, end: rate.clause.end },
          message: `增减额用“${change.verb}”，增减率却用“${rate.verb}”，方向矛盾。`,
          expected: WORDS.rate[changeDirection],
          actual: rate.verb ?? null,
        }),
      );
    }
  }
  return out;
}

/** "决算数大于预算数" / "持平" against the figures of the paragraph. */
function checkCompareWords(ctx: ProofreadContext): ProofreadFinding[] {
  const out: ProofreadFinding[] = [];
  for (const m of ctx.doc.masked.matchAll(/决算数?(大于|小于|高于|低于)(?:年初)?预算数?|决算数?与(?:年初)?预算数?(基本)?持平/g)) {
    const at = m.index!;
    const paragraph = ctx.doc.paragraphs.find((p) => at >= p.start && at < p.end);
    if (!paragraph) continue;
    const before = ctx.claims.filter((c) => c.paragraph === paragraph && c.start < at && isMoney(c));
    const actual = [...before].reverse().find((c) => c.measure === "actual");
    const budget = [...before].reverse().find((c) => c.measure === "budget");
    if (!actual || !budget) continue;
    const cmp = inWan(actual).toDecimalPlaces(AMOUNT_DECIMALS).comparedTo(inWan(budget).toDecimalPlaces(AMOUNT_DECIMALS));
    const word = m[1];
    const statedCmp = word ? (word === "大于" || word === "高于" ? 1 : -1) : 0;
    if (statedCmp === cmp || (statedCmp === 0 && m[2])) continue;
    const expectedWord = cmp > 0 ? WORDS.compare.increase : cmp < 0 ? WORDS.compare.decrease : WORDS.flat;
    const clauseEnd = ctx.doc.text.slice(at).search(/[，；。]/);
    out.push(
      makeFinding(ctx.doc, {
        rule: "NARR.DIRECTION",
        severity: "error",
        span: { start: at, end: clauseEnd < 0 ? at + m[0].length : at + clauseEnd },
        message: `决算数${actual.printed}万元、预算数${budget.printed}万元，应为“${cmp === 0 ? "决算数与预算数持平" : `决算数${expectedWord}预算数`}”。`,
        expected: expectedWord,
        actual: word ?? WORDS.flat,
      }),
    );
  }
  return out;
}

function checkDirections(ctx: ProofreadContext): ProofreadFinding[] {
  return [...checkNegativeAfterVerb(ctx), ...checkEquality(ctx), ...checkChangeVerbs(ctx), ...checkCompareWords(ctx)];
}

export const DIRECTION: NarrRule = {
  meta: {
    id: "NARR.DIRECTION",
    statement: "增加/减少、大于/小于、持平等方向词与数字一致：增减额的方向与本年数、上年数之差一致，增减率与增减额同向，方向词后不写负数",
    severity: "error",
    policy: "错误",
    reads: [],
  },
  pass: "text",
  check: checkDirections,
};
