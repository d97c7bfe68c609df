/**
 * The live re-check through the Excel adapter (fake object model): after a user edits an amount, the pane's
 * controller reads only the edited range, in one sync, the same number of syncs on a 10,000-row workbook as
 * on a small one, and ends with the marks a full check gives. Inserted rows and edits the adapter cannot
 * place fall back to the full read.
 */
import { checkWorkbook } from "../../src/domain/engine";
import { DEFAULT_SETTINGS } from "../../src/domain/findings";
import type { WorkbookSnapshot } from "../../src/domain/grid";
import type { EditEvent } from "../../src/domain/port";
import { LIVE_ENGINE } from "../../src/domain/recheck";
import { CheckController } from "../../src/taskpane/check-controller";
import { readWorkbookBuffer } from "../../src/xlsx/read-workbook";
import { bigExpenditureWorkbook } from "../support/big-workbook";
import { FakeRange, type FakeExcel } from "../support/fake-excel";
import { loadFixture } from "../support/fixtures";
import { fakeFromSnapshot } from "./fixture-fake";
import { portFor } from "./workbook";
import { nextCheckDone } from "../support/controller-done";


/** Addresses of the ranges whose values were loaded while `fn` ran (every value read goes through load). */
async function valueLoads(fn: () => Promise<void>): Promise<string[]> {
  const loads: string[] = [];
  const original = FakeRange.prototype.load;
  const spy = jest.spyOn(FakeRange.prototype, "load").mockImplementation(function (this: FakeRange, spec?: string | string[]) {
    if (String(spec).includes("values")) loads.push((this as unknown as { label: string }).label);
    return original.call(this, spec);
  });
  try {
    await fn();
  } finally {
    spy.mockRestore();
  }
  return loads;
}

async function setUp(snapshot: WorkbookSnapshot) {
  const fake = fakeFromSnapshot(snapshot);
  const port = portFor(fake);
  const controller = new CheckController({ port, engine: LIVE_ENGINE, settings: DEFAULT_SETTINGS, autoRecheck: true, recheckDelayMs: 1 });
  await controller.start();
  await controller.run();
  return { fake, port, controller };
}

/** A user types a number into an amount cell of the 支出决算表. */
async function editAmount(fake: FakeExcel, controller: CheckController, value: number): Promise<{ sheet: string; address: string }> {
  const table = controller.getState().result!.recognized.find((t) => t.kind === "expenditure")!;
  const row = table.rows.find((r) => r.level === "item" && !r.cells.basic.blank)!;
  const address = row.cells.basic.address;
  const done = nextCheckDone(controller);
  fake.sheet(table.sheet)!.set({ [address]: { v: value, t: value.toFixed(2), f: "#,##0.00" } });
  await fake.fireChange(table.sheet, address);
  await done;
  return { sheet: table.sheet, address };
}

async function syncsOfOneEdit(snapshot: WorkbookSnapshot) {
  const { fake, port, controller } = await setUp(snapshot);
  const before = fake.syncCount;
  let edited = { sheet: "", address: "" };
  const loads = await valueLoads(async () => {
    edited = await editAmount(fake, controller, 123456.78);
  });
  const syncs = fake.syncCount - before;
  // The same edit again: nothing changes, no mark is rewritten.
  const again = fake.syncCount;
  fake.sheet(edited.sheet)!.set({ [edited.address]: { v: 123456.78, t: "123,456.78", f: "#,##0.00" } });
  const done = nextCheckDone(controller);
  await fake.fireChange(edited.sheet, edited.address);
  await done;
  const unchanged = fake.syncCount - again;
  const full = checkWorkbook(await port.readSnapshot(), DEFAULT_SETTINGS);
  controller.dispose();
  return { fake, controller, syncs, unchanged, loads, edited, full };
}

describe("live re-check through the Excel adapter", () => {
  it("reads only the edited range, in one sync, and marks like a full check", async () => {
    const { fake, controller, syncs, unchanged, loads, edited, full } = await syncsOfOneEdit(await loadFixture("central-ministry-2023"));
    expect(controller.lastCheckKind).toBe("incremental");
    expect(loads).toEqual([`Range ${edited.address}`]);
    // 1 read sync for the range, then the marks (1 read + 1 write sync) because a new error appeared
    expect(syncs).toBe(3);
    expect(unchanged).toBe(1);
    expect(JSON.stringify(controller.getState().result!.findings)).toBe(JSON.stringify(full.findings));
    const flagged = full.findings.filter((f) => f.severity !== "info" && f.sheet && f.cell);
    expect(flagged.some((f) => f.sheet === edited.sheet)).toBe(true);
    for (const f of flagged) expect(fake.sheet(f.sheet!)!.fillAt(f.cell!).pattern).not.toBe("None");
  });

  it("takes as many syncs on the 10,000-row 支出决算表 as on a small workbook", async () => {
    const big = bigExpenditureWorkbook(10_000);
    const snapshot = await readWorkbookBuffer(new Uint8Array(await big.xlsx.writeBuffer()), "big.xlsx");
    const { controller, syncs, unchanged, loads, edited } = await syncsOfOneEdit(snapshot);
    expect(controller.lastCheckKind).toBe("incremental");
    expect(loads).toEqual([`Range ${edited.address}`]);
    expect(syncs).toBe(3);
    expect(unchanged).toBe(1);
  }, 120_000);

  it("an inserted row is reported as structural and re-read in full", async () => {
    const { fake, controller } = await setUp(await loadFixture("central-ministry-2023"));
    const events: EditEvent[][] = [];
    const port = portFor(fake);
    await port.subscribeToEdits((e) => events.push(e));
    const sheet = controller.getState().result!.recognized.find((t) => t.kind === "expenditure")!.sheet;
    const id = fake.sheet(sheet)!.id;
    const done = nextCheckDone(controller);
    await Promise.all([...fake.handlers].map((h) => h({ type: "WorksheetChanged", worksheetId: id, address: "A9:XFD9", source: "Local", changeType: "RowInserted", triggerSource: "Unknown" })));
    await done;
    expect(events.flat()).toContainEqual({ sheet, address: "A9:XFD9", structural: true });
    expect(controller.lastCheckKind).toBe("full");
    controller.dispose();
  });

  it("an edit on a sheet deleted since falls back to the full read", async () => {
    const { fake, controller } = await setUp(await loadFixture("central-ministry-2023"));
    const table = controller.getState().result!.recognized.find((t) => t.kind === "expenditure")!;
    const address = table.rows.find((r) => r.level === "item" && !r.cells.basic.blank)!.cells.basic.address;
    fake.sheet(table.sheet)!.set({ [address]: { v: 1, t: "1.00", f: "#,##0.00" } });
    const done = nextCheckDone(controller);
    await fake.fireChange(table.sheet, address);
    fake.sheets.splice(fake.sheets.indexOf(fake.sheet(table.sheet)!), 1);
    await done;
    // the range read failed (no such sheet): the full check ran and no longer sees the table
    expect(controller.lastCheckKind).toBe("full");
    expect(controller.getState().result!.recognized.some((t) => t.sheet === table.sheet)).toBe(false);
    controller.dispose();
  });
});
