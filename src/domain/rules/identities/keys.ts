/**
 * The row and column keys of the tables the identity catalogue reads, taken from each layout's own
 * `as const` declaration: a key renamed in a layout declaration is a compile error in the catalogue.
 */
import type { EXPENDITURE_KEYS } from "../../layouts/expenditure";
import type { FISCAL_SUMMARY_KEYS } from "../../layouts/fiscal-summary";
import type { GENERAL_BUDGET_BASIC_EXPENDITURE_KEYS } from "../../layouts/general-budget-basic-expenditure";
import type { GENERAL_BUDGET_EXPENDITURE_KEYS } from "../../layouts/general-budget-expenditure";
import type { FUND_TABLE_KEYS } from "../../layouts/government-fund";
import type { INCOME_KEYS } from "../../layouts/income";
import type { INCOME_EXPENDITURE_SUMMARY_KEYS } from "../../layouts/income-expenditure-summary";
import type { THREE_PUBLIC_EXPENSES_KEYS } from "../../layouts/three-public-expenses";

type ThreePublic = typeof THREE_PUBLIC_EXPENSES_KEYS;

interface KeysByKind {
  "income-expenditure-summary": typeof INCOME_EXPENDITURE_SUMMARY_KEYS;
  income: typeof INCOME_KEYS;
  expenditure: typeof EXPENDITURE_KEYS;
  "fiscal-summary": typeof FISCAL_SUMMARY_KEYS;
  "general-budget-expenditure": typeof GENERAL_BUDGET_EXPENDITURE_KEYS;
  "general-budget-basic-expenditure": typeof GENERAL_BUDGET_BASIC_EXPENDITURE_KEYS;
  "three-public-expenses": { rows: ThreePublic["rows"]; columns: readonly `${ThreePublic["items"][number]}.${ThreePublic["measures"][number]}`[] };
  "government-fund": typeof FUND_TABLE_KEYS;
  "state-capital": typeof FUND_TABLE_KEYS;
}

/** The table kinds the catalogue declares identities on. */
export type CatalogueKind = keyof KeysByKind;

/** A row key of a kind: a declared key, or a classification-code row ("code:30212"). */
export type RowKey<K extends CatalogueKind> = KeysByKind[K]["rows"][number] | `code:${string}`;

export type ColumnKey<K extends CatalogueKind> = KeysByKind[K]["columns"][number];
