/**
 * Read access to one sheet snapshot for the recognisers: cell text, non-empty cells of a row,
 * and merged areas (a merged header's text sits in its top-left cell only). Built once per sheet,
 * so every lookup is O(1) or O(merges on that row).
 */
import type { CellSnapshot, RangeBox, SheetSnapshot } from "../grid";

export interface RowText {
  col: number;
  text: string;
}

export class SheetView {
  readonly name: string;
  readonly rowCount: number;
  readonly colCount: number;
  private readonly mergesByRow: Map<number, RangeBox[]> = new Map();
  private readonly rowTextCache: Map<number, RowText[]> = new Map();

  /** columns this view can see (a table standing beside another on the same sheet reads only its own) */
  readonly left: number;
  readonly right: number;

  constructor(
    readonly sheet: SheetSnapshot,
    columns: { left: number; right: number } = { left: 0, right: Infinity },
    shared?: SheetView,
  ) {
    this.left = columns.left;
    this.right = columns.right;
    this.name = sheet.name;
    if (shared) {
      this.rowCount = shared.rowCount;
      this.colCount = shared.colCount;
      this.mergesByRow = shared.mergesByRow;
      this.rowTextCache = shared.rowTextCache;
      return;
    }
    this.rowCount = Math.min(sheet.rowCount, sheet.cells.length);
    this.colCount = sheet.colCount;
    for (const m of sheet.merges) {
      const last = Math.min(m.bottom, this.rowCount - 1);
      for (let r = m.top; r <= last; r++) {
        let list = this.mergesByRow.get(r);
        if (!list) this.mergesByRow.set(r, (list = []));
        list.push(m);
      }
    }
  }

  /** The same sheet seen through columns [left, right] only. */
  windowed(left: number, right: number): SheetView {
    return new SheetView(this.sheet, { left, right }, this);
  }

  cell(r: number, c: number): CellSnapshot | undefined {
    if (c < this.left || c > this.right) return undefined;
    return this.sheet.cells[r]?.[c] ?? undefined;
  }

  /** Displayed text of a cell ("" when blank). */
  text(r: number, c: number): string {
    return cellText(this.cell(r, c));
  }

  /** Non-empty cells of a row, left to right, optionally within [left, right]. */
  rowTexts(r: number, left = 0, right = Infinity): RowText[] {
    let all = this.rowTextCache.get(r);
    if (!all) this.rowTextCache.set(r, (all = this.readRowTexts(r)));
    return this.within(all, left, right);
  }

  /**
   * The same texts for a row read once (the body rows of a table): not kept, so a 100,000-row table does not
   * hold half a million text records in memory while it is read.
   */
  passingRowTexts(r: number, left = 0, right = Infinity): RowText[] {
    return this.within(this.rowTextCache.get(r) ?? this.readRowTexts(r), left, right);
  }

  /**
   * The first non-blank text of row r within [left, right] (and this view's columns) — what passingRowTexts(r, left,
   * right)[0] holds — without building the row's texts: the body reader asks it of every row of a table.
   */
  firstText(r: number, left = 0, right = Infinity): string | undefined {
    const row = this.sheet.cells[r];
    if (!row) return undefined;
    const end = Math.min(row.length - 1, right, this.right);
    for (let c = Math.max(left, this.left); c <= end; c++) {
      const text = shownText(row[c]);
      if (text !== undefined) return text;
    }
    return undefined;
  }

  private readRowTexts(r: number): RowText[] {
    const all: RowText[] = [];
    const row = this.sheet.cells[r];
    if (row) {
      for (let c = 0; c < row.length; c++) {
        const text = shownText(row[c]);
        if (text !== undefined) all.push({ col: c, text });
      }
    }
    return all;
  }

  private within(all: RowText[], left: number, right: number): RowText[] {
    const lo = Math.max(left, this.left);
    const hi = Math.min(right, this.right);
    if (lo === 0 && hi === Infinity) return all;
    return all.filter((t) => t.col >= lo && t.col <= hi);
  }

  /**
   * Whether a cell of row r within this view's columns shows text containing `needle`, looked up without building the row's
   * texts: the title scan passes over every row of a 100,000-row table and needs only the few rows naming a 表.
   */
  rowMentions(r: number, needle: string): boolean {
    const row = this.sheet.cells[r];
    if (!row) return false;
    const end = Math.min(row.length - 1, this.right);
    for (let c = this.left; c <= end; c++) {
      const cell = row[c];
      if (!cell) continue;
      if (cell.t ? cell.t.includes(needle) : typeof cell.v === "string" && cell.v.includes(needle)) return true;
    }
    return false;
  }

  mergeAt(r: number, c: number): RangeBox | undefined {
    if (c < this.left || c > this.right) return undefined;
    const list = this.mergesByRow.get(r);
    if (!list) return undefined;
    return list.find((m) => c >= m.left && c <= m.right);
  }

  /** Text shown at (r, c): the merge's top-left text when the cell is inside a merged area. */
  mergedText(r: number, c: number): string {
    const m = this.mergeAt(r, c);
    return m ? this.text(m.top, m.left) : this.text(r, c);
  }

  /** Rightmost column covered by the cell at (r, c) (its merge, if any). */
  mergeRight(r: number, c: number): number {
    const m = this.mergeAt(r, c);
    return m ? Math.min(Math.max(m.right, c), this.right) : c;
  }
}

/** A cell's displayed text ("" when blank): its shown text, else its raw value as text. */
function cellText(cell: CellSnapshot | null | undefined): string {
  if (!cell) return "";
  if (cell.t) return cell.t;
  return cell.v === null || cell.v === undefined ? "" : String(cell.v);
}

/** A cell's displayed text when it is not blank. */
function shownText(cell: CellSnapshot | null | undefined): string | undefined {
  const text = cellText(cell);
  return text.trim() !== "" ? text : undefined;
}
