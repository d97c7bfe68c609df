/**
 * The input guard on its own (src/xlsx/input-limits.ts): what counts as a stray far cell and what is
 * real data far down a sheet, merges clipped to the used range, the area limit, and the zip checks on
 * bytes as a browser would hand them over (readWorkbookBuffer, no file system).
 */
import type { CellSnapshot, SheetSnapshot, WorkbookSnapshot } from "../../src/domain/grid";
import { INPUT_LIMITS, inspectWorkbookBytes, InputLimitError, strayCells, trimSnapshot } from "../../src/xlsx/input-limits";
import { readWorkbookBuffer } from "../../src/xlsx/read-workbook";
import { minimalXlsx, zip } from "../fixtures/hostile/make-hostile";

const cell = (t: string | number): CellSnapshot => ({ v: t, t: String(t) });

function sheet(cells: [number, number, string | number][], merges: SheetSnapshot["merges"] = []): SheetSnapshot {
  const grid: (CellSnapshot | null | undefined)[][] = [];
  let rowCount = 0;
  let colCount = 0;
  for (const [r, c, v] of cells) {
    (grid[r] ??= [])[c] = cell(v);
    rowCount = Math.max(rowCount, r + 1);
    colCount = Math.max(colCount, c + 1);
  }
  return { name: "表", index: 0, cells: grid, rowCount, colCount, merges, hiddenRows: [], hiddenCols: [] };
}

const table = (top: number, rows: number): [number, number, string | number][] =>
  Array.from({ length: rows }, (_, i) => [[top + i, 0, `项目${i}`] as [number, number, string], [top + i, 1, i * 100] as [number, number, number]]).flat();

describe("trimSnapshot", () => {
  it("drops a lone value at XFD1048576, shrinks the used range, clips merges, and lists the dropped cell", () => {
    const s = sheet([...table(0, 20), [1_048_575, 16_383, "x"]], [{ top: 0, left: 0, bottom: 1_048_575, right: 16_383 }]);
    const wb: WorkbookSnapshot = { sheets: [s] };
    trimSnapshot(wb);
    expect([s.rowCount, s.colCount]).toEqual([20, 2]);
    // the whole-sheet merge is clipped to the kept area plus the stray-cell gap (1,000 rows, 200 columns)
    expect(s.merges).toEqual([{ top: 0, left: 0, bottom: 19 + 1000, right: 1 + 200 }]);
    expect(strayCells(wb)).toEqual([{ sheet: "表", cells: ["XFD1048576"] }]);
  });

  it("keeps a second table far below the first (more than a handful of cells is data, not a slip)", () => {
    const s = sheet([...table(0, 20), ...table(5_000, 30)]);
    const wb: WorkbookSnapshot = { sheets: [s] };
    trimSnapshot(wb);
    expect(s.rowCount).toBe(5_030);
    expect(strayCells(wb)).toEqual([]);
  });

  it("refuses a sheet whose data really covers more than the area limit", () => {
    const wide = sheet([...table(0, 12), ...Array.from({ length: 12 }, (_, i) => [100_000 + i * 50, 100, 1] as [number, number, number])]);
    expect(wide.rowCount * wide.colCount).toBeGreaterThan(INPUT_LIMITS.usedArea);
    expect(() => trimSnapshot({ sheets: [wide] })).toThrow(InputLimitError);
  });
});

describe("inspectWorkbookBytes", () => {
  it("passes a small real workbook and reads it", async () => {
    const bytes = minimalXlsx('<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>收入决算表</t></is></c></row></sheetData>');
    expect(await inspectWorkbookBytes(bytes)).toBeNull();
    const snapshot = await readWorkbookBuffer(bytes, "小.xlsx");
    expect(snapshot.sheets[0].cells[0][0]?.t).toBe("收入决算表");
  });

  it("names what the file is when it is not a workbook, before any parser sees it", async () => {
    expect((await inspectWorkbookBytes(zip([{ name: "a.txt", data: Buffer.from("x") }])))?.code).toBe("not-workbook");
    expect((await inspectWorkbookBytes(Buffer.from("%PDF-1.7")))?.code).toBe("pdf");
    expect((await inspectWorkbookBytes(new Uint8Array(0)))?.code).toBe("empty");
    await expect(readWorkbookBuffer(zip([{ name: "word/document.xml", data: Buffer.from("<w/>") }, { name: "[Content_Types].xml", data: Buffer.from("<T/>") }]), "说明.xlsx")).rejects.toThrow(
      /说明\.xlsx：这是 Word 文档/,
    );
  });

  it("refuses a sheet that inflates beyond its declared size", async () => {
    const body = `<sheetData>${'<row r="1"><c r="A1"><v>1</v></c></row>'.repeat(2_000)}</sheetData>`;
    expect((await inspectWorkbookBytes(minimalXlsx(body, [], { declaredSize: 100 })))?.code).toBe("zip-bomb");
    expect(await inspectWorkbookBytes(minimalXlsx(body))).toBeNull();
  });
});
