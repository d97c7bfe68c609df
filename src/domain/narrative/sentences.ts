/**
 * Every sentence kind of the 说明, in one place, in both wordings (Beijing default, Shanghai).
 * Section templates compose these; the words come from format.ts, which the proofreader reads too.
 */
import { directionOf, formatAmount, PLACEHOLDERS, WORDS, type Direction } from "../format";
import { inUnit, type Figure, type ParagraphBuilder } from "./builder";
import type { NarrativeContext } from "./context";

export function writeYear(b: ParagraphBuilder, ctx: NarrativeContext): ParagraphBuilder {
  if (ctx.year === null) return b.placeholder(PLACEHOLDERS.year);
  return b.number(String(ctx.year), ctx.yearSources, "表头年度");
}

export function writePreviousYear(b: ParagraphBuilder, ctx: NarrativeContext): ParagraphBuilder {
  if (ctx.year === null) return b.placeholder(PLACEHOLDERS.year);
  return b.number(String(ctx.year - 1), ctx.yearSources, `${ctx.year} − 1`);
}

export function writeUnitName(b: ParagraphBuilder, ctx: NarrativeContext): ParagraphBuilder {
  return b.add(ctx.unitName ?? "本单位");
}

/** "2023年度" (Beijing and Shanghai alike), with the unit name first when `withUnit`. */
export function writeYearPrefix(b: ParagraphBuilder, ctx: NarrativeContext, withUnit: boolean): ParagraphBuilder {
  if (withUnit) writeUnitName(b, ctx);
  return writeYear(b, ctx).add("年度");
}

export interface Change {
  direction: Direction | "unknown";
}

/** This year's figure against last year's (undefined ⇒ not known: placeholders). */
export interface Comparison {
  current: Figure;
  previous: Figure | undefined;
}

function ratioFormula(numerator: string, denominator: string): string {
  return `${numerator} ÷ ${denominator} × 100%`;
}

/**
 * How the change clause opens.
 * - "sentence": Beijing 比上年… · Shanghai 与2022年度相比，{subject}…
 * - "compact":  Beijing 比上年… · Shanghai 比2022年度…
 * - "bare":     Beijing 比上年… · Shanghai (nothing: the item continues a list that already said 比2022年度)
 */
export type ChangeForm = "sentence" | "compact" | "bare";

/**
 * The change clause, without the final punctuation.
 * Beijing: 比上年减少15.30万元，下降11.00% · 与上年持平 · 比上年增加4.70万元，上年为0，本年新增 ·
 *          比上年决算数【待填：上年数】万元【待填：增加/减少】【待填：增减额】万元，【待填：增长/下降】【待填：增减率】%
 * Shanghai: 与2022年度相比，{subject}减少15.30万元，下降11.00% · 与2022年度相比，{subject}持平
 */
export function writeChange(b: ParagraphBuilder, ctx: NarrativeContext, subject: string, cmp: Comparison, form: ChangeForm = "sentence"): Change {
  const shanghai = ctx.options.style === "shanghai";
  const u = b.unit;
  const previousYear = (): ParagraphBuilder => writePreviousYear(b, ctx);
  if (!cmp.previous) {
    if (!shanghai) b.add("比上年决算数").placeholder(PLACEHOLDERS.previous).add(u);
    else if (form === "sentence") {
      b.add("与");
      previousYear().add("年度决算数").placeholder(PLACEHOLDERS.previous).add(`${u}相比，${subject}`);
    } else {
      b.add("比");
      previousYear().add("年度决算数").placeholder(PLACEHOLDERS.previous).add(u);
    }
    b.placeholder(PLACEHOLDERS.amountDirection).placeholder(PLACEHOLDERS.change).add(`${u}，`);
    b.placeholder(PLACEHOLDERS.rateDirection).placeholder(PLACEHOLDERS.rate).add("%");
    return { direction: "unknown" };
  }
  const current = inUnit(cmp.current, u);
  const previous = inUnit(cmp.previous, u);
  const direction = directionOf(current, previous);
  const sources = [...cmp.current.sources, ...cmp.previous.sources];
  const difference = current.minus(previous);
  const differenceFormula = `${formatAmount(current)} − ${formatAmount(previous)}`;
  if (direction === "flat") {
    if (!shanghai) b.add(`与上年${WORDS.flat}`);
    else if (form === "sentence") {
      b.add("与");
      previousYear().add(`年度相比，${subject}${WORDS.flat}`);
    } else if (form === "compact") {
      b.add("与");
      previousYear().add(`年度${WORDS.flat}`);
    } else b.add(WORDS.flat);
    return { direction };
  }
  if (!shanghai) b.add("比上年");
  else if (form === "sentence") {
    b.add("与");
    previousYear().add(`年度相比，${subject}`);
  } else if (form === "compact") {
    b.add("比");
    previousYear().add("年度");
  }
  b.add(WORDS.amount[direction]).derivedAmount(difference, sources, differenceFormula).add(u);
  if (previous.isZero()) {
    b.add(`，${WORDS.zeroBase}`);
    return { direction };
  }
  b.add(`，${WORDS.rate[direction]}`);
  b.percent(difference.abs().div(previous.abs()), ctx.options.percentDecimals, sources, ratioFormula(`(${differenceFormula})`, formatAmount(previous)));
  return { direction };
}

/** "主要原因：【请填写主要原因】。" whenever something changed (or may have). */
export function writeReason(b: ParagraphBuilder, change: Change, lead = "主要原因："): ParagraphBuilder {
  if (change.direction === "flat") return b;
  return b.add(lead).placeholder(PLACEHOLDERS.reason).add("。");
}

/** "{label}{a}万元，占{denominator}{r}%" — the share of a part in a fixed denominator. */
export function writeShareItem(
  b: ParagraphBuilder,
  ctx: NarrativeContext,
  label: string,
  part: Figure,
  total: Figure,
  denominatorPhrase: string,
): ParagraphBuilder {
  b.add(label).amount(part).add(`${b.unit}，占${denominatorPhrase}`);
  return writeShare(b, ctx, part, total);
}

export function writeShare(b: ParagraphBuilder, ctx: NarrativeContext, part: Figure, total: Figure): ParagraphBuilder {
  const p = inUnit(part, b.unit);
  const t = inUnit(total, b.unit);
  if (t.isZero()) return b.number("0%", [...part.sources, ...total.sources], "分母为0");
  return b.percent(p.div(t), ctx.options.percentDecimals, [...part.sources, ...total.sources], ratioFormula(formatAmount(p), formatAmount(t)));
}

/** Items joined as "a；b；c" with the builder writing each. */
export function writeList<T>(b: ParagraphBuilder, items: readonly T[], write: (item: T) => void, separator = "；"): void {
  items.forEach((item, i) => {
    if (i > 0) b.add(separator);
    write(item);
  });
}

/**
 * Budget against final:
 * "年初预算为{b}万元，支出决算为{a}万元，完成年初预算的{r}%。决算数{大于/小于}预算数的主要原因：…。"
 * Equal displayed values ⇒ "决算数与预算数基本持平。" with no reason; budget 0 ⇒ no completion rate (R004).
 */
export function writeBudgetComparison(
  b: ParagraphBuilder,
  ctx: NarrativeContext,
  budget: Figure | undefined,
  actual: Figure,
  words: { budget: string; actual: string; completion: string } = { budget: "年初预算为", actual: "支出决算为", completion: "完成年初预算的" },
): void {
  const u = b.unit;
  b.add(words.budget);
  if (!budget) {
    b.placeholder(PLACEHOLDERS.initialBudget).add(`${u}，${words.actual}`).amount(actual).add(`${u}，${words.completion}`);
    b.placeholder(PLACEHOLDERS.completion).add("%。决算数").placeholder(PLACEHOLDERS.compare).add("预算数的主要原因：");
    b.placeholder(PLACEHOLDERS.reason).add("。");
    return;
  }
  const bv = inUnit(budget, u);
  const av = inUnit(actual, u);
  b.amount(budget).add(`${u}，${words.actual}`).amount(actual).add(u);
  if (!bv.isZero()) {
    b.add(`，${words.completion}`);
    b.percent(av.div(bv), ctx.options.percentDecimals, [...actual.sources, ...budget.sources], ratioFormula(formatAmount(av), formatAmount(bv)));
  }
  b.add("。");
  const direction = directionOf(av, bv);
  if (direction === "flat") b.add(`决算数与预算数${WORDS.basicallyFlat}。`);
  else b.add(`决算数${WORDS.compare[direction]}预算数的主要原因：`).placeholder(PLACEHOLDERS.reason).add("。");
}

/** "{U}{Y}年度无政府性基金预算财政拨款收入和支出。" and its kin. */
export function writeNothing(b: ParagraphBuilder, ctx: NarrativeContext, what: string): ParagraphBuilder {
  writeYearPrefix(b, ctx, true);
  return b.add(`无${what}。`);
}

/** A section whose table was not recognized: say so, as a placeholder the user must replace. */
export function writeMissingTable(b: ParagraphBuilder, tableTitle: string): ParagraphBuilder {
  return b.placeholder(`【待填：未识别到${tableTitle}，请补充本节】`);
}
