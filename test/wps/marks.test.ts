import { MARK_FILL, NOTE_PREFIX, type CellMark } from "../../src/domain/marks";
import { hexToBgr } from "../../src/wps/et";
import { STORE_NAMESPACE } from "../../src/wps/mark-store";
import { FakeEt, WHITE, XL_SOLID, type FakeEtOptions } from "./fake-et";
import { wpsPortFor } from "./packages";

const XL_GRAY25 = -4124;
const mark = (sheet: string, address: string, severity: CellMark["severity"] = "error", text = "[T1.1] 合计不等"): CellMark => ({
  sheet,
  address,
  severity,
  note: `${NOTE_PREFIX}\n${text}`,
  rules: ["T1.1"],
});

function workbook(options: FakeEtOptions = {}): FakeEt {
  const et = new FakeEt(options);
  et.addSheet("收入支出决算总表", {
    A1: "收入支出决算总表",
    B5: 100,
    B6: { v: 200, fill: { pattern: XL_SOLID, color: WHITE } },
    B7: { v: 300, fill: { pattern: XL_GRAY25, color: 0x00ffff, patternColor: 0x0000ff } },
    B8: { v: 400, comment: { text: "请核对（王科长）", author: "王科长" } },
  });
  et.addSheet("收入决算表", { A1: "收入决算表", C4: 1 }).protected = true;
  return et;
}

/** Fill and 批注 of every cell, as the user sees them. */
function formats(et: FakeEt): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const s of et.sheets) for (const [k, c] of s.cells) out[`${s.name}!${k}`] = { v: c.v ?? null, fill: c.fill ?? null, comment: c.comment ?? null };
  return out;
}

describe("writeMarks / clearMarks", () => {
  it.each([WHITE, 0])("No Fill (read back as colour %i), white fill and a hatch pattern are restored exactly", async (noFillColor) => {
    const et = workbook({ noFillColor });
    const before = formats(et);
    const port = wpsPortFor(et);
    const outcome = await port.writeMarks([mark("收入支出决算总表", "B5"), mark("收入支出决算总表", "B6", "warning"), mark("收入支出决算总表", "$b$7")]);
    const sheet = et.sheet("收入支出决算总表")!;
    expect(outcome).toMatchObject({ marked: 3, explanations: "comments", protectedSheets: [] });
    expect(sheet.cell("B5")?.fill).toEqual({ pattern: XL_SOLID, color: hexToBgr(MARK_FILL.error) });
    expect(sheet.cell("B6")?.fill?.color).toBe(hexToBgr(MARK_FILL.warning));
    expect(sheet.cell("B7")?.fill).toMatchObject({ pattern: XL_SOLID, color: hexToBgr(MARK_FILL.error) });
    expect(sheet.cell("B5")?.comment?.text).toMatch(new RegExp(`^${NOTE_PREFIX}`));
    await port.clearMarks();
    expect(formats(et)).toEqual(before);
    expect(sheet.cell("B5")?.fill).toBeUndefined(); // No Fill, not a white fill
    expect(et.valueWrites()).toEqual([]);
    expect(et.xmlParts).toEqual([]);
  });

  it("never touches a user's own 批注: the cell gets the fill only, and the pane is told", async () => {
    const et = workbook();
    const before = formats(et);
    const port = wpsPortFor(et);
    const outcome = await port.writeMarks([mark("收入支出决算总表", "B8")]);
    const cell = et.sheet("收入支出决算总表")!.cell("B8")!;
    expect(cell.comment).toEqual({ text: "请核对（王科长）", author: "王科长" });
    expect(cell.fill?.color).toBe(hexToBgr(MARK_FILL.error));
    expect(outcome.warnings.join("")).toContain("1 个单元格已有用户自己的备注或批注，未改动");
    await port.clearMarks();
    expect(formats(et)).toEqual(before);
  });

  it("skips protected sheets and says which", async () => {
    const et = workbook();
    const outcome = await wpsPortFor(et).writeMarks([mark("收入决算表", "C4"), mark("收入支出决算总表", "B5")]);
    expect(outcome.protectedSheets).toEqual(["收入决算表"]);
    expect(outcome.warnings[0]).toContain("“收入决算表”受保护");
    expect(et.writes.filter((w) => w.sheet === "收入决算表")).toEqual([]);
    expect(outcome.marked).toBe(1);
  });

  it.each<FakeEtOptions["protectedWrites"]>(["throw", "ignore"])("a write the host refuses (%s) does not stop the other marks, and clear still restores", async (protectedWrites) => {
    const et = workbook({ protectedWrites });
    et.addSheet("支出决算表", { A1: "支出决算表", D9: 5 }).locked = true;
    const before = formats(et);
    const port = wpsPortFor(et);
    const outcome = await port.writeMarks([mark("支出决算表", "D9"), mark("收入支出决算总表", "B5")]);
    expect(et.sheet("收入支出决算总表")!.cell("B5")?.fill?.color).toBe(hexToBgr(MARK_FILL.error));
    if (protectedWrites === "throw") expect(outcome.warnings.join("")).toContain("WPS 拒绝修改 1 个单元格");
    await port.clearMarks();
    expect(formats(et)).toEqual(before);
  });

  it("keeps the originals in a custom XML part, so a new session (file reopened) can still clear", async () => {
    const et = workbook();
    const before = formats(et);
    const sheetsBefore = et.sheets.map((s) => s.name);
    await wpsPortFor(et).writeMarks([mark("收入支出决算总表", "B5"), mark("收入支出决算总表", "B6")]);
    expect(et.xmlParts).toHaveLength(1);
    expect(et.xmlParts[0].namespace).toBe(STORE_NAMESPACE);
    expect(et.sheets.map((s) => s.name)).toEqual(sheetsBefore);
    await wpsPortFor(et).clearMarks(); // another port instance: nothing carried over in memory
    expect(formats(et)).toEqual(before);
  });

  it("re-marking replaces the previous marks and keeps each cell's first original", async () => {
    const et = workbook();
    const before = formats(et);
    const port = wpsPortFor(et);
    await port.writeMarks([mark("收入支出决算总表", "B5"), mark("收入支出决算总表", "B6")]);
    await port.writeMarks([mark("收入支出决算总表", "B6", "warning", "[X1] 新问题")]);
    const sheet = et.sheet("收入支出决算总表")!;
    expect(sheet.cell("B5")?.fill).toBeUndefined();
    expect(sheet.cell("B5")?.comment).toBeUndefined();
    expect(sheet.cell("B6")?.comment?.text).toContain("[X1] 新问题");
    expect(sheet.cell("B6")?.fill?.color).toBe(hexToBgr(MARK_FILL.warning));
    await port.clearMarks();
    expect(formats(et)).toEqual(before);
  });

  it("finds a marked sheet again after its tab was renamed (by CodeName), for clearing and for re-marking", async () => {
    const et = workbook();
    const before = formats(et);
    const port = wpsPortFor(et);
    await port.writeMarks([mark("收入支出决算总表", "B5"), mark("收入支出决算总表", "B6")]);
    et.sheet("收入支出决算总表")!.name = "总表（改名）";
    await port.writeMarks([mark("总表（改名）", "B6", "warning")]);
    const sheet = et.sheet("总表（改名）")!;
    expect(sheet.cell("B5")?.fill).toBeUndefined();
    expect(sheet.cell("B6")?.fill?.color).toBe(hexToBgr(MARK_FILL.warning));
    sheet.name = "收入支出决算总表";
    await wpsPortFor(et).clearMarks();
    expect(formats(et)).toEqual(before);
  });

  it("without custom XML parts keeps the store for the session and warns", async () => {
    const et = workbook({ customXmlParts: false });
    const before = formats(et);
    const port = wpsPortFor(et);
    const outcome = await port.writeMarks([mark("收入支出决算总表", "B5")]);
    expect(outcome.warnings.join("")).toContain("关闭文件前请先“清除标记”");
    await port.clearMarks();
    expect(formats(et)).toEqual(before);
  });

  it("costs a few calls per marked cell, nothing per row of the sheet", async () => {
    const et = workbook();
    const sheet = et.sheet("收入支出决算总表")!;
    for (let r = 10; r < 5000; r++) sheet.set({ [`B${r}`]: r });
    const port = wpsPortFor(et);
    et.resetCounts();
    await port.writeMarks([mark("收入支出决算总表", "B5"), mark("收入支出决算总表", "B6")]);
    const two = et.calls;
    await port.clearMarks();
    et.resetCounts();
    await port.writeMarks(["B5", "B6", "B10", "B11"].map((a) => mark("收入支出决算总表", a)));
    const four = et.calls;
    expect(two).toBeLessThan(60);
    expect(four - two).toBeLessThanOrEqual(2 * 20);
  });

  it("clearing with nothing marked writes nothing", async () => {
    const et = workbook();
    await wpsPortFor(et).clearMarks();
    expect(et.writes).toEqual([]);
  });
});
