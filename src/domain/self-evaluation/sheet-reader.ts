/** Cell access for the 自评表 recogniser: texts through merges, amounts through numbers.ts. */
import { roundHalfUp, ZERO } from "../decimal";
import { cellAt, toA1, type RangeBox, type SheetSnapshot } from "../grid";
import type { AmountCell, TextCell } from "../model";
import { readNumber } from "../numbers";
import { normalizeLabel } from "../text";

export class SheetReader {
  private readonly mergeByCell = new Map<number, RangeBox>();
  readonly rowCount: number;
  readonly colCount: number;

  constructor(readonly sheet: SheetSnapshot) {
    this.rowCount = Math.max(sheet.rowCount, sheet.cells.length);
    let cols = sheet.colCount;
    for (const row of sheet.cells) if (row && row.length > cols) cols = row.length;
    this.colCount = cols;
    // only the part of a merge inside the used range: a merge over the whole sheet must not allocate 17 billion keys
    for (const m of sheet.merges) {
      const bottom = Math.min(m.bottom, this.rowCount - 1);
      const right = Math.min(m.right, this.colCount - 1);
      for (let r = m.top; r <= bottom; r++) for (let c = m.left; c <= right; c++) this.mergeByCell.set(this.key(r, c), m);
    }
  }

  private key(row: number, col: number): number {
    return row * 16384 + col;
  }

  mergeAt(row: number, col: number): RangeBox | undefined {
    return this.mergeByCell.get(this.key(row, col));
  }

  /** the cell's own displayed text (blank for the hidden part of a merge) */
  ownText(row: number, col: number): string {
    const cell = cellAt(this.sheet, row, col);
    if (!cell) return "";
    if (cell.t) return cell.t.trim();
    if (cell.v === null || cell.v === undefined) return "";
    return String(cell.v).trim();
  }

  /** text shown at (row, col): a merged area shows its top-left text in every cell it covers */
  text(row: number, col: number): string {
    const m = this.mergeAt(row, col);
    if (m && (m.top !== row || m.left !== col)) return this.ownText(m.top, m.left);
    return this.ownText(row, col);
  }

  norm(row: number, col: number): string {
    return normalizeLabel(this.ownText(row, col));
  }

  rowIsBlank(row: number): boolean {
    for (let c = 0; c < this.colCount; c++) if (this.ownText(row, c) !== "") return false;
    return true;
  }

  /** the non-empty own texts of a row with their columns */
  rowTexts(row: number): { col: number; text: string; norm: string }[] {
    const out: { col: number; text: string; norm: string }[] = [];
    for (let c = 0; c < this.colCount; c++) {
      const text = this.ownText(row, c);
      if (text !== "") out.push({ col: c, text, norm: normalizeLabel(text) });
    }
    return out;
  }

  textCell(row: number, col: number, text?: string): TextCell {
    return { row, col, address: toA1(row, col), text: text ?? this.ownText(row, col) };
  }

  /**
   * An amount (or score, weight, rate) cell. `percentHeader`: the column header says "(%)", so a plain
   * number is a percentage; `rateColumn`: a plain number above 2 in a 执行率/系数 column is a percentage too.
   */
  amountCell(row: number, col: number, opts: { percentHeader?: boolean; rateColumn?: boolean } = {}): AmountCell {
    const cell = cellAt(this.sheet, row, col);
    const text = this.ownText(row, col);
    const address = toA1(row, col);
    const read = readNumber(cell);
    // literals rather than spreads of a common base: same fields in the same order, without copying objects per cell
    if (read.kind === "blank") return { row, col, address, text, value: ZERO, displayed: ZERO, decimals: 0, blank: true };
    if (read.kind === "not-a-number") return { row, col, address, text, value: ZERO, displayed: ZERO, decimals: 0, blank: false, notANumber: true };
    let { value, decimals } = read;
    let percent = read.percent;
    if (!percent && (opts.percentHeader || (opts.rateColumn && value.abs().gt(2)))) {
      value = value.div(100);
      decimals += 2;
      percent = true;
    }
    const displayed = roundHalfUp(value, Math.max(0, decimals));
    return percent
      ? { row, col, address, text, value, displayed, decimals, blank: false, percent: true }
      : { row, col, address, text, value, displayed, decimals, blank: false };
  }

  isNumeric(row: number, col: number): boolean {
    return readNumber(cellAt(this.sheet, row, col)).kind === "number";
  }
}
