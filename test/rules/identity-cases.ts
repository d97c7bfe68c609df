/**
 * Where each identity and structural rule breaks on a real fixture: one cell of the clean workbook's
 * snapshot changed as a user would type it, located through recognition (kind, row key, column key),
 * never by a hard-coded address, so the cases follow the fixtures. Used by identities.test.ts (what
 * the finding says) and every-rule.test.ts (every registered rule fires).
 */
import { Decimal } from "../../src/domain/decimal";
import { fromA1, type WorkbookSnapshot } from "../../src/domain/grid";
import type { RecognizedTable, TableKind } from "../../src/domain/model";

export interface Target {
  kind: TableKind;
  row: string | ((t: RecognizedTable) => string);
  col: string;
  group?: string;
}

export interface Case {
  rule: string;
  fixture: string;
  /** the cell that is changed, and by how much (or to what) */
  change: Target & { by?: string; to?: string };
  /** the cell the finding must mark (default: the changed cell) */
  marked?: Target;
  severity?: "error" | "warning";
}

const firstCode = (level: string, withChildren = false) => (t: RecognizedTable) => {
  const row = t.rows.find((r) => r.level === level && (!withChildren || t.rows.some((c) => c.code && c.code !== r.code && c.code.startsWith(r.code!))) && !r.cells[Object.keys(r.cells)[0]].displayed.isZero());
  if (!row) throw new Error(`no ${level} row in ${t.kind}`);
  return row.key;
};

export const SH = "shanghai-district-2024";
export const CENTRAL = "central-ministry-2023";
export const BJ = "beijing-xicheng-2023";

export const CASES: Case[] = [
  { rule: "T1.1", fixture: SH, change: { kind: "income-expenditure-summary", row: "total-this-year", group: "income", col: "amount", by: "0.09" } },
  { rule: "T1.2", fixture: SH, change: { kind: "income-expenditure-summary", row: "total-this-year", group: "expenditure", col: "amount", by: "1" } },
  { rule: "T1.3", fixture: SH, change: { kind: "income-expenditure-summary", row: "grand-total", group: "income", col: "amount", by: "1" } },
  { rule: "T1.4", fixture: SH, change: { kind: "income-expenditure-summary", row: "grand-total", group: "expenditure", col: "amount", by: "1" } },
  { rule: "T1.5", fixture: SH, change: { kind: "income-expenditure-summary", row: "grand-total", group: "income", col: "amount", by: "1" } },
  { rule: "T2.1", fixture: SH, change: { kind: "income", row: "total", col: "total", by: "1" } },
  { rule: "T2.2", fixture: SH, change: { kind: "income", row: firstCode("class", true), col: "fiscal", by: "1" } },
  { rule: "T3.1", fixture: SH, change: { kind: "expenditure", row: firstCode("item"), col: "total", by: "1" } },
  { rule: "T3.2", fixture: SH, change: { kind: "expenditure", row: firstCode("section", true), col: "basic", by: "1" } },
  { rule: "T4.1", fixture: SH, change: { kind: "fiscal-summary", row: "total-this-year", group: "expenditure", col: "total", by: "1" } },
  { rule: "T4.2", fixture: SH, change: { kind: "fiscal-summary", row: "total-this-year", group: "income", col: "amount", by: "1" } },
  { rule: "T4.4", fixture: SH, change: { kind: "fiscal-summary", row: "grand-total", group: "income", col: "amount", by: "1" } },
  { rule: "T4.5", fixture: SH, change: { kind: "fiscal-summary", row: "grand-total", group: "expenditure", col: "general-budget", by: "1" } },
  { rule: "T4.6", fixture: SH, change: { kind: "fiscal-summary", row: "grand-total", group: "income", col: "amount", by: "1" } },
  { rule: "T4.7", fixture: SH, change: { kind: "fiscal-summary", row: "closing-balance", group: "expenditure", col: "government-fund", by: "1" } },
  { rule: "T4.8", fixture: SH, change: { kind: "fiscal-summary", row: "total-this-year", group: "expenditure", col: "general-budget", by: "1" } },
  // a changed addend breaks its row sum and its column's 款 sum: the finding is marked on the addend itself
  { rule: "T5.1", fixture: SH, change: { kind: "general-budget-expenditure", row: firstCode("item"), col: "basic", by: "1" } },
  { rule: "T5.2", fixture: SH, change: { kind: "general-budget-expenditure", row: "total", col: "total", by: "1" } },
  { rule: "T6.1", fixture: SH, change: { kind: "general-budget-basic-expenditure", row: "code:301", col: "amount", by: "1" } },
  { rule: "T6.2", fixture: SH, change: { kind: "general-budget-basic-expenditure", row: "personnel-total", group: "personnel", col: "amount", by: "1" } },
  { rule: "T6.3", fixture: SH, change: { kind: "general-budget-basic-expenditure", row: "public-total", group: "public", col: "amount", by: "1" } },
  { rule: "T7.1", fixture: SH, change: { kind: "three-public-expenses", row: "data", col: "vehicle.actual", by: "1" } },
  { rule: "T7.2", fixture: SH, change: { kind: "three-public-expenses", row: "data", col: "total.budget", by: "1" } },
  { rule: "T7.3", fixture: BJ, change: { kind: "three-public-expenses", row: "data", col: "abroad.actual", to: "1.50" } },
  { rule: "T8.1", fixture: SH, change: { kind: "government-fund", row: "total", col: "basic", by: "1" } },
  { rule: "T8.2", fixture: SH, change: { kind: "government-fund", row: "total", col: "closing-balance", by: "1" } },
  { rule: "T8.3", fixture: SH, change: { kind: "government-fund", row: "total", col: "income", by: "1" } },
  { rule: "X1", fixture: SH, change: { kind: "income-expenditure-summary", row: "total-this-year", group: "income", col: "amount", by: "1" } },
  { rule: "X2", fixture: SH, change: { kind: "income-expenditure-summary", row: "total-this-year", group: "expenditure", col: "amount", by: "1" } },
  { rule: "X3", fixture: SH, change: { kind: "income", row: "total", col: "fiscal", by: "1" } },
  { rule: "X4", fixture: SH, change: { kind: "income-expenditure-summary", row: firstCode("class"), group: "expenditure", col: "amount", by: "1" } },
  { rule: "X5", fixture: SH, change: { kind: "fiscal-summary", row: "total-this-year", group: "income", col: "amount", by: "1" } },
  { rule: "X6", fixture: SH, change: { kind: "fiscal-summary", row: "general-budget", group: "income", col: "amount", by: "1" } },
  { rule: "X7", fixture: SH, change: { kind: "fiscal-summary", row: "total-this-year", group: "expenditure", col: "general-budget", by: "1" } },
  { rule: "X8", fixture: SH, change: { kind: "general-budget-expenditure", row: "total", col: "basic", by: "1" } },
  { rule: "X9", fixture: SH, change: { kind: "fiscal-summary", row: "total-this-year", group: "expenditure", col: "government-fund", by: "1" } },
  { rule: "X12", fixture: SH, change: { kind: "expenditure", row: firstCode("item"), col: "basic", to: "0" }, severity: "warning" },
  { rule: "X13", fixture: SH, change: { kind: "income-expenditure-summary", row: "opening-balance", group: "income", col: "amount", to: "0" }, severity: "warning" },
  { rule: "X16", fixture: SH, change: { kind: "expenditure", row: "total", col: "total", to: "0" }, severity: "warning" },
  { rule: "T4.3", fixture: CENTRAL, change: { kind: "fiscal-summary", row: "opening-balance", group: "income", col: "amount", by: "1" } },
  { rule: "T9.1", fixture: CENTRAL, change: { kind: "state-capital", row: "total", col: "project", by: "1" } },
  { rule: "T9.3", fixture: CENTRAL, change: { kind: "state-capital", row: "total", col: "total", by: "1" } },
  { rule: "X10", fixture: CENTRAL, change: { kind: "fiscal-summary", row: "total-this-year", group: "expenditure", col: "state-capital", by: "1" } },
  { rule: "X14", fixture: CENTRAL, change: { kind: "three-public-expenses", row: "data", col: "abroad.actual", to: "0" }, severity: "warning" },
  { rule: "ALL.1", fixture: SH, change: { kind: "expenditure", row: firstCode("item"), col: "project", to: "-3.00" }, severity: "warning" },
];

export function locate(tables: RecognizedTable[], t: Target): { table: RecognizedTable; address: string; value: Decimal } {
  const table = tables.find((x) => x.kind === t.kind);
  if (!table) throw new Error(`fixture has no ${t.kind}`);
  const key = typeof t.row === "function" ? t.row(table) : t.row;
  const row = table.rows.find((r) => r.key === key && (t.group === undefined || r.group === t.group));
  const cell = row?.cells[t.col];
  if (!cell) throw new Error(`no cell ${t.kind} ${key} ${t.col}`);
  return { table, address: cell.address, value: cell.displayed };
}

export function setCell(snapshot: WorkbookSnapshot, sheet: string, address: string, value: Decimal): WorkbookSnapshot {
  const { row, col } = fromA1(address);
  const sheets = snapshot.sheets.map((s) => {
    if (s.name !== sheet) return s;
    const cells = s.cells.map((r) => (r ? [...r] : r));
    const old = cells[row]?.[col];
    (cells[row] ??= [])[col] = { v: value.toNumber(), t: value.toFixed(2), f: old?.f ?? "#,##0.00" };
    return { ...s, cells };
  });
  return { ...snapshot, sheets };
}

