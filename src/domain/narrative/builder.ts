/**
 * Builds one paragraph of the 说明 piece by piece, recording where every printed number came from
 * and where every placeholder sits (UTF-16 offsets into the paragraph text).
 */
import { Decimal, roundHalfUp } from "../decimal";
import { AMOUNT_DECIMALS, formatAmount, formatPercentNumber, formatScore } from "../format";
import type { MoneyUnit } from "../model";
import type { NarrativeParagraph, NumberProvenance, Placeholder } from "./types";

/** A value the narrative may print: the displayed value of one or more cells, with how it was obtained. */
export interface Figure {
  /** displayed value (rounded to what the source shows) */
  value: Decimal;
  unit: MoneyUnit;
  /** qualified source cells ("收入决算表!C7") */
  sources: string[];
  /** zh-CN: "=收入决算表!C7", "30101 + 30102", "用户录入的年初预算数" */
  formula: string;
}

const TEN_THOUSAND = new Decimal(10000);

/** The figure expressed in `unit` and rounded to the printed 2 decimals: the value every later step uses. */
export function inUnit(figure: Figure, unit: MoneyUnit): Decimal {
  if (figure.unit === unit) return roundHalfUp(figure.value, AMOUNT_DECIMALS);
  const converted = figure.unit === "元" ? figure.value.div(TEN_THOUSAND) : figure.value.times(TEN_THOUSAND);
  return roundHalfUp(converted, AMOUNT_DECIMALS);
}

export function sumFigures(figures: readonly Figure[], unit: MoneyUnit, formula?: string): Figure {
  let value = new Decimal(0);
  for (const f of figures) value = value.plus(inUnit(f, unit));
  return {
    value,
    unit,
    sources: figures.flatMap((f) => f.sources),
    formula: formula ?? figures.map((f) => formatAmount(inUnit(f, unit))).join(" + "),
  };
}

export class ParagraphBuilder {
  private text = "";
  private readonly numbers: NumberProvenance[] = [];
  private readonly placeholders: Placeholder[] = [];

  /** `thousands`: 千分位 separators in amounts (the region's convention) */
  constructor(
    readonly unit: MoneyUnit,
    readonly thousands = true,
  ) {}

  get length(): number {
    return this.text.length;
  }

  /** the text written so far */
  get written(): string {
    return this.text;
  }

  add(words: string): this {
    this.text += words;
    return this;
  }

  number(printed: string, sources: readonly string[], formula: string): this {
    const start = this.text.length;
    this.text += printed;
    this.numbers.push({ start, end: this.text.length, text: printed, sources: [...sources], formula });
    return this;
  }

  /** A visible slot; `fact` is the 补充信息 key that fills it. */
  placeholder(text: string, fact?: string): this {
    const start = this.text.length;
    this.text += text;
    this.placeholders.push(fact ? { start, end: this.text.length, text, fact } : { start, end: this.text.length, text });
    return this;
  }

  /** The slot of a missing fact: 【待填：{label}】, naming exactly what to enter. */
  missing(key: string, label: string): this {
    return this.placeholder(`【待填：${label}】`, key);
  }

  /** An amount in the paragraph's unit, 2 decimals, 千分位 when the region prints them. */
  amount(figure: Figure): this {
    return this.number(this.formatAmount(inUnit(figure, this.unit)), figure.sources, figure.formula);
  }

  /** A derived amount (a difference) already in the paragraph's unit. */
  derivedAmount(value: Decimal, sources: readonly string[], formula: string): this {
    return this.number(this.formatAmount(value.abs()), sources, formula);
  }

  formatAmount(value: Decimal): string {
    return formatAmount(value, AMOUNT_DECIMALS, this.thousands);
  }

  /** A percentage "3.80%" (the % is part of the printed number). */
  percent(ratio: Decimal, decimals: number, sources: readonly string[], formula: string): this {
    return this.number(`${formatPercentNumber(ratio, decimals)}%`, sources, formula);
  }

  score(value: Decimal, sources: readonly string[], formula: string): this {
    return this.number(formatScore(value), sources, formula);
  }

  build(section: string, heading?: string): NarrativeParagraph {
    const paragraph: NarrativeParagraph = { section, text: this.text, numbers: this.numbers, placeholders: this.placeholders };
    if (heading !== undefined) paragraph.heading = heading;
    return paragraph;
  }
}
