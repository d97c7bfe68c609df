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
  private readonly mergesByRow = new Map<number, RangeBox[]>();
  private readonly rowTextCache = new Map<number, RowText[]>();

  constructor(readonly sheet: SheetSnapshot) {
    this.name = sheet.name;
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

  cell(r: number, c: number): CellSnapshot | undefined {
    return this.sheet.cells[r]?.[c] ?? undefined;
  }

  /** Displayed text of a cell ("" when blank). */
  text(r: number, c: number): string {
    const cell = this.cell(r, c);
    if (!cell) return "";
    if (cell.t) return cell.t;
    return cell.v === null || cell.v === undefined ? "" : String(cell.v);
  }

  /** Non-empty cells of a row, left to right, optionally within [left, right]. */
  rowTexts(r: number, left = 0, right = Infinity): RowText[] {
    let all = this.rowTextCache.get(r);
    if (!all) {
      all = [];
      const row = this.sheet.cells[r];
      if (row) {
        for (let c = 0; c < row.length; c++) {
          const cell = row[c];
          if (!cell) continue;
          const text = this.text(r, c);
          if (text.trim() !== "") all.push({ col: c, text });
        }
      }
      this.rowTextCache.set(r, all);
    }
    if (left === 0 && right === Infinity) return all;
    return all.filter((t) => t.col >= left && t.col <= right);
  }

  mergeAt(r: number, c: number): RangeBox | undefined {
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
    return m ? Math.max(m.right, c) : c;
  }
}
