/**
 * The row and column keys of the standard tables, taken from each layout's own `as const` declaration
 * (its header words → key tables): the identity catalogue, the 说明's sections and the proofreader's
 * table lookups name cells through these types, so a key renamed in a layout is a compile error there.
 */
import type { AmountCell, RecognizedTable, TableKind, TableRow } from "../model";
import { EXPENDITURE_KEYS } from "./expenditure";
import { FISCAL_SUMMARY_KEYS } from "./fiscal-summary";
import { GENERAL_BUDGET_BASIC_EXPENDITURE_KEYS } from "./general-budget-basic-expenditure";
import { GENERAL_BUDGET_EXPENDITURE_KEYS } from "./general-budget-expenditure";
import { FUND_TABLE_KEYS } from "./government-fund";
import { INCOME_KEYS } from "./income";
import { INCOME_EXPENDITURE_SUMMARY_KEYS } from "./income-expenditure-summary";
import { THREE_PUBLIC_EXPENSES_KEYS } from "./three-public-expenses";

const { items, measures } = THREE_PUBLIC_EXPENSES_KEYS;

/** The keys each core layout declares, by table kind (its columns in the 三公 table: item.measure). */
export const DECLARED_KEYS = {
  "income-expenditure-summary": INCOME_EXPENDITURE_SUMMARY_KEYS,
  income: INCOME_KEYS,
  expenditure: EXPENDITURE_KEYS,
  "fiscal-summary": FISCAL_SUMMARY_KEYS,
  "general-budget-expenditure": GENERAL_BUDGET_EXPENDITURE_KEYS,
  "general-budget-basic-expenditure": GENERAL_BUDGET_BASIC_EXPENDITURE_KEYS,
  "three-public-expenses": { rows: THREE_PUBLIC_EXPENSES_KEYS.rows, columns: items.flatMap((i) => measures.map((m) => `${i}.${m}` as const)) },
  "government-fund": FUND_TABLE_KEYS,
  "state-capital": FUND_TABLE_KEYS,
} as const satisfies Partial<Record<TableKind, { rows: readonly string[]; columns: readonly string[] }>>;

type KeysByKind = typeof DECLARED_KEYS;

/** The table kinds whose layouts declare their keys (the nine core tables). */
export type KeyedKind = keyof KeysByKind;

/** A row key of a kind: a declared key, or a classification-code row ("code:30212"). */
export type RowKey<K extends KeyedKind> = KeysByKind[K]["rows"][number] | `code:${string}`;

export type ColumnKey<K extends KeyedKind> = KeysByKind[K]["columns"][number];

/** A recognized table known to be of kind K. */
export type KindTable<K extends TableKind> = RecognizedTable & { readonly kind: K };

/** The row with a declared key (in a group, when given). */
export function keyedRow<K extends KeyedKind>(table: KindTable<K>, key: RowKey<K>, group?: string): TableRow | undefined {
  return table.rows.find((r) => r.key === key && (group === undefined || r.group === group));
}

/** A row's cell in a declared column. */
export function keyedCell<K extends KeyedKind>(_table: KindTable<K>, row: TableRow | undefined, column: ColumnKey<K>): AmountCell | undefined {
  return row?.cells[column];
}
