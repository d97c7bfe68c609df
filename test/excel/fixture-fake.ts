/** A fake Excel holding a real fixture workbook, cell for cell (values, text, formats, merges, hidden rows). */
import type { WorkbookSnapshot } from "../../src/domain/grid";
import { toA1 } from "../../src/domain/grid";
import { FakeExcel, type FakeExcelOptions } from "../support/fake-excel";

export function fakeFromSnapshot(snapshot: WorkbookSnapshot, options: FakeExcelOptions = {}): FakeExcel {
  const fake = new FakeExcel(options);
  for (const s of snapshot.sheets) {
    const cells: Record<string, { v: string | number | boolean | null; t: string; f?: string; formula?: string }> = {};
    s.cells.forEach((row, r) =>
      row?.forEach((c, col) => {
        if (c) cells[toA1(r, col)] = { v: c.v, t: c.t, ...(c.f ? { f: c.f } : {}), ...(c.formula ? { formula: c.formula } : {}) };
      }),
    );
    const sheet = fake.addSheet(s.name, cells);
    sheet.merges = [...s.merges];
    for (const r of s.hiddenRows) sheet.hiddenRows.add(r);
  }
  return fake;
}
