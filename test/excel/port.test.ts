import { NOTE_PREFIX } from "../../src/domain/marks";
import { ExcelPortError } from "../../src/excel/errors";
import { asLiteralText, TEXT_SHEET_FONT } from "../../src/excel/excel-port";
import { safeSheetName, uniqueSheetName } from "../../src/excel/sheet-names";
import { createExcelPort } from "../../src/excel";
import { FakeExcel } from "../support/fake-excel";
import { portFor, twelveSheetWorkbook } from "./workbook";

describe("capabilities", () => {
  it.each([
    [20, { notes: true, comments: true, events: true }, 0],
    [18, { notes: true, comments: true, events: true }, 0],
    [17, { notes: false, comments: true, events: true }, 1],
    [12, { notes: false, comments: true, events: true }, 2],
    [9, { notes: false, comments: false, events: true }, 2],
    [8, { notes: false, comments: false, events: false }, 3],
  ])("ExcelApi 1.%i", async (apiVersion, expected, limitations) => {
    const fake = new FakeExcel({ apiVersion });
    const caps = await portFor(fake).capabilities();
    expect(caps).toMatchObject({ host: "excel", ...expected });
    expect(caps.limitations).toHaveLength(limitations);
    expect(fake.syncCount).toBe(0);
  });

  it("explains the comments fallback in zh-CN", async () => {
    const caps = await portFor(new FakeExcel({ apiVersion: 17 })).capabilities();
    expect(caps.limitations[0]).toContain("批注");
  });

  it("reports nothing supported outside an Office host", async () => {
    const caps = await createExcelPort().capabilities();
    expect(caps).toMatchObject({ notes: false, comments: false, events: false });
  });
});

describe("selectCell", () => {
  it("activates the sheet, then selects, in one sync", async () => {
    const fake = twelveSheetWorkbook();
    await portFor(fake).selectCell("收入决算表", "E4");
    expect(fake.activeSheet).toBe("收入决算表");
    expect(fake.selection).toEqual({ sheet: "收入决算表", address: "E4" });
    expect(fake.syncCount).toBe(1);
    expect(fake.writes).toEqual([]);
  });

  it("reports a missing sheet in zh-CN", async () => {
    const error = await portFor(twelveSheetWorkbook())
      .selectCell("不存在", "A1")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExcelPortError);
    expect((error as ExcelPortError).message).toContain("找不到工作表");
  });
});

describe("insertTextSheet", () => {
  it("adds a sheet with one wrapped paragraph per row in column A, text kept literal", async () => {
    const fake = new FakeExcel();
    fake.addSheet("表一", { A1: 1 });
    await portFor(fake).insertTextSheet("说明", ["一、部门基本情况", "=这不是公式", "（一）机构设置"]);
    const sheet = fake.sheet("说明")!;
    expect(sheet.cell(0, 0)?.v).toBe("一、部门基本情况");
    expect(sheet.cell(1, 0)?.v).toBe("=这不是公式");
    expect(sheet.cell(1, 0)?.formula).toBeUndefined();
    expect(sheet.cell(2, 0)?.v).toBe("（一）机构设置");
    expect(sheet.cell(0, 0)).toMatchObject({ wrap: true, f: "@", font: { name: TEXT_SHEET_FONT } });
    expect(sheet.columnWidths.get(0)).toBeGreaterThanOrEqual(500);
    expect(fake.activeSheet).toBe("说明");
    expect(fake.calculationSuspended).toBe(1);
    // read (sheets, record), write, record the new sheet's id
    expect(fake.syncCount).toBe(3);
  });

  it("replaces its own earlier sheet in place, when asked, leaving no old paragraph behind", async () => {
    const fake = new FakeExcel();
    fake.addSheet("表一", { A1: 1 });
    const port = portFor(fake);
    await port.insertTextSheet("说明", ["旧1", "旧2", "旧3"]);
    expect(await port.insertTextSheet("说明", ["新"], { replaceOwn: true })).toEqual({ sheet: "说明", replaced: true });
    const sheet = fake.sheet("说明")!;
    expect(fake.sheets.filter((s) => s.name === "说明")).toHaveLength(1);
    expect(sheet.cell(0, 0)?.v).toBe("新");
    expect(sheet.cell(1, 0)?.v).toBeUndefined();
  });

  it("makes a unique sheet name, case-insensitively, within 31 characters", () => {
    expect(uniqueSheetName("决算说明", ["表一"])).toBe("决算说明");
    expect(uniqueSheetName("Notes", ["notes", "NOTES(2)"])).toBe("Notes(3)");
    expect(uniqueSheetName("长".repeat(31), ["长".repeat(31)])).toBe(`${"长".repeat(28)}(2)`);
  });

  it("makes a valid sheet name", () => {
    expect(safeSheetName("2023年度[部门]决算说明:定稿/最终")).toBe("2023年度_部门_决算说明_定稿_最终");
    expect(safeSheetName("很长的名字".repeat(10))).toHaveLength(31);
    expect(safeSheetName("''")).toBe("说明");
  });
});

describe("writeCellText", () => {
  it("writes exactly one cell", async () => {
    const fake = twelveSheetWorkbook();
    await portFor(fake).writeCellText("收入决算表", "A4", "一般公共服务支出（更正）");
    expect(fake.writes).toEqual([{ op: "values", sheet: "收入决算表", address: "A4", value: [["一般公共服务支出（更正）"]] }]);
    expect(fake.syncCount).toBe(1);
  });

  it("refuses a protected sheet with a zh-CN message", async () => {
    const fake = twelveSheetWorkbook();
    const error = await portFor(fake)
      .writeCellText("财政拨款收入支出决算总表", "A4", "x")
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "AccessDenied", retryable: false });
    expect((error as Error).message).toContain("受保护");
  });

  it("keeps formula-looking text literal but lets numbers be numbers", () => {
    expect(asLiteralText("=SUM(A1)")).toBe("'=SUM(A1)");
    expect(asLiteralText("-其中：")).toBe("'-其中：");
    expect(asLiteralText("-12.5")).toBe("-12.5");
    expect(asLiteralText("合计")).toBe("合计");
  });
});

describe("a whole session never writes values or formulas outside the user's explicit fixes", () => {
  it("read → mark → re-mark → clear", async () => {
    const fake = twelveSheetWorkbook();
    const port = portFor(fake);
    await port.readSnapshot();
    const marks = ["E4", "E5", "E6", "E7"].map((address) => ({ sheet: "收入决算表", address, severity: "error" as const, note: `${NOTE_PREFIX}x`, rules: ["R"] }));
    await port.writeMarks(marks);
    await port.writeMarks(marks.slice(1));
    await port.clearMarks();
    expect(fake.valueWrites()).toEqual([]);
    expect(fake.writes.some((w) => w.op === "numberFormat")).toBe(false);
    expect(fake.notes).toEqual([]);
  });
});
