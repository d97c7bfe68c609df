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
import type { EditEvent, MarkOutcome, PortCapabilities, ReadProgress, WorkbookPort } from "../domain/port";
import type { WorkbookSnapshot } from "../domain/grid";
import { errorCode, ExcelPortError, toPortError } from "./errors";
import { EditBatcher, OwnWrites } from "./events";
import { clearBatch, markBatch, MARK_WARNINGS, normalizeMarks, type MarkBatchOptions } from "./marks-writer";
import { DEFAULT_READ_LIMITS, readWorkbookSnapshot, type ReadLimits } from "./read-snapshot";
import { LIMITATIONS, officeSetSupported, Requirements, type SetSupported } from "./requirements";
import { DEFAULT_SYNC_TIMEOUT_MS, syncWithTimeout } from "./sync";

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
  /** how long after our own write an onChanged on the written cells is still ours (hosts without triggerSource) */
  ownWriteGraceMs?: number;
  now?: () => number;
}

export const TEXT_SHEET_FONT = "仿宋";
/** Column A of the 说明 sheet: about 100 half-width characters (points; 1 character ≈ 5.5 pt). */
export const TEXT_SHEET_COLUMN_WIDTH = 550;

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
    this.ownWrites = new OwnWrites(options.ownWriteGraceMs, options.now);
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

    const bySheet = new Map<string, string[]>();
    for (const cell of cells) bySheet.set(cell.sheet, [...(bySheet.get(cell.sheet) ?? []), cell.address]);
    const done = [...bySheet].map(([sheet, addresses]) => this.ownWrites.begin(sheet, addresses));
    try {
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
    } finally {
      done.forEach((end) => end());
    }
  }

  async clearMarks(): Promise<void> {
    if (!this.requirements.has("rangeAreas")) return;
    const base = { syncTimeoutMs: this.syncTimeoutMs, commentsApi: this.requirements.has("comments"), mode: "pane-only" as const };
    const attempts: MarkBatchOptions[] = [];
    if (this.requirements.has("notes")) attempts.push({ ...base, notesApi: true });
    attempts.push({ ...base, notesApi: false });
    let firstError: unknown;
    for (const attempt of attempts) {
      try {
        await this.excel((context) => clearBatch(context, attempt), { undoGroup: true });
        return;
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

  async insertTextSheet(name: string, paragraphs: readonly string[]): Promise<void> {
    const sheetName = safeSheetName(name);
    const done = this.ownWrites.begin(sheetName, null);
    try {
      await this.excel(async (context) => {
        const sheets = context.workbook.worksheets;
        const found = { existing: sheets.getItemOrNullObject(sheetName) };
        found.existing.load("name");
        await syncWithTimeout(context, this.syncTimeoutMs);
        // Replace in place (keeps the tab where the user put it); else add a new sheet.
        // Formulas elsewhere may refer to this sheet: recalculate once, after the whole write.
        context.workbook.application.suspendApiCalculationUntilNextSync();
        const worksheet = found.existing.isNullObject ? sheets.add(sheetName) : found.existing;
        if (!found.existing.isNullObject) worksheet.getRange().clear();
        const rows = Math.max(paragraphs.length, 1);
        const column = worksheet.getRangeByIndexes(0, 0, rows, 1);
        column.format.columnWidth = TEXT_SHEET_COLUMN_WIDTH;
        if (paragraphs.length > 0) {
          // Text format first, so a paragraph starting with "=" stays text and never becomes a formula.
          column.numberFormat = paragraphs.map(() => ["@"]);
          column.values = paragraphs.map((p) => [p]);
        }
        column.format.wrapText = true;
        column.format.verticalAlignment = "Top";
        column.format.font.name = TEXT_SHEET_FONT;
        column.format.font.size = 12;
        column.format.autofitRows();
        worksheet.activate();
        await syncWithTimeout(context, this.syncTimeoutMs);
      });
    } finally {
      done();
    }
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
    const done = this.ownWrites.begin(sheet, [address]);
    try {
      await this.excel(async (context) => {
        const target = { range: context.workbook.worksheets.getItem(sheet).getRange(address) };
        target.range.values = [[asLiteralText(text)]];
        await syncWithTimeout(context, this.syncTimeoutMs);
      });
    } finally {
      done();
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
      if (!sheet || (!reported && this.ownWrites.matches(sheet, args.address))) return;
      batcher.push({ sheet, address: args.address });
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

/** Sheet names: at most 31 characters, none of : \ / ? * [ ], not starting or ending with an apostrophe. */
export function safeSheetName(name: string): string {
  const cleaned = name
    .replace(/[:\\/?*[\]]/g, "_")
    .replace(/^'+|'+$/g, "")
    .trim()
    .slice(0, 31);
  return cleaned || "说明";
}

/** Text Excel would otherwise parse as a formula ("=…", "+…", "-…", "@…") is kept literal with a leading apostrophe. */
export function asLiteralText(text: string): string {
  if (/^[=+\-@]/.test(text) && !/^[+-]?[\d,]*\.?\d+%?$/.test(text)) return `'${text}`;
  return text;
}
