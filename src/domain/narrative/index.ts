/**
 * 说明 generation: one template module per section (sections/*), composed in the standard order.
 * Numbers come only from the tables (and last year's tables / user-entered 年初预算); anything else is a
 * visible placeholder.
 */
import { chineseNumeral } from "../format";
import type { RecognizedTable } from "../model";
import { createContext } from "./context";
import { basic } from "./sections/basic";
import { expenditure } from "./sections/expenditure";
import { fiscalOverall } from "./sections/fiscal-overall";
import { generalBudgetDetail, generalBudgetOverall, generalBudgetStructure } from "./sections/general-budget";
import { governmentFund } from "./sections/government-fund";
import { income } from "./sections/income";
import { overall } from "./sections/overall";
import { performance } from "./sections/performance";
import type { SectionTemplate } from "./sections/section";
import { stateCapital } from "./sections/state-capital";
import { threePublic } from "./sections/three-public";
import { DEFAULT_NARRATIVE_OPTIONS, type NarrativeDocument, type NarrativeOptions, type NarrativeParagraph } from "./types";
export * from "./types";

/** The sections in the order the 说明 prints them. */
export const SECTION_TEMPLATES: readonly SectionTemplate[] = [
  overall,
  income,
  expenditure,
  fiscalOverall,
  generalBudgetOverall,
  generalBudgetStructure,
  generalBudgetDetail,
  basic,
  threePublic,
  governmentFund,
  stateCapital,
  performance,
];

export function generateNarrative(tables: readonly RecognizedTable[], options: Partial<NarrativeOptions> = {}): NarrativeDocument {
  const resolved: NarrativeOptions = { ...DEFAULT_NARRATIVE_OPTIONS, ...options };
  const ctx = createContext(tables, resolved);
  const paragraphs: NarrativeParagraph[] = [];
  let topLevel = 0;
  let subLevel = 0;
  let currentParent: string | null = null;
  for (const template of SECTION_TEMPLATES) {
    const written = template.write(ctx);
    if (!written || written.length === 0) continue;
    const headingLines: string[] = [];
    if (template.parent) {
      if (currentParent !== template.parent.id) {
        topLevel += 1;
        subLevel = 0;
        currentParent = template.parent.id;
        headingLines.push(`${chineseNumeral(topLevel)}、${template.parent.title}`);
      }
      subLevel += 1;
      headingLines.push(`（${chineseNumeral(subLevel)}）${template.title}`);
    } else {
      topLevel += 1;
      currentParent = null;
      headingLines.push(`${chineseNumeral(topLevel)}、${template.title}`);
    }
    written.forEach((b, i) => paragraphs.push(b.build(template.id, i === 0 ? headingLines.join("\n") : undefined)));
  }
  const name = ctx.unitName ?? "";
  const year = ctx.year !== null ? `${ctx.year}年度` : "";
  return { title: `${name}${year}部门决算情况说明`, paragraphs };
}

/** The document as plain text: title, then each heading line and paragraph on its own line. */
export function narrativeToText(doc: NarrativeDocument): string {
  const lines: string[] = [doc.title];
  for (const p of doc.paragraphs) {
    if (p.heading) lines.push(...p.heading.split("\n"));
    lines.push(p.text);
  }
  return lines.join("\n");
}
