/**
 * 说明 generation. The regional template (templates/*, data) gives the parts and headings, word for word and
 * in order; one section module per heading writes its paragraphs (sections/*). Numbers come only from the
 * tables, last year's tables and the 补充信息 facts; anything else is a visible placeholder naming the fact
 * to enter, and the document lists what is still missing.
 */
import type { Finding } from "../findings";
import type { RecognizedTable } from "../model";
import { createContext, type NarrativeContext } from "./context";
import { assets } from "./sections/assets";
import { basic } from "./sections/basic";
import { expenditure } from "./sections/expenditure";
import { fiscalOverall } from "./sections/fiscal-overall";
import { generalBudgetDetail, generalBudgetOverall, generalBudgetStructure } from "./sections/general-budget";
import { glossary } from "./sections/glossary";
import { governmentFund } from "./sections/government-fund";
import { income } from "./sections/income";
import { overall } from "./sections/overall";
import { performance } from "./sections/performance";
import { performanceManagement } from "./sections/performance-management";
import { procurement } from "./sections/procurement";
import { composition, functions, units } from "./sections/profile";
import { purchasedServices } from "./sections/purchased-services";
import { runningCosts } from "./sections/running-costs";
import type { SectionTemplate } from "./sections/section";
import { stateCapital } from "./sections/state-capital";
import { tableList } from "./sections/table-list";
import { threePublicDetail, threePublicNone, threePublicOverall } from "./sections/three-public";
import { detectTemplate, TEMPLATES } from "./templates";
import type { NarrativeTemplate, TemplateNode } from "./templates/types";
import { DEFAULT_NARRATIVE_OPTIONS, type MissingFact, type NarrativeDocument, type NarrativeOptions, type NarrativeParagraph } from "./types";
export * from "./types";
export { detectTemplate, TEMPLATES, TEMPLATE_IDS, templateIdOf } from "./templates";
export type { NarrativeTemplate, NumberConventions, TemplateId } from "./templates/types";

/** Every section module by the id the templates name. */
const SECTIONS: Readonly<Record<string, SectionTemplate>> = Object.fromEntries(
  [
    functions,
    composition,
    units,
    tableList,
    overall,
    income,
    expenditure,
    fiscalOverall,
    generalBudgetOverall,
    generalBudgetStructure,
    generalBudgetDetail,
    basic,
    { ...threePublicNone, id: "three-public-none" },
    threePublicOverall,
    threePublicDetail,
    governmentFund,
    stateCapital,
    performanceManagement,
    performance,
    runningCosts,
    procurement,
    assets,
    purchasedServices,
    glossary,
  ].map((s) => [s.id, s]),
);

/** Stable paragraph ids: the section id, except the 三公 "无" sentence keeps the historical id "three-public". */
function paragraphId(section: string): string {
  return section === "three-public-none" ? "three-public" : section;
}

function fill(text: string, ctx: NarrativeContext): string {
  return text.replace(/\{U\}/g, ctx.unitName ?? "本部门").replace(/\{Y\}/g, ctx.year !== null ? String(ctx.year) : "本");
}

/** Every heading of a template in order, with its level (0 part, 1 一、, 2 （一）): what golden tests compare. */
export function templateHeadings(template: NarrativeTemplate): { text: string; level: number }[] {
  const out: { text: string; level: number }[] = [];
  const walk = (nodes: readonly TemplateNode[], level: number): void => {
    for (const n of nodes) {
      if (n.heading) out.push({ text: n.heading, level });
      if (n.children) walk(n.children, level + 1);
    }
  };
  walk(template.parts, 0);
  return out;
}

export function generateNarrative(tables: readonly RecognizedTable[], options: Partial<NarrativeOptions> = {}): NarrativeDocument {
  const detected = detectTemplate(tables);
  const id = options.template ?? detected.id;
  const template = TEMPLATES[id];
  const reason = options.template ? "按用户选择" : detected.reason;
  const conventions = {
    ...template.conventions,
    ...(options.percentDecimals !== undefined ? { percentDecimals: options.percentDecimals } : {}),
    ...(options.conventions ?? {}),
  };
  // the older option initialBudgets is the facts' initialBudgets group
  const facts = options.initialBudgets
    ? { ...(options.facts ?? {}), initialBudgets: { ...options.initialBudgets, ...(options.facts?.initialBudgets ?? {}) } }
    : options.facts;
  const resolved: NarrativeOptions = {
    ...DEFAULT_NARRATIVE_OPTIONS,
    style: template.style,
    ...options,
    facts,
    percentDecimals: conventions.percentDecimals,
  };
  const ctx = createContext(tables, resolved, template, conventions);
  const paragraphs: NarrativeParagraph[] = [];
  let pending: { text: string; level: number }[] = [];

  const emit = (section: string, written: ReturnType<SectionTemplate["write"]>): void => {
    for (const b of written ?? []) {
      const p = b.build(paragraphId(section));
      if (pending.length > 0) {
        p.heading = pending.map((h) => h.text).join("\n");
        p.headingLevels = pending.map((h) => h.level);
        pending = [];
      }
      paragraphs.push(p);
    }
  };
  const walk = (nodes: readonly TemplateNode[], level: number): void => {
    for (const node of nodes) {
      const mark = pending.length;
      if (node.heading) pending.push({ text: fill(node.heading, ctx), level });
      const before = paragraphs.length;
      for (const id of typeof node.section === "string" ? [node.section] : (node.section ?? [])) {
        const section = SECTIONS[id];
        emit(id, section ? section.write(ctx) : null);
      }
      if (node.children) walk(node.children, level + 1);
      // a sub-heading with nothing under it (三公 （一）（二） when there is no 三公 at all) is not printed
      if (paragraphs.length === before && level > 1) pending.length = mark;
    }
  };
  walk(template.parts, 0);
  // headings left at the end (nothing under them) still print, on an empty paragraph
  if (pending.length > 0) emit("end", [ctx.paragraph()]);

  const missing: MissingFact[] = [];
  const seen = new Set<string>();
  for (const p of paragraphs) {
    for (const ph of p.placeholders) {
      const key = ph.fact ?? ph.text;
      if (seen.has(key)) continue;
      seen.add(key);
      missing.push({ key, label: ph.text.replace(/^【待填：|】$/g, ""), kind: ctx.asked.get(key)?.kind ?? "text" });
    }
  }
  const warnings = [...unbalancedWarnings(options), ...new Set(ctx.warnings)];
  return {
    title: `${ctx.unitName ?? ""}${ctx.year !== null ? `${ctx.year}年度` : ""}部门决算`,
    paragraphs,
    template: { id, name: template.name, reason },
    warnings,
    missing,
  };
}

/** The tables of the 说明 on which the rules found errors, with how many: what the warning at the top names. */
export function unbalancedTables(tables: readonly RecognizedTable[], findings: readonly Finding[]): { table: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const f of findings) {
    if (f.severity !== "error") continue;
    const table = tables.find((t) => t.id === f.table) ?? tables.find((t) => t.sheet === f.sheet);
    if (!table || table.kind === "project-self-evaluation" || table.kind === "department-self-evaluation") continue;
    counts.set(table.title, (counts.get(table.title) ?? 0) + 1);
  }
  return [...counts.entries()].map(([table, count]) => ({ table, count }));
}

function unbalancedWarnings(options: Partial<NarrativeOptions>): string[] {
  const list = options.unbalanced ?? [];
  if (list.length === 0) return [];
  const total = list.reduce((n, t) => n + t.count, 0);
  return [
    `注意：本工作簿的勾稽关系有${total}处错误（${list.map((t) => `${t.table}${t.count}处`).join("、")}），合计不平，以下说明中的数字和比例可能不实，请先改正表格再发布。`,
  ];
}

/** The opening line: how many facts are still missing. */
export function missingSummary(doc: NarrativeDocument): string {
  const n = doc.missing?.length ?? 0;
  return n === 0 ? "补充信息已齐全，没有待填内容。" : `尚缺${n}项补充信息（见文中“待填”处）。`;
}

/** The document as plain text: warnings, the missing count, title, then each heading line and paragraph. */
export function narrativeToText(doc: NarrativeDocument, withPreamble = false): string {
  const lines: string[] = [];
  if (withPreamble) {
    for (const w of doc.warnings ?? []) lines.push(w);
    lines.push(missingSummary(doc));
  }
  lines.push(doc.title);
  for (const p of doc.paragraphs) {
    if (p.heading) lines.push(...p.heading.split("\n"));
    if (p.text) lines.push(p.text);
  }
  return lines.join("\n");
}
