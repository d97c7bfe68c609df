/** Recognition entry point (placeholder until the recognizer lands). */
import type { WorkbookSnapshot } from "../grid";
import type { RecognizedTable } from "../model";
import type { Finding } from "../findings";

export interface RecognitionResult {
  tables: RecognizedTable[];
  /** recognition problems as findings (READ.* rules: a number that is not a number, a sheet that cannot be read …) */
  findings: Finding[];
}

export function recognizeWorkbook(snapshot: WorkbookSnapshot): RecognitionResult {
  void snapshot;
  return { tables: [], findings: [] };
}
