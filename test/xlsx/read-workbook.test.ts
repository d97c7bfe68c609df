import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { unzipSync, zipSync } from "fflate";
import { inspectWorkbookBytes } from "../../src/xlsx/input-limits";
import { readXlsxSnapshot } from "../../src/xlsx/ooxml-reader";
import { readWorkbookBuffer, UnreadableWorkbookError } from "../../src/xlsx/read-workbook";
import { formatNumber } from "../../src/domain/number-format";
import { readNumber } from "../../src/domain/numbers";

async function bytesOf(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("readWorkbookBuffer", () => {
  it("reads values, displayed text, formats, formulas, merges and hidden rows", async () => {
    const bytes = await bytesOf((wb) => {
      const ws = wb.addWorksheet("收入决算表");
      ws.mergeCells("A1:D1");
      ws.getCell("A1").value = "收入决算表";
      const c = ws.getCell("C3");
      c.value = 503.2354;
      c.numFmt = "#,##0.00";
      ws.getCell("D3").value = { formula: "C3*2", result: 1006.4708 };
      ws.getCell("D3").numFmt = "#,##0.00";
      ws.getCell("B4").value = "1,234.56";
      ws.getCell("E4").value = 0.123;
      ws.getCell("E4").numFmt = "0.00%";
      ws.getRow(4).hidden = true;
      wb.addWorksheet("空表");
    });
    const snap = await readWorkbookBuffer(bytes, "a.xlsx");
    expect(snap.fileName).toBe("a.xlsx");
    const [s, empty] = snap.sheets;
    expect(s.name).toBe("收入决算表");
    expect(s.cells[0][0]?.t).toBe("收入决算表");
    expect(s.cells[0][1]).toBeUndefined();
    expect(s.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 3 }]);
    expect(s.cells[2][2]).toEqual({ v: 503.2354, t: "503.24", f: "#,##0.00" });
    expect(s.cells[2][3]?.formula).toBe("C3*2");
    expect(s.cells[2][3]?.t).toBe("1,006.47");
    expect(s.cells[3][4]?.t).toBe("12.30%");
    expect(s.hiddenRows).toEqual([3]);
    const read = readNumber(s.cells[3][1]);
    expect(read.kind === "number" && read.value.toString()).toBe("1234.56");
    expect(empty.rowCount).toBe(0);
  });

  it("names the file and says what to do for .xls, PDF, empty and truncated files", async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    await expect(readWorkbookBuffer(ole, "旧表.xls")).rejects.toThrow(/旧表\.xls：.*另存为 \.xlsx/);
    await expect(readWorkbookBuffer(new TextEncoder().encode("%PDF-1.7"), "x.xlsx")).rejects.toThrow(/PDF/);
    await expect(readWorkbookBuffer(new Uint8Array(), "e.xlsx")).rejects.toThrow(/文件为空/);
    const good = await bytesOf((wb) => wb.addWorksheet("a").getCell("A1").value = 1);
    await expect(readWorkbookBuffer(good.subarray(0, 200), "t.xlsx")).rejects.toBeInstanceOf(UnreadableWorkbookError);
  });
});

describe("formatNumber", () => {
  it.each([
    [1234.565, "#,##0.00", "1,234.57"],
    [-12.5, "#,##0.00;(#,##0.00)", "(12.50)"],
    [-12.5, "#,##0.00", "-12.50"],
    [0.9999, "0%", "100%"],
    [2.675, "0.00", "2.68"],
    [1.005, "0.00", "1.01"],
    [123.78, "General", "123.78"],
    [0, '#,##0.00;-#,##0.00;"—"', "—"],
    [11122315.04, "#,##0.00", "11,122,315.04"],
  ])("%p under %p shows %p", (v, f, t) => {
    expect(formatNumber(v, f)).toBe(t);
  });
});

describe("sheets inflated once (input guard → reader)", () => {
  const fixtures = join(__dirname, "..", "fixtures", "xlsx");

  it("the guard hands over every sheet it inflated, and the reader's snapshot from them equals its own unzip", async () => {
    for (const name of ["beijing-12-tables-2023.xlsx", "self-eval-project-2024.xlsx", "stacked-2023.xlsx"]) {
      const bytes = new Uint8Array(readFileSync(join(fixtures, name)));
      const kept = new Map<string, Uint8Array>();
      expect(await inspectWorkbookBytes(bytes, kept)).toBeNull();
      const sheetParts = Object.keys(unzipSync(bytes, { filter: (f) => /^xl\/worksheets\/[^/]+\.xml$/.test(f.name) }));
      expect([...kept.keys()].sort()).toEqual(sheetParts.sort());
      const fromKept = readXlsxSnapshot(bytes, name, kept);
      expect(kept.size).toBe(0); // each part used once, then released
      expect(fromKept).toEqual(readXlsxSnapshot(bytes, name));
    }
  });

  it("a file the guard refuses leaves nothing to reuse", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("收入决算表").getCell("A1").value = "收入决算表";
    wb.addWorksheet("大表").getCell("A1").value = 1;
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    // the second sheet declares less than it inflates to (a lying header is a zip bomb); the first one passed
    const lying = zipSync(unzipSync(bytes));
    patchDeclaredSize(lying, "xl/worksheets/sheet2.xml", 10);
    const kept = new Map<string, Uint8Array>();
    expect((await inspectWorkbookBytes(lying, kept))?.code).toBe("zip-bomb");
    expect(kept.size).toBe(0);
  });
});

/** Overwrites the uncompressed size of `name` in the zip's central directory (little-endian, offset 24). */
function patchDeclaredSize(zip: Uint8Array, name: string, size: number): void {
  const target = new TextEncoder().encode(name);
  for (let p = 0; p + 46 < zip.length; p++) {
    if (zip[p] !== 0x50 || zip[p + 1] !== 0x4b || zip[p + 2] !== 0x01 || zip[p + 3] !== 0x02) continue;
    const nameLength = zip[p + 28] | (zip[p + 29] << 8);
    const stored = zip.subarray(p + 46, p + 46 + nameLength);
    if (stored.length === target.length && stored.every((b, i) => b === target[i])) {
      new DataView(zip.buffer, zip.byteOffset).setUint32(p + 24, size, true);
      return;
    }
  }
  throw new Error(`no central directory entry for ${name}`);
}
