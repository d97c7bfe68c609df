import type { EditEvent } from "../../src/domain/port";
import { NOTE_PREFIX } from "../../src/domain/marks";
import { WpsWorkbookPort } from "../../src/wps/wps-port";
import { appOf, FakeEt, type FakeEtOptions } from "./fake-et";
import { wpsPortFor } from "./packages";

function workbook(options: FakeEtOptions = {}): FakeEt {
  const et = new FakeEt(options);
  et.addSheet("收入支出决算总表", { A1: "收入支出决算总表", B5: 100, B6: 200 });
  et.addSheet("支出决算表", { A1: "支出决算表", C4: 3 });
  return et;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

describe("live re-check on SheetChange", () => {
  it("hands a user's edit over", async () => {
    const et = workbook();
    const port = wpsPortFor(et);
    await port.readSnapshot();
    const seen: EditEvent[][] = [];
    await port.subscribeToEdits((events) => seen.push(events));
    et.userEdit("收入支出决算总表", "B5", 101);
    await settle();
    expect(seen).toEqual([[{ sheet: "收入支出决算总表", address: "B5" }]]);
  });

  it.each<FakeEtOptions["ownWriteEvents"]>(["none", "sync", "async"])(
    "ignores the add-in's own marks, 说明 sheet and fixes whether WPS reports them %s",
    async (ownWriteEvents) => {
      const et = workbook({ ownWriteEvents });
      const port = wpsPortFor(et);
      await port.readSnapshot();
      const seen: EditEvent[][] = [];
      await port.subscribeToEdits((events) => seen.push(events));
      await port.writeMarks([{ sheet: "收入支出决算总表", address: "B5", severity: "error", note: `${NOTE_PREFIX}\n[T1.1] x`, rules: ["T1.1"] }]);
      await port.insertTextSheet("说明", ["一、部门基本情况", "=不是公式"]);
      await port.insertTextSheet("说明", ["二、收入支出决算总体情况"]);
      await port.writeCellText("支出决算表", "A2", "改正后的文字");
      await port.clearMarks();
      await settle();
      expect(seen).toEqual([]);
      if (ownWriteEvents !== "none") expect(et.writes.length).toBeGreaterThan(0);
      // A user edit after all that still comes through.
      et.userEdit("支出决算表", "C4", 4);
      await settle();
      expect(seen).toEqual([[{ sheet: "支出决算表", address: "C4" }]]);
    },
  );

  it("a whole row cleared comes over as that row", async () => {
    const et = workbook();
    const port = wpsPortFor(et);
    await port.readSnapshot();
    const seen: EditEvent[][] = [];
    await port.subscribeToEdits((events) => seen.push(events));
    et.userClearRow("收入支出决算总表", 5);
    await settle();
    expect(seen).toEqual([[{ sheet: "收入支出决算总表", address: "A6:XFD6" }]]);
  });

  it("stops listening when unsubscribed", async () => {
    const et = workbook();
    const port = wpsPortFor(et);
    const seen: EditEvent[][] = [];
    const unsubscribe = await port.subscribeToEdits((events) => seen.push(events));
    await unsubscribe();
    expect(et.listeners.size).toBe(0);
    et.userEdit("支出决算表", "C4", 4);
    await settle();
    expect(seen).toEqual([]);
  });

  it("without ApiEvent reports no events and says so", async () => {
    const et = workbook({ events: false });
    const port = wpsPortFor(et);
    const caps = await port.capabilities();
    expect(caps).toMatchObject({ host: "wps", events: false, comments: true, notes: false });
    expect(caps.limitations[0]).toContain("手动点“检查”");
    await expect(port.subscribeToEdits(() => undefined)).resolves.toBeInstanceOf(Function);
  });
});

describe("selectCell", () => {
  it("activates the sheet, then selects the cell", async () => {
    const et = workbook();
    await wpsPortFor(et).selectCell("支出决算表", "C4");
    expect(et.activeSheet).toBe("支出决算表");
    expect(et.selection).toEqual({ sheet: "支出决算表", address: "C4" });
  });

  it("reports a missing sheet in zh-CN", async () => {
    await expect(wpsPortFor(workbook()).selectCell("不存在", "A1")).rejects.toThrow("找不到工作表“不存在”");
  });
});

describe("insertTextSheet", () => {
  it("adds a sheet after the last one, one wrapped paragraph per row, text kept literal", async () => {
    const et = workbook();
    await wpsPortFor(et).insertTextSheet("说明", ["一、部门基本情况", "=这不是公式"]);
    expect(et.sheets.map((s) => s.name)).toEqual(["收入支出决算总表", "支出决算表", "说明"]);
    const sheet = et.sheet("说明")!;
    expect(sheet.cell("A1")).toMatchObject({ v: "一、部门基本情况", f: "@", wrap: true, font: { name: "仿宋", size: 12 } });
    expect(sheet.cell("A2")?.v).toBe("=这不是公式");
    expect(sheet.cell("A2")?.formula).toBeUndefined();
    expect(et.activeSheet).toBe("说明");
  });

  it("never writes over a user's sheet; replaces its own sheet, even in a new session, only when asked", async () => {
    const et = workbook();
    const user = et.addSheet("说明", { A1: "用户自己写的说明" });
    const first = await wpsPortFor(et).insertTextSheet("说明", ["旧1", "旧2", "旧3"]);
    expect(first).toEqual({ sheet: "说明(2)", replaced: false });
    expect(user.cell("A1")?.v).toBe("用户自己写的说明");
    expect(et.sheet("说明(2)")?.cell("A3")?.v).toBe("旧3");
    const again = new WpsWorkbookPort(appOf(et));
    expect(await again.ownTextSheet()).toBe("说明(2)");
    // without the user's confirmation: a third sheet, the earlier one untouched
    expect(await again.insertTextSheet("说明", ["另一份"])).toEqual({ sheet: "说明(3)", replaced: false });
    expect(et.sheet("说明(2)")?.cell("A1")?.v).toBe("旧1");
    // confirmed: the add-in's own latest sheet is rewritten, the user's never
    expect(await again.insertTextSheet("说明", ["新"], { replaceOwn: true })).toEqual({ sheet: "说明(3)", replaced: true });
    const ours = et.sheet("说明(3)")!;
    expect(ours.cell("A1")?.v).toBe("新");
    expect(et.sheets.filter((s) => s.name.startsWith("说明"))).toHaveLength(3);
    expect(user.cell("A1")?.v).toBe("用户自己写的说明");
  });

  it("refuses to write on its own sheet once the user protected it", async () => {
    const et = workbook();
    const port = wpsPortFor(et);
    await port.insertTextSheet("说明", ["一"]);
    et.sheet("说明")!.protected = true;
    await expect(port.insertTextSheet("说明", ["二"], { replaceOwn: true })).rejects.toThrow("受保护");
  });
});

describe("writeCellText", () => {
  it("writes text literally and refuses protected sheets", async () => {
    const et = workbook();
    const port = wpsPortFor(et);
    await port.writeCellText("支出决算表", "A2", "=1+1");
    expect(et.sheet("支出决算表")!.cell("A2")).toMatchObject({ v: "=1+1" });
    expect(et.sheet("支出决算表")!.cell("A2")?.formula).toBeUndefined();
    et.sheet("支出决算表")!.protected = true;
    await expect(port.writeCellText("支出决算表", "A3", "x")).rejects.toThrow("受保护");
  });
});
