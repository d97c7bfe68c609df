/**
 * The registry of the 说明 proofreading rules (NARR.*), one module each. The order is the order the
 * rules run in their pass (a failed sum before the shares, changes and completion rates that would be
 * recomputed from its figures; shares, changes, completion rates in this order list their dependents)
 * and the order findings on one place of the text are listed in.
 */
import { BRACKET } from "./bracket";
import { CAPTION } from "./caption";
import { CHANGE } from "./change";
import { COMPLETION } from "./completion";
import { CONSISTENCY } from "./consistency";
import { COUNT } from "./count";
import { DECIMALS } from "./decimals";
import { DIRECTION } from "./direction";
import { DUPLICATE_WORD } from "./duplicate-word";
import { LIST } from "./list";
import { NAME } from "./name";
import { NUMBERING } from "./numbering";
import { PLACEHOLDER } from "./placeholder";
import { PUNCTUATION } from "./punctuation";
import { REASON } from "./reason";
import { RESIDUE } from "./residue";
import { ROUNDING } from "./rounding";
import type { NarrRule } from "./rule";
import { SCORE } from "./score";
import { SHARE } from "./share";
import { SPACE } from "./space";
import { SUM } from "./sum";
import { TABLE_AMOUNT } from "./table-amount";
import { TOTALS } from "./totals";
import { UNIT } from "./unit";
import { WORDING } from "./wording";
import { YEAR } from "./year";
import { ZERO_CHANGE } from "./zero-change";
import { ZERO_ITEM } from "./zero-item";

export const NARR_RULES: readonly NarrRule[] = [
  RESIDUE,
  DUPLICATE_WORD,
  PUNCTUATION,
  WORDING,
  UNIT,
  ZERO_CHANGE,
  DIRECTION,
  SUM,
  COUNT,
  TOTALS,
  SHARE,
  CHANGE,
  ROUNDING,
  COMPLETION,
  CONSISTENCY,
  SCORE,
  LIST,
  TABLE_AMOUNT,
  DECIMALS,
  NUMBERING,
  CAPTION,
  YEAR,
  NAME,
  BRACKET,
  SPACE,
  ZERO_ITEM,
  REASON,
  PLACEHOLDER,
];

export { PASSES, type NarrRule, type NarrRuleMeta, type Pass, type ProofreadContext } from "./rule";
