import type { CheckSettings, RuleFinding } from "../../findings";
import type { RecognizedTable } from "../../model";
import type { TableSet } from "../identities/engine";
import type { RuleMeta } from "../rule";

/** A rule that is not a sum: it reads the unit's tables and says what is wrong itself. */
export interface StructuralRule extends RuleMeta {
  check(set: TableSet, tables: readonly RecognizedTable[], settings: CheckSettings): RuleFinding[];
}
