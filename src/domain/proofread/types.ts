/** Proofreading findings: the public JSON of `juesuan proofread --json` (field names are stable). */
import type { Severity } from "../findings";
import type { RecognizedTable } from "../model";

export interface ProofreadFinding {
  rule: string;
  severity: Severity;
  /** the clause the finding is about, verbatim from the text */
  excerpt: string;
  /** UTF-16 offset of the excerpt in the text */
  offset: number;
  message: string;
  expected: string | null;
  actual: string | null;
  /** corrected wording for the excerpt, when unambiguous (offered as a one-click fix) */
  suggestion?: string;
  /** index (0-based) of the paragraph (line) of the text the excerpt starts in; the pane groups by it */
  paragraph?: number;
  /**
   * other statements recomputed from a figure this finding says is wrong: they are not reported on their
   * own (one root cause), only listed here
   */
  dependents?: { offset: number; excerpt: string }[];
}

export interface ProofreadOptions {
  /** recognized tables to check the claims against; without them only internal and form checks run */
  tables?: readonly RecognizedTable[];
  percentDecimals?: 0 | 1 | 2;
}
