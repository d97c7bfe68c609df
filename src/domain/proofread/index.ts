/** Proofreading entry point (placeholder until the claim parser lands). */
import type { ProofreadFinding, ProofreadOptions } from "./types";
export * from "./types";

export function proofread(text: string, options: ProofreadOptions = {}): ProofreadFinding[] {
  void text;
  void options;
  return [];
}
