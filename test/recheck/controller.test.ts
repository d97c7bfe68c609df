/**
 * The pane's check cycle with the live re-check, over the memory port (the browser demo's workbook): after
 * a series of user edits the marks on the workbook are exactly those of a full check, whether each re-check
 * went incrementally (amounts) or in full (labels, text); amount edits never read the whole workbook again.
 */
import fc from "fast-check";
import { checkWorkbook } from "../../src/domain/engine";
import { DEFAULT_SETTINGS } from "../../src/domain/findings";
import { marksFromFindings } from "../../src/domain/marks";
import { LIVE_ENGINE } from "../../src/domain/recheck";
import { MemoryWorkbookPort } from "../../src/memory/memory-port";
import { CheckController } from "../../src/taskpane/check-controller";
import { loadFixture } from "../support/fixtures";
import { nextCheckDone } from "../support/controller-done";


async function marksOfFullCheck(port: MemoryWorkbookPort) {
  const marks = marksFromFindings(checkWorkbook(await port.readSnapshot(), DEFAULT_SETTINGS).findings);
  return marks.map((m) => JSON.stringify(m)).sort();
}

function marksOnWorkbook(port: MemoryWorkbookPort) {
  return [...port.getState().marks.values()].map((m) => JSON.stringify(m)).sort();
}

describe("CheckController with the live re-check (memory port)", () => {
  it.each(["central-ministry-2023", "shanghai-district-2024", "beijing-12-tables-2023"])("%s: after random edits the marks equal a full check's", async (name) => {
    const snapshot = await loadFixture(name);
    const probe = LIVE_ENGINE.check(snapshot, DEFAULT_SETTINGS);
    const amounts = probe.recognized.flatMap((t) => (t.evaluation ? [] : t.rows.flatMap((r) => Object.values(r.cells).filter((c) => !c.blank).map((c) => ({ sheet: t.sheet, address: c.address })))));
    const labels = probe.recognized.flatMap((t) => t.rows.filter((r) => r.label).map((r) => ({ sheet: t.sheet, address: r.labelCell.address })));
    const writable = (s: string) => !snapshot.sheets.find((x) => x.name === s)?.protected;
    const edit = fc.oneof(
      { weight: 5, arbitrary: fc.record({ target: fc.constantFrom(...amounts.filter((a) => writable(a.sheet))), text: fc.integer({ min: 0, max: 9_999_999 }).map((n) => (n / 100).toFixed(2)) }) },
      { weight: 1, arbitrary: fc.record({ target: fc.constantFrom(...labels.filter((a) => writable(a.sheet))), text: fc.constantFrom("其他支出", "合计", "2010101 行政运行") }) },
    );
    let incremental = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 4 }), async (edits) => {
        const port = new MemoryWorkbookPort(snapshot);
        const reads = jest.spyOn(port, "readSnapshot");
        const controller = new CheckController({ port, engine: LIVE_ENGINE, settings: DEFAULT_SETTINGS, autoRecheck: true, recheckDelayMs: 1 });
        await controller.start();
        await controller.run();
        let fullReads = 1;
        for (const { target, text } of edits) {
          const done = nextCheckDone(controller);
          port.editCell(target.sheet, target.address, text);
          await done;
          if (controller.lastCheckKind === "incremental") incremental++;
          else fullReads++;
          expect(marksOnWorkbook(port)).toEqual(await marksOfFullCheck(port));
        }
        expect(reads).toHaveBeenCalledTimes(fullReads + edits.length); // + one per edit, by marksOfFullCheck
        controller.dispose();
      }),
      { numRuns: 8 },
    );
    expect(incremental).toBeGreaterThan(0);
  }, 120_000);

  it("an edit made while a re-check is reading is not lost: the next re-check covers it", async () => {
    const snapshot = await loadFixture("central-ministry-2023");
    const port = new MemoryWorkbookPort(snapshot);
    const controller = new CheckController({ port, engine: LIVE_ENGINE, settings: DEFAULT_SETTINGS, autoRecheck: true, recheckDelayMs: 1 });
    await controller.start();
    await controller.run();
    const table = controller.getState().result!.recognized.find((t) => t.kind === "expenditure")!;
    const [first, second] = table.rows.filter((r) => r.level === "item" && !r.cells.basic.blank);
    const readRanges = port.readRanges.bind(port);
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let calls = 0;
    port.readRanges = async (ranges) => {
      if (calls++ === 0) await held; // the first re-check's read is slow
      return readRanges(ranges);
    };
    const firstStarted = new Promise<void>((resolve) => {
      const off = controller.subscribe(() => {
        if (controller.getState().phase === "reading") {
          off();
          resolve();
        }
      });
    });
    port.editCell(table.sheet, first.cells.basic.address, "11111.11");
    await firstStarted;
    port.editCell(table.sheet, second.cells.basic.address, "22222.22"); // while the first re-check reads
    const settled = new Promise<void>((resolve) => {
      const off = controller.subscribe(() => {
        const s = controller.getState();
        if (s.phase === "done" && !s.recheckPending && s.stale === null) {
          off();
          resolve();
        }
      });
    });
    release();
    await settled;
    expect(marksOnWorkbook(port)).toEqual(await marksOfFullCheck(port));
    const flagged = controller.getState().result!.findings.flatMap((f) => f.cells);
    expect(flagged.some((c) => c.endsWith(second.cells.basic.address))).toBe(true);
    controller.dispose();
  });

  it("an amount edit is re-checked incrementally, a label edit in full", async () => {
    const snapshot = await loadFixture("central-ministry-2023");
    const port = new MemoryWorkbookPort(snapshot);
    const controller = new CheckController({ port, engine: LIVE_ENGINE, settings: DEFAULT_SETTINGS, autoRecheck: true, recheckDelayMs: 1 });
    await controller.start();
    await controller.run();
    const table = controller.getState().result!.recognized.find((t) => t.kind === "expenditure")!;
    const row = table.rows.find((r) => r.level === "item" && !r.cells.basic.blank)!;
    let done = nextCheckDone(controller);
    port.editCell(table.sheet, row.cells.basic.address, "99999.99");
    await done;
    expect(controller.lastCheckKind).toBe("incremental");
    expect(controller.getState()).toMatchObject({ phase: "done", stale: null, recheckPending: false });
    expect(controller.getState().result!.findings.some((f) => f.cells.some((c) => c.includes(row.cells.basic.address)))).toBe(true);
    done = nextCheckDone(controller);
    port.editCell(table.sheet, row.labelCell.address, "其他支出");
    await done;
    expect(controller.lastCheckKind).toBe("full");
    controller.dispose();
  });
});
