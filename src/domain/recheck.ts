/**
 * Live re-check: after the user edits a few amounts, update the last check without recognizing the workbook
 * again. The previous recognition (tables, their row and column maps) is kept; the edited cells are patched
 * into it and the rules run again. This is only done when it provably gives what a full check of the edited
 * workbook gives: every changed cell is now a number and was a number (or blank, in a row labelled to its
 * left), in an amount cell of a recognized table (not a label, header, title, unit line, note, a 绩效自评表 form
 * or a cell outside the tables), not in a merged area, not on an unlabelled first body row, the sheets are the
 * same, and no table turns empty or non-empty. Anything else — or anything unsure — is answered with a reason,
 * and the caller checks in full. test/recheck/ compares both ways on random edits of every sample workbook.
 *
 * Formula cells change without an edit event when what they add up changes, so every re-check reads them
 * along with the edited ranges (when there are not too many of them; otherwise it checks in full).
 */
import { boxToA1, a1ToBox, type CellSnapshot, type RangeBox, type SheetSnapshot, type WorkbookSnapshot } from "./grid";
import { checkRecognized, type CheckResult } from "./engine";
import { DEFAULT_SETTINGS, type CheckSettings } from "./findings";
import type { AmountCell, RecognizedTable } from "./model";
import { readNumber } from "./numbers";
import type { CellAddress, EditEvent, RangeReadout } from "./port";
import { recognizeWorkbook, type RecognitionResult } from "./recognize";
import { amountCell } from "./recognize/rows";
import { SheetView } from "./recognize/sheet-view";
import { splitSheet } from "./address";

/** A check that can be brought up to date from edited cells. Immutable: a re-check returns a new one. */
export interface LiveCheck {
  snapshot: WorkbookSnapshot;
  recognition: RecognitionResult;
  result: CheckResult;
  /** runs of formula cells, read with every re-check; null when there are too many (every re-check is full) */
  formulaRanges: CellAddress[] | null;
  /** where each amount cell sits in recognition.tables, built at the first re-check (a re-check moves no table or row) */
  amounts?: AmountIndex;
}

export type RecheckOutcome = { live: LiveCheck; changedCells: number } | { fallback: string };

/** Beyond these the edit is not "a few cells": a full check is as cheap and certainly right. */
const RECHECK_LIMITS = {
  /** cells read per re-check (edited ranges and formula runs together) */
  maxCells: 5_000,
  /** ranges read per re-check */
  maxRanges: 500,
} as const;

const now = (): number => (typeof performance !== "undefined" ? performance.now() : Date.now());

/** A full check that can be re-checked incrementally later. */
export function checkLive(snapshot: WorkbookSnapshot, settings: CheckSettings = DEFAULT_SETTINGS): LiveCheck {
  const t0 = now();
  const recognition = recognizeWorkbook(snapshot);
  const result = checkRecognized(snapshot, recognition, settings, now() - t0);
  return { snapshot, recognition, result, formulaRanges: formulaRuns(snapshot) };
}

/**
 * The ranges to read for these edits (edited ranges, then formula runs), or null when the edits call for a
 * full check: rows or columns inserted or deleted, whole rows or columns, an address that is not a plain
 * range, too many cells.
 */
export function rangesToRead(base: LiveCheck, events: readonly EditEvent[]): CellAddress[] | null {
  if (base.formulaRanges === null) return null;
  const seen = new Set<string>();
  const out: CellAddress[] = [];
  let cells = 0;
  const add = (sheet: string, box: RangeBox): void => {
    const address = boxToA1(box);
    const key = `${sheet}\u0000${address}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ sheet, address });
    cells += (box.bottom - box.top + 1) * (box.right - box.left + 1);
  };
  for (const event of events) {
    if (event.structural) return null;
    const box = plainBox(event.address);
    if (!box) return null;
    add(event.sheet, box);
    if (cells > RECHECK_LIMITS.maxCells) return null;
  }
  for (const f of base.formulaRanges) add(f.sheet, a1ToBox(f.address));
  if (cells > RECHECK_LIMITS.maxCells || out.length > RECHECK_LIMITS.maxRanges) return null;
  return out;
}

/** "C7", "$C$7:E9", "Sheet1!C7" → box; null for whole rows/columns ("5:5", "B:B") and anything else. */
function plainBox(address: string): RangeBox | null {
  const range = splitSheet(address).range || address;
  if (!/^\$?[A-Za-z]{1,3}\$?\d+(:\$?[A-Za-z]{1,3}\$?\d+)?$/.test(range.trim())) return null;
  try {
    return a1ToBox(range.trim());
  } catch {
    return null;
  }
}

interface Change {
  sheetIndex: number;
  row: number;
  col: number;
  cell: CellSnapshot | null;
}

/** Update `base` from the cells read now, or say why a full check is needed. Pure. */
export function recheck(base: LiveCheck, readout: RangeReadout, settings: CheckSettings = DEFAULT_SETTINGS): RecheckOutcome {
  const sheets = base.snapshot.sheets;
  if (readout.sheets.length !== sheets.length || readout.sheets.some((name, i) => sheets[i].name !== name)) {
    return { fallback: "工作表增删、改名或调整了顺序" };
  }
  const changes = new Map<string, Change>();
  for (const range of readout.ranges) {
    if (!range) return { fallback: "工作表已不存在" };
    const sheetIndex = sheets.findIndex((s) => s.name === range.sheet);
    const box = plainBox(range.address);
    if (sheetIndex < 0 || !box) return { fallback: "读取的区域无法对应" };
    const sheet = sheets[sheetIndex];
    for (let r = box.top; r <= box.bottom; r++) {
      for (let c = box.left; c <= box.right; c++) {
        const current = range.cells[r - box.top]?.[c - box.left] ?? null;
        if (sameCell(sheet.cells[r]?.[c] ?? null, current)) continue;
        changes.set(`${sheetIndex}\u0000${r}\u0000${c}`, { sheetIndex, row: r, col: c, cell: current });
      }
    }
  }
  if (changes.size === 0) {
    const result = checkRecognized(base.snapshot, base.recognition, settings);
    return { live: { ...base, result }, changedCells: 0 };
  }

  const index = base.amounts ?? amountIndex(base.recognition.tables);
  const tablesBefore = base.recognition.tables;
  const patches = new Map<number, Map<number, Record<string, AmountCell>>>();
  let formulasMoved = false;
  for (const change of changes.values()) {
    const sheet = sheets[change.sheetIndex];
    const where = `${sheet.name}!${boxToA1({ top: change.row, left: change.col, bottom: change.row, right: change.col })}`;
    const before = sheet.cells[change.row]?.[change.col] ?? null;
    if (change.row >= sheet.rowCount || change.col >= sheet.colCount) return { fallback: `${where} 在原有内容之外` };
    if (base.recognition.tables.some((t) => t.evaluation && t.sheet === sheet.name && inside(t.box, change.row, change.col))) {
      return { fallback: `${where} 在绩效自评表中` };
    }
    const uses = index.get(cellKey(sheet.name, change.row, change.col));
    if (!uses) return { fallback: `${where} 不是已识别表格的金额单元格` };
    if (readNumber(change.cell).kind !== "number") return { fallback: `${where} 改后不是数字` };
    const was = readNumber(before).kind;
    if (was === "blank" && !uses.every((u) => blankMayTakeNumber(tablesBefore[u.table], sheet, change.row, change.col))) {
      return { fallback: `${where} 原为空，填数可能改变该行的读法` };
    }
    if (was !== "number" && was !== "blank") return { fallback: `${where} 原来不是数字` };
    if (sheet.merges.some((m) => inside(m, change.row, change.col))) return { fallback: `${where} 在合并单元格中` };
    if (uses.some((u) => firstRowUnlabelled(tablesBefore[u.table], change.row))) return { fallback: `${where} 在表格第一行数据中，该行没有文字标签` };
    formulasMoved ||= (before?.formula === undefined) !== (change.cell?.formula === undefined);
    const fresh = amountCell(singleCellView(sheet, change.row, change.col, change.cell), change.row, change.col);
    for (const use of uses) {
      let rows = patches.get(use.table);
      if (!rows) patches.set(use.table, (rows = new Map()));
      let cells = rows.get(use.row);
      if (!cells) rows.set(use.row, (cells = { ...tablesBefore[use.table].rows[use.row].cells }));
      cells[use.key] = fresh;
    }
  }

  const tables = tablesBefore.map((table, t) => {
    const rows = patches.get(t);
    if (!rows) return table;
    const patched = table.rows.slice();
    for (const [r, cells] of rows) patched[r] = { ...patched[r], cells };
    return { ...table, rows: patched };
  });
  for (let i = 0; i < tables.length; i++) {
    if (tables[i] !== base.recognition.tables[i] && isEmpty(tables[i]) !== base.recognition.tables[i].empty) {
      return { fallback: `${tables[i].title}变为${tables[i].empty ? "有" : "无"}数据` };
    }
  }

  const snapshot = patchSnapshot(base.snapshot, [...changes.values()]);
  const recognition: RecognitionResult = { ...base.recognition, tables };
  const result = checkRecognized(snapshot, recognition, settings);
  const formulaRanges = formulasMoved ? formulaRuns(snapshot) : base.formulaRanges;
  return { live: { snapshot, recognition, result, formulaRanges, amounts: index }, changedCells: changes.size };
}

/**
 * Where the headers end is decided on the first body row: a row of numbers only ("1 2 3", 栏次) is not data. A
 * row whose label has a letter or a character can never become one; an unlabelled first row could.
 */
function firstRowUnlabelled(table: RecognizedTable, row: number): boolean {
  if (table.rows[0]?.row !== row) return false;
  return !table.rows.some((r) => r.row === row && /[^\d\s.\-—]/.test(r.label));
}

/**
 * A blank amount cell that gets a number leaves the row read as before when the row already shows a text to the
 * left of it inside the table (the row is not blank, its first text stays the first) and holds nothing a title
 * search could match (a row of more than six texts is never searched for titles). The 三公 table places its one
 * data row by whether a row has amounts at all: never there.
 */
function blankMayTakeNumber(table: RecognizedTable, sheet: SheetSnapshot, row: number, col: number): boolean {
  if (table.kind === "three-public-expenses") return false;
  const cells = sheet.cells[row] ?? [];
  let textLeft = false;
  for (let c = 0; c < cells.length; c++) {
    const text = cellText(cells[c]);
    if (!text) continue;
    if (text.includes("表")) return false;
    if (c >= table.box.left && c < col) textLeft = true;
  }
  return textLeft;
}

/** The text recognition sees in a cell (SheetView.text, trimmed). */
function cellText(cell: CellSnapshot | null | undefined): string {
  if (!cell) return "";
  const text = cell.t ? cell.t : cell.v === null || cell.v === undefined ? "" : String(cell.v);
  return text.trim();
}

function inside(box: RangeBox, row: number, col: number): boolean {
  return row >= box.top && row <= box.bottom && col >= box.left && col <= box.right;
}

function cellKey(sheet: string, row: number, col: number): string {
  return `${sheet}\u0000${row}\u0000${col}`;
}

function sameCell(a: CellSnapshot | null, b: CellSnapshot | null): boolean {
  if (!a || !b) return !a && !b;
  return a.v === b.v && a.t === b.t && (a.f ?? "") === (b.f ?? "") && a.formula === b.formula && (a.error ?? false) === (b.error ?? false);
}

/** The same test recognition makes (a table with no amount at all). */
function isEmpty(table: RecognizedTable): boolean {
  return table.rows.every((row) => Object.values(row.cells).every((c) => c.blank || c.value.isZero()));
}

/** One use of an amount cell: tables[table].rows[row].cells[key]. */
interface AmountUse {
  table: number;
  row: number;
  key: string;
}

export type AmountIndex = ReadonlyMap<string, readonly AmountUse[]>;

/** Every amount cell of the recognized tables (one cell may serve two rows: the 三公 table's folded row). */
function amountIndex(tables: readonly RecognizedTable[]): AmountIndex {
  const index = new Map<string, AmountUse[]>();
  tables.forEach((table, t) => {
    if (table.evaluation) return;
    table.rows.forEach((row, r) => {
      for (const [key, cell] of Object.entries(row.cells)) {
        const k = cellKey(table.sheet, cell.row, cell.col);
        const list = index.get(k);
        if (list) list.push({ table: t, row: r, key });
        else index.set(k, [{ table: t, row: r, key }]);
      }
    });
  });
  return index;
}

/** A view holding just the one cell, so the cell is read exactly as recognition reads it. */
function singleCellView(sheet: SheetSnapshot, row: number, col: number, cell: CellSnapshot | null): SheetView {
  const cells: (CellSnapshot | null | undefined)[][] = [];
  cells[row] = [];
  cells[row][col] = cell;
  return new SheetView({ name: sheet.name, index: sheet.index, cells, rowCount: row + 1, colCount: col + 1, merges: [], hiddenRows: [], hiddenCols: [] });
}

/** Copy-on-write: only the changed rows are new arrays; the previous snapshot stays as it was. */
function patchSnapshot(snapshot: WorkbookSnapshot, changes: readonly Change[]): WorkbookSnapshot {
  const sheets = snapshot.sheets.slice();
  const copied = new Map<number, Set<number>>();
  for (const change of changes) {
    let rows = copied.get(change.sheetIndex);
    if (!rows) {
      rows = new Set();
      copied.set(change.sheetIndex, rows);
      sheets[change.sheetIndex] = { ...sheets[change.sheetIndex], cells: sheets[change.sheetIndex].cells.slice() };
    }
    const cells = sheets[change.sheetIndex].cells;
    if (!rows.has(change.row)) {
      cells[change.row] = (cells[change.row] ?? []).slice();
      rows.add(change.row);
    }
    cells[change.row][change.col] = change.cell ?? undefined;
  }
  return { ...snapshot, sheets };
}

/** Formula cells as runs along each row, or null when there are more than a re-check should read. */
function formulaRuns(snapshot: WorkbookSnapshot): CellAddress[] | null {
  const out: CellAddress[] = [];
  let cells = 0;
  for (const sheet of snapshot.sheets) {
    sheet.cells.forEach((row, r) => {
      if (!row) return;
      let start = -1;
      for (let c = 0; c <= row.length; c++) {
        const formula = c < row.length && row[c]?.formula !== undefined;
        if (formula && start < 0) start = c;
        if (!formula && start >= 0) {
          out.push({ sheet: sheet.name, address: boxToA1({ top: r, left: start, bottom: r, right: c - 1 }) });
          cells += c - start;
          start = -1;
        }
      }
    });
    if (out.length > RECHECK_LIMITS.maxRanges || cells > RECHECK_LIMITS.maxCells) return null;
  }
  return out;
}

/** The engine with live re-check, as the pane's CheckController takes it. */
export const LIVE_ENGINE = {
  check: (snapshot: WorkbookSnapshot, settings: CheckSettings): CheckResult => checkLive(snapshot, settings).result,
  live: { checkLive, rangesToRead, recheck },
};
