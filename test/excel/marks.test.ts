import type { CellMark } from "../../src/domain/marks";
import { MARK_FILL, NOTE_PREFIX } from "../../src/domain/marks";
import { STORE_KEY } from "../../src/excel/mark-store";
import { FakeExcel, type FakeExcelOptions } from "../support/fake-excel";
import { portFor } from "./workbook";

const mark = (sheet: string, address: string, severity: CellMark["severity"] = "error", text = "合计不等于各项之和"): CellMark => ({
  sheet,
  address,
  severity,
  note: `${NOTE_PREFIX}\n[R1] ${text}`,
  rules: ["R1"],
});

/** 表一 with cells of every fill kind; 表二 plain; 表三 protected. */
function workbook(options: FakeExcelOptions = {}): FakeExcel {
  const fake = new FakeExcel(options);
  fake.addSheet("表一", {
    B2: { v: 100, fill: { pattern: "Solid", color: "#00B050" } }, // user's green
    B3: 200, // no fill
    B4: { v: 300, fill: { pattern: "Solid", color: "#FFFFFF" } }, // a real white fill
    B5: { v: 400, fill: { pattern: "Gray25", color: "#FFFF00", patternColor: "#FF0000" } },
    B6: 500,
    B7: 600,
  });
  fake.addSheet("表二", { C3: 1, C4: 2 });
  fake.addSheet("表三", { A1: 1 }).protected = true;
  return fake;
}

function expectNoValueWrites(fake: FakeExcel): void {
  expect(fake.valueWrites()).toEqual([]);
}

describe("writeMarks", () => {
  it("marks with 1 read sync + 1 write sync, fills grouped per sheet and severity, notes prefixed", async () => {
    const fake = workbook();
    const port = portFor(fake);
    const outcome = await port.writeMarks([
      mark("表一", "B2"),
      mark("表一", "B3"),
      mark("表一", "B6", "warning"),
      mark("表二", "C3", "info"),
      mark("表二", "$C$4"),
    ]);

    expect(outcome).toEqual({ marked: 5, explanations: "notes", protectedSheets: [], warnings: [] });
    expect(fake.syncCount).toBe(2);
    expect(fake.readSyncs()).toBe(1);
    expect(fake.writeSyncs()).toBe(1);
    expectNoValueWrites(fake);

    const one = fake.sheet("表一")!;
    expect(one.fillAt("B2")).toEqual({ pattern: "Solid", color: MARK_FILL.error });
    expect(one.fillAt("B3")).toEqual({ pattern: "Solid", color: MARK_FILL.error });
    expect(one.fillAt("B6")).toEqual({ pattern: "Solid", color: MARK_FILL.warning });
    expect(one.fillAt("B7")).toEqual({ pattern: "None", color: "#FFFFFF" });
    expect(fake.sheet("表二")!.fillAt("C3")).toEqual({ pattern: "Solid", color: MARK_FILL.info });
    // One RangeAreas call per sheet × severity, not one per cell.
    const fillCalls = fake.writes.filter((w) => w.op === "fill.color");
    expect(fillCalls.map((w) => `${w.sheet}:${w.address}`).sort()).toEqual(["表一:B2,B3", "表一:B6", "表二:C3", "表二:C4"]);

    expect(fake.notes.map((n) => `${n.sheet.name}!${n.address}`).sort()).toEqual(["表一!B2", "表一!B3", "表一!B6", "表二!C3", "表二!C4"]);
    expect(fake.notes.every((n) => n.content.startsWith(NOTE_PREFIX))).toBe(true);
    expect(typeof fake.settings.get(STORE_KEY)).toBe("string");
  });

  it("prefixes a note that lacks NOTE_PREFIX and keeps the worst severity of duplicate marks", async () => {
    const fake = workbook();
    await portFor(fake).writeMarks([
      { ...mark("表一", "B3", "warning"), note: "只是提示" },
      mark("表一", "B3", "error", "更严重"),
    ]);
    expect(fake.sheet("表一")!.fillAt("B3").color).toBe(MARK_FILL.error);
    expect(fake.notes).toHaveLength(1);
    expect(fake.notes[0].content).toBe(`${NOTE_PREFIX}\n[R1] 更严重`);
  });

  it("clearMarks restores every original fill exactly and removes only the add-in's notes", async () => {
    const fake = workbook();
    fake.addNote("表一", "B7", "用户自己的备注");
    fake.addComment("表二", "C4", "审计意见：请核对");
    const before = ["B2", "B3", "B4", "B5", "B6", "B7"].map((a) => fake.sheet("表一")!.fillAt(a));
    const port = portFor(fake);
    await port.writeMarks(["B2", "B3", "B4", "B5", "B6"].map((a) => mark("表一", a)));
    expect(fake.sheet("表一")!.fillAt("B4")).toEqual({ pattern: "Solid", color: MARK_FILL.error });

    fake.resetCounters();
    await port.clearMarks();
    expect(fake.readSyncs()).toBe(1);
    expect(fake.writeSyncs()).toBe(1);
    expectNoValueWrites(fake);

    const after = ["B2", "B3", "B4", "B5", "B6", "B7"].map((a) => fake.sheet("表一")!.fillAt(a));
    expect(after).toEqual(before);
    // No Fill came back through clear(), not as a white fill.
    expect(fake.writes.some((w) => w.op === "fill.clear" && w.address?.includes("B3"))).toBe(true);
    expect(fake.writes.some((w) => w.op === "fill.color" && w.value === "#FFFFFF" && w.address?.includes("B3"))).toBe(false);
    expect(fake.notes.map((n) => n.content)).toEqual(["用户自己的备注"]);
    expect(fake.comments.map((c) => c.content)).toEqual(["审计意见：请核对"]);
    expect(fake.settings.has(STORE_KEY)).toBe(false);
  });

  it("clearMarks with nothing to clear reads once and writes nothing", async () => {
    const fake = workbook();
    await portFor(fake).clearMarks();
    expect(fake.syncCount).toBe(1);
    expect(fake.writes).toEqual([]);
  });

  it("a second check replaces the previous marks: dropped cells restored, kept cells keep their true original", async () => {
    const fake = workbook();
    const port = portFor(fake);
    await port.writeMarks([mark("表一", "B2"), mark("表一", "B3")]);
    fake.resetCounters();
    const outcome = await port.writeMarks([mark("表一", "B2", "warning", "新问题"), mark("表一", "B6")]);

    expect(outcome.marked).toBe(2);
    expect(fake.syncCount).toBe(2);
    expect(fake.writeSyncs()).toBe(1);
    const one = fake.sheet("表一")!;
    expect(one.fillAt("B3")).toEqual({ pattern: "None", color: "#FFFFFF" }); // restored
    expect(one.fillAt("B2").color).toBe(MARK_FILL.warning);
    expect(one.fillAt("B6").color).toBe(MARK_FILL.error);
    expect(fake.notes.map((n) => `${n.address}:${n.content.split("\n")[1]}`).sort()).toEqual(["B2:[R1] 新问题", "B6:[R1] 合计不等于各项之和"]);

    // B2's recorded original is still the user's green, not our previous mark colour.
    await port.clearMarks();
    expect(one.fillAt("B2")).toEqual({ pattern: "Solid", color: "#00B050" });
    expect(one.fillAt("B6")).toEqual({ pattern: "None", color: "#FFFFFF" });
    expectNoValueWrites(fake);
  });

  it("the record survives closing the pane: a new port instance clears what an earlier one marked", async () => {
    const fake = workbook();
    await portFor(fake).writeMarks([mark("表一", "B2"), mark("表一", "B5")]);
    await portFor(fake).clearMarks();
    expect(fake.sheet("表一")!.fillAt("B2")).toEqual({ pattern: "Solid", color: "#00B050" });
    expect(fake.sheet("表一")!.fillAt("B5")).toEqual({ pattern: "Gray25", color: "#FFFF00", patternColor: "#FF0000" });
    expect(fake.notes).toEqual([]);
  });

  it("skips protected sheets and says so in zh-CN", async () => {
    const fake = workbook();
    const outcome = await portFor(fake).writeMarks([mark("表一", "B3"), mark("表三", "A1"), mark("表三", "A2")]);
    expect(outcome.marked).toBe(1);
    expect(outcome.protectedSheets).toEqual(["表三"]);
    expect(outcome.warnings).toEqual(["工作表“表三”受保护，其中 2 处问题未在单元格上标记（仍列在任务窗格中）。"]);
    expect(fake.writes.filter((w) => w.sheet === "表三")).toEqual([]);
    expect(fake.syncCount).toBe(2);
  });

  it("keeps marks on a sheet protected since the last check, and clears them once it is unprotected", async () => {
    const fake = workbook();
    const port = portFor(fake);
    await port.writeMarks([mark("表二", "C3"), mark("表一", "B3")]);
    fake.sheet("表二")!.protected = true;
    fake.resetCounters();
    const outcome = await port.writeMarks([mark("表一", "B3")]);
    expect(outcome.warnings).toEqual(["工作表“表二”已受保护，上次留下的标记暂时无法清除；撤销保护后再次检查或点“清除标记”即可。"]);
    expect(fake.syncCount).toBe(3); // + one sync to locate our notes, since a sheet is protected
    expect(fake.notesOn("表二")).toHaveLength(1);

    await port.clearMarks();
    expect(fake.sheet("表二")!.fillAt("C3").color).toBe(MARK_FILL.error);
    fake.sheet("表二")!.protected = false;
    await port.clearMarks();
    expect(fake.sheet("表二")!.fillAt("C3")).toEqual({ pattern: "None", color: "#FFFFFF" });
    expect(fake.notes).toEqual([]);
    expect(fake.settings.has(STORE_KEY)).toBe(false);
  });

  it("does not touch a user's own note on a flagged cell", async () => {
    const fake = workbook();
    fake.addNote("表一", "B3", "这是我的备注");
    const outcome = await portFor(fake).writeMarks([mark("表一", "B3"), mark("表一", "B6")]);
    expect(outcome.marked).toBe(2);
    expect(outcome.warnings).toEqual(["1 个单元格已有用户自己的备注或批注，未改动；这些问题的说明只在任务窗格中显示。"]);
    expect(fake.notesOn("表一").map((n) => `${n.address}:${n.content}`).sort()).toEqual([
      "B3:这是我的备注",
      `B6:${NOTE_PREFIX}\n[R1] 合计不等于各项之和`,
    ]);
  });

  it("does not put a note on a cell holding a user's threaded comment (one more sync to locate comments)", async () => {
    const fake = workbook();
    fake.addComment("表一", "B3", "请财务科核实");
    const outcome = await portFor(fake).writeMarks([mark("表一", "B3"), mark("表一", "B6")]);
    expect(outcome.explanations).toBe("notes");
    expect(outcome.marked).toBe(2);
    expect(outcome.warnings).toEqual(["1 个单元格已有用户自己的备注或批注，未改动；这些问题的说明只在任务窗格中显示。"]);
    expect(fake.syncCount).toBe(3);
    expect(fake.syncs.filter((s) => s.failed)).toEqual([]);
    expect(fake.notes.map((n) => n.address)).toEqual(["B6"]);
    expect(fake.comments.map((c) => c.content)).toEqual(["请财务科核实"]);
  });

  it("groups many cells into RangeAreas calls whose address lists stay short", async () => {
    const fake = workbook({ maxRangesAddressLength: 2100 });
    const sheet = fake.addSheet("大表");
    const marks: CellMark[] = [];
    for (let r = 1; r <= 600; r++) {
      sheet.ensure(r - 1, 0).v = r;
      marks.push(mark("大表", `A${r}`));
    }
    const outcome = await portFor(fake).writeMarks(marks);
    expect(outcome.marked).toBe(600);
    const calls = fake.writes.filter((w) => w.op === "fill.color");
    expect(calls.length).toBeGreaterThan(1);
    expect(calls.length).toBeLessThan(10);
    expect(fake.writeSyncs()).toBe(1);
  });

  it("leaves a gradient-filled cell's fill alone (it could not be restored exactly) and still explains it", async () => {
    const fake = workbook();
    fake.sheet("表一")!.set({ B8: { v: 1, fill: { pattern: "LinearGradient", color: "#123456" } } });
    const outcome = await portFor(fake).writeMarks([mark("表一", "B8")]);
    expect(outcome.marked).toBe(0);
    expect(outcome.warnings[0]).toContain("渐变填充");
    expect(fake.sheet("表一")!.fillAt("B8")).toEqual({ pattern: "LinearGradient", color: "#123456" });
    expect(fake.notesOn("表一")).toHaveLength(1);
  });
});

describe("explanations by host", () => {
  it("uses comments when notes are not supported (ExcelApi < 1.18), and removes only its own", async () => {
    const fake = workbook({ apiVersion: 17 });
    fake.addComment("表一", "B7", "用户批注");
    const port = portFor(fake);
    const outcome = await port.writeMarks([mark("表一", "B3"), mark("表一", "B7")]);
    expect(outcome.explanations).toBe("comments");
    expect(outcome.marked).toBe(2);
    // B7 already holds a user's comment: located in one extra sync, and left alone.
    expect(fake.syncCount).toBe(3);
    expect(outcome.warnings).toEqual(["1 个单元格已有用户自己的备注或批注，未改动；这些问题的说明只在任务窗格中显示。"]);
    expect(fake.comments.map((c) => `${c.address}:${c.content.startsWith(NOTE_PREFIX)}`).sort()).toEqual(["B3:true", "B7:false"]);
    expect(fake.notes).toEqual([]);

    await port.clearMarks();
    expect(fake.comments.map((c) => c.content)).toEqual(["用户批注"]);
    expectNoValueWrites(fake);
  });

  it("falls back to comments with a warning when Excel refuses notes at sync (Excel on the web)", async () => {
    const fake = workbook({ notesRefused: "add" });
    const port = portFor(fake);
    const outcome = await port.writeMarks([mark("表一", "B2"), mark("表一", "B3")]);
    expect(outcome.explanations).toBe("comments");
    expect(outcome.warnings).toEqual(["Excel 拒绝添加备注（网页版 Excel 有时如此），已改用批注显示问题说明。"]);
    expect(outcome.marked).toBe(2);
    expect(fake.comments.map((c) => c.address).sort()).toEqual(["B2", "B3"]);
    expect(fake.notes).toEqual([]);
    expect(fake.sheet("表一")!.fillAt("B2").color).toBe(MARK_FILL.error);
    expectNoValueWrites(fake);

    // Next time straight to comments: no failed sync, the warning repeated.
    fake.resetCounters();
    const again = await port.writeMarks([mark("表一", "B3")]);
    expect(again.explanations).toBe("comments");
    expect(again.warnings).toEqual(outcome.warnings);
    expect(fake.syncs.filter((s) => s.failed)).toEqual([]);
    expect(fake.syncCount).toBe(2);
    await port.clearMarks();
    expect(fake.sheet("表一")!.fillAt("B2")).toEqual({ pattern: "Solid", color: "#00B050" });
    expect(fake.sheet("表一")!.fillAt("B3")).toEqual({ pattern: "None", color: "#FFFFFF" });
    expect(fake.comments).toEqual([]);
  });

  it("falls back when every notes call fails, not only adding", async () => {
    const fake = workbook({ notesRefused: "all" });
    const outcome = await portFor(fake).writeMarks([mark("表一", "B3")]);
    expect(outcome.explanations).toBe("comments");
    expect(outcome.warnings[0]).toContain("已改用批注");
    expect(fake.comments).toHaveLength(1);
  });

  it("is pane-only when neither notes nor comments exist (ExcelApi 1.9)", async () => {
    const fake = workbook({ apiVersion: 9 });
    const outcome = await portFor(fake).writeMarks([mark("表一", "B3")]);
    expect(outcome).toEqual({ marked: 1, explanations: "pane-only", protectedSheets: [], warnings: [] });
    expect(fake.notes).toEqual([]);
    expect(fake.comments).toEqual([]);
    expect(fake.syncCount).toBe(2);
  });

  it("does nothing to the workbook on a host without RangeAreas (ExcelApi < 1.9)", async () => {
    const fake = workbook({ apiVersion: 8 });
    const outcome = await portFor(fake).writeMarks([mark("表一", "B3")]);
    expect(outcome.explanations).toBe("pane-only");
    expect(outcome.marked).toBe(0);
    expect(outcome.warnings[0]).toContain("版本过旧");
    expect(fake.syncCount).toBe(0);
  });
});

describe("undo grouping", () => {
  it("asks for mergeUndoGroup on ExcelApi 1.20 and retries without it on UndoNotSupported", async () => {
    const fake = workbook({ apiVersion: 20 });
    let refused = 0;
    const run = <T>(options: unknown, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
      if ((options as Excel.RunOptions).mergeUndoGroup) {
        refused++;
        return Promise.reject(Object.assign(new Error("undo"), { code: "UndoNotSupported" }));
      }
      return fake.run(options, batch);
    };
    const { ExcelWorkbookPort } = await import("../../src/excel/excel-port");
    const port = new ExcelWorkbookPort(run, { isSetSupported: fake.isSetSupported });
    const outcome = await port.writeMarks([mark("表一", "B3")]);
    expect(refused).toBe(1);
    expect(outcome.marked).toBe(1);
    expect(fake.runs.map((r) => r.options)).toEqual([{ delayForCellEdit: true }]);
  });

  it("does not ask for it before ExcelApi 1.20", async () => {
    const fake = workbook();
    await portFor(fake).writeMarks([mark("表一", "B3")]);
    expect(fake.runs.map((r) => r.options)).toEqual([{ delayForCellEdit: true }]);
  });
});
