/**
 * WorkbookPort over an in-memory WorkbookSnapshot: the browser demo's workbook and the tests' fake Excel.
 * It behaves like the Excel adapter where the pane can tell: marks record the original fill and note
 * and clearing restores them exactly; the add-in's own writes fire no edit event, a user edit does;
 * protected sheets are skipped. Values never change on check or clear.
 * The demo grid observes it through subscribe()/getState().
 */
import { parseAddress } from "../domain/address";
import type { CellSnapshot, SheetSnapshot, WorkbookSnapshot } from "../domain/grid";
import { a1ToBox, fromA1, toA1 } from "../domain/grid";
import { MARK_FILL, type CellMark } from "../domain/marks";
import { formatNumber } from "../domain/number-format";
import { parseNumberText } from "../domain/numbers";
import { uniqueSheetName } from "../excel/sheet-names";
import type { CellAddress, ClearOutcome, EditEvent, MarkOutcome, PortCapabilities, RangeReadout, ReadProgress, TextSheetOutcome, WorkbookPort } from "../domain/port";

export interface CellFormat {
  /** fill colour "#RRGGBB", null = no fill */
  fill: string | null;
  /** note text, null = none */
  note: string | null;
}

export interface CellRefState {
  sheet: string;
  address: string;
}

/** What the demo grid renders; a new object after every change (so it works with useSyncExternalStore). */
export interface MemoryWorkbookState {
  snapshot: WorkbookSnapshot;
  /** fills and notes by cellKey(sheet, address) — the user's own formats and the add-in's marks */
  formats: ReadonlyMap<string, CellFormat>;
  /** the add-in's marks by cellKey */
  marks: ReadonlyMap<string, CellMark>;
  selection: CellRefState | null;
  activeSheet: string | null;
  version: number;
}

export interface MemoryPortOptions {
  /** the user's own fills/notes before the add-in touches anything, keyed "Sheet!A1" */
  formats?: Record<string, Partial<CellFormat>>;
  capabilities?: Partial<PortCapabilities>;
}

export function cellKey(sheet: string, address: string): string {
  return `${sheet}\u0000${address.replace(/\$/g, "").toUpperCase()}`;
}

function cloneSnapshot(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  // Snapshots are JSON data by contract; a deep copy keeps the engine from sharing our model.
  return JSON.parse(JSON.stringify(snapshot)) as WorkbookSnapshot;
}

export class MemoryWorkbookPort implements WorkbookPort {
  private snapshot: WorkbookSnapshot;
  private readonly formats = new Map<string, CellFormat>();
  private readonly marks = new Map<string, CellMark>();
  /** formats of marked cells before the add-in marked them */
  private readonly originals = new Map<string, CellFormat>();
  private selection: CellRefState | null = null;
  /** the 说明 sheet this port inserted (the demo cannot rename sheets, so its name identifies it) */
  private ownSheet: string | null = null;
  private activeSheet: string | null;
  private readonly editHandlers = new Set<(events: EditEvent[]) => void>();
  private readonly listeners = new Set<() => void>();
  private readonly caps: PortCapabilities;
  private state: MemoryWorkbookState;
  private version = 0;
  /** what the add-in stores with the workbook (workbook settings in Excel) */
  private readonly stored = new Map<string, string>();

  constructor(snapshot: WorkbookSnapshot, options: MemoryPortOptions = {}) {
    this.snapshot = cloneSnapshot(snapshot);
    for (const [ref, format] of Object.entries(options.formats ?? {})) {
      const at = parseAddress(ref);
      if (!at) throw new Error(`not a qualified cell: ${ref}`);
      this.formats.set(cellKey(at.sheet, at.address), { fill: format.fill ?? null, note: format.note ?? null });
    }
    this.activeSheet = this.snapshot.sheets.find((s) => !s.hidden)?.name ?? this.snapshot.sheets[0]?.name ?? null;
    this.caps = { host: "memory", notes: true, comments: false, events: true, limitations: [], ...options.capabilities };
    this.state = this.buildState();
  }

  /* ---------------- WorkbookPort ---------------- */

  async capabilities(): Promise<PortCapabilities> {
    return { ...this.caps, limitations: [...this.caps.limitations] };
  }

  async readSnapshot(onProgress?: (p: ReadProgress) => void): Promise<WorkbookSnapshot> {
    const total = this.snapshot.sheets.length;
    const copy = cloneSnapshot(this.snapshot);
    for (let i = 0; i < total; i++) {
      // One turn per sheet, like the Excel adapter's per-sheet reads, so progress is observable.
      await Promise.resolve();
      onProgress?.({ done: i + 1, total });
    }
    return copy;
  }

  /** The live re-check's read: the asked cells as they are now, and the sheet names. */
  async readRanges(ranges: readonly CellAddress[]): Promise<RangeReadout> {
    return {
      sheets: this.snapshot.sheets.map((s) => s.name),
      ranges: ranges.map(({ sheet, address }) => {
        const target = this.findSheet(sheet);
        if (!target) return null;
        const box = a1ToBox(address);
        const cells: (CellSnapshot | null)[][] = [];
        for (let r = box.top; r <= box.bottom; r++) {
          const row: (CellSnapshot | null)[] = [];
          for (let c = box.left; c <= box.right; c++) {
            const cell = target.cells[r]?.[c];
            row.push(cell ? { ...cell } : null);
          }
          cells.push(row);
        }
        return { sheet: target.name, address, cells };
      }),
    };
  }

  async writeMarks(marks: readonly CellMark[]): Promise<MarkOutcome> {
    this.restoreMarks();
    const protectedSheets = new Set<string>();
    const warnings: string[] = [];
    let marked = 0;
    for (const mark of marks) {
      const sheet = this.findSheet(mark.sheet);
      if (!sheet) {
        warnings.push(`找不到工作表“${mark.sheet}”，未标记 ${mark.address}。`);
        continue;
      }
      if (sheet.protected) {
        protectedSheets.add(sheet.name);
        continue;
      }
      const key = cellKey(sheet.name, mark.address);
      if (!this.originals.has(key)) this.originals.set(key, this.formatAt(key));
      this.formats.set(key, { fill: MARK_FILL[mark.severity], note: mark.note });
      this.marks.set(key, mark);
      marked += 1;
    }
    this.changed();
    return { marked, explanations: "notes", protectedSheets: [...protectedSheets], warnings };
  }

  async clearMarks(): Promise<ClearOutcome> {
    this.restoreMarks();
    this.changed();
    return { kept: [] };
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    const target = this.requireSheet(sheet);
    const { row, col } = fromA1(address);
    this.selection = { sheet: target.name, address: toA1(row, col) };
    this.activeSheet = target.name;
    this.changed();
  }

  async insertTextSheet(name: string, paragraphs: readonly string[], options: { replaceOwn?: boolean } = {}): Promise<TextSheetOutcome> {
    // Like the Excel adapter: a user's sheet is never replaced; only the one this port inserted, when asked.
    const own = this.ownSheet !== null ? this.snapshot.sheets.findIndex((s) => s.name === this.ownSheet) : -1;
    const replace = options.replaceOwn === true && own >= 0;
    const sheetName = replace ? this.ownSheet! : uniqueSheetName(name, this.snapshot.sheets.map((s) => s.name));
    const sheet: SheetSnapshot = {
      name: sheetName,
      index: replace ? own : this.snapshot.sheets.length,
      cells: paragraphs.map((p) => [{ v: p, t: p }]),
      rowCount: paragraphs.length,
      colCount: paragraphs.length > 0 ? 1 : 0,
      merges: [],
      hiddenRows: [],
      hiddenCols: [],
    };
    if (replace) {
      this.forgetSheetFormats(sheetName);
      this.snapshot = { ...this.snapshot, sheets: this.snapshot.sheets.map((s, i) => (i === own ? sheet : s)) };
    } else {
      this.snapshot = { ...this.snapshot, sheets: [...this.snapshot.sheets, sheet] };
    }
    this.ownSheet = sheetName;
    this.activeSheet = sheetName;
    this.selection = paragraphs.length > 0 ? { sheet: sheetName, address: "A1" } : null;
    this.changed();
    return { sheet: sheetName, replaced: replace };
  }

  async ownTextSheet(): Promise<string | null> {
    return this.ownSheet !== null && this.findSheet(this.ownSheet) ? this.ownSheet : null;
  }

  async readStored(key: string): Promise<string | null> {
    return this.stored.get(key) ?? null;
  }

  async writeStored(key: string, value: string): Promise<void> {
    this.stored.set(key, value);
  }

  async writeCellText(sheet: string, address: string, text: string): Promise<void> {
    this.setCell(this.requireWritableSheet(sheet), address, { v: text === "" ? null : text, t: text });
    this.changed();
  }

  async subscribeToEdits(handler: (events: EditEvent[]) => void): Promise<() => Promise<void>> {
    this.editHandlers.add(handler);
    return async () => {
      this.editHandlers.delete(handler);
    };
  }

  /* ---------------- demo and test API ---------------- */

  /** A user typing `text` into a cell: numbers become numbers shown in the cell's format; fires edit events. */
  editCell(sheet: string, address: string, text: string): void {
    const target = this.requireWritableSheet(sheet);
    const { row, col } = fromA1(address);
    const previous = target.cells[row]?.[col] ?? undefined;
    this.setCell(target, address, userCell(text, previous?.f));
    this.changed();
    const event: EditEvent = { sheet: target.name, address: toA1(row, col) };
    for (const handler of [...this.editHandlers]) handler([event]);
  }

  /** Observe every change (values, marks, selection); returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  getState(): MemoryWorkbookState {
    return this.state;
  }

  /** Fill and note of a cell as the user would see them now. */
  cellFormat(sheet: string, address: string): CellFormat {
    return this.formatAt(cellKey(sheet, address));
  }

  /** The current cell, for tests. */
  cell(sheet: string, address: string): CellSnapshot | undefined {
    const s = this.findSheet(sheet);
    if (!s) return undefined;
    const { row, col } = fromA1(address);
    return s.cells[row]?.[col] ?? undefined;
  }

  /** Switch the sheet shown (the demo's sheet tabs); does not move the selection. */
  activateSheet(sheet: string): void {
    this.activeSheet = this.requireSheet(sheet).name;
    this.changed();
  }

  /* ---------------- internals ---------------- */

  private formatAt(key: string): CellFormat {
    const f = this.formats.get(key);
    return f ? { ...f } : { fill: null, note: null };
  }

  private restoreMarks(): void {
    for (const [key, original] of this.originals) {
      if (original.fill === null && original.note === null) this.formats.delete(key);
      else this.formats.set(key, { ...original });
    }
    this.originals.clear();
    this.marks.clear();
  }

  private forgetSheetFormats(sheet: string): void {
    const prefix = `${sheet}\u0000`;
    for (const map of [this.formats, this.marks, this.originals] as Map<string, unknown>[]) {
      for (const key of [...map.keys()]) if (key.startsWith(prefix)) map.delete(key);
    }
    if (this.selection?.sheet === sheet) this.selection = null;
  }

  private findSheet(name: string): SheetSnapshot | undefined {
    return this.snapshot.sheets.find((s) => s.name === name);
  }

  private requireSheet(name: string): SheetSnapshot {
    const s = this.findSheet(name);
    if (!s) throw new Error(`找不到工作表“${name}”`);
    return s;
  }

  private requireWritableSheet(name: string): SheetSnapshot {
    const s = this.requireSheet(name);
    if (s.protected) throw new Error(`工作表“${name}”受保护，无法修改`);
    return s;
  }

  /** Replaces one cell immutably (the grid compares snapshots by identity). */
  private setCell(sheet: SheetSnapshot, address: string, cell: CellSnapshot): void {
    const { row, col } = fromA1(address);
    const cells = sheet.cells.slice();
    while (cells.length <= row) cells.push([]);
    const line = (cells[row] ?? []).slice();
    while (line.length <= col) line.push(undefined);
    line[col] = cell;
    cells[row] = line;
    const next: SheetSnapshot = {
      ...sheet,
      cells,
      rowCount: Math.max(sheet.rowCount, row + 1),
      colCount: Math.max(sheet.colCount, col + 1),
    };
    this.snapshot = { ...this.snapshot, sheets: this.snapshot.sheets.map((s) => (s === sheet ? next : s)) };
  }

  private buildState(): MemoryWorkbookState {
    return {
      snapshot: this.snapshot,
      formats: new Map(this.formats),
      marks: new Map(this.marks),
      selection: this.selection,
      activeSheet: this.activeSheet,
      version: this.version,
    };
  }

  private changed(): void {
    this.version += 1;
    this.state = this.buildState();
    for (const listener of [...this.listeners]) listener();
  }
}

/** The cell Excel would hold after a user types `text` into a cell with number format `format`. */
export function userCell(text: string, format: string | undefined): CellSnapshot {
  const trimmed = text.trim();
  if (trimmed === "") return { v: null, t: "", ...(format ? { f: format } : {}) };
  const read = parseNumberText(trimmed);
  if (read.kind === "number") {
    const value = read.value.toNumber();
    const f = format ?? (read.percent ? "0.00%" : undefined);
    return { v: value, t: formatNumber(value, f), ...(f ? { f } : {}) };
  }
  return { v: text, t: text, ...(format ? { f: format } : {}) };
}
