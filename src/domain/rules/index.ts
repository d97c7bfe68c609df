/** Rule engine entry point (placeholder until the rule catalogue lands). */
import type { RecognizedTable } from "../model";
import type { CheckSettings, Finding } from "../findings";

export function runRules(tables: readonly RecognizedTable[], settings: CheckSettings): Finding[] {
  void tables;
  void settings;
  return [];
}
