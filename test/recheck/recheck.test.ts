/**
 * The live re-check must give exactly what a full check of the edited workbook gives. Differential: random
 * edits (fast-check) on every fixture workbook and on the generated 10,000-row 支出决算表, typed through the
 * memory port like a user; whenever the re-check answers incrementally, its findings, tables, recognized
 * tables and snapshot equal (as JSON) those of a full check of the same workbook. Edits on titles, headers
 * and labels, or of text, must fall back to the full check.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { checkWorkbook, type CheckResult } from "../../src/domain/engine";
import { DEFAULT_SETTINGS } from "../../src/domain/findings";
import { boxToA1, toA1, type WorkbookSnapshot } from "../../src/domain/grid";
import type { EditEvent } from "../../src/domain/port";
import { checkLive, rangesToRead, recheck, type LiveCheck } from "../../src/domain/recheck";
import { MemoryWorkbookPort } from "../../src/memory/memory-port";
import { readWorkbookBuffer } from "../../src/xlsx/read-workbook";
import { bigExpenditureWorkbook } from "../support/big-workbook";
import { FIXTURE_DIR, loadFixture } from "../support/fixtures";

const FIXTURES = readdirSync(join(FIXTURE_DIR, "xlsx"))
  .filter((f) => f.endsWith(".xlsx"))
  .map((f) => f.replace(/\.xlsx$/, ""))
  .sort();

/** Random edit batches per fixture; RECHECK_RUNS=200 npx jest test/recheck for a longer search. */
const RUNS = Number(process.env.RECHECK_RUNS ?? 12);

interface Target {
  sheet: string;
  address: string;
}

/** Where a user may type: amount cells of the tables, and the cells that give the tables their shape. */
function targets(snapshot: WorkbookSnapshot, result: CheckResult): { amounts: Target[]; structure: Target[]; anywhere: Target[] } {
  const amounts: Target[] = [];
  const structure: Target[] = [];
  for (const table of result.recognized) {
    structure.push({ sheet: table.sheet, address: table.titleCell.address });
    const firstBody = table.rows[0]?.row ?? table.box.bottom;
    const sheet = snapshot.sheets.find((s) => s.name === table.sheet)!;
    for (let r = table.box.top; r < firstBody; r++) {
      for (let c = table.box.left; c <= table.box.right; c++) if (sheet.cells[r]?.[c]?.t) structure.push({ sheet: table.sheet, address: toA1(r, c) });
    }
    for (const row of table.rows) {
      if (row.labelCell.text) structure.push({ sheet: table.sheet, address: row.labelCell.address });
      for (const cell of Object.values(row.cells)) amounts.push({ sheet: table.sheet, address: cell.address });
    }
  }
  const anywhere: Target[] = [];
  for (const sheet of snapshot.sheets) {
    if (sheet.protected) continue;
    for (let r = 0; r < sheet.rowCount; r += 3) for (let c = 0; c < sheet.colCount; c += 2) anywhere.push({ sheet: sheet.name, address: toA1(r, c) });
  }
  const writable = (t: Target) => !snapshot.sheets.find((s) => s.name === t.sheet)?.protected;
  return { amounts: amounts.filter(writable), structure: structure.filter(writable), anywhere };
}

/** What a user types: mostly amounts, sometimes zero, blank, text, a percentage. */
const typed = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -1_000_000_00, max: 1_000_000_00 }).map((n) => (n / 100).toFixed(2)) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 99_999 }).map(String) },
  { weight: 1, arbitrary: fc.constantFrom("0", "", "—", "abc", "12.5%", "1,234.56", "合计", "2024年度部门决算") },
);

function json(result: CheckResult): string {
  return JSON.stringify({ findings: result.findings, tables: result.tables, recognized: result.recognized, unrecognizedSheets: result.unrecognizedSheets });
}

interface Tally {
  incremental: number;
  fallback: number;
}

/**
 * Apply batches of edits one after another; after each batch re-check from the previous live check (or from a
 * full check after a fallback, like the pane) and compare with a full check of the workbook as it is now.
 */
async function differential(snapshot: WorkbookSnapshot, base: LiveCheck, batches: readonly { target: Target; text: string }[][], tally: Tally): Promise<void> {
  const port = new MemoryWorkbookPort(snapshot);
  let events: EditEvent[] = [];
  await port.subscribeToEdits((e) => events.push(...e));
  let live = base;
  for (const batch of batches) {
    events = [];
    for (const { target, text } of batch) port.editCell(target.sheet, target.address, text);
    const now = await port.readSnapshot();
    const full = checkWorkbook(now, DEFAULT_SETTINGS);
    const ranges = rangesToRead(live, events);
    const outcome = ranges ? recheck(live, await port.readRanges(ranges), DEFAULT_SETTINGS) : { fallback: "ranges" };
    if ("live" in outcome) {
      tally.incremental++;
      expect(json(outcome.live.result)).toBe(json(full));
      expect(JSON.stringify(outcome.live.snapshot.sheets)).toBe(JSON.stringify(now.sheets));
      live = outcome.live;
    } else {
      tally.fallback++;
      live = checkLive(now, DEFAULT_SETTINGS);
    }
  }
}

function batchesOf(pool: readonly Target[]): fc.Arbitrary<{ target: Target; text: string }[][]> {
  const edit = fc.record({ target: fc.constantFrom(...pool), text: typed });
  return fc.array(fc.array(edit, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 });
}

describe("live re-check equals a full check", () => {
  const overall: Tally = { incremental: 0, fallback: 0 };

  it.each(FIXTURES)("%s: random edits, incremental result byte for byte", async (name) => {
    const snapshot = await loadFixture(name);
    const base = checkLive(snapshot, DEFAULT_SETTINGS);
    const { amounts, structure, anywhere } = targets(snapshot, base.result);
    const pool = [...amounts, ...amounts, ...structure, ...anywhere.slice(0, 200)];
    if (pool.length === 0) return;
    const tally: Tally = { incremental: 0, fallback: 0 };
    await fc.assert(fc.asyncProperty(batchesOf(pool), (batches) => differential(snapshot, base, batches, tally)), { numRuns: RUNS });
    overall.incremental += tally.incremental;
    overall.fallback += tally.fallback;
  }, 120_000);

  it("took the incremental path for a good share of the random edits (the comparison above was exercised)", () => {
    expect(overall.incremental).toBeGreaterThan(25);
    expect(overall.incremental + overall.fallback).toBeGreaterThan(FIXTURES.length * RUNS);
  });

  it("on the generated 10,000-row 支出决算表, amount edits are incremental and equal a full check", async () => {
    const big = bigExpenditureWorkbook(10_000);
    const snapshot = await readWorkbookBuffer(new Uint8Array(await big.xlsx.writeBuffer()), "big.xlsx");
    const base = checkLive(snapshot, DEFAULT_SETTINGS);
    const { amounts } = targets(snapshot, base.result);
    const tally: Tally = { incremental: 0, fallback: 0 };
    const amountEdit = fc.record({ target: fc.constantFrom(...amounts.slice(3)), text: fc.integer({ min: 1, max: 99_999_99 }).map((n) => (n / 100).toFixed(2)) });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(amountEdit, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 2 }), (batches) =>
        differential(snapshot, base, batches, tally),
      ),
      { numRuns: 4 },
    );
    expect(tally.fallback).toBe(0);
    expect(tally.incremental).toBeGreaterThanOrEqual(4);
  }, 300_000);
});

describe("what falls back to a full check", () => {
  async function outcomeOf(name: string, pick: (result: CheckResult, snapshot: WorkbookSnapshot) => Target, text: string) {
    const snapshot = await loadFixture(name);
    const base = checkLive(snapshot, DEFAULT_SETTINGS);
    const port = new MemoryWorkbookPort(snapshot);
    const events: EditEvent[] = [];
    await port.subscribeToEdits((e) => events.push(...e));
    const target = pick(base.result, snapshot);
    port.editCell(target.sheet, target.address, text);
    const ranges = rangesToRead(base, events);
    return ranges ? recheck(base, await port.readRanges(ranges), DEFAULT_SETTINGS) : { fallback: "ranges" };
  }
  const expenditure = (r: CheckResult) => r.recognized.find((t) => t.kind === "expenditure")!;

  it("a new amount in an amount cell is incremental and finds the broken sum", async () => {
    const outcome = await outcomeOf("central-ministry-2023", (r) => {
      const row = expenditure(r).rows.find((x) => x.level === "item" && !x.cells.basic.blank)!;
      return { sheet: expenditure(r).sheet, address: row.cells.basic.address };
    }, "123456.78");
    expect("live" in outcome && outcome.live.result.findings.some((f) => f.rule.startsWith("T3"))).toBe(true);
  });

  it("a number typed into a blank amount cell of a labelled row is incremental and equals a full check", async () => {
    const snapshot = await loadFixture("central-ministry-2023");
    const base = checkLive(snapshot, DEFAULT_SETTINGS);
    const table = expenditure(base.result);
    const row = table.rows.find((r) => r.label && r.row > table.rows[0].row && Object.values(r.cells).some((c) => c.blank))!;
    const cell = Object.values(row.cells).find((c) => c.blank)!;
    const port = new MemoryWorkbookPort(snapshot);
    port.editCell(table.sheet, cell.address, "4321.09");
    const outcome = recheck(base, await port.readRanges(rangesToRead(base, [{ sheet: table.sheet, address: cell.address }])!), DEFAULT_SETTINGS);
    expect(outcome).toHaveProperty("live");
    if ("live" in outcome) expect(json(outcome.live.result)).toBe(json(checkWorkbook(await port.readSnapshot(), DEFAULT_SETTINGS)));
  });

  it.each([
    ["the title", (r: CheckResult) => ({ sheet: expenditure(r).sheet, address: expenditure(r).titleCell.address }), "支出决算表（修改）"],
    ["a row label", (r: CheckResult) => ({ sheet: expenditure(r).sheet, address: expenditure(r).rows[2].labelCell.address }), "其他支出"],
    ["a row label, with a number", (r: CheckResult) => ({ sheet: expenditure(r).sheet, address: expenditure(r).rows[2].labelCell.address }), "2080505"],
    ["a header", (r: CheckResult) => ({ sheet: expenditure(r).sheet, address: toA1(expenditure(r).rows[0].row - 1, expenditure(r).columns[0].col) }), "合计"],
    ["an amount turned to text", (r: CheckResult) => ({ sheet: expenditure(r).sheet, address: expenditure(r).rows[2].cells.total.address }), "详见附件"],
    ["an amount blanked", (r: CheckResult) => ({ sheet: expenditure(r).sheet, address: expenditure(r).rows[2].cells.total.address }), ""],
    ["a cell below the table", (r: CheckResult) => ({ sheet: expenditure(r).sheet, address: toA1(expenditure(r).box.bottom + 5, 1) }), "100"],
  ] as const)("an edit of %s", async (_what, pick, text) => {
    expect(await outcomeOf("central-ministry-2023", pick, text)).toHaveProperty("fallback");
  });

  it("inserted rows, whole rows and renamed sheets", async () => {
    const snapshot = await loadFixture("central-ministry-2023");
    const base = checkLive(snapshot, DEFAULT_SETTINGS);
    const sheet = snapshot.sheets[0].name;
    expect(rangesToRead(base, [{ sheet, address: "C8", structural: true }])).toBeNull();
    expect(rangesToRead(base, [{ sheet, address: "8:8" }])).toBeNull();
    expect(rangesToRead(base, [{ sheet, address: "A1:Z1000" }])).toBeNull();
    const ranges = rangesToRead(base, [{ sheet, address: "C8" }])!;
    const readout = await new MemoryWorkbookPort(snapshot).readRanges(ranges);
    expect(recheck(base, { ...readout, sheets: readout.sheets.map((s, i) => (i === 0 ? `${s}(2)` : s)) }, DEFAULT_SETTINGS)).toHaveProperty("fallback");
    expect(recheck(base, { ...readout, ranges: [null] }, DEFAULT_SETTINGS)).toHaveProperty("fallback");
  });

  it("formula cells are read with every re-check: a total recalculated by Excel (no edit event) is seen", async () => {
    const snapshot = await loadFixture("central-ministry-2023");
    const first = checkLive(snapshot, DEFAULT_SETTINGS);
    const table = expenditure(first.result);
    const item = table.rows.find((x) => x.level === "item" && !x.cells.basic.blank)!;
    const total = table.rows.find((x) => x.key === "total")!;
    // The workbook as Excel holds it: the 合计 row's 基本支出 is a formula over the rows below.
    const withFormula = new MemoryWorkbookPort(snapshot);
    const formulaCell = total.cells.basic;
    const sheet = table.sheet;
    const formulaSheet = (await withFormula.readSnapshot()).sheets.map((s) =>
      s.name !== sheet ? s : { ...s, cells: s.cells.map((row, r) => (r !== formulaCell.row ? row : row.map((c, k) => (k === formulaCell.col && c ? { ...c, formula: `SUM(${boxToA1({ top: total.row + 1, left: k, bottom: table.box.bottom, right: k })})` } : c)))) },
    );
    const formulaBook: WorkbookSnapshot = { ...snapshot, sheets: formulaSheet };
    const base = checkLive(formulaBook, DEFAULT_SETTINGS);
    expect(base.formulaRanges).toEqual([{ sheet, address: formulaCell.address }]);
    // The user adds 100 to one 项; Excel recalculates the formula (the 类, 款 rows are plain values and now disagree).
    const after = new MemoryWorkbookPort(formulaBook);
    const events: EditEvent[] = [{ sheet, address: item.cells.basic.address }];
    const bump = (text: string) => (Number(text.replace(/,/g, "")) + 100).toFixed(2);
    after.editCell(sheet, item.cells.basic.address, bump(item.cells.basic.text));
    const recalculated = (await after.readSnapshot()).sheets.find((s) => s.name === sheet)!.cells[formulaCell.row]![formulaCell.col]!;
    const patched: WorkbookSnapshot = {
      ...formulaBook,
      sheets: (await after.readSnapshot()).sheets.map((s) =>
        s.name !== sheet ? s : { ...s, cells: s.cells.map((row, r) => (r !== formulaCell.row ? row : row.map((c, k) => (k === formulaCell.col ? { ...recalculated, v: Number(bump(formulaCell.text)), t: bump(formulaCell.text) } : c)))) },
      ),
    };
    const ranges = rangesToRead(base, events)!;
    expect(ranges).toContainEqual({ sheet, address: formulaCell.address });
    const outcome = recheck(base, await new MemoryWorkbookPort(patched).readRanges(ranges), DEFAULT_SETTINGS);
    expect(outcome).toHaveProperty("live");
    if ("live" in outcome) {
      expect(outcome.changedCells).toBe(2);
      expect(json(outcome.live.result)).toBe(json(checkWorkbook(patched, DEFAULT_SETTINGS)));
    }
  });
});
