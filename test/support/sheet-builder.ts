/**
 * Build a SheetSnapshot from a 2-D array, as a host would read it: strings are text cells, numbers are
 * numeric cells (General format unless given), merges in A1 ("A1:H1"). `at` shifts the whole grid.
 */
import { formatNumber } from "../../src/domain/number-format";
import type { CellSnapshot, RangeBox, SheetSnapshot } from "../../src/domain/grid";
import { a1ToBox, boxToA1, fromA1 } from "../../src/domain/grid";

export type CellInput = string | number | null | undefined | CellSnapshot;

export interface SheetOptions {
  name?: string;
  index?: number;
  merges?: string[];
  /** top-left cell of the grid on the sheet ("C5"); default A1 */
  at?: string;
}

/** A number shown through a number format ("0.00", "#,##0.00", "0.00%", "0%"). */
export function num(v: number, format = "General"): CellSnapshot {
  return { v, t: formatNumber(v, format), ...(format === "General" ? {} : { f: format }) };
}


function toCell(input: CellInput): CellSnapshot | undefined {
  if (input === null || input === undefined || input === "") return undefined;
  if (typeof input === "string") return { v: input, t: input };
  if (typeof input === "number") return { v: input, t: String(input) };
  return input;
}

export function buildSheet(rows: CellInput[][], options: SheetOptions = {}): SheetSnapshot {
  const origin = options.at ? fromA1(options.at) : { row: 0, col: 0 };
  const cells: (CellSnapshot | undefined)[][] = [];
  let colCount = 0;
  rows.forEach((row, r) => {
    const out: (CellSnapshot | undefined)[] = [];
    row.forEach((input, c) => {
      const cell = toCell(input);
      if (cell) out[origin.col + c] = cell;
    });
    cells[origin.row + r] = out;
    colCount = Math.max(colCount, origin.col + row.length);
  });
  for (let r = 0; r < cells.length; r++) cells[r] ??= [];
  const shift = (box: RangeBox): RangeBox => ({
    top: box.top + origin.row,
    bottom: box.bottom + origin.row,
    left: box.left + origin.col,
    right: box.right + origin.col,
  });
  return {
    name: options.name ?? "Sheet1",
    index: options.index ?? 0,
    cells,
    rowCount: cells.length,
    colCount,
    merges: (options.merges ?? []).map((m) => shift(a1ToBox(m))),
    hiddenRows: [],
    hiddenCols: [],
  };
}

/** Stack several grids vertically on one sheet (blank rows between). */
export function stack(grids: { rows: CellInput[][]; merges?: string[] }[], gap = 2): { rows: CellInput[][]; merges: string[] } {
  const rows: CellInput[][] = [];
  const merges: string[] = [];
  for (const g of grids) {
    const offset = rows.length;
    for (const m of g.merges ?? []) {
      const box = a1ToBox(m);
      merges.push(boxToA1({ ...box, top: box.top + offset, bottom: box.bottom + offset }));
    }
    rows.push(...g.rows);
    for (let i = 0; i < gap; i++) rows.push([]);
  }
  return { rows, merges };
}
