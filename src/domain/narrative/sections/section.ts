/** The shape of one 说明 section template. */
import type { ParagraphBuilder } from "../builder";
import type { NarrativeContext } from "../context";

export interface SectionTemplate {
  /** stable id, also NarrativeParagraph.section */
  id: string;
  /** heading text without its ordinal */
  title: string;
  /** sub-sections share a parent heading (五、一般公共预算… → （一）总体 （二）结构 （三）具体) */
  parent?: { id: string; title: string };
  /** paragraphs, or null when the section does not apply at all (e.g. no 绩效自评表) */
  write(ctx: NarrativeContext): ParagraphBuilder[] | null;
}
