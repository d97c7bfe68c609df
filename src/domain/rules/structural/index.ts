/**
 * Rules that are not sums, one module each: T7.3 (合计 0 ⇒ items 0), X11 (a fund column without
 * money ⇒ the fund table is empty and says so), ALL.1 (negative amounts).
 */
import { ALL_1 } from "./all-1-negative-amount";
import type { StructuralRule } from "./rule";
import { T7_3 } from "./t7-3-three-public-zero-total";
import { X11 } from "./x11-empty-fund-table";

export const STRUCTURAL_RULES: readonly StructuralRule[] = [T7_3, X11, ALL_1];
