/** Small helpers shared by narrative tests. */
import { generateNarrative, narrativeToText } from "../../src/domain/narrative";
import type { NarrativeDocument, NarrativeOptions, NarrativeParagraph } from "../../src/domain/narrative/types";
import { buildTables, xicheng2022, xicheng2023, type UnitData } from "./build-tables";

export function generate(data: UnitData = xicheng2023(), options: Partial<NarrativeOptions> = {}, previous: UnitData | null = xicheng2022()): NarrativeDocument {
  // the builder's tables carry no regional layout: name the template the wording asks for
  const template = options.style === "shanghai" ? "shanghai-2024" : "beijing-2023";
  return generateNarrative(buildTables(data), { template, ...(previous ? { previous: buildTables(previous) } : {}), ...options });
}

export function section(doc: NarrativeDocument, id: string): NarrativeParagraph[] {
  return doc.paragraphs.filter((p) => p.section === id);
}

export function texts(doc: NarrativeDocument, id: string): string[] {
  return section(doc, id).map((p) => p.text);
}

/** Sentences of the whole document (split after 。), in order. */
export function sentences(doc: NarrativeDocument): string[] {
  return narrativeToText(doc)
    .split("\n")
    .flatMap((line) => line.split(/(?<=。)/))
    .filter((s) => s.trim() !== "");
}

/** Sentences of `b` that are not in `a`, and of `a` not in `b`. */
export function sentenceDiff(a: NarrativeDocument, b: NarrativeDocument): { added: string[]; removed: string[] } {
  const sa = sentences(a);
  const sb = sentences(b);
  return { added: sb.filter((s) => !sa.includes(s)), removed: sa.filter((s) => !sb.includes(s)) };
}
