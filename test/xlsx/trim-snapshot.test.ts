/**
 * trimSnapshot counts occupied cells per row and column instead of listing every cell; on random sparse sheets
 * (a block of data, stray cells far to the right and below, near-by cells within the gap) it drops exactly the
 * cells the list-and-sort formulation below drops, in the same order.
 */
import fc from "fast-check";
import type { CellSnapshot, SheetSnapshot } from "../../src/domain/grid";
import { toA1 } from "../../src/domain/grid";
import { strayCells, trimSnapshot } from "../../src/xlsx/input-limits";

const STRAY = { maxCells: 10, rowGap: 1000, colGap: 200 };

/** The specification: sort every occupied index; a tail of ≤ maxCells cells beyond a gap is stray. */
function referenceSpan(indices: number[], gap: number): number {
  if (indices.length === 0) return -1;
  const sorted = [...indices].sort((a, b) => a - b);
  let end = sorted.length - 1;
  for (let i = sorted.length - 1; i > 0; i--) {
    if (sorted.length - i > STRAY.maxCells) break;
    if (sorted[i] - sorted[i - 1] > gap) end = i - 1;
  }
  return sorted[end];
}

function referenceDropped(cells: [number, number][]): string[] {
  const keepRows = referenceSpan(cells.map(([r]) => r), STRAY.rowGap);
  const keepCols = referenceSpan(cells.map(([, c]) => c), STRAY.colGap);
  return cells.filter(([r, c]) => r > keepRows || c > keepCols).map(([r, c]) => toA1(r, c));
}

function sheetOf(cells: [number, number][]): SheetSnapshot {
  const grid: (CellSnapshot | null | undefined)[][] = [];
  let rowCount = 0;
  let colCount = 0;
  for (const [r, c] of cells) {
    (grid[r] ??= [])[c] = { v: 1, t: "1" };
    rowCount = Math.max(rowCount, r + 1);
    colCount = Math.max(colCount, c + 1);
  }
  return { name: "表", index: 0, cells: grid, rowCount, colCount, merges: [], hiddenRows: [], hiddenCols: [] };
}

describe("trimSnapshot: stray far cells", () => {
  it("drops the same cells as the sorted-list specification", () => {
    const block = fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 12 })), { maxLength: 60 });
    const far = fc.array(fc.tuple(fc.integer({ min: 0, max: 1_048_575 }), fc.integer({ min: 0, max: 16_383 })), { maxLength: 14 });
    const near = fc.array(fc.tuple(fc.integer({ min: 0, max: 2_500 }), fc.integer({ min: 0, max: 450 })), { maxLength: 14 });
    fc.assert(
      fc.property(block, far, near, (a, b, c) => {
        // one cell per position, listed row by row as the sheet holds them
        const unique = new Map<string, [number, number]>();
        for (const p of [...a, ...b, ...c]) unique.set(`${p[0]}:${p[1]}`, p);
        const cells = [...unique.values()].sort((x, y) => x[0] - y[0] || x[1] - y[1]);
        const wb = { sheets: [sheetOf(cells)] };
        const expected = referenceDropped(cells);
        // the used area check may refuse a sheet whose kept part is still huge; what was dropped is decided before
        try {
          trimSnapshot(wb);
        } catch {
          return;
        }
        const dropped = strayCells(wb).flatMap((s) => s.cells);
        expect(dropped).toEqual(expected);
        const left = wb.sheets[0].cells.flatMap((row, r) => (row ?? []).flatMap((cell, col) => (cell ? [toA1(r, col)] : [])));
        expect(left.length + dropped.length).toBe(cells.length);
      }),
      // each case walks a sheet up to 1,048,576 rows tall: 100 cases keep the suite quick on a busy 2-vCPU machine
      { numRuns: Number(process.env.FC_NUM_RUNS ?? 100) },
    );
  });
});
