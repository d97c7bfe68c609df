/** Sample packages for the WPS adapter tests and the bench (not a test file itself). */
import type { WorkbookSnapshot } from "../../src/domain/grid";
import { snapshotFromExcelJS } from "../../src/xlsx/read-exceljs";
import { bigExpenditureWorkbook } from "../support/big-workbook";
import { loadFixture } from "../support/fixtures";
import { WpsWorkbookPort } from "../../src/wps/wps-port";
import { appOf, fakeEtFromSnapshot, type FakeEt, type FakeEtOptions } from "./fake-et";

export const EXPENDITURE_SHEET = "C03 支出决算表";

/** The Beijing 12-sheet package with its 支出决算表 replaced by a generated one of `items` 项 rows. */
export async function twelveSheetPackage(items: number): Promise<WorkbookSnapshot> {
  const base = await loadFixture("beijing-12-tables-2023");
  const big = snapshotFromExcelJS(bigExpenditureWorkbook(items)).sheets[0];
  return {
    ...base,
    sheets: base.sheets.map((s) => (s.name === EXPENDITURE_SHEET ? { ...big, name: s.name, index: s.index } : s)),
  };
}

export function wpsPortFor(et: FakeEt): WpsWorkbookPort {
  return new WpsWorkbookPort(appOf(et), { eventBatchMs: 5 });
}

/** Object-model calls to read the 12-sheet package with a 支出决算表 of `items` rows. */
export async function readCalls(items: number, options: FakeEtOptions = {}): Promise<{ calls: number; rows: number; counts: Map<string, number> }> {
  const snapshot = await twelveSheetPackage(items);
  const et = fakeEtFromSnapshot(snapshot, options);
  const read = await wpsPortFor(et).readSnapshot();
  const rows = read.sheets.find((s) => s.name === EXPENDITURE_SHEET)?.rowCount ?? 0;
  return { calls: et.calls, rows, counts: new Map(et.counts) };
}
