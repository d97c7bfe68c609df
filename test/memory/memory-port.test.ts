import type { WorkbookSnapshot } from "../../src/domain/grid";
import { MARK_FILL, NOTE_PREFIX, type CellMark } from "../../src/domain/marks";
import type { EditEvent } from "../../src/domain/port";
import { MemoryWorkbookPort, userCell } from "../../src/memory/memory-port";

function workbook(): WorkbookSnapshot {
  return {
    fileName: "t.xlsx",
    sheets: [
      {
        name: "收入决算表",
        index: 0,
        cells: [
          [{ v: "收入决算表", t: "收入决算表" }],
          [{ v: "合计", t: "合计" }, { v: 123.456, t: "123.46", f: "#,##0.00" }],
          [{ v: "其他", t: "其他" }, { v: 1000, t: "1,000.00", f: "#,##0.00" }],
        ],
        rowCount: 3,
        colCount: 2,
        merges: [{ top: 0, left: 0, bottom: 0, right: 1 }],
        hiddenRows: [],
        hiddenCols: [],
      },
      {
        name: "Locked",
        index: 1,
        cells: [[{ v: 1, t: "1" }]],
        rowCount: 1,
        colCount: 1,
        merges: [],
        hiddenRows: [],
        hiddenCols: [],
        protected: true,
      },
    ],
  };
}

const mark = (sheet: string, address: string, severity: CellMark["severity"] = "error"): CellMark => ({
  sheet,
  address,
  severity,
  note: `${NOTE_PREFIX}\n[T1.1] 合计不符`,
  rules: ["T1.1"],
});

describe("MemoryWorkbookPort", () => {
  it("reads a deep copy of the workbook and reports progress per sheet", async () => {
    const port = new MemoryWorkbookPort(workbook());
    const progress: string[] = [];
    const snap = await port.readSnapshot((p) => progress.push(`${p.done}/${p.total}`));
    expect(progress).toEqual(["1/2", "2/2"]);
    expect(snap.sheets.map((s) => s.name)).toEqual(["收入决算表", "Locked"]);
    expect(snap.sheets[0].cells[1][1]).toEqual({ v: 123.456, t: "123.46", f: "#,##0.00" });
    // Mutating what the engine got must not reach the port's model.
    snap.sheets[0].cells[1][1] = { v: 0, t: "0" };
    expect(port.cell("收入决算表", "B2")?.v).toBe(123.456);
  });

  it("marks cells with the severity fill and note, records originals, and clearMarks restores them exactly", async () => {
    const port = new MemoryWorkbookPort(workbook(), { formats: { "收入决算表!B3": { fill: "#00FF00", note: "用户自己的批注" } } });
    const before = await port.readSnapshot();
    const outcome = await port.writeMarks([mark("收入决算表", "B2"), mark("收入决算表", "B3", "warning")]);
    expect(outcome).toEqual({ marked: 2, explanations: "notes", protectedSheets: [], warnings: [] });
    expect(port.cellFormat("收入决算表", "B2")).toEqual({ fill: MARK_FILL.error, note: `${NOTE_PREFIX}\n[T1.1] 合计不符` });
    expect(port.cellFormat("收入决算表", "B3").fill).toBe(MARK_FILL.warning);
    expect(port.getState().marks.size).toBe(2);

    await port.clearMarks();
    expect(port.cellFormat("收入决算表", "B2")).toEqual({ fill: null, note: null });
    expect(port.cellFormat("收入决算表", "B3")).toEqual({ fill: "#00FF00", note: "用户自己的批注" });
    expect(port.getState().marks.size).toBe(0);
    // Values never change on check or clear.
    expect(await port.readSnapshot()).toEqual(before);
  });

  it("replaces previous marks on a new writeMarks and keeps the true originals", async () => {
    const port = new MemoryWorkbookPort(workbook(), { formats: { "收入决算表!B2": { fill: "#123456" } } });
    await port.writeMarks([mark("收入决算表", "B2")]);
    await port.writeMarks([mark("收入决算表", "B3", "warning")]);
    expect(port.cellFormat("收入决算表", "B2")).toEqual({ fill: "#123456", note: null });
    expect(port.cellFormat("收入决算表", "B3").fill).toBe(MARK_FILL.warning);
    await port.clearMarks();
    expect(port.cellFormat("收入决算表", "B2")).toEqual({ fill: "#123456", note: null });
    expect(port.cellFormat("收入决算表", "B3")).toEqual({ fill: null, note: null });
  });

  it("skips protected sheets and reports them, and warns about unknown sheets", async () => {
    const port = new MemoryWorkbookPort(workbook());
    const outcome = await port.writeMarks([mark("Locked", "A1"), mark("收入决算表", "B2"), mark("没有这张表", "A1")]);
    expect(outcome.marked).toBe(1);
    expect(outcome.protectedSheets).toEqual(["Locked"]);
    expect(outcome.warnings).toHaveLength(1);
    expect(outcome.warnings[0]).toContain("没有这张表");
    expect(port.cellFormat("Locked", "A1")).toEqual({ fill: null, note: null });
  });

  it("selectCell sets the selection and active sheet; unknown sheets are rejected", async () => {
    const port = new MemoryWorkbookPort(workbook());
    let notified = 0;
    const off = port.subscribe(() => notified++);
    await port.selectCell("Locked", "$a$1");
    expect(port.getState().selection).toEqual({ sheet: "Locked", address: "A1" });
    expect(port.getState().activeSheet).toBe("Locked");
    expect(notified).toBe(1);
    off();
    await port.selectCell("收入决算表", "B2");
    expect(notified).toBe(1);
    await expect(port.selectCell("无此表", "A1")).rejects.toThrow("无此表");
  });

  it("editCell simulates a user edit: the value changes in the cell's format and edit handlers fire", async () => {
    const port = new MemoryWorkbookPort(workbook());
    const events: EditEvent[][] = [];
    const unsubscribe = await port.subscribeToEdits((e) => events.push(e));
    port.editCell("收入决算表", "B2", "1234.5");
    expect(port.cell("收入决算表", "B2")).toEqual({ v: 1234.5, t: "1,234.50", f: "#,##0.00" });
    expect(events).toEqual([[{ sheet: "收入决算表", address: "B2" }]]);
    const snap = await port.readSnapshot();
    expect(snap.sheets[0].cells[1][1]?.v).toBe(1234.5);
    await unsubscribe();
    port.editCell("收入决算表", "B2", "1");
    expect(events).toHaveLength(1);
    expect(() => port.editCell("Locked", "A1", "2")).toThrow("受保护");
  });

  it("the add-in's own writes fire no edit event", async () => {
    const port = new MemoryWorkbookPort(workbook());
    const handler = jest.fn();
    await port.subscribeToEdits(handler);
    await port.writeMarks([mark("收入决算表", "B2")]);
    await port.clearMarks();
    await port.writeCellText("收入决算表", "C5", "改正后的文字");
    await port.insertTextSheet("决算说明", ["一、总体情况", "二、收入"]);
    expect(handler).not.toHaveBeenCalled();
    expect(port.cell("收入决算表", "C5")).toEqual({ v: "改正后的文字", t: "改正后的文字" });
    const snap = await port.readSnapshot();
    expect(snap.sheets[0].rowCount).toBe(5);
    expect(snap.sheets[0].colCount).toBe(3);
  });

  it("insertTextSheet adds a sheet with one paragraph per row; a second call adds another unless asked to replace its own", async () => {
    const port = new MemoryWorkbookPort(workbook());
    await port.insertTextSheet("决算说明", ["甲", "乙"]);
    let snap = await port.readSnapshot();
    expect(snap.sheets.map((s) => s.name)).toEqual(["收入决算表", "Locked", "决算说明"]);
    expect(snap.sheets[2].cells.map((r) => r[0]?.t)).toEqual(["甲", "乙"]);
    expect(snap.sheets[2].index).toBe(2);
    expect(port.getState().activeSheet).toBe("决算说明");
    expect(await port.insertTextSheet("决算说明", ["丙"])).toEqual({ sheet: "决算说明(2)", replaced: false });
    expect(await port.ownTextSheet()).toBe("决算说明(2)");
    expect(await port.insertTextSheet("决算说明", ["丁"], { replaceOwn: true })).toEqual({ sheet: "决算说明(2)", replaced: true });
    snap = await port.readSnapshot();
    expect(snap.sheets.map((s) => s.name)).toEqual(["收入决算表", "Locked", "决算说明", "决算说明(2)"]);
    expect(snap.sheets[2].cells.map((r) => r[0]?.t)).toEqual(["甲", "乙"]);
    expect(snap.sheets[3].cells.map((r) => r[0]?.t)).toEqual(["丁"]);
  });

  it("state objects change identity on every change only (for useSyncExternalStore)", async () => {
    const port = new MemoryWorkbookPort(workbook());
    const a = port.getState();
    expect(port.getState()).toBe(a);
    await port.writeMarks([mark("收入决算表", "B2")]);
    const b = port.getState();
    expect(b).not.toBe(a);
    expect(b.version).toBe(a.version + 1);
    expect(b.formats.get("收入决算表\u0000B2")?.fill).toBe(MARK_FILL.error);
    // The old state is a snapshot: it did not see the mark.
    expect(a.formats.get("收入决算表\u0000B2")).toBeUndefined();
  });

  it("capabilities describe an in-memory host with events", async () => {
    const port = new MemoryWorkbookPort(workbook(), { capabilities: { limitations: ["测试限制"] } });
    expect(await port.capabilities()).toEqual({ host: "memory", notes: true, comments: false, events: true, limitations: ["测试限制"] });
  });
});

describe("userCell", () => {
  it("turns typed numbers into numbers displayed in the cell's format, text stays text", () => {
    expect(userCell("1,234.5", "#,##0.00")).toEqual({ v: 1234.5, t: "1,234.50", f: "#,##0.00" });
    expect(userCell("12.5%", undefined)).toEqual({ v: 0.125, t: "12.50%", f: "0.00%" });
    expect(userCell("合计", undefined)).toEqual({ v: "合计", t: "合计" });
    expect(userCell("", "0.00")).toEqual({ v: null, t: "", f: "0.00" });
    expect(userCell("(12.00)", "#,##0.00")).toEqual({ v: -12, t: "-12.00", f: "#,##0.00" });
  });
});
