/**
 * Recognition and rules never throw on the real fixture workbooks with random cells replaced (text,
 * #REF!, huge numbers …). A few thousand cases in npm test; `npm run fuzz` runs 100,000.
 * Each case edits one sheet (up to 8 cells) and checks it together with the workbook's first sheet (the
 * summary table the cross-table rules start from): recognizing the 10 untouched sheets of a 12-table
 * workbook again in every case made this the slowest property of npm run fuzz (7 ms → 4 ms a case).
 */
import fc from "fast-check";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { checkWorkbook } from "../../src/domain/engine";
import type { SheetSnapshot, WorkbookSnapshot } from "../../src/domain/grid";
import { FIXTURE_DIR, loadFixture } from "../support/fixtures";
import { cellArb } from "./arbitraries";
import { reportCases } from "./report";

// thousands of generated cases on a busy machine: generous, never a speed assertion (npm run fuzz sets its own)
jest.setTimeout(600_000);

const RUNS = Number(process.env.FC_NUM_RUNS ?? 2000);

describe("engine robustness on real workbooks", () => {
  const names = readdirSync(join(FIXTURE_DIR, "xlsx"))
    .filter((f) => f.endsWith(".xlsx"))
    .map((f) => f.replace(/\.xlsx$/, ""));
  const fixtures: WorkbookSnapshot[] = [];
  beforeAll(async () => {
    for (const n of names) fixtures.push(await loadFixture(n));
  }, 600_000);

  it("never throws on fixtures with random cells replaced", () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.array(fc.tuple(fc.nat(60), fc.nat(20), cellArb), { minLength: 1, maxLength: 8 }), (which, sheetPick, edits) => {
        const base = fixtures[which % fixtures.length];
        const index = sheetPick % base.sheets.length;
        const original = base.sheets[index];
        // only the edited rows are copied; the fixture itself is never changed
        const sheet: SheetSnapshot = { ...original, cells: [...original.cells] };
        for (const [r, c, cell] of edits) {
          const row = (sheet.cells[r] = [...(sheet.cells[r] ?? [])]);
          row[c] = cell;
          sheet.rowCount = Math.max(sheet.rowCount, r + 1);
          sheet.colCount = Math.max(sheet.colCount, c + 1);
        }
        const sheets = index === 0 ? [sheet] : [base.sheets[0], sheet];
        checkWorkbook({ ...base, sheets });
      }),
      { numRuns: RUNS },
    );
    reportCases("never throws on fixtures with random cells replaced", RUNS);
  });
});
