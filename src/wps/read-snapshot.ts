/**
 * Read every worksheet of the active WPS workbook into a WorkbookSnapshot.
 *
 * Each ET property or method call is a synchronous crossing into WPS, so the reader asks for whole
 * ranges and never walks cells:
 *   - values: UsedRange in row blocks, Value2 and Formula of each block (2 calls per block of up to
 *     `maxCellsPerBlock` cells — a 10,000-row 支出决算表 is one block);
 *   - number formats, only for numeric cells (the engine reads a text cell's text, never its format):
 *     NumberFormat of the rectangle spanning a sheet's numbers; when it is null (formats differ), per
 *     column, and inside a column by halving the row span (each half shrunk to its first and last
 *     number) — calls grow with the number of format changes, not with rows; at most
 *     `maxFormatProbes` calls per sheet, cells left over count as General;
 *   - merges: MergeCells of the used range (false = none, 1 call); when null or true, the range is
 *     halved until each part is unmerged or one merged area (read from MergeArea);
 *   - hidden rows/columns: EntireRow.Hidden / EntireColumn.Hidden of the used range (null = mixed),
 *     halved the same way.
 * Displayed text is derived from the value and format with the project's formatter (Range.Text of a
 * multi-cell range is null when the cells differ), so it matches what the CLI and the demo show.
 */
import { splitSheet } from "../domain/address";
import { a1ToBox, boxToA1, type CellSnapshot, type RangeBox, type RawValue, type SheetSnapshot, type WorkbookSnapshot } from "../domain/grid";
import { formatNumber } from "../domain/number-format";
import type { ReadProgress } from "../domain/port";
import { XL, type EtRange, type EtValue, type EtWorkbook, type EtWorksheet } from "./et";

export interface WpsReadLimits {
  /** cells per Value2/Formula request */
  maxCellsPerBlock: number;
  /** NumberFormat probes per sheet before the rest is taken as General */
  maxFormatProbes: number;
  /** MergeCells/MergeArea probes per sheet */
  maxMergeProbes: number;
  /** Hidden probes per sheet and axis */
  maxHiddenProbes: number;
}

export const DEFAULT_WPS_READ_LIMITS: WpsReadLimits = {
  maxCellsPerBlock: 200_000,
  maxFormatProbes: 400,
  maxMergeProbes: 600,
  maxHiddenProbes: 200,
};

/** CVErr codes as COM hands them over in Value2 (xlErrDiv0 2007 → 0x800A07D7 …). */
const CVERR: Record<number, string> = {
  [-2146826288]: "#NULL!",
  [-2146826281]: "#DIV/0!",
  [-2146826273]: "#VALUE!",
  [-2146826265]: "#REF!",
  [-2146826259]: "#NAME?",
  [-2146826252]: "#NUM!",
  [-2146826246]: "#N/A",
};

const ERROR_TEXT = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|SPILL!|CALC!)$/;

/** Value2 of one cell → the raw value; blank is null whichever way the host says it (undefined, null, ""). */
export function rawValue(value: EtValue): RawValue {
  if (value === undefined || value === null || value === "") return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  return null;
}

/** Value2 / Formula of a range as rows: a one-cell range hands over a scalar. */
export function asRows<T>(value: T | T[][], rows: number, cols: number): T[][] {
  if (Array.isArray(value)) return value as T[][];
  const out: T[][] = [];
  for (let r = 0; r < rows; r++) out.push(Array.from({ length: cols }, () => value as T));
  return out;
}

/**
 * Box of a one-area range from its address — one call, where Row, Column, Rows.Count and Columns.Count
 * would be six. Null for a multi-area range ("A1:B2,D4").
 */
export function rangeBox(range: EtRange): RangeBox | null {
  const address = range.Address(false, false);
  if (typeof address !== "string" || address.includes(",")) return null;
  const ref = splitSheet(address).range;
  // A whole row or column ("3:5", "B:D") comes back without the other coordinate.
  const rows = /^\$?(\d+):\$?(\d+)$/.exec(ref);
  if (rows) return { top: Number(rows[1]) - 1, bottom: Number(rows[2]) - 1, left: 0, right: 16383 };
  const cols = /^\$?([A-Za-z]+):\$?([A-Za-z]+)$/.exec(ref);
  if (cols) return { ...a1ToBox(`${cols[1]}1:${cols[2]}1`), top: 0, bottom: 1048575 };
  return a1ToBox(ref);
}

interface SheetRead {
  sheet: SheetSnapshot;
  worksheet: EtWorksheet;
  box: RangeBox | null;
}

export function readWorkbook(workbook: EtWorkbook, limits: WpsReadLimits, onProgress?: (p: ReadProgress) => void): WorkbookSnapshot {
  const worksheets = workbook.Worksheets;
  const count = worksheets.Count;
  const snapshot: WorkbookSnapshot = { sheets: [] };
  const name = workbook.Name;
  if (name) snapshot.fileName = name;
  for (let i = 1; i <= count; i++) {
    const worksheet = worksheets.Item(i);
    snapshot.sheets.push(readSheet(worksheet, i - 1, limits).sheet);
    onProgress?.({ done: i, total: count });
  }
  return snapshot;
}

function readSheet(worksheet: EtWorksheet, index: number, limits: WpsReadLimits): SheetRead {
  const sheet: SheetSnapshot = {
    name: worksheet.Name,
    index,
    cells: [],
    rowCount: 0,
    colCount: 0,
    merges: [],
    hiddenRows: [],
    hiddenCols: [],
  };
  const visible = worksheet.Visible;
  if (visible === XL.sheetHidden || visible === XL.sheetVeryHidden) sheet.hidden = true;
  if (worksheet.ProtectContents) sheet.protected = true;
  const used = worksheet.UsedRange;
  const box = rangeBox(used) ?? { top: 0, left: 0, bottom: 0, right: 0 };
  const read: SheetRead = { sheet, worksheet, box };
  readValues(read, box, limits);
  if (sheet.rowCount === 0) {
    read.box = null;
    return read;
  }
  readFormats(read, box, limits.maxFormatProbes);
  sheet.merges = readMerges(worksheet, used, box, limits.maxMergeProbes);
  sheet.hiddenRows = readHidden(worksheet, box, "row", limits.maxHiddenProbes);
  sheet.hiddenCols = readHidden(worksheet, box, "col", limits.maxHiddenProbes);
  return read;
}

function readValues(read: SheetRead, box: RangeBox, limits: WpsReadLimits): void {
  const { sheet, worksheet } = read;
  const cols = box.right - box.left + 1;
  const rowsPerBlock = Math.max(1, Math.floor(limits.maxCellsPerBlock / cols));
  for (let top = box.top; top <= box.bottom; top += rowsPerBlock) {
    const bottom = Math.min(box.bottom, top + rowsPerBlock - 1);
    const rows = bottom - top + 1;
    const range = worksheet.Range(boxToA1({ top, left: box.left, bottom, right: box.right }));
    const values = asRows<EtValue>(range.Value2, rows, cols);
    const formulas = asRows<string>(range.Formula, rows, cols);
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const cell = toCell(values[r]?.[c], formulas[r]?.[c]);
        if (!cell) continue;
        (sheet.cells[top + r] ??= [])[box.left + c] = cell;
        sheet.rowCount = Math.max(sheet.rowCount, top + r + 1);
        sheet.colCount = Math.max(sheet.colCount, box.left + c + 1);
      }
    }
  }
  for (let r = 0; r < sheet.rowCount; r++) sheet.cells[r] ??= [];
}

function toCell(value: EtValue, formula: unknown): CellSnapshot | null {
  let v = rawValue(value);
  // Formula hands back a text constant as it is; a text cell reading "=100%" is text, not a formula.
  const formulaText = typeof formula === "string" && formula.startsWith("=") && v !== formula ? formula.slice(1) : undefined;
  if (v === null && formulaText === undefined) return null;
  let error = false;
  if (typeof v === "number" && formulaText !== undefined && CVERR[v]) {
    v = CVERR[v];
    error = true;
  } else if (typeof v === "string" && ERROR_TEXT.test(v)) error = true;
  const cell: CellSnapshot = { v, t: v === null ? "" : typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v) };
  if (formulaText !== undefined) cell.formula = formulaText;
  if (error) cell.error = true;
  return cell;
}

/** Number formats of numeric cells, then their displayed text. */
function readFormats(read: SheetRead, box: RangeBox, budget: number): void {
  const { sheet, worksheet } = read;
  const numeric = (r: number, c: number) => typeof sheet.cells[r]?.[c]?.v === "number" && !sheet.cells[r]?.[c]?.error;
  const probes = { left: budget };
  const apply = (format: string, rows: [number, number], c: number) => {
    if (format === "" || /^general$/i.test(format)) return;
    for (let r = rows[0]; r <= rows[1]; r++) {
      const cell = sheet.cells[r]?.[c];
      if (cell && numeric(r, c)) cell.f = format;
    }
  };
  const probe = (top: number, left: number, bottom: number, right: number): string | null => {
    probes.left--;
    const format = worksheet.Range(boxToA1({ top, left, bottom, right })).NumberFormat;
    return typeof format === "string" ? format : null;
  };
  /** First and last row with a number in column c within [top, bottom]; null when none. */
  const span = (c: number, top: number, bottom: number): [number, number] | null => {
    let first = -1;
    let last = -1;
    for (let r = top; r <= bottom; r++) {
      if (!numeric(r, c)) continue;
      if (first < 0) first = r;
      last = r;
    }
    return first < 0 ? null : [first, last];
  };
  const column = (c: number, rows: [number, number]) => {
    if (probes.left <= 0) return;
    const format = probe(rows[0], c, rows[1], c);
    if (format !== null) return apply(format, rows, c);
    if (rows[0] === rows[1]) return; // a single cell never differs from itself; a host saying so is ignored
    const mid = Math.floor((rows[0] + rows[1]) / 2);
    for (const half of [span(c, rows[0], mid), span(c, mid + 1, rows[1])]) if (half) column(c, half);
  };

  // Columns with numbers and the rows they span: one probe covers the whole sheet when formats agree.
  const spans: { c: number; rows: [number, number] }[] = [];
  for (let c = box.left; c <= box.right; c++) {
    const rows = span(c, box.top, box.bottom);
    if (rows) spans.push({ c, rows });
  }
  if (spans.length > 0) {
    const top = Math.min(...spans.map((s) => s.rows[0]));
    const bottom = Math.max(...spans.map((s) => s.rows[1]));
    const whole = probe(top, spans[0].c, bottom, spans[spans.length - 1].c);
    if (whole !== null) for (const s of spans) apply(whole, s.rows, s.c);
    else for (const s of spans) column(s.c, s.rows);
  }
  for (const row of sheet.cells) {
    row?.forEach((cell) => {
      if (cell && typeof cell.v === "number" && !cell.error) cell.t = formatNumber(cell.v, cell.f);
    });
  }
}

/** Merged areas by halving: MergeCells false → none; one merged area → MergeArea of its first cell. */
function readMerges(worksheet: EtWorksheet, used: EtRange, box: RangeBox, budget: number): RangeBox[] {
  let left = budget;
  const found = new Map<string, RangeBox>();
  const inside = (b: RangeBox) => [...found.values()].some((m) => m.top <= b.top && m.left <= b.left && m.bottom >= b.bottom && m.right >= b.right);
  const visit = (b: RangeBox, range?: EtRange) => {
    if (left <= 0 || inside(b)) return;
    left--;
    const target = range ?? worksheet.Range(boxToA1(b));
    const merged = target.MergeCells;
    if (merged === false) return;
    if (merged === true || (b.top === b.bottom && b.left === b.right)) {
      const area = rangeBox(worksheet.Range(boxToA1({ top: b.top, left: b.left, bottom: b.top, right: b.left })).MergeArea) ?? b;
      left -= 2;
      const single = area.top === area.bottom && area.left === area.right;
      if (!single) found.set(boxToA1(area), area);
      if (area.top <= b.top && area.left <= b.left && area.bottom >= b.bottom && area.right >= b.right) return;
    }
    if (b.top === b.bottom && b.left === b.right) return;
    // Split the longer side (rows first on ties: 决算 headers are wide, merges sit in a few rows).
    if (b.bottom - b.top >= b.right - b.left) {
      const mid = Math.floor((b.top + b.bottom) / 2);
      visit({ ...b, bottom: mid });
      visit({ ...b, top: mid + 1 });
    } else {
      const mid = Math.floor((b.left + b.right) / 2);
      visit({ ...b, right: mid });
      visit({ ...b, left: mid + 1 });
    }
  };
  visit(box, used);
  return [...found.values()].sort((a, b) => a.top - b.top || a.left - b.left);
}

/** Hidden rows (or columns) of the used range by halving EntireRow.Hidden (null = some hidden). */
function readHidden(worksheet: EtWorksheet, box: RangeBox, axis: "row" | "col", budget: number): number[] {
  let left = budget;
  const hidden: number[] = [];
  const visit = (from: number, to: number) => {
    if (left <= 0) return;
    left--;
    const range = worksheet.Range(
      boxToA1(axis === "row" ? { top: from, bottom: to, left: box.left, right: box.left } : { top: box.top, bottom: box.top, left: from, right: to }),
    );
    const state = (axis === "row" ? range.EntireRow : range.EntireColumn).Hidden;
    if (state === true) {
      for (let i = from; i <= to; i++) hidden.push(i);
      return;
    }
    if (state === false || from === to) return;
    const mid = Math.floor((from + to) / 2);
    visit(from, mid);
    visit(mid + 1, to);
  };
  if (axis === "row") visit(box.top, box.bottom);
  else visit(box.left, box.right);
  return hidden;
}
