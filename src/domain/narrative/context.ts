/** What every section template receives. */
import { qualify } from "../address";
import type { MoneyUnit, RecognizedTable } from "../model";
import { ParagraphBuilder, type Figure } from "./builder";
import { factDecimal, factText, FIXED_FACTS, type NarrativeFacts } from "./facts";
import { TableSource } from "./source";
import type { NarrativeTemplate, NumberConventions } from "./templates/types";
import type { FactKind, NarrativeOptions } from "./types";

export interface NarrativeContext {
  options: NarrativeOptions;
  template: NarrativeTemplate;
  conventions: NumberConventions;
  facts: NarrativeFacts;
  current: TableSource;
  /** last year's tables, when given */
  previous: TableSource | null;
  year: number | null;
  /** where the year was read (the title cell of the table it came from) */
  yearSources: string[];
  unitName: string | null;
  /** unit every amount is printed in */
  unit: MoneyUnit;
  /** warnings for the top of the document (zh-CN) */
  warnings: string[];
  /** every fact asked for, filled or not (the pane's form lists them) */
  asked: Map<string, { label: string; kind: FactKind }>;
  /** a new paragraph in the document's unit and conventions */
  paragraph(): ParagraphBuilder;
}

const PREFERRED_ORDER = [
  "income-expenditure-summary",
  "fiscal-summary",
  "income",
  "expenditure",
  "general-budget-expenditure",
] as const;

export function createContext(
  tables: readonly RecognizedTable[],
  options: NarrativeOptions,
  template: NarrativeTemplate,
  conventions: NumberConventions,
): NarrativeContext {
  const current = new TableSource(tables);
  const ordered: RecognizedTable[] = [...PREFERRED_ORDER.flatMap((k) => current.find(k) ?? []), ...tables];
  const withYear = ordered.find((t) => t.year !== null);
  const withName = ordered.find((t) => t.unitName);
  const withUnit = ordered.find((t) => t.unit !== null);
  const unit = withUnit?.unit ?? "万元";
  return {
    options,
    template,
    conventions,
    facts: options.facts ?? {},
    current,
    previous: options.previous && options.previous.length > 0 ? new TableSource(options.previous) : null,
    year: withYear?.year ?? null,
    yearSources: withYear ? [qualify(withYear.sheet, withYear.titleCell.address)] : [],
    unitName: withName?.unitName ?? null,
    unit,
    warnings: [],
    asked: new Map(),
    // 元 documents print amounts as their tables do, with 千分位; the convention is about 万元 running text
    paragraph: () => new ParagraphBuilder(unit, unit === "元" ? true : conventions.thousands),
  };
}

function ask(ctx: NarrativeContext, key: string, label: string, kind: FactKind): void {
  if (!ctx.asked.has(key)) ctx.asked.set(key, { label, kind });
}

/** The label of a fixed fact, with the year where it helps. */
function fixedLabel(key: string): string {
  return FIXED_FACTS[key]?.label ?? key;
}

/** An amount fact as a Figure (provenance: the 补充信息 key), or undefined when not entered. */
export function factFigure(ctx: NarrativeContext, key: string, label: string): Figure | undefined {
  ask(ctx, key, label, "amount");
  const value = factDecimal(ctx.facts, key);
  return value === undefined ? undefined : { value, unit: ctx.unit, sources: [], formula: `补充信息 ${key}` };
}

/** 上年数: the facts set first (the user said so), else last year's workbook. */
export function previousFigure(ctx: NarrativeContext, name: string, what: string, fromWorkbook: Figure | undefined): Figure | undefined {
  const label = `${ctx.year !== null ? `${ctx.year - 1}年度` : "上年"}${what}（${ctx.unit}）`;
  return factFigure(ctx, `previous.${name}`, label) ?? fromWorkbook;
}

/** Writes a count fact ("3"), or its placeholder. */
export function writeCount(b: ParagraphBuilder, ctx: NarrativeContext, key: string, label = fixedLabel(key)): ParagraphBuilder {
  ask(ctx, key, label, "count");
  const value = factDecimal(ctx.facts, key);
  if (value === undefined) return b.missing(key, label);
  return b.number(value.toString(), [], `补充信息 ${key}`);
}

/** Writes an amount fact in the paragraph's unit, or its placeholder. */
export function writeAmountFact(b: ParagraphBuilder, ctx: NarrativeContext, key: string, label = fixedLabel(key).replace("（万元", `（${ctx.unit}`)): ParagraphBuilder {
  const figure = factFigure(ctx, key, label);
  return figure ? b.amount(figure) : b.missing(key, label);
}

/** Writes a text fact as entered (lists joined with 、), or its placeholder. */
export function writeText(b: ParagraphBuilder, ctx: NarrativeContext, key: string, label = fixedLabel(key), kind: FactKind = "text"): ParagraphBuilder {
  ask(ctx, key, label, kind);
  const text = factText(ctx.facts, key);
  return text === undefined ? b.missing(key, label) : b.add(text.replace(/[。；;]+$/, ""));
}

