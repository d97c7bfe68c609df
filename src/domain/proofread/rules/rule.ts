/**
 * What every 说明 proofreading rule (NARR.*) declares about itself, in the shape of the table rules
 * (../../rules/rule.ts), and what its check is given. docs/rules.md lists the declarations.
 */
import type { Decimal } from "../../decimal";
import type { Severity } from "../../findings";
import type { RuleMeta } from "../../rules/rule";
import type { Claim } from "../claims";
import type { TextDocument } from "../document";
import type { TableLookup } from "../table-lookup";
import type { ProofreadFinding } from "../types";

export interface NarrRuleMeta extends Omit<RuleMeta, "id" | "severity" | "reads"> {
  id: `NARR.${string}`;
  /** the highest severity the rule reports */
  severity: Severity;
  /** when it reports which severity, in Chinese */
  policy: string;
  /** the tables it compares the text with, when they are given (none: it reads the text alone) */
  reads: RuleMeta["reads"];
}

/**
 * The passes, in the order they run. A figure the tables contradict is found first and is the root
 * cause: nothing is recomputed from it. The text is then checked against itself (recomputations share
 * which figures are wrong, in registry order), and the form last (it reads the recomputed ratios).
 */
export const PASSES = ["tables", "text", "form"] as const;
export type Pass = (typeof PASSES)[number];

export interface ProofreadContext {
  doc: TextDocument;
  claims: Claim[];
  /** the recognized tables, when given */
  tables?: TableLookup;
  percentDecimals?: 0 | 1 | 2;
  /** claims reported as wrong: no further finding is built on them */
  wrong: Set<number>;
  /** claim id → the finding that says the figure is wrong (or is an operand of a failed sum): the root cause */
  suspect: Map<number, ProofreadFinding>;
  /** percentages recomputed by the text pass, by claim id */
  ratios: Map<number, Decimal>;
}

export interface NarrRule {
  meta: NarrRuleMeta;
  pass: Pass;
  /**
   * Absent when the rule is a verdict another rule's recomputation gives (a percentage that is the
   * truncated value is NARR.ROUNDING whichever percentage it is); the module then exports that verdict.
   */
  check?: (ctx: ProofreadContext) => ProofreadFinding[];
}
