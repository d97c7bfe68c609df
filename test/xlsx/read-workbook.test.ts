import ExcelJS from "exceljs";
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
