/**
 * What every rule declares about itself, whatever its family (identity, structural, 绩效自评):
 * docs/rules.md is generated from these declarations (scripts/gen-rules-doc.ts).
 */
import type { Severity } from "../findings";
import type { TableKind } from "../model";

export interface RuleMeta {
  /** T1.3, X7, ALL.1, P6, S4 … (several identity declarations may share one id: one per column or fund) */
  id: string;
  /** the rule as a reviewer reads it, in Chinese */
  statement: string;
  /** severity when it is broken beyond rounding; a finding may lower itself to info (舍位差异, notes) */
  severity: Exclude<Severity, "info">;
  /** the tables it reads */
  reads: readonly TableKind[];
}
