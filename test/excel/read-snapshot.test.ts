import { cellAt } from "../../src/domain/grid";
import { ExcelPortError } from "../../src/excel/errors";
import { parseAreasAddress, planBlocks, toCellSnapshot } from "../../src/excel/read-snapshot";
import { FakeExcel } from "../support/fake-excel";
import { portFor, TABLE_NAMES, twelveSheetWorkbook } from "./workbook";

describe("readSnapshot", () => {
  it("reads a 12-sheet workbook in 3 syncs with values, text, formats, formulas, merges and hidden rows", async () => {
    const fake = twelveSheetWorkbook();
    const progress: number[] = [];
    const snapshot = await portFor(fake).readSnapshot((p) => progress.push(p.done));

    expect(fake.syncCount).toBe(3);
    expect(fake.writes).toEqual([]);
    expect(snapshot.fileName).toBe("部门决算.xlsx");
    expect(snapshot.sheets.map((s) => s.name)).toEqual(TABLE_NAMES);
    expect(progress).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);

    const first = snapshot.sheets[0];
    expect(first.index).toBe(0);
    expect(first.rowCount).toBe(7);
    expect(first.colCount).toBe(6);
    expect(cellAt(first, 0, 0)).toEqual({ v: "收入支出决算总表", t: "收入支出决算总表" });
    expect(cellAt(first, 3, 4)).toEqual({ v: 1234.5, t: "1,234.50", f: "#,##0.00" });
    expect(cellAt(first, 4, 4)).toEqual({ v: 0.1256, t: "12.56%", f: "0.00%" });
    expect(cellAt(first, 5, 4)).toEqual({ v: 1234.6256, t: "1,234.63", f: "#,##0.00", formula: "SUM(E4:E5)" });
    expect(cellAt(first, 6, 4)).toEqual({ v: "#REF!", t: "#REF!", formula: "E99/0", error: true });
    expect(cellAt(first, 1, 0)).toBeUndefined(); // blank
    expect(first.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 4 }]);
    expect(first.hiddenRows).toEqual([4]);
    expect(first.hiddenCols).toEqual([]);
    expect(first.hidden).toBeUndefined();
    expect(first.protected).toBeUndefined();

    expect(snapshot.sheets[3].protected).toBe(true);
    expect(snapshot.sheets[11].hidden).toBe(true);

    // A used range that starts at C5: rows and columns stay absolute.
    const offset = snapshot.sheets[10];
    expect(offset.rowCount).toBe(6);
    expect(offset.colCount).toBe(4);
    expect(offset.cells[0]).toBeUndefined();
    expect(cellAt(offset, 4, 2)).toEqual({ v: "机构运行经费", t: "机构运行经费" });
    expect(cellAt(offset, 5, 3)).toEqual({ v: 12.3, t: "12.30", f: "0.00" });
    expect(offset.hiddenCols).toEqual([3]);
    expect(offset.merges).toEqual([]);
  });

  it("keeps the sync count constant whatever the number of sheets", async () => {
    const fake = new FakeExcel();
    for (let i = 0; i < 60; i++) fake.addSheet(`表${i}`, { A1: i, B2: `x${i}` });
    const snapshot = await portFor(fake).readSnapshot();
    expect(snapshot.sheets).toHaveLength(60);
    expect(fake.syncCount).toBe(3);
  });

  it("reads a large sheet in several row blocks inside the same sync", async () => {
    // Each range read above 25 000 cells comes back null, so one range for the sheet would fail.
    const fake = new FakeExcel({ maxCellsPerRangeRead: 25_000 });
    const sheet = fake.addSheet("大表");
    for (let r = 0; r < 3000; r++) for (let c = 0; c < 20; c++) sheet.ensure(r, c).v = r * 100 + c;
    fake.addSheet("小表", { A1: "x" });

    const snapshot = await portFor(fake).readSnapshot();
    expect(fake.syncCount).toBe(3);
    expect(fake.syncs[2].reads).toBeGreaterThanOrEqual(3 * 2); // ≥ 3 blocks (range + row properties each)
    const big = snapshot.sheets[0];
    expect(big.rowCount).toBe(3000);
    for (const r of [0, 999, 1000, 1999, 2000, 2999]) expect(cellAt(big, r, 19)?.v).toBe(r * 100 + 19);

    // The same sheet as one block: Excel returns null values, and the adapter says so instead of guessing.
    const unblocked = portFor(fake, { readLimits: { maxCellsPerBlock: 1_000_000 } });
    await expect(unblocked.readSnapshot()).rejects.toBeInstanceOf(ExcelPortError);
  });

  it("spreads an oversized workbook over more syncs instead of exceeding the 5 MB response", async () => {
    const fake = new FakeExcel({ maxResponseBytes: 1_500_000 });
    const sheet = fake.addSheet("明细");
    for (let r = 0; r < 3000; r++) for (let c = 0; c < 20; c++) sheet.ensure(r, c).v = `第${r}行第${c}列的说明文字`;

    await expect(portFor(fake, { readLimits: { maxCellsPerSync: 80_000 } }).readSnapshot()).rejects.toMatchObject({
      code: "ResponsePayloadSizeLimitExceeded",
    });
    fake.resetCounters();
    const snapshot = await portFor(fake, { readLimits: { maxCellsPerSync: 20_000 } }).readSnapshot();
    expect(fake.syncCount).toBe(2 + 3);
    expect(cellAt(snapshot.sheets[0], 2999, 19)?.v).toBe("第2999行第19列的说明文字");
  });

  it("reads only the filled area when one stray value sits at XFD1048576: one more sync, and a notice", async () => {
    const fake = twelveSheetWorkbook();
    fake.sheet("支出决算表")!.set({ XFD1048576: "误输入" });
    const snapshot = await portFor(fake).readSnapshot();
    expect(fake.syncCount).toBe(4); // the usual 3, plus 1 for every oversized sheet together
    const sheet = snapshot.sheets.find((s) => s.name === "支出决算表")!;
    expect(sheet.rowCount).toBe(7);
    expect(sheet.colCount).toBe(6);
    expect(cellAt(sheet, 3, 4)?.v).toBe(1234.5);
    expect(snapshot.notices).toEqual([expect.stringContaining("工作表“支出决算表”在远离表格的位置（最远到 XFD1048576）还有内容，已忽略，只检查了 A1:F7")]);

    // Two sheets with stray cells still cost one extra sync, not one per sheet or per row.
    fake.resetCounters();
    fake.sheet("收入决算表")!.set({ A1048576: 1, XFD1: 2 });
    const again = await portFor(fake).readSnapshot();
    expect(fake.syncCount).toBe(4);
    expect(again.notices).toHaveLength(2);
    expect(again.sheets.find((s) => s.name === "收入决算表")!.colCount).toBe(6);
  });

  it("a sheet still too large after trimming is read by its first rows, and says so", async () => {
    const fake = new FakeExcel();
    const sheet = fake.addSheet("明细");
    for (let r = 0; r < 400; r++) for (let c = 0; c < 10; c++) sheet.ensure(r, c).v = r + c;
    const snapshot = await portFor(fake, { readLimits: { maxSheetCells: 1_000 } }).readSnapshot();
    expect(snapshot.sheets[0].rowCount).toBe(100);
    expect(snapshot.notices).toEqual(["工作表“明细”过大，只检查了前 100 行。"]);
    expect(fake.syncCount).toBe(4);
  });

  it("works on hosts without merged areas (1.13) or row properties (1.9)", async () => {
    const old = twelveSheetWorkbook({ apiVersion: 12 });
    const snapshot = await portFor(old).readSnapshot();
    expect(snapshot.sheets[0].merges).toEqual([]);
    expect(snapshot.sheets[0].hiddenRows).toEqual([4]);

    const older = twelveSheetWorkbook({ apiVersion: 8 });
    const s2 = await portFor(older).readSnapshot();
    expect(s2.sheets[0].hiddenRows).toEqual([]);
    expect(cellAt(s2.sheets[0], 3, 4)?.v).toBe(1234.5);
  });

  it("returns an empty sheet for a sheet without values", async () => {
    const fake = new FakeExcel();
    fake.addSheet("空表");
    const snapshot = await portFor(fake).readSnapshot();
    expect(snapshot.sheets[0]).toMatchObject({ name: "空表", rowCount: 0, colCount: 0, cells: [], merges: [] });
    expect(fake.syncCount).toBe(2);
  });
});

describe("read helpers", () => {
  it("plans row blocks within the cell budget and groups them per sync", () => {
    const groups = planBlocks([{ top: 2, left: 1, rows: 100, cols: 10 }, null, { top: 0, left: 0, rows: 5, cols: 5 }], {
      maxCellsPerBlock: 300,
      maxCellsPerSync: 600,
    });
    const blocks = groups.flat();
    expect(blocks.filter((b) => b.sheetIndex === 0).map((b) => [b.top, b.rows])).toEqual([
      [2, 30],
      [32, 30],
      [62, 30],
      [92, 10],
    ]);
    expect(blocks.every((b) => b.rows * b.cols <= 300)).toBe(true);
    expect(groups.every((g) => g.reduce((n, b) => n + b.rows * b.cols, 0) <= 600)).toBe(true);
    expect(groups).toHaveLength(2);
  });

  it("parses merged-area addresses, quoted sheet names included", () => {
    expect(parseAreasAddress("Sheet1!A1:E1, Sheet1!B3")).toEqual([
      { top: 0, left: 0, bottom: 0, right: 4 },
      { top: 2, left: 1, bottom: 2, right: 1 },
    ]);
    expect(parseAreasAddress("'表 1, 附''注'!$A$1:$C$2,'表 1, 附''注'!D4:D5")).toEqual([
      { top: 0, left: 0, bottom: 1, right: 2 },
      { top: 3, left: 3, bottom: 4, right: 3 },
    ]);
  });

  it("builds cells: blanks are null, General is omitted, #### is not a number's text, errors flagged", () => {
    expect(toCellSnapshot("", "", "General", "")).toBeNull();
    expect(toCellSnapshot(5, "5", "General", 5)).toEqual({ v: 5, t: "5" });
    expect(toCellSnapshot(1234.5, "####", "#,##0.00", 1234.5)).toEqual({ v: 1234.5, t: "1234.5", f: "#,##0.00" });
    expect(toCellSnapshot("#DIV/0!", "#DIV/0!", "General", "=A1/0")).toEqual({ v: "#DIV/0!", t: "#DIV/0!", formula: "A1/0", error: true });
    expect(toCellSnapshot("", "", "General", '=IF(A1,"","")')).toEqual({ v: "", t: "", formula: 'IF(A1,"","")' });
  });
});
