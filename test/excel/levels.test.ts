/**
 * The four promises of the Excel adapter, on every host it supports: ExcelApi 1.9 to 1.20 and Excel on the
 * web (which reports 1.18+ but refuses to add notes, or refuses every notes call):
 *   1. inserting the 说明 sheet never clears a user's sheet;
 *   2. a cell that cannot take an explanation never costs the others theirs, and no English reaches the pane;
 *   3. a user's edit right after the add-in wrote is seen (told apart by what was written, not by time);
 *   4. clearing says which cells kept their marks, and clearing again later finishes the job.
 */
import type { CellMark } from "../../src/domain/marks";
import { MARK_FILL, NOTE_PREFIX } from "../../src/domain/marks";
import type { EditEvent } from "../../src/domain/port";
import { FakeExcel, NO_FILL, type FakeExcelOptions } from "../support/fake-excel";
import { portFor } from "./workbook";

interface Host {
  label: string;
  options: FakeExcelOptions;
}

const HOSTS: Host[] = [
  ...Array.from({ length: 12 }, (_, i) => ({ label: `ExcelApi 1.${i + 9}`, options: { apiVersion: i + 9 } })),
  { label: "Excel on the web, notes refused when adding", options: { apiVersion: 20, notesRefused: "add" } },
  { label: "Excel on the web, every notes call refused", options: { apiVersion: 20, notesRefused: "all" } },
];

const mark = (address: string, text: string): CellMark => ({
  sheet: "支出决算表",
  address,
  severity: "error",
  note: `${NOTE_PREFIX}\n[T3.1] ${text}`,
  rules: ["T3.1"],
});

function book(host: Host): FakeExcel {
  const fake = new FakeExcel(host.options);
  fake.addSheet("支出决算表", { A1: "支出决算表", B5: 120.5, B6: 80.25, B7: 40, B8: 240.75 });
  fake.addSheet("决算说明", { A1: "用户自己写的说明初稿", A2: "第二段" });
  return fake;
}

/** Our explanation on a cell, as a note or a threaded comment. */
function explanationOn(fake: FakeExcel, address: string): string | undefined {
  const note = fake.notes.find((n) => n.sheet.name === "支出决算表" && n.address === address);
  const comment = fake.comments.find((c) => c.sheet.name === "支出决算表" && c.address === address);
  return [note?.content, comment?.content].find((c) => c?.startsWith(NOTE_PREFIX));
}

/** Lower-case English words (Excel's own messages); the product name "Excel" does not count. */
const ENGLISH_WORD = /\b[a-z]{3,}\b/;

const tick = () => new Promise((resolve) => setTimeout(resolve, 10));

describe.each(HOSTS)("$label", (host) => {
  it("1. inserting the 说明 never clears a user's sheet; only the add-in's own sheet is replaced, when asked", async () => {
    const fake = book(host);
    const port = portFor(fake);
    const user = fake.sheet("决算说明")!;

    const first = await port.insertTextSheet("决算说明", ["一、部门基本情况", "二、收入支出决算总体情况"]);
    expect(first).toEqual({ sheet: "决算说明(2)", replaced: false });
    expect(user.cell(0, 0)?.v).toBe("用户自己写的说明初稿");
    expect(user.cell(1, 0)?.v).toBe("第二段");
    expect(fake.sheet("决算说明(2)")!.cell(1, 0)?.v).toBe("二、收入支出决算总体情况");
    expect(await port.ownTextSheet()).toBe("决算说明(2)");

    // Without the user's yes: one more new sheet, nothing replaced.
    expect(await port.insertTextSheet("决算说明", ["新稿"])).toEqual({ sheet: "决算说明(3)", replaced: false });
    expect(fake.sheet("决算说明(2)")!.cell(0, 0)?.v).toBe("一、部门基本情况");

    // The user renames the add-in's sheet: still recognized by its id, replaced in place after the yes.
    fake.sheet("决算说明(3)")!.name = "说明定稿";
    expect(await port.ownTextSheet()).toBe("说明定稿");
    expect(await port.insertTextSheet("决算说明", ["第三稿"], { replaceOwn: true })).toEqual({ sheet: "说明定稿", replaced: true });
    expect(fake.sheet("说明定稿")!.cell(0, 0)?.v).toBe("第三稿");
    expect(user.cell(0, 0)?.v).toBe("用户自己写的说明初稿");

    // A user's sheet that merely has the recorded name is never taken for ours.
    fake.sheets = fake.sheets.filter((s) => s.name !== "说明定稿");
    fake.addSheet("说明定稿", { A1: "用户新建的同名表" });
    expect(await port.ownTextSheet()).toBeNull();
    const fourth = await port.insertTextSheet("说明定稿", ["第四稿"], { replaceOwn: true });
    expect(fourth).toEqual({ sheet: "说明定稿(2)", replaced: false });
    expect(fake.sheet("说明定稿")!.cell(0, 0)?.v).toBe("用户新建的同名表");
    expect(fake.writes.filter((w) => w.op === "clear" && w.sheet !== "说明定稿")).toEqual([]);
  });

  it("2. a user's note on one flagged cell costs no other cell its explanation, and the pane gets no English", async () => {
    const fake = book(host);
    fake.addNote("支出决算表", "B6", "用户备注：此数含暂付款");
    const outcome = await portFor(fake).writeMarks([
      mark("B5", "本行合计不等于各列之和"),
      mark("B6", "款合计不等于各项之和"),
      mark("B7", "类合计不等于各款之和"),
      mark("B8", "合计不等于各类之和"),
    ]);

    const sheet = fake.sheet("支出决算表")!;
    for (const address of ["B5", "B6", "B7", "B8"]) expect(sheet.fillAt(address)).toEqual({ pattern: "Solid", color: MARK_FILL.error });
    expect(fake.notes.find((n) => n.address === "B6")?.content).toBe("用户备注：此数含暂付款");
    expect(explanationOn(fake, "B6")).toBeUndefined();
    if (outcome.explanations === "pane-only") {
      expect(host.options.apiVersion).toBeLessThan(10);
    } else {
      for (const address of ["B5", "B7", "B8"]) expect(explanationOn(fake, address)).toContain("T3.1");
    }
    for (const warning of outcome.warnings) expect(warning).not.toMatch(ENGLISH_WORD);
    if (outcome.explanations !== "pane-only") expect(outcome.warnings.join("")).toContain("1 个单元格已有用户自己的备注或批注");
    expect(fake.valueWrites()).toEqual([]);
  });

  it("3. a user's edit right after the add-in wrote is a user's edit; the add-in's own writes are not", async () => {
    const fake = book(host);
    const port = portFor(fake);
    const received: EditEvent[] = [];
    await port.subscribeToEdits((events) => received.push(...events));

    // Marking writes only fills and notes: an edit of a marked cell at once is the user's.
    await port.writeMarks([mark("B5", "本行合计不等于各列之和")]);
    fake.sheet("支出决算表")!.set({ B5: 121.5 });
    await fake.fireChange("支出决算表", "B5");
    await tick();
    expect(received).toEqual([{ sheet: "支出决算表", address: "B5" }]);

    // A value the add-in wrote (a proofreading fix) fires onChanged once, and that one is ignored…
    received.length = 0;
    await port.writeCellText("决算说明", "A2", "更正后的第二段");
    // …while the user typing into the same cell a moment later is seen.
    fake.sheet("决算说明")!.set({ A2: "用户又改了一遍" });
    await fake.fireChange("决算说明", "A2");
    await port.insertTextSheet("决算说明", ["第一段", "第二段"]);
    await tick();
    expect(received).toEqual([{ sheet: "决算说明", address: "A2" }]);

    await fake.fireChange("决算说明(2)", "A1:A2"); // the user pasting over the new sheet
    await tick();
    expect(received).toEqual([
      { sheet: "决算说明", address: "A2" },
      { sheet: "决算说明(2)", address: "A1:A2" },
    ]);
  });

  it("4. clear says which cells kept their marks on a sheet protected since, and a later clear restores them", async () => {
    const fake = book(host);
    const port = portFor(fake);
    await port.writeMarks([mark("B5", "甲"), mark("B7", "乙")]);
    const sheet = fake.sheet("支出决算表")!;
    sheet.protected = true;

    const blocked = await port.clearMarks();
    expect(blocked.kept).toEqual([
      { sheet: "支出决算表", address: "B5" },
      { sheet: "支出决算表", address: "B7" },
    ]);
    expect(sheet.fillAt("B5").color).toBe(MARK_FILL.error);

    sheet.protected = false;
    expect(await port.clearMarks()).toEqual({ kept: [] });
    expect(sheet.fillAt("B5")).toEqual(NO_FILL);
    expect(sheet.fillAt("B7")).toEqual(NO_FILL);
    expect(explanationOn(fake, "B5")).toBeUndefined();
  });
});
