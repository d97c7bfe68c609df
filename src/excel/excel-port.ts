/**
 * WorkbookPort over Office.js — the only code in the add-in that talks to Excel.
 * Every call is one Excel.run with a constant number of syncs (see read-snapshot.ts and marks-writer.ts);
 * every sync is raced against a timeout (sync.ts); every error reaches the pane as a zh-CN ExcelPortError.
 *
 * Undo: ExcelApi 1.20 adds `Excel.run({ mergeUndoGroup: true })`, which merges all syncs of one run
 * into one undo step (learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities).
 * Marks are written in a single write sync — already a single undo step — so the option changes
 * nothing on the normal path; it is still requested where supported so that a run needing a second
 * write sync stays one step, and dropped if Excel answers UndoNotSupported.
 */
import type { CellMark } from "../domain/marks";
import type { CellAddress, ClearOutcome, EditEvent, MarkOutcome, PortCapabilities, RangeReadout, ReadProgress, TextSheetOutcome, WorkbookPort } from "../domain/port";
import type { WorkbookSnapshot } from "../domain/grid";
import { errorCode, ExcelPortError, toPortError } from "./errors";
import { EditBatcher, OwnWrites } from "./events";
import { clearBatch, markBatch, MARK_WARNINGS, normalizeMarks, type MarkBatchOptions } from "./marks-writer";
import { DEFAULT_READ_LIMITS, readWorkbookSnapshot, toCellSnapshot, type ReadLimits } from "./read-snapshot";
import { LIMITATIONS, officeSetSupported, Requirements, type SetSupported } from "./requirements";
import { DEFAULT_SYNC_TIMEOUT_MS, syncWithTimeout } from "./sync";
import { safeSheetName, uniqueSheetName } from "./sheet-names";

/** Excel.run, narrowed to the two forms used here: fresh run with options, or re-entering a context. */
export type ExcelRun = <T>(
  options: Excel.RunOptions | OfficeExtension.ClientRequestContext,
  batch: (context: Excel.RequestContext) => Promise<T>,
) => Promise<T>;

export const officeRun: ExcelRun = (options, batch) =>
  "sync" in options ? Excel.run(options as OfficeExtension.ClientRequestContext, batch) : Excel.run(options as Excel.RunOptions, batch);

export interface ExcelPortOptions {
  /** defaults to Office.context.requirements.isSetSupported */
  isSetSupported?: SetSupported;
  syncTimeoutMs?: number;
  readLimits?: Partial<ReadLimits>;
  /** events arriving within this many ms are handed over together */
  eventBatchMs?: number;
}

export const TEXT_SHEET_FONT = "仿宋";
/** Column A of the 说明 sheet: about 100 half-width characters (points; 1 character ≈ 5.5 pt). */
const TEXT_SHEET_COLUMN_WIDTH = 550;

interface RunFlags {
  undoGroup?: boolean;
}

export class ExcelWorkbookPort implements WorkbookPort {
  private readonly requirements: Requirements;
  private readonly syncTimeoutMs: number;
  private readonly readLimits: ReadLimits;
  private readonly ownWrites: OwnWrites;
  private readonly eventBatchMs: number;
  /** Excel refused a note once in this session (Excel on the web): go straight to comments afterwards. */
  private notesRefused = false;

  constructor(
    private readonly run: ExcelRun = officeRun,
    options: ExcelPortOptions = {},
  ) {
    this.requirements = new Requirements(options.isSetSupported ?? officeSetSupported());
    this.syncTimeoutMs = options.syncTimeoutMs ?? DEFAULT_SYNC_TIMEOUT_MS;
    this.readLimits = { ...DEFAULT_READ_LIMITS, ...options.readLimits };
    this.ownWrites = new OwnWrites();
    this.eventBatchMs = options.eventBatchMs ?? 50;
  }

  async capabilities(): Promise<PortCapabilities> {
    return this.requirements.capabilities();
  }

  readSnapshot(onProgress?: (p: ReadProgress) => void): Promise<WorkbookSnapshot> {
    return this.excel((context) =>
      readWorkbookSnapshot(
        context,
        {
          ...this.readLimits,
          syncTimeoutMs: this.syncTimeoutMs,
          mergedAreas: this.requirements.has("mergedAreas"),
          rowColumnProperties: this.requirements.has("rangeAreas"),
        },
        onProgress,
      ),
    );
  }

  /**
   * The live re-check's read, in one sync whatever the workbook's size: the sheet names and the values, text,
   * number formats and formulas of the asked ranges only. A sheet that is gone fails the sync: the caller then
   * reads the whole workbook.
   */
  readRanges(ranges: readonly CellAddress[]): Promise<RangeReadout> {
    return this.excel(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      const reads = ranges.map(({ sheet, address }) => {
        const range = sheets.getItem(sheet).getRange(address);
        range.load("values,text,numberFormat,formulas");
        return { sheet, address, range };
      });
      await syncWithTimeout(context, this.syncTimeoutMs);
      return {
        sheets: sheets.items.map((s) => s.name),
        ranges: reads.map(({ sheet, address, range }) => {
          const { values, text, numberFormat, formulas } = range;
          const cells = values.map((row, r) => row.map((value, c) => toCellSnapshot(value, text[r]?.[c], numberFormat[r]?.[c], formulas[r]?.[c])));
          return { sheet, address, cells };
        }),
      };
    });
  }

  async writeMarks(marks: readonly CellMark[]): Promise<MarkOutcome> {
    if (!this.requirements.has("rangeAreas")) {
      return { marked: 0, explanations: "pane-only", protectedSheets: [], warnings: [LIMITATIONS.noRangeAreas] };
    }
    const cells = normalizeMarks(marks);
    const notesApi = this.requirements.has("notes");
    const commentsApi = this.requirements.has("comments");
    const fallbackMode = commentsApi ? "comments" : "pane-only";
    // Attempts in order; a later one runs only when the earlier one failed (not on a timeout).
    const attempts: MarkBatchOptions[] = [];
    const base = { syncTimeoutMs: this.syncTimeoutMs, commentsApi };
    if (notesApi && !this.notesRefused) attempts.push({ ...base, notesApi: true, mode: "notes" });
    if (notesApi) attempts.push({ ...base, notesApi: true, mode: fallbackMode }); // adding refused; reading/deleting may work
    attempts.push({ ...base, notesApi: false, mode: fallbackMode });

    // Fills, notes and comments fire no onChanged: nothing to tell apart from the user's edits here.
    let firstError: unknown;
    for (const attempt of attempts) {
      try {
        const outcome = await this.excel((context) => markBatch(context, cells, attempt), { undoGroup: true });
        if (attempt.mode !== "notes" && notesApi) {
          // Refused now or earlier in this session: say why the explanations are not notes.
          if (firstError !== undefined) this.notesRefused = true;
          outcome.warnings.unshift(attempt.mode === "comments" ? MARK_WARNINGS.notesRefusedComments : MARK_WARNINGS.notesRefusedPaneOnly);
        }
        return outcome;
      } catch (error) {
        if (error instanceof ExcelPortError && error.code === "Timeout") throw error;
        firstError ??= error;
      }
    }
    throw toPortError(firstError);
  }

  async clearMarks(): Promise<ClearOutcome> {
    if (!this.requirements.has("rangeAreas")) return { kept: [] };
    const base = { syncTimeoutMs: this.syncTimeoutMs, commentsApi: this.requirements.has("comments"), mode: "pane-only" as const };
    const attempts: MarkBatchOptions[] = [];
    if (this.requirements.has("notes")) attempts.push({ ...base, notesApi: true });
    attempts.push({ ...base, notesApi: false });
    let firstError: unknown;
    for (const attempt of attempts) {
      try {
        return await this.excel((context) => clearBatch(context, attempt), { undoGroup: true });
      } catch (error) {
        if (error instanceof ExcelPortError && error.code === "Timeout") throw error;
        firstError ??= error;
      }
    }
    throw toPortError(firstError);
  }

  selectCell(sheet: string, address: string): Promise<void> {
    return this.excel(async (context) => {
      // Activate first: selecting on an inactive sheet fails on some hosts (office-js #5118).
      const target = { worksheet: context.workbook.worksheets.getItem(sheet) };
      target.worksheet.activate();
      target.worksheet.getRange(address).select();
      await syncWithTimeout(context, this.syncTimeoutMs);
    });
  }

  async insertTextSheet(name: string, paragraphs: readonly string[], options: { replaceOwn?: boolean } = {}): Promise<TextSheetOutcome> {
    const base = safeSheetName(name);
    let cancel: (() => void) | undefined;
    const written = this.excel(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/id,items/name");
      // Held in an object: the office-addins lint rules cannot see the sync inside syncWithTimeout.
      const reads = { record: context.workbook.settings.getItemOrNullObject(TEXT_SHEET_KEY) };
      reads.record.load("value");
      await syncWithTimeout(context, this.syncTimeoutMs); // read sync
      const own = ownSheet(sheets.items, reads.record.isNullObject ? undefined : reads.record.value);
      const replace = options.replaceOwn === true && own !== undefined;
      const sheetName = replace ? own.name : uniqueSheetName(base, sheets.items.map((s) => s.name));
      // Formulas elsewhere may refer to this sheet: recalculate once, after the whole write.
      context.workbook.application.suspendApiCalculationUntilNextSync();
      // Replace in place (keeps the tab where the user put it): only the add-in's own sheet, only when asked.
      const worksheet = replace ? own.worksheet : sheets.add(sheetName);
      if (replace) worksheet.getRange().clear();
      const rows = Math.max(paragraphs.length, 1);
      const column = worksheet.getRangeByIndexes(0, 0, rows, 1);
      column.format.columnWidth = TEXT_SHEET_COLUMN_WIDTH;
      if (paragraphs.length > 0) {
        // Text format first, so a paragraph starting with "=" stays text and never becomes a formula.
        column.numberFormat = paragraphs.map(() => ["@"]);
        column.values = paragraphs.map((p) => [p]);
        cancel = this.ownWrites.expect(sheetName, columnAddress(paragraphs.length), paragraphs.length === 1 ? paragraphs[0] : undefined);
      }
      column.format.wrapText = true;
      column.format.verticalAlignment = "Top";
      column.format.font.name = TEXT_SHEET_FONT;
      column.format.font.size = 12;
      column.format.autofitRows();
      worksheet.activate();
      worksheet.load("id");
      await syncWithTimeout(context, this.syncTimeoutMs); // write sync
      if (!replace) {
        // Remember the sheet by its id (survives renames; a user's sheet of the same name never matches).
        context.workbook.settings.add(TEXT_SHEET_KEY, JSON.stringify({ id: worksheet.id }));
        await syncWithTimeout(context, this.syncTimeoutMs);
      }
      return { sheet: sheetName, replaced: replace };
    });
    return written.catch((error: unknown) => {
      cancel?.(); // the values were not written: no event will come
      throw error;
    });
  }

  async ownTextSheet(): Promise<string | null> {
    return this.excel(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/id,items/name");
      // Held in an object: the office-addins lint rules cannot see the sync inside syncWithTimeout.
      const reads = { record: context.workbook.settings.getItemOrNullObject(TEXT_SHEET_KEY) };
      reads.record.load("value");
      await syncWithTimeout(context, this.syncTimeoutMs);
      return ownSheet(sheets.items, reads.record.isNullObject ? undefined : reads.record.value)?.name ?? null;
    });
  }

  /** Workbook settings: saved in the file with the workbook, not in any sheet. */
  async readStored(key: string): Promise<string | null> {
    return this.excel(async (context) => {
      const found = { item: context.workbook.settings.getItemOrNullObject(key) };
      found.item.load("value");
      await syncWithTimeout(context, this.syncTimeoutMs);
      return found.item.isNullObject ? null : String(found.item.value);
    });
  }

  async writeStored(key: string, value: string): Promise<void> {
    await this.excel(async (context) => {
      context.workbook.settings.add(key, value);
      await syncWithTimeout(context, this.syncTimeoutMs);
    });
  }

  async writeCellText(sheet: string, address: string, text: string): Promise<void> {
    const cancel = this.ownWrites.expect(sheet, address, text);
    try {
      await this.excel(async (context) => {
        const target = { range: context.workbook.worksheets.getItem(sheet).getRange(address) };
        target.range.values = [[asLiteralText(text)]];
        await syncWithTimeout(context, this.syncTimeoutMs);
      });
    } catch (error) {
      cancel(); // not written: no event will come
      throw error;
    }
  }

  async subscribeToEdits(handler: (events: EditEvent[]) => void): Promise<() => Promise<void>> {
    if (!this.requirements.capabilities().events) return async () => {};
    const names = new Map<string, string>(); // worksheet id → name
    const batcher = new EditBatcher(handler, this.eventBatchMs);
    const refreshNames = () =>
      this.excel(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load("items/id,items/name");
        await syncWithTimeout(context, this.syncTimeoutMs);
        names.clear();
        for (const s of sheets.items) names.set(s.id, s.name);
      });
    const onChanged = async (args: Excel.WorksheetChangedEventArgs): Promise<void> => {
      // Hosts with ExcelApi 1.14 say who made the change; older ones leave triggerSource undefined.
      const reported = typeof args.triggerSource === "string";
      if (reported && args.triggerSource === "ThisLocalAddin") return;
      if (!names.has(args.worksheetId)) await refreshNames().catch(() => undefined); // added or renamed sheet
      const sheet = names.get(args.worksheetId);
      if (!sheet || (!reported && this.ownWrites.claim(sheet, args.address, changedValue(args)))) return;
      // Rows, columns or cells inserted or deleted move everything after them: the re-check reads it all.
      const structural = typeof args.changeType === "string" && args.changeType !== "RangeEdited";
      batcher.push({ sheet, address: args.address, ...(structural ? { structural } : {}) });
    };
    const registration = await this.excel(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/id,items/name");
      const result = sheets.onChanged.add(onChanged);
      await syncWithTimeout(context, this.syncTimeoutMs);
      for (const s of sheets.items) names.set(s.id, s.name);
      return result;
    });
    return async () => {
      batcher.cancel();
      // A handler can only be removed through the context that added it.
      await this.run(registration.context, async (context) => {
        registration.remove();
        await syncWithTimeout(context, this.syncTimeoutMs);
      }).catch((error: unknown) => {
        throw toPortError(error);
      });
    };
  }

  /** One Excel.run: waits out cell-edit mode instead of failing, merges undo where supported, zh-CN errors. */
  private async excel<T>(batch: (context: Excel.RequestContext) => Promise<T>, flags: RunFlags = {}): Promise<T> {
    const undoGroup = flags.undoGroup === true && this.requirements.has("undoGroup");
    const options: Excel.RunOptions = { delayForCellEdit: true };
    if (undoGroup) options.mergeUndoGroup = true;
    try {
      return await this.run(options, batch);
    } catch (error) {
      if (undoGroup && errorCode(error) === "UndoNotSupported") {
        try {
          return await this.run({ delayForCellEdit: true }, batch);
        } catch (retryError) {
          throw toPortError(retryError);
        }
      }
      throw toPortError(error);
    }
  }
}

/** details.valueAfter of a single-cell change (ExcelApi 1.9), when the host gave it. */
function changedValue(args: Excel.WorksheetChangedEventArgs): unknown {
  try {
    return (args.details as Excel.ChangedEventDetail | undefined)?.valueAfter;
  } catch {
    return undefined; // multi-cell changes: the property "cannot be retrieved"
  }
}

/** Workbook setting recording the id of the 说明 sheet the add-in inserted (saved with the file). */
const TEXT_SHEET_KEY = "juesuan.textSheet.v1";

function ownSheet(items: readonly Excel.Worksheet[], recorded: unknown): { worksheet: Excel.Worksheet; name: string } | undefined {
  let id: unknown;
  try {
    id = typeof recorded === "string" ? (JSON.parse(recorded) as { id?: unknown }).id : undefined;
  } catch {
    return undefined; // unreadable record: treat as "no sheet of ours", so nothing is ever replaced by mistake
  }
  const worksheet = typeof id === "string" ? items.find((s) => s.id === id) : undefined;
  return worksheet ? { worksheet, name: worksheet.name } : undefined;
}

/** "A1" or "A1:An": the block of column A the 说明 occupies. */
function columnAddress(rows: number): string {
  return rows === 1 ? "A1" : `A1:A${rows}`;
}

/** Text Excel would otherwise parse as a formula ("=…", "+…", "-…", "@…") is kept literal with a leading apostrophe. */
export function asLiteralText(text: string): string {
  if (/^[=+\-@]/.test(text) && !/^[+-]?[\d,]*\.?\d+%?$/.test(text)) return `'${text}`;
  return text;
}
