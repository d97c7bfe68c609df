/** The 说明 the engine writes: paragraphs whose every number knows where it came from. */
import type { RecognizedTable } from "../model";
import type { NarrativeFacts } from "./facts";
import type { NumberConventions, TemplateId } from "./templates/types";

/** Wording family of the sentences: Beijing ("比上年…") or the 财政部/Shanghai template ("与{Y-1}年度相比，…"). */
export type NarrativeStyle = "beijing" | "shanghai";

export interface NarrativeOptions {
  /** which regional template (headings, order, conventions); default: detected from the recognized layout */
  template?: TemplateId;
  /** wording family; set from the template unless given */
  style: NarrativeStyle;
  /** number conventions; the template's unless given */
  conventions?: Partial<NumberConventions>;
  /** the 补充信息 set: facts the tables do not hold */
  facts?: NarrativeFacts;
  /** tables of the 说明 the rules found unbalanced (error findings): a warning opens the document */
  unbalanced?: readonly { table: string; count: number }[];
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
  /** e.g. "【待填：2023年度收入支出总计】" */
  text: string;
  /** the 补充信息 key that fills it ("previous.overall", "reasons.overall", "initialBudgets.2130104") */
  fact?: string;
}

/** A fact the 说明 needs and the facts set does not hold yet. */
export interface MissingFact {
  key: string;
  /** exactly what to enter, zh-CN ("2023年度收入支出总计（万元）") */
  label: string;
  kind: FactKind;
}

export type FactKind = "amount" | "count" | "text" | "list";

export interface NarrativeParagraph {
  /** stable section id: "overall", "income", "expenditure", "fiscal-overall", "general-budget-overall", … */
  section: string;
  /** heading line(s) when the paragraph opens a section ("二、收入决算情况说明"), "\n"-joined */
  heading?: string;
  /** level of each heading line: 0 part (第一部分), 1 一级 (一、), 2 二级 (（一）), 3 三级 */
  headingLevels?: number[];
  text: string;
  numbers: NumberProvenance[];
  placeholders: Placeholder[];
}

export interface NarrativeDocument {
  title: string;
  paragraphs: NarrativeParagraph[];
  /** the template used, and why ("按识别到的上海版式") */
  template?: { id: TemplateId; name: string; reason: string };
  /** warnings that open the document: unbalanced totals, a share over 100 %, 年初预算 that do not add up */
  warnings?: string[];
  /** facts still missing, one per placeholder, in document order */
  missing?: MissingFact[];
}

