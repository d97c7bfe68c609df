/** The 说明 the engine writes: paragraphs whose every number knows where it came from. */
import type { RecognizedTable } from "../model";

export type NarrativeStyle = "beijing" | "shanghai";

export interface NarrativeOptions {
  style: NarrativeStyle;
  /** decimals of percentages (0, 1 or 2; default 2) */
  percentDecimals: 0 | 1 | 2;
  /** last year's recognized tables (from --previous or a second workbook); missing ⇒ 【待填：上年数】 placeholders */
  previous?: readonly RecognizedTable[];
  /** 年初预算 figures by function code, entered by the user (not in the public tables) */
  initialBudgets?: Readonly<Record<string, string>>;
}

export const DEFAULT_NARRATIVE_OPTIONS: NarrativeOptions = { style: "beijing", percentDecimals: 2 };

/** Where one printed number comes from. Offsets are UTF-16 indices into the paragraph text. */
export interface NumberProvenance {
  start: number;
  end: number;
  /** the number as printed, e.g. "123.78" or "11.00%" */
  text: string;
  /** qualified source cells ("收入决算表!C7") */
  sources: string[];
  /** how it was computed, zh-CN, e.g. "(123.78 − 139.08) ÷ 139.08" */
  formula: string;
}

export interface Placeholder {
  start: number;
  end: number;
  /** e.g. "【待填：上年数】", "【请填写主要原因】" */
  text: string;
}

export interface NarrativeParagraph {
  /** stable section id: "overall", "income", "expenditure", "fiscal-overall", "general-budget-overall", … */
  section: string;
  /** heading line when the paragraph opens a section ("二、收入决算情况说明") */
  heading?: string;
  text: string;
  numbers: NumberProvenance[];
  placeholders: Placeholder[];
}

export interface NarrativeDocument {
  title: string;
  paragraphs: NarrativeParagraph[];
}

export type GenerateNarrative = (tables: readonly RecognizedTable[], options?: Partial<NarrativeOptions>) => NarrativeDocument;
