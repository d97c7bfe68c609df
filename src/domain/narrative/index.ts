/** Narrative entry point (placeholder until the templates land). */
import type { RecognizedTable } from "../model";
import { DEFAULT_NARRATIVE_OPTIONS, type NarrativeDocument, type NarrativeOptions } from "./types";
export * from "./types";

export function generateNarrative(tables: readonly RecognizedTable[], options: Partial<NarrativeOptions> = {}): NarrativeDocument {
  void tables;
  void { ...DEFAULT_NARRATIVE_OPTIONS, ...options };
  return { title: "决算说明", paragraphs: [] };
}
