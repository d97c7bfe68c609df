/**
 * WorkbookPort over WPS 表格's ET object model (WPS 加载项) — the only code that talks to WPS.
 * ET calls are synchronous; the port still answers with promises so the pane cannot tell it from Excel.
 *
 * Live re-check: Application.ApiEvent "SheetChange". The add-in's own writes are told apart by what
 * was written, not by timing: the port remembers the value of every cell it last read or wrote, and a
 * SheetChange whose cells still hold those values (a fill, a 批注, the 说明 text we just wrote) is not
 * an edit. A SheetChange fired synchronously while one of our own calls is running is ours by
 * construction (the user cannot type while this JavaScript runs). So it does not matter whether WPS
 * fires SheetChange for our writes, synchronously, later or never. A user typing the value a cell
 * already had is not an edit either — there is nothing to re-check.
 */
import { boxToA1, fromA1, type RawValue, type WorkbookSnapshot } from "../domain/grid";
import type { CellMark } from "../domain/marks";
import type { ClearOutcome, EditEvent, MarkOutcome, PortCapabilities, ReadProgress, TextSheetOutcome, WorkbookPort } from "../domain/port";
import { asLiteralText } from "../excel/excel-port";
import { safeSheetName, uniqueSheetName } from "../excel/sheet-names";
import { EditBatcher } from "../excel/events";
import { XL, type EtApplication, type EtRange, type EtValue, type EtWorkbook, type EtWorksheet, type SheetChangeListener } from "./et";
import { StoreAccess } from "./mark-store";
import { clearWpsMarks, writeWpsMarks } from "./marks";
import { asRows, DEFAULT_WPS_READ_LIMITS, rangeBox, rawValue, readWorkbook, type WpsReadLimits } from "./read-snapshot";

const WPS_MESSAGES = {
  noWorkbook: "WPS 中没有打开的工作簿，请先打开要检查的决算表。",
  missingSheet: (sheet: string) => `找不到工作表“${sheet}”（可能已改名或删除），请重新检查后再试。`,
  protectedSheet: (sheet: string) => `工作表“${sheet}”受保护，无法写入。请先撤销工作表保护再重试。`,
  generic: (detail: string) => `WPS 操作失败：${detail}`,
  noEvents: "此版本的 WPS 不提供单元格修改事件，修改数据后请手动点“检查”。",
} as const;

export class WpsPortError extends Error {
  constructor(
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = "WpsPortError";
  }
}

const WPS_TEXT_SHEET_FONT = "仿宋";
/** Column A of the 说明 sheet in characters (ColumnWidth counts characters of the standard font). */
const WPS_TEXT_SHEET_COLUMN_WIDTH = 100;
/** Edited ranges larger than this are reported without comparing values (a pasted block, a deleted column). */
const MAX_COMPARED_CELLS = 100_000;

export interface WpsPortOptions {
  readLimits?: Partial<WpsReadLimits>;
  /** events arriving within this many ms are handed over together */
  eventBatchMs?: number;
}

export class WpsWorkbookPort implements WorkbookPort {
  private readonly limits: WpsReadLimits;
  private readonly store = new StoreAccess();
  private readonly eventBatchMs: number;
  /** last known raw value of every non-blank cell, by sheet then "row,col" — what the add-in last read or wrote */
  private readonly known = new Map<string, Map<string, RawValue>>();
  /** depth of our own synchronous ET work in progress */
  private busy = 0;

  constructor(
    private readonly app: EtApplication,
    options: WpsPortOptions = {},
  ) {
    this.limits = { ...DEFAULT_WPS_READ_LIMITS, ...options.readLimits };
    this.eventBatchMs = options.eventBatchMs ?? 50;
  }

  async capabilities(): Promise<PortCapabilities> {
    const events = typeof this.app.ApiEvent?.AddApiEventListener === "function";
    return { host: "wps", notes: false, comments: true, events, limitations: events ? [] : [WPS_MESSAGES.noEvents] };
  }

  async readSnapshot(onProgress?: (p: ReadProgress) => void): Promise<WorkbookSnapshot> {
    return this.guard(() => {
      const snapshot = readWorkbook(this.workbook(), this.limits, onProgress);
      this.known.clear();
      for (const sheet of snapshot.sheets) {
        const values = new Map<string, RawValue>();
        sheet.cells.forEach((row, r) => row?.forEach((cell, c) => cell && cell.v !== null && values.set(`${r},${c}`, cell.v)));
        this.known.set(sheet.name, values);
      }
      return snapshot;
    });
  }

  async writeMarks(marks: readonly CellMark[]): Promise<MarkOutcome> {
    return this.guard(() => writeWpsMarks(this.workbook(), this.store, marks));
  }

  async clearMarks(): Promise<ClearOutcome> {
    return this.guard(() => clearWpsMarks(this.workbook(), this.store));
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    this.guard(() => {
      const worksheet = this.sheet(sheet);
      worksheet.Activate();
      worksheet.Range(address).Select();
    });
  }

  /**
   * Adds a sheet with one wrapped paragraph per row. A user's sheet is never written: the text goes to a new sheet
   * ("决算说明(2)" when the name is taken). Only with `replaceOwn` (the user confirmed) is the sheet the add-in
   * inserted earlier — recorded in the mark store — rewritten instead.
   */
  async insertTextSheet(name: string, paragraphs: readonly string[], options: { replaceOwn?: boolean } = {}): Promise<TextSheetOutcome> {
    return this.guard(() => {
      const workbook = this.workbook();
      const store = this.store.load(workbook);
      const sheets = workbook.Worksheets;
      const count = sheets.Count;
      const names = new Map<string, EtWorksheet>();
      for (let i = 1; i <= count; i++) {
        const worksheet = sheets.Item(i);
        names.set(worksheet.Name, worksheet);
      }
      const own = options.replaceOwn ? ownTextSheetName(store.textSheets, names) : null;
      const target = own ?? uniqueSheetName(safeSheetName(name), [...names.keys()]);
      let worksheet = own ? names.get(own) : undefined;
      let oldRows = 0;
      if (worksheet) {
        if (worksheet.ProtectContents) throw new WpsPortError(WPS_MESSAGES.protectedSheet(target));
        oldRows = (rangeBox(worksheet.UsedRange)?.bottom ?? 0) + 1;
      } else {
        worksheet = sheets.Add(undefined, sheets.Item(count));
        worksheet.Name = target;
      }
      if (!store.textSheets.includes(target)) this.store.save(workbook, { ...store, textSheets: [...store.textSheets, target] });
      // Known before written: a SheetChange fired by this write finds the values it expects.
      const values = new Map<string, RawValue>();
      paragraphs.forEach((p, r) => p !== "" && values.set(`${r},0`, p));
      this.known.set(target, values);
      // One write covers the new paragraphs and blanks what is left of the old ones (our own sheet).
      const rows = Math.max(paragraphs.length, oldRows, 1);
      const column = worksheet.Range(`A1:A${rows}`);
      column.ColumnWidth = WPS_TEXT_SHEET_COLUMN_WIDTH;
      // Text format first, so a paragraph starting with "=" stays text.
      column.NumberFormat = "@";
      column.Value2 = Array.from({ length: rows }, (_, r) => [paragraphs[r] ?? null]);
      column.WrapText = true;
      column.VerticalAlignment = XL.top;
      const font = column.Font;
      font.Name = WPS_TEXT_SHEET_FONT;
      font.Size = 12;
      column.EntireRow.AutoFit();
      worksheet.Activate();
      return { sheet: target, replaced: own !== null };
    });
  }

  async ownTextSheet(): Promise<string | null> {
    return this.guard(() => {
      const workbook = this.workbook();
      const sheets = workbook.Worksheets;
      const names = new Map<string, EtWorksheet>();
      for (let i = 1; i <= sheets.Count; i++) names.set(sheets.Item(i).Name, sheets.Item(i));
      return ownTextSheetName(this.store.load(workbook).textSheets, names);
    });
  }

  async writeCellText(sheet: string, address: string, text: string): Promise<void> {
    this.guard(() => {
      const worksheet = this.sheet(sheet);
      if (worksheet.ProtectContents) throw new WpsPortError(WPS_MESSAGES.protectedSheet(sheet));
      const { row, col } = fromA1(address);
      // Remember first: a host that fires SheetChange synchronously sees the value as ours.
      const values = this.known.get(sheet) ?? new Map<string, RawValue>();
      this.known.set(sheet, values);
      if (text === "") values.delete(`${row},${col}`);
      else values.set(`${row},${col}`, text);
      worksheet.Range(address).Value2 = asLiteralText(text);
    });
  }

  async subscribeToEdits(handler: (events: EditEvent[]) => void): Promise<() => Promise<void>> {
    const api = this.app.ApiEvent;
    if (!api || typeof api.AddApiEventListener !== "function") return async () => {};
    const batcher = new EditBatcher(handler, this.eventBatchMs);
    const listener: SheetChangeListener = (worksheet, target) => {
      if (this.busy > 0) return; // fired by our own write, during it
      try {
        const edit = this.userEdit(worksheet, target);
        if (edit) batcher.push(edit);
      } catch {
        /* a sheet deleted meanwhile: the next check reads the workbook afresh */
      }
    };
    api.AddApiEventListener("SheetChange", listener);
    return async () => {
      batcher.cancel();
      api.RemoveApiEventListener("SheetChange", listener);
    };
  }

  /** The edit a SheetChange stands for, or null when every cell still holds what the add-in knows. */
  private userEdit(worksheet: EtWorksheet, target: EtRange): EditEvent | null {
    const sheet = worksheet.Name;
    const box = rangeBox(target);
    // Several areas at once (a multi-selection cleared): an edit, without comparing.
    if (!box) return { sheet, address: String(target.Address(false, false)) };
    const event: EditEvent = { sheet, address: boxToA1(box) };
    const known = this.known.get(sheet);
    const rows = box.bottom - box.top + 1;
    const cols = box.right - box.left + 1;
    if (!known || rows * cols > MAX_COMPARED_CELLS) return event;
    const values = asRows<EtValue>(target.Value2, rows, cols);
    let changed = false;
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const key = `${box.top + r},${box.left + c}`;
        const now = rawValue(values[r]?.[c]);
        if (now === (known.get(key) ?? null)) continue;
        changed = true;
        if (now === null) known.delete(key);
        else known.set(key, now);
      }
    }
    return changed ? event : null;
  }

  private workbook(): EtWorkbook {
    const workbook = this.app.ActiveWorkbook;
    if (!workbook) throw new WpsPortError(WPS_MESSAGES.noWorkbook);
    return workbook;
  }

  private sheet(name: string): EtWorksheet {
    let worksheet: EtWorksheet | undefined;
    try {
      worksheet = this.workbook().Worksheets.Item(name);
    } catch (error) {
      if (error instanceof WpsPortError) throw error;
    }
    if (!worksheet) throw new WpsPortError(WPS_MESSAGES.missingSheet(name));
    return worksheet;
  }

  /** Every ET failure reaches the pane as a zh-CN WpsPortError. */
  private guard<T>(work: () => T): T {
    this.busy++;
    try {
      return work();
    } catch (error) {
      if (error instanceof WpsPortError) throw error;
      throw new WpsPortError(WPS_MESSAGES.generic(error instanceof Error ? error.message : String(error)), error);
    } finally {
      this.busy--;
    }
  }
}

/** The most recent 说明 sheet the add-in inserted that still exists under its recorded name. */
function ownTextSheetName(recorded: readonly string[], existing: ReadonlyMap<string, unknown>): string | null {
  for (let i = recorded.length - 1; i >= 0; i--) if (existing.has(recorded[i])) return recorded[i];
  return null;
}
