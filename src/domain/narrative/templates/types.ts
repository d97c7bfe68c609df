/**
 * A regional 说明 template as data: its parts and headings, word for word and in order, and which section
 * module writes the paragraphs under each heading. A new year's template is a new file of this shape.
 */
import type { NarrativeStyle } from "../types";

export type TemplateId = "shanghai-2024" | "beijing-2023" | "central-2023";
export type Region = "shanghai" | "beijing" | "central";

/** How numbers are printed in running text, as the region's published texts print them. */
export interface NumberConventions {
  /** 千分位 separators for amounts (1,234.56) — off where the region's texts print 1234.56 */
  thousands: boolean;
  /** decimals of percentages */
  percentDecimals: 0 | 1 | 2;
  /** numbering of per-项 items: "1、" (Shanghai) or "1." (Beijing, central) */
  itemMark: "、" | ".";
}

/**
 * One heading of the template. `{Y}` is replaced by the year, `{U}` by the unit name. A node with a
 * `section` prints that section's paragraphs under its heading, then its children.
 */
export interface TemplateNode {
  heading: string;
  /** the section module(s) writing under this heading, in order */
  section?: string | readonly string[];
  children?: readonly TemplateNode[];
}

export interface NarrativeTemplate {
  id: TemplateId;
  region: Region;
  /** zh-CN name shown in the pane and the CLI */
  name: string;
  /** wording family of the sentences */
  style: NarrativeStyle;
  conventions: NumberConventions;
  /** document title; {U} unit, {Y} year */
  title: string;
  /** terms of the 名词解释, in the template's order */
  glossary: readonly string[];
  /** 第一部分 … as top-level nodes (level 0); 一、 level 1; （一） level 2 */
  parts: readonly TemplateNode[];
}

/** The 名词解释 terms the 财政部 and Shanghai templates both list (the wording of each is in sections/glossary.ts). */
export const FINAL_ACCOUNTS_GLOSSARY: readonly string[] = [
    "财政拨款收入",
    "事业收入",
    "经营收入",
    "其他收入",
    "年初结转和结余",
    "年末结转和结余",
    "基本支出",
    "项目支出",
    "经营支出",
    "“三公”经费",
    "机关运行经费",
];
