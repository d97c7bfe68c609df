/**
 * Sheet grid snapshot: what the engine sees of a workbook, whichever host read it
 * (ExcelJS in the CLI, tests and demo; Office.js in the add-in). Pure data, JSON-serialisable.
 * Rows and columns are 0-based absolute sheet indices (A1 = row 0, col 0).
 */

/** Raw cell value as the host stores it (number, text, boolean), or an error text such as "#REF!". */
export type RawValue = string | number | boolean | null;

export interface CellSnapshot {
  /** raw stored value (a formula cell holds its cached result here) */
  v: RawValue;
  /** displayed text, as Excel shows it (number format applied); "" for blank */
  t: string;
  /** number format code, e.g. "#,##0.00", "0.00%", "General"; omitted = General */
  f?: string;
  /** formula text without the leading "=", when the cell has one */
  formula?: string;
  /** true when the raw value is an Excel error (#REF!, #DIV/0! …) */
  error?: boolean;
}

export interface RangeBox {
  top: number;
  left: number;
  bottom: number; // inclusive
  right: number; // inclusive
}

export interface SheetSnapshot {
  name: string;
  /** position in the workbook, 0-based */
  index: number;
  /** cells[row][col]; rows/cols beyond the used range are undefined; blank cells may be undefined or null */
  cells: (CellSnapshot | null | undefined)[][];
  /** number of rows / columns covered by `cells` (used range end + 1) */
  rowCount: number;
  colCount: number;
  merges: RangeBox[];
  hiddenRows: number[];
  hiddenCols: number[];
  /** sheet is hidden / very hidden in the workbook */
  hidden?: boolean;
  /** sheet protection is on (marks cannot be written there) */
  protected?: boolean;
}

export interface WorkbookSnapshot {
  /** file name when known (CLI, demo); undefined inside Excel unless the host exposes it */
  fileName?: string;
  sheets: SheetSnapshot[];
  /** zh-CN notes on what the reader left out (e.g. a stray value far from every table), for the pane */
  notices?: string[];
}

// letters of the first columns, built once: every amount cell of a large table asks for its address
const LETTERS_CACHE: string[] = [];

/** 0-based column index → letters (0 → "A", 26 → "AA"). */
export function columnLetters(col: number): string {
  if (col < 256) return (LETTERS_CACHE[col] ??= spellColumn(col));
  return spellColumn(col);
}

function spellColumn(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 0-based (row, col) → "B7". */
export function toA1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** Range box → "B3:H20" (single cell → "B3"). */
export function boxToA1(box: RangeBox): string {
  const a = toA1(box.top, box.left);
  const b = toA1(box.bottom, box.right);
  return a === b ? a : `${a}:${b}`;
}

/** "B7" → { row: 6, col: 1 }; also accepts "$B$7". Throws on malformed input. */
export function fromA1(a1: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(a1.trim());
  if (!m) throw new Error(`not an A1 address: ${a1}`);
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** "B3:H20" → box. */
export function a1ToBox(a1: string): RangeBox {
  const [a, b] = a1.split(":");
  const p = fromA1(a);
  const q = b ? fromA1(b) : p;
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

export function cellAt(sheet: SheetSnapshot, row: number, col: number): CellSnapshot | undefined {
  const c = sheet.cells[row]?.[col];
  return c ?? undefined;
}
