/**
 * One contract for every WorkbookPort (Excel on the fake Office object model, WPS on the fake ET object
 * model, the in-memory port): on every sample workbook, check + mark + clear leaves every value, fill and
 * note/批注 as it was; marks land on the findings' cells; a user's own note and fills survive; the port
 * reads the workbook so that the engine finds exactly what it finds in the .xlsx file.
 * Each port's test file supplies a harness: the port over a host holding the workbook plus the user's own
 * formats, and the host's state as the user would see it.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { checkWorkbook } from "../../src/domain/engine";
import { a1ToBox, boxToA1, toA1, type WorkbookSnapshot } from "../../src/domain/grid";
import { MARK_FILL, marksFromFindings, NOTE_PREFIX } from "../../src/domain/marks";
import type { WorkbookPort } from "../../src/domain/port";
import { FIXTURE_DIR, loadFixture } from "../support/fixtures";

/** A user's own format on a cell: a solid fill "#RRGGBB" (white included) and/or a note (批注). */
export interface UserFormat {
  fill?: string;
  note?: string;
}

export interface CellView {
  v: unknown;
  /** "#RRGGBB" of a solid fill, null for No Fill */
  fill: string | null;
  note: string | null;
}

export interface PortHarness {
  port: WorkbookPort;
  /** every cell that has a value, a fill or a note, keyed "Sheet!A1" */
  state(): Record<string, CellView>;
}

/** Builds the host holding `snapshot` with the user's `formats` (keyed "Sheet!A1") and a port over it. */
export type HarnessFactory = (snapshot: WorkbookSnapshot, formats: Record<string, UserFormat>) => PortHarness;

export const SAMPLE_WORKBOOKS = readdirSync(join(FIXTURE_DIR, "xlsx"))
  .filter((f) => f.endsWith(".xlsx"))
  .map((f) => f.replace(/\.xlsx$/, ""))
  .sort();

const USER_NOTE = "请核对此数（用户自己的批注）";

/** The user's own formats: on the first flagged cells (a note, a white fill, a green fill) and on a cell nobody flags. */
export function userFormatsFor(snapshot: WorkbookSnapshot): Record<string, UserFormat> {
  const marks = marksFromFindings(checkWorkbook(snapshot).findings).filter((m) => !snapshot.sheets.find((s) => s.name === m.sheet)?.protected);
  const formats: Record<string, UserFormat> = {};
  const specs: UserFormat[] = [{ note: USER_NOTE }, { fill: "#FFFFFF" }, { fill: "#00B050", note: `${USER_NOTE}（二）` }];
  marks.slice(0, specs.length).forEach((m, i) => (formats[`${m.sheet}!${m.address}`] = specs[i]));
  const first = snapshot.sheets.find((s) => !s.protected);
  if (first && !formats[`${first.name}!A1`]) formats[`${first.name}!A1`] = { fill: "#FFFF00", note: USER_NOTE };
  return formats;
}

function findingKeys(snapshot: WorkbookSnapshot): string[] {
  return checkWorkbook(snapshot)
    .findings.map((f) => `${f.rule} ${f.sheet}!${f.cell} ${f.expected}/${f.actual}`)
    .sort();
}

export function describePortContract(name: string, factory: HarnessFactory, options: { readRanges?: boolean } = {}): void {
  describe(`WorkbookPort contract: ${name}`, () => {
    if (options.readRanges) {
      it.each(SAMPLE_WORKBOOKS)("%s: readRanges (live re-check) reads the cells readSnapshot reads, and the sheet names", async (fixture) => {
        const { port } = factory(await loadFixture(fixture), {});
        const snapshot = await port.readSnapshot();
        // Every sheet's top-left block (titles, headers, first rows) and its last used cell.
        const ranges = snapshot.sheets.flatMap((s) =>
          s.rowCount === 0
            ? []
            : [
                { sheet: s.name, address: boxToA1({ top: 0, left: 0, bottom: Math.min(s.rowCount, 30) - 1, right: Math.min(s.colCount, 8) - 1 }) },
                { sheet: s.name, address: toA1(s.rowCount - 1, s.colCount - 1) },
              ],
        );
        const readout = await port.readRanges!(ranges);
        expect(readout.sheets).toEqual(snapshot.sheets.map((s) => s.name));
        expect(readout.ranges).toHaveLength(ranges.length);
        readout.ranges.forEach((range, i) => {
          const box = a1ToBox(ranges[i].address);
          const sheet = snapshot.sheets.find((s) => s.name === ranges[i].sheet)!;
          const expected = [];
          for (let r = box.top; r <= box.bottom; r++) {
            const row = [];
            for (let c = box.left; c <= box.right; c++) row.push(sheet.cells[r]?.[c] ?? null);
            expected.push(row);
          }
          expect(range).toEqual({ sheet: ranges[i].sheet, address: ranges[i].address, cells: expected });
        });
      });
    }

    it.each(SAMPLE_WORKBOOKS)("%s: check + mark + clear leaves values, fills and notes as they were", async (fixture) => {
      const reference = await loadFixture(fixture);
      const formats = userFormatsFor(reference);
      const { port, state } = factory(reference, formats);
      const before = state();

      const snapshot = await port.readSnapshot();
      expect(findingKeys(snapshot)).toEqual(findingKeys(reference));
      const marks = marksFromFindings(checkWorkbook(snapshot).findings);
      const outcome = await port.writeMarks(marks);

      const during = state();
      const protectedSheets = new Set(snapshot.sheets.filter((s) => s.protected).map((s) => s.name));
      for (const mark of marks) {
        const key = `${mark.sheet}!${mark.address}`;
        if (protectedSheets.has(mark.sheet)) {
          expect(during[key]?.fill ?? null).toBe(before[key]?.fill ?? null);
          continue;
        }
        expect({ key, fill: during[key]?.fill }).toEqual({ key, fill: MARK_FILL[mark.severity] });
        const note = during[key]?.note ?? null;
        if (outcome.explanations !== "pane-only" && !formats[key]?.note) expect(note?.startsWith(NOTE_PREFIX)).toBe(true);
      }
      // Nothing but the flagged cells changed.
      const flagged = new Set(marks.map((m) => `${m.sheet}!${m.address}`));
      for (const key of new Set([...Object.keys(before), ...Object.keys(during)])) {
        if (!flagged.has(key)) expect({ key, cell: during[key] }).toEqual({ key, cell: before[key] });
      }

      await port.clearMarks();
      const after = state();
      expect(after).toEqual(before);
      for (const [key, format] of Object.entries(formats)) {
        if (format.note) expect(after[key]?.note).toBe(format.note);
        expect(after[key]?.fill ?? null).toBe(format.fill ?? null);
      }
    });
  });
}

/** A state map from cells: drops cells with no value, no fill and no note. */
export function viewOf(entries: Iterable<[string, CellView]>): Record<string, CellView> {
  const out: Record<string, CellView> = {};
  for (const [key, cell] of entries) {
    const blank = (cell.v === null || cell.v === undefined || cell.v === "") && cell.fill === null && cell.note === null;
    if (!blank) out[key] = { ...cell, v: cell.v === undefined || cell.v === "" ? null : cell.v };
  }
  return out;
}
