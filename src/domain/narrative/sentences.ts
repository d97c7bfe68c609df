/**
 * Every sentence kind of the 说明, in one place, in both wordings (Beijing default, Shanghai).
 * Section templates compose these; the words come from format.ts, which the proofreader reads too.
 */
import { directionOf, formatAmount, PLACEHOLDERS, WORDS, type Direction } from "../format";
import { inUnit, type Figure, type ParagraphBuilder } from "./builder";
import { writeText, type NarrativeContext } from "./context";

export function writeYear(b: ParagraphBuilder, ctx: NarrativeContext): ParagraphBuilder {
  if (ctx.year === null) return b.placeholder(PLACEHOLDERS.year);
  return b.number(String(ctx.year), ctx.yearSources, "表头年度");
}

function writePreviousYear(b: ParagraphBuilder, ctx: NarrativeContext): ParagraphBuilder {
  if (ctx.year === null) return b.placeholder(PLACEHOLDERS.year);
  return b.number(String(ctx.year - 1), ctx.yearSources, `${ctx.year} − 1`);
}

function writeUnitName(b: ParagraphBuilder, ctx: NarrativeContext): ParagraphBuilder {
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

/** This year's figure against last year's (undefined ⇒ not known: one placeholder naming the 上年数). */
export interface Comparison {
  current: Figure;
  previous: Figure | undefined;
  /** the 补充信息 key of the 上年数 ("previous.overall") and what it is ("收入支出总计") */
  fact?: { key: string; what: string };
}

/** "2023年度收入支出总计（万元）": what to enter for a missing 上年数. */
function previousLabel(ctx: NarrativeContext, what: string, unit: string): string {
  return `${ctx.year !== null ? `${ctx.year - 1}年度` : "上年"}${what}（${unit}）`;
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
type ChangeForm = "sentence" | "compact" | "bare";

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
    // one slot: the 上年数; once entered, the change and rate are computed
    const key = cmp.fact?.key ?? "previous.unknown";
    const label = previousLabel(ctx, cmp.fact?.what ?? subject, u);
    if (!shanghai) b.add("比上年");
    else if (form === "sentence") {
      b.add("与");
      previousYear().add(`年度相比，${subject}`);
    } else if (form === "compact") {
      b.add("比");
      previousYear().add("年度");
    }
    b.missing(key, label);
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
  b.percent(difference.abs().div(previous.abs()), ctx.conventions.percentDecimals, sources, ratioFormula(`(${differenceFormula})`, formatAmount(previous)));
  return { direction };
}

/** "主要原因：{reasons.<slot>}。" whenever something changed (or may have); the reason is a fact, never invented. */
export function writeReason(
  b: ParagraphBuilder,
  ctx: NarrativeContext,
  change: Change,
  slot: string,
  what: string,
  lead = "主要原因：",
): ParagraphBuilder {
  if (change.direction === "flat") return b;
  b.add(lead);
  return writeText(b, ctx, `reasons.${slot}`, `${what}${change.direction === "unknown" ? "增减" : WORDS.amount[change.direction]}的主要原因`).add("。");
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

/**
 * The share of a part in its total. A share over 100 % (or of a negative or zero total) cannot be true: it is
 * still printed, so the reader sees what the tables say, and a warning at the top of the document names it.
 * `ratio` (完成预算的, 执行率) may exceed 100 % legitimately and is not warned about.
 */
export function writeShare(b: ParagraphBuilder, ctx: NarrativeContext, part: Figure, total: Figure, ratio = false): ParagraphBuilder {
  const p = inUnit(part, b.unit);
  const t = inUnit(total, b.unit);
  const sources = [...part.sources, ...total.sources];
  if (t.isZero()) {
    if (!ratio && !p.isZero()) ctx.warnings.push(`占比的分母为0（${formatAmount(p)} ÷ 0，${sources.join("、")}），说明中写作0%，请核对表格。`);
    return b.number("0%", sources, "分母为0");
  }
  const value = p.div(t);
  if (!ratio && (value.greaterThan(1) || value.isNegative())) {
    ctx.warnings.push(
      `占比超出0–100%：${formatAmount(p)} ÷ ${formatAmount(t)} = ${value.times(100).toFixed(ctx.conventions.percentDecimals)}%（${sources.join("、")}），表格的合计可能不平，请先核对。`,
    );
  }
  return b.percent(value, ctx.conventions.percentDecimals, sources, ratioFormula(formatAmount(p), formatAmount(t)));
}

/** Items joined as "a；b；c" with the builder writing each. */
export function writeList<T>(b: ParagraphBuilder, items: readonly T[], write: (item: T) => void, separator = "；"): void {
  items.forEach((item, i) => {
    if (i > 0) b.add(separator);
    write(item);
  });
}

/** The 补充信息 slots of one budget-vs-final comparison. */
interface BudgetSlots {
  /** initialBudgets key ("initialBudgets.2130104") and what it is ("城乡社区管理事务（款）行政运行（项）年初预算数") */
  budgetKey: string;
  budgetLabel: string;
  /** reasons slot ("2130104") and the subject of the reason ("行政运行（2130104）决算数") */
  reasonSlot: string;
  reasonWhat: string;
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
  slots: BudgetSlots,
  words: { budget: string; actual: string; completion: string } = { budget: "年初预算为", actual: "支出决算为", completion: "完成年初预算的" },
): void {
  const u = b.unit;
  b.add(words.budget);
  if (!budget) {
    b.missing(slots.budgetKey, `${slots.budgetLabel}（${u}）`).add(`${u}，${words.actual}`).amount(actual).add(`${u}。决算数与预算数差异的主要原因：`);
    writeText(b, ctx, `reasons.${slots.reasonSlot}`, `${slots.reasonWhat}与预算数差异的主要原因`).add("。");
    return;
  }
  const bv = inUnit(budget, u);
  const av = inUnit(actual, u);
  b.amount(budget).add(`${u}，${words.actual}`).amount(actual).add(u);
  if (!bv.isZero()) {
    b.add(`，${words.completion}`);
    writeShare(b, ctx, actual, budget, true);
  }
  b.add("。");
  const direction = directionOf(av, bv);
  if (direction === "flat") b.add(`决算数与预算数${WORDS.basicallyFlat}。`);
  else {
    b.add(`决算数${WORDS.compare[direction]}预算数的主要原因：`);
    writeText(b, ctx, `reasons.${slots.reasonSlot}`, `${slots.reasonWhat}${WORDS.compare[direction]}预算数的主要原因`).add("。");
  }
}

/** "{U}{Y}年度无政府性基金预算财政拨款收入和支出。" and its kin. */
export function writeNothing(b: ParagraphBuilder, ctx: NarrativeContext, what: string): ParagraphBuilder {
  writeYearPrefix(b, ctx, true);
  return b.add(`无${what}。`);
}

/** A section whose table was not recognized: say so, as a placeholder the user must replace (not a fact). */
export function writeMissingTable(b: ParagraphBuilder, tableTitle: string): ParagraphBuilder {
  return b.placeholder(`【待填：未识别到${tableTitle}，请补充本节】`, `tables.${tableTitle}`);
}
