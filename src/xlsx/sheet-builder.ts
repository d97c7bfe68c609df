/**
 * Raw cells → SheetSnapshot, shared by the .xlsx reader (ooxml-reader.ts) and the .xls reader
 * (biff-reader.ts) so both hand the engine exactly the grid the ExcelJS path gave (read-exceljs.ts;
 * test/xlsx/differential.test.ts holds them equal): merged slave cells blank, dates under a date
 * format shown as YYYY-MM-DD, displayed text from the number format, hidden rows listed when they
 * hold something.
 */
import type { CellSnapshot, RangeBox, RawValue, SheetSnapshot } from "../domain/grid";
import { formatNumber } from "../domain/number-format";

/** Excel's sheet limits: anything addressed beyond them is not a cell. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** Non-empty cells of one workbook beyond which reading stops (memory bound on hostile input). */
export const MAX_CELLS = 3_000_000;

/** The workbook has more cells than the reader agrees to hold. */
export class CellLimitError extends Error {}

/** Cells left for one workbook, shared by its sheets. */
export class CellBudget {
  constructor(public left = MAX_CELLS) {}
}

const dateFormatCache = new Map<string, boolean>();

/** A number format that shows a date or time (y m d h s b outside quotes and brackets), as ExcelJS decides. */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  let hit = dateFormatCache.get(fmt);
  if (hit === undefined) {
    hit = /[ymdhMsb]+/.test(fmt.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
    if (dateFormatCache.size < 4096) dateFormatCache.set(fmt, hit);
  }
  return hit;
}

/** Excel serial → "YYYY-MM-DD" (1900 or 1904 system), or null when it is no representable date. */
export function serialToIsoDate(serial: number, date1904: boolean): string | null {
  const ms = Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000);
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10);
}

export type CellKind = "n" | "s" | "b" | "e" | "none";

/**
 * The snapshot of one cell; `kind` "none" is a formula without a cached result. `source`: the text a number was
 * parsed from, if any (formatNumber may spare converting the number back to text).
 */
export function makeCell(kind: CellKind, value: RawValue, fmt: string | undefined, formula: string | undefined, date1904: boolean, source?: string): CellSnapshot {
  let v: RawValue = kind === "none" ? null : value;
  let t: string;
  if (kind === "n" && typeof v === "number") {
    const iso = isDateFormat(fmt) ? serialToIsoDate(v, date1904) : null;
    if (iso !== null) {
      v = iso;
      t = iso;
    } else {
      t = formatNumber(v, fmt, source);
    }
  } else {
    t = v === null ? "" : String(v);
  }
  // Each shape is built as one literal so its fields sit inside the object: added afterwards, they spill into a
  // separate property array (a 100,000-row table: 333,000 of them, 13 MB).
  const f = fmt && fmt !== "General" ? fmt : undefined;
  if (formula === undefined && kind !== "e") return f === undefined ? { v, t } : { v, t, f };
  const snap: CellSnapshot = f === undefined ? { v, t } : { v, t, f };
  if (formula !== undefined) snap.formula = formula;
  if (kind === "e") snap.error = true;
  return snap;
}

export class SheetBuilder {
  private readonly cells: (CellSnapshot | null | undefined)[][] = [];
  /**
   * Rows with only a placeholder cell (touch), which ExcelJS counts as present: with the rows that hold a cell
   * (`cells[r]` set), they decide which hidden rows are listed.
   */
  private readonly touchedRows = new Set<number>();
  /** the row cells are being added to (readers give rows in order; any order still works) */
  private openRow = -1;
  private readonly hiddenRowSet = new Set<number>();
  private readonly hiddenColList: number[] = [];
  readonly merges: RangeBox[] = [];
  hidden = false;
  protected = false;
  cellCount = 0;

  constructor(
    readonly name: string,
    readonly index: number,
    private readonly budget = new CellBudget(),
  ) {}

  set(r: number, c: number, cell: CellSnapshot): void {
    if (r < 0 || c < 0 || r >= MAX_ROWS || c >= MAX_COLS) return;
    if (r !== this.openRow) {
      this.closeRow();
      this.openRow = r;
    }
    const row = (this.cells[r] ??= []);
    if (row[c] === undefined) {
      this.cellCount++;
      if (--this.budget.left < 0) throw new CellLimitError(`more than ${MAX_CELLS} cells`);
    }
    row[c] = cell;
  }

  /**
   * A row grown cell by cell keeps room for 17 (152 bytes for 5 cells); it is replaced by an exact copy as soon as
   * the next row starts, while the grown array is still young garbage that V8 frees almost for nothing. Copied only
   * at build() instead, 100,000 grown rows lived long enough to be promoted and then had to be collected (~9 MB).
   */
  private closeRow(): void {
    const row = this.openRow >= 0 ? this.cells[this.openRow] : undefined;
    if (row && row.length < 64) this.cells[this.openRow] = row.slice();
    this.openRow = -1;
  }

  /** A cell element without a value that ExcelJS still counts as present (no style of its own). */
  touch(r: number): void {
    if (r >= 0 && r < MAX_ROWS) this.touchedRows.add(r);
  }

  hideRow(r: number): void {
    if (r >= 0 && r < MAX_ROWS) this.hiddenRowSet.add(r);
  }

  /** Columns min..max (1-based, inclusive) hidden; clamped to the sheet so a hostile range costs nothing. */
  hideCols(min: number, max: number): void {
    const lo = Math.max(1, min);
    const hi = Math.min(MAX_COLS, max);
    for (let c = lo; c <= hi; c++) this.hiddenColList.push(c - 1);
  }

  addMerge(box: RangeBox): void {
    if (box.top < 0 || box.left < 0 || box.top >= MAX_ROWS || box.left >= MAX_COLS) return;
    this.merges.push({ top: box.top, left: box.left, bottom: Math.min(box.bottom, MAX_ROWS - 1), right: Math.min(box.right, MAX_COLS - 1) });
  }

  build(): SheetSnapshot {
    this.closeRow();
    const cells = this.cells;
    // rows in which ExcelJS would see a value or a placeholder cell, before merges blank any
    const hiddenRows = [...this.hiddenRowSet].filter((r) => cells[r] !== undefined || this.touchedRows.has(r) || this.mergeCovers(r)).sort((a, b) => a - b);
    // Merged slave cells read blank, as Excel shows them. Walk only the rows and cells that exist,
    // never the declared area (a merge can claim a whole sheet).
    for (const m of this.merges) {
      const last = Math.min(m.bottom, cells.length - 1);
      for (let r = m.top; r <= last; r++) {
        const row = cells[r];
        if (!row) continue;
        const end = Math.min(m.right, row.length - 1);
        for (let c = m.left; c <= end; c++) {
          if ((r !== m.top || c !== m.left) && row[c] !== undefined) {
            row[c] = undefined;
            this.cellCount--;
          }
        }
      }
    }
    let rowCount = 0;
    let colCount = 0;
    for (let r = 0; r < cells.length; r++) {
      const row = cells[r];
      if (!row) continue;
      const length = row.length;
      let last = length - 1;
      while (last >= 0 && row[last] === undefined) last--;
      row.length = last + 1;
      if (last < 0) continue;
      // rows are exact copies already (closeRow); one shortened by a merge is copied again to hold only what it has
      if (row.length < length && row.length < 64) cells[r] = row.slice();
      rowCount = r + 1;
      if (last + 1 > colCount) colCount = last + 1;
    }
    cells.length = Math.min(cells.length, rowCount);
    for (let r = 0; r < rowCount; r++) cells[r] ??= [];
    return {
      name: this.name,
      index: this.index,
      cells,
      rowCount,
      colCount,
      merges: this.merges,
      hiddenRows,
      hiddenCols: this.hiddenColList,
      hidden: this.hidden,
      protected: this.protected,
    };
  }

  /** A merge puts placeholder cells on every row it spans below its first (and on the first when wider than one column). */
  private mergeCovers(r: number): boolean {
    return this.merges.some((m) => r >= m.top && r <= m.bottom && (r > m.top || m.right > m.left));
  }
}
