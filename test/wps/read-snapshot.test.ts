import type { SheetSnapshot, WorkbookSnapshot } from "../../src/domain/grid";
import { checkWorkbook } from "../../src/domain/engine";
import { loadFixture } from "../support/fixtures";
import { appOf, FakeEt, fakeEtFromSnapshot, type FakeEtOptions } from "./fake-et";
import { EXPENDITURE_SHEET, readCalls, twelveSheetPackage, wpsPortFor } from "./packages";

/** What the engine depends on, per sheet: values, text and format of numbers, merges, hidden rows/cols. */
function essence(sheet: SheetSnapshot) {
  const cells: Record<string, unknown> = {};
  sheet.cells.forEach((row, r) =>
    row?.forEach((c, col) => {
      if (!c || ((c.v === null || c.v === "") && !c.formula)) return;
      cells[`${r},${col}`] = typeof c.v === "number" ? [c.v, c.t, c.f ?? null] : [c.v, c.formula ?? null];
    }),
  );
  return {
    name: sheet.name,
    cells,
    merges: [...sheet.merges].sort((a, b) => a.top - b.top || a.left - b.left),
    hiddenRows: [...sheet.hiddenRows].sort((a, b) => a - b),
    hiddenCols: [...sheet.hiddenCols].sort((a, b) => a - b),
    hidden: !!sheet.hidden,
    protected: !!sheet.protected,
  };
}

function ruleCells(snapshot: WorkbookSnapshot): string[] {
  return checkWorkbook(snapshot)
    .findings.map((f) => `${f.rule} ${f.sheet}!${f.cell} ${f.expected}/${f.actual}`)
    .sort();
}

describe("reading a workbook through the ET object model", () => {
  it.each(["beijing-12-tables-2023", "messy-sheets-2023", "shanghai-district-2024", "broken-t3-rowsum", "self-eval-project-2024"])(
    "%s: the same grid and the same findings as the .xlsx reader",
    async (name) => {
      const reference = await loadFixture(name);
      const read = await wpsPortFor(fakeEtFromSnapshot(reference)).readSnapshot();
      expect(read.sheets.map(essence)).toEqual(reference.sheets.map(essence));
      expect(ruleCells(read)).toEqual(ruleCells(reference));
    },
  );

  it.each<FakeEtOptions["emptyAs"]>(["undefined", "null", "empty-string"])("an empty cell handed over as %s is blank", async (emptyAs) => {
    const et = new FakeEt({ emptyAs });
    et.addSheet("表", { A1: "标题", C3: 12.5, B2: { f: "0.00" } });
    const sheet = (await wpsPortFor(et).readSnapshot()).sheets[0];
    expect(sheet.cells[0]?.[1]).toBeUndefined();
    expect(sheet.cells[1]?.[1]).toBeUndefined();
    expect(sheet.cells[2]?.[2]).toEqual({ v: 12.5, t: "12.5" });
    expect(sheet.rowCount).toBe(3);
    expect(sheet.colCount).toBe(3);
  });

  it.each<FakeEtOptions["errorsAs"]>(["code", "text"])("a formula error read as its %s becomes the error text", async (errorsAs) => {
    const et = new FakeEt({ errorsAs });
    et.addSheet("表", { A1: { v: "#REF!", formula: "B9/0" }, A2: 3 });
    const sheet = (await wpsPortFor(et).readSnapshot()).sheets[0];
    expect(sheet.cells[0]?.[0]).toEqual({ v: "#REF!", t: "#REF!", formula: "B9/0", error: true });
  });

  it("reads a one-cell sheet (Value2 is a scalar), an empty sheet, and sheet visibility and protection", async () => {
    const et = new FakeEt();
    et.addSheet("一格", { B2: { v: 0.1256, f: "0.00%" } });
    et.addSheet("空表");
    const hidden = et.addSheet("隐藏", { A1: "x" });
    hidden.visible = 2;
    hidden.protected = true;
    const read = await wpsPortFor(et).readSnapshot();
    expect(read.sheets[0].cells[1]?.[1]).toEqual({ v: 0.1256, t: "12.56%", f: "0.00%" });
    expect(read.sheets[1]).toMatchObject({ rowCount: 0, colCount: 0, cells: [] });
    expect(read.sheets[2]).toMatchObject({ hidden: true, protected: true });
    expect(read.fileName).toBe("部门决算.xlsx");
  });

  it("finds formats that differ inside a column by halving, only where numbers are", async () => {
    const et = new FakeEt();
    const cells: Record<string, number | { v: number; f: string }> = {};
    for (let r = 1; r <= 400; r++) cells[`B${r}`] = { v: r, f: r === 300 ? "0.00%" : "#,##0.00" };
    et.addSheet("表", cells);
    const sheet = (await wpsPortFor(et).readSnapshot()).sheets[0];
    expect(sheet.cells[299]?.[1]).toMatchObject({ f: "0.00%", t: "30000.00%" });
    expect(sheet.cells[298]?.[1]).toMatchObject({ f: "#,##0.00", t: "299.00" });
    expect(et.counts.get("Range.NumberFormat")).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(400)) + 2);
  });

  it("reports progress per sheet", async () => {
    const snapshot = await loadFixture("beijing-12-tables-2023");
    const seen: number[] = [];
    await wpsPortFor(fakeEtFromSnapshot(snapshot)).readSnapshot((p) => seen.push(p.done));
    expect(seen).toEqual(snapshot.sheets.map((_, i) => i + 1));
  });

  it("fails with a zh-CN message when no workbook is open", async () => {
    const app = { ActiveWorkbook: null };
    const { WpsWorkbookPort } = await import("../../src/wps/wps-port");
    await expect(new WpsWorkbookPort(app).readSnapshot()).rejects.toThrow("没有打开的工作簿");
  });
});

describe("object-model calls", () => {
  it("reading the 12-sheet package costs about the same for a 100-row and a 10,000-row 支出决算表", async () => {
    const small = await readCalls(100);
    const large = await readCalls(10_000);
    expect(large.rows).toBeGreaterThan(10_000);
    expect(small.rows).toBeLessThan(200);
    expect(large.calls).toBeLessThanOrEqual(2 * small.calls);
    // Values come in whole ranges: one Value2 per sheet block, never one per cell.
    expect(large.counts.get("Range.Value2")).toBe(12);
  });

  it("the generated 10,000-row sheet is read exactly", async () => {
    const snapshot = await twelveSheetPackage(10_000);
    const read = await wpsPortFor(fakeEtFromSnapshot(snapshot)).readSnapshot();
    const a = read.sheets.find((s) => s.name === EXPENDITURE_SHEET)!;
    const b = snapshot.sheets.find((s) => s.name === EXPENDITURE_SHEET)!;
    expect(essence(a)).toEqual(essence(b));
  });
});

test("appOf exposes the fake as an ET Application", () => {
  expect(appOf(new FakeEt()).ActiveWorkbook).toBeTruthy();
});
