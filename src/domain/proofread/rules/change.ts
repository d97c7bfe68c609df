/** NARR.CHANGE: a stated 增减额 and 增减率 against the figures they are computed from. */
import { Decimal, roundHalfUp } from "../../decimal";
import { AMOUNT_VERBS, formatAmount, RATE_VERBS, WORDS } from "../../format";
import { inWan, isMoney, type Claim } from "../claims";
import { makeFinding } from "../finding";
import type { ProofreadFinding } from "../types";
import type { NarrRule, ProofreadContext } from "./rule";
import { approx, ratioRange, reportPercent } from "./rounding";
import { commonUnit, dependsOnWrong, inSentence, markSuspect, nearestBefore } from "./support";

export type Direction = "increase" | "decrease";

export function statedDirection(d: Claim["direction"]): Direction | undefined {
  return d === "increase" || d === "decrease" ? d : undefined;
}

/** The figures a stated change is computed from: this year's amount, the base it is compared with, the rate after it. */
export function changeOperands(ctx: ProofreadContext, change: Claim): { subject?: Claim; baseClaim?: Claim; rate?: Claim } {
  const claims = inSentence(ctx, change.sentence);
  const actual = (c: Claim): boolean => isMoney(c) && c.measure === "actual";
  // a change that names what it is about ("收入总计减少315.71万元") is computed from the figure of that name:
  // "…总计766.75万元，其中：…年初结转和结余156.33万元，与上年相比收入总计减少…" — when the sentence names
  // it under another name only, the base is ambiguous and nothing is recomputed
  const nearest = nearestBefore(claims, change, actual);
  const named =
    change.indicator && change.binding === "explicit" && nearest?.indicator && nearest.indicator !== change.indicator
      ? nearestBefore(claims, change, (c) => actual(c) && c.indicator === change.indicator)
      : nearest;
  if (nearest && !named) return { ...rateAndBase(change, claims), subject: undefined };
  // Shanghai puts the figure in the sentence before: "…总计123.78万元。与2022年度相比，…总计减少15.30万元"
  const subject =
    named ??
    (change.indicator
      ? nearestBefore(
          ctx.claims.filter((c) => c.paragraph === change.paragraph),
          change,
          (c) => isMoney(c) && c.measure === "actual" && c.indicator === change.indicator && c.binding === "explicit",
        )
      : undefined);
  return { ...rateAndBase(change, claims), subject };
}

/** The rate right after a stated change (before the next amount) and the base the sentence states, if any. */
function rateAndBase(change: Claim, claims: Claim[]): { baseClaim?: Claim; rate?: Claim } {
  const after = claims.filter((c) => c.start > change.start);
  const nextMoney = after.find((c) => isMoney(c));
  const rate = after.find((c) => c.measure === "rate" && (!nextMoney || c.start < nextMoney.start));
  const baseClaim = nearestBefore(claims, change, (c) => isMoney(c) && c.measure === (change.base === "budget" ? "budget" : "previous"));
  return { baseClaim, rate };
}

/** The stated changes: money amounts of measure "change" the text states itself. */
export function statedChanges(ctx: ProofreadContext): Claim[] {
  return ctx.claims.filter((c) => c.measure === "change" && !c.bound && isMoney(c));
}

function checkChanges(ctx: ProofreadContext): ProofreadFinding[] {
  const { doc } = ctx;
  const out: ProofreadFinding[] = [];
  for (const change of statedChanges(ctx)) {
    const { subject, baseClaim, rate } = changeOperands(ctx, change);
    const span = { start: change.clause.start, end: change.clause.end };
    let direction = statedDirection(change.direction) ?? statedDirection(rate?.direction);
    if (subject && baseClaim) {
      const expected = inWan(subject).minus(inWan(baseClaim));
      const d = change.decimals;
      if (!roundHalfUp(expected.abs(), d).eq(roundHalfUp(inWan(change), d))) {
        ctx.wrong.add(change.id);
        const finding = makeFinding(doc, {
          rule: "NARR.CHANGE",
          severity: "error",
          span,
          message: `增减额应为 ${subject.printed} − ${baseClaim.printed} = ${formatAmount(expected)}万元，文中为${change.printed}${change.unit}。`,
          expected: formatAmount(expected.abs()),
          actual: change.printed,
          replacements: [{ start: change.start, end: change.end, text: formatAmount(expected.abs(), Math.max(d, 0)) }],
        });
        out.push(finding);
        // the rate after it is computed from this amount: listed under this finding, not checked again
        markSuspect(ctx, finding, [change]);
      }
      const actualDirection = expected.isZero() ? "flat" : expected.isPositive() ? "increase" : "decrease";
      direction = actualDirection === "flat" ? direction : actualDirection;
    }
    if (!rate) continue;
    const rateDirection = statedDirection(rate.direction);
    const changeDirection = statedDirection(change.direction);
    // verbs that contradict each other are NARR.DIRECTION's: the rate is not recomputed
    if (rateDirection && changeDirection && rateDirection !== changeDirection) continue;
    if (!subject || !direction || change.base === "budget") continue;
    if (dependsOnWrong(ctx, rate, subject, change, ...(baseClaim ? [baseClaim] : []))) continue;
    const { unit, value } = commonUnit([subject, change, ...(baseClaim ? [baseClaim] : [])]);
    const base = baseClaim ? value(baseClaim) : direction === "increase" ? value(subject).minus(value(change)) : value(subject).plus(value(change));
    const baseText = baseClaim ? baseClaim.printed : `${subject.printed} ${direction === "increase" ? "−" : "+"} ${change.printed} = ${base.toString()}${unit}`;
    if (base.lte(0)) {
      out.push(
        makeFinding(doc, {
          rule: "NARR.CHANGE",
          severity: base.isZero() ? "error" : "warning",
          span: { start: rate.clause.start, end: rate.clause.end },
          message: `上年数 = ${baseText}，为${base.isZero() ? "0" : "负数"}，不能计算增减率（应写“${WORDS.zeroBase}”）。`,
          expected: null,
          actual: `${rate.printed}%`,
        }),
      );
      continue;
    }
    const baseApprox = baseClaim ? approx(baseClaim) : { value: inWan(subject).minus(inWan(change)).abs(), error: approx(subject).error.plus(approx(change).error) };
    if (!baseClaim && direction === "decrease") baseApprox.value = inWan(subject).plus(inWan(change));
    reportPercent(
      ctx,
      out,
      rate,
      value(change).div(base),
      "NARR.CHANGE",
      "增减率 = 增减额 ÷ 上年数",
      `${change.printed} ÷ ${baseClaim ? baseClaim.printed : `(${baseText})`}`,
      true,
      undefined,
      ratioRange(approx(change), baseApprox),
    );
  }
  return out;
}

/* ------------------------------------------------ "各" lists: "收、支总计各减少a,b万元，各下降x%、y%" */

interface EachList {
  /** the subjects, in order ("收、支总计" → 收, 支总计) */
  subjects: string[];
  verb?: string;
  unit: string;
  values: { printed: string; value: Decimal; decimals: number; start: number }[];
  sentence: number;
}

const EACH_LIST = /([\u4e00-\u9fff、“”]{0,16}?)各(?:是|为|(增加|减少|增长|下降|上升|降低))了?\s*((?:\d+(?:\.\d+)?\s*(?:万元|亿元|元|%|％)?\s*[、,]\s*)+\d+(?:\.\d+)?)\s*(万元|亿元|元|%|％)/g;

/** The "各" lists of the text: one value per subject (or per subject of the list before it), in order. */
function eachLists(ctx: ProofreadContext): EachList[] {
  const lists: EachList[] = [];
  const sentences = ctx.doc.paragraphs.flatMap((p) => p.sentences);
  for (const [index, sentence] of sentences.entries()) {
    const text = ctx.doc.masked.slice(sentence.start, sentence.end);
    for (const m of text.matchAll(EACH_LIST)) {
      const body = m[3];
      const bodyAt = sentence.start + m.index! + m[0].indexOf(body, m[1].length);
      const values: EachList["values"] = [];
      let ambiguous = false;
      for (const n of body.matchAll(/\d+(?:\.\d+)?/g)) {
        const before = body.slice(0, n.index).replace(/\s*(?:万元|亿元|元|%|％)?\s*$/, "");
        // "1,267.86" is one number: a comma after a whole number, before three digits, is a thousands separator
        if (before.endsWith(",") && !/\./.test(values[values.length - 1]?.printed ?? ".") && /^\d{3}(?!\d)/.test(n[0])) ambiguous = true;
        const dot = n[0].indexOf(".");
        values.push({ printed: n[0], value: new Decimal(n[0]), decimals: dot < 0 ? 0 : n[0].length - dot - 1, start: bodyAt + n.index! });
      }
      // "2022年度收、支总计": the subjects start after the year (not "年初结转和结余、年末…")
      const subjects = m[1].includes("、") ? m[1].replace(/^年度?(?![初末底])/, "").split("、") : [];
      if (ambiguous || (subjects.length > 0 && subjects.length !== values.length)) continue;
      lists.push({ subjects, verb: m[2], unit: m[4] === "％" ? "%" : m[4], values, sentence: index });
    }
  }
  return lists;
}

/** "收、支总计" names 收入总计 and 支出总计: the words after the last 、 close every subject. */
function subjectName(subjects: string[], k: number): string {
  const last = subjects[subjects.length - 1];
  const first = subjects[0];
  const suffix = first.length < last.length ? last.slice(first.length) : "";
  const name = subjects[k].endsWith(suffix) ? subjects[k] : subjects[k] + suffix;
  return name.replace(/^收(?!入)/, "收入").replace(/^支(?!出)/, "支出").replace(/[“”]/g, "");
}

/**
 * "2022年度收、支总计各是4125.49,4143.91万元。与2021年相比，收、支总计各减少1267.86,2570.97万元，各下降23.51%、38.28%。":
 * each rate is recomputed from the change and the amount of its subject, taken in order. Warnings only: the
 * pairing is read from the wording.
 */
function checkEachLists(ctx: ProofreadContext): ProofreadFinding[] {
  const out: ProofreadFinding[] = [];
  const lists = eachLists(ctx);
  const money = (l: EachList): boolean => l.unit !== "%";
  for (const [i, change] of lists.entries()) {
    const direction = change.verb ? AMOUNT_VERBS[change.verb] : undefined;
    if (!money(change) || (direction !== "increase" && direction !== "decrease") || change.subjects.length === 0) continue;
    const rates = lists[i + 1];
    if (!rates || rates.sentence !== change.sentence || money(rates) || !rates.verb || rates.values.length !== change.values.length) continue;
    if (RATE_VERBS[rates.verb]?.direction !== direction) continue;
    // the amounts: the latest "各是" list before it of the same subjects, in the same unit
    const amounts = lists
      .slice(0, i)
      .reverse()
      .find((l) => !l.verb && l.unit === change.unit && l.subjects.join("、").endsWith(change.subjects.join("、")) && l.values.length === change.values.length);
    if (!amounts || amounts.sentence < change.sentence - 1) continue;
    for (const [k, rateValue] of rates.values.entries()) {
      const rate = ctx.claims.find((c) => c.start === rateValue.start && c.unit === "%");
      if (!rate || ctx.wrong.has(rate.id)) continue;
      const amount = amounts.values[k];
      const delta = change.values[k];
      const base = direction === "decrease" ? amount.value.plus(delta.value) : amount.value.minus(delta.value);
      if (base.lte(0)) continue;
      const half = (d: number): Decimal => new Decimal(0.5).times(new Decimal(10).pow(-Math.max(d, 2)));
      const range = ratioRange({ value: delta.value, error: half(delta.decimals) }, { value: base, error: half(amount.decimals).plus(half(delta.decimals)) });
      const subject = subjectName(change.subjects, k);
      reportPercent(
        ctx,
        out,
        rate,
        delta.value.div(base),
        "NARR.CHANGE",
        `增减率 = 增减额 ÷ 上年数（“各”按顺序对应${change.subjects.join("、")}，第${k + 1}项为“${subject}”）`,
        `${delta.printed} ÷ (${amount.printed} ${direction === "decrease" ? "+" : "−"} ${delta.printed} = ${base.toString()}${change.unit})`,
        false,
        undefined,
        range,
      );
    }
  }
  return out;
}

export const CHANGE: NarrRule = {
  meta: {
    id: "NARR.CHANGE",
    statement:
      "增减额 = 本年数 − 上年数（或预算数），本年数取增减额所说的同名数；增减率 = 增减额 ÷ 上年数，上年数为0时不计算增减率；“各”列出的增减额和增减率按顺序对应其主语",
    severity: "error",
    policy:
      "增减额不符、上年数为0仍写增减率：错误；增减率按舍入后的文中数字也不可能得出：错误，可能得出：提示；上年数为负、“各”列表中按顺序对应重算不符：警告；句中同名数不明：不重算",
    reads: [],
  },
  pass: "text",
  check: (ctx) => [...checkChanges(ctx), ...checkEachLists(ctx)],
};
