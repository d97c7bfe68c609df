/**
 * WorkbookPort: everything the task pane may ask of a workbook. The UI talks only to this;
 * src/excel implements it with Office.js, src/memory implements it over an .xlsx file
 * (browser demo and tests). Pure types: no Office.js, no DOM.
 */
import type { CellSnapshot, WorkbookSnapshot } from "./grid";
import type { CellMark } from "./marks";

export interface ReadProgress {
  /** sheets (or row blocks) read so far / in all */
  done: number;
  total: number;
}

export interface MarkOutcome {
  /** cells that got a fill */
  marked: number;
  /** how explanations were attached: Excel notes, threaded comments, or only shown in the pane */
  explanations: "notes" | "comments" | "pane-only";
  /** sheets left unmarked because they are protected */
  protectedSheets: string[];
  /** zh-CN warnings for the pane (e.g. notes refused by Excel on the web, fell back to comments) */
  warnings: string[];
}

export interface CellAddress {
  sheet: string;
  address: string;
}

export interface ClearOutcome {
  /** cells that kept the add-in's marks (their sheet was protected after marking): clearing again later is safe */
  kept: CellAddress[];
}

export interface TextSheetOutcome {
  /** the sheet that now holds the text */
  sheet: string;
  /** true when the add-in's own earlier 说明 sheet was replaced (only ever with options.replaceOwn) */
  replaced: boolean;
}

export interface EditEvent {
  sheet: string;
  /** A1 address or range of the edit */
  address: string;
  /** rows, columns or cells were inserted or deleted (everything below or right of it moved): re-read it all */
  structural?: boolean;
}

/** The cells of one range as read now, row by row from its top-left cell (null = blank). */
export interface RangeCells {
  sheet: string;
  /** A1 range as asked ("C7", "C7:E9") */
  address: string;
  cells: (CellSnapshot | null)[][];
}

/** What readRanges returns: the workbook's sheet names in order, and each asked range (null: its sheet is gone). */
export interface RangeReadout {
  sheets: string[];
  ranges: (RangeCells | null)[];
}

export interface PortCapabilities {
  /** "excel" inside Office, "wps" inside WPS 表格, "memory" in the browser demo and tests */
  host: "excel" | "wps" | "memory";
  notes: boolean;
  comments: boolean;
  /** edits can be listened to */
  events: boolean;
  /** human-readable limitation, zh-CN, when a feature is missing (e.g. "Excel 版本过旧，无法添加批注") */
  limitations: string[];
}

export interface WorkbookPort {
  capabilities(): Promise<PortCapabilities>;
  /** snapshot of every sheet's used range (values, text, formats, merges, hidden rows/cols, protection) */
  readSnapshot(onProgress?: (p: ReadProgress) => void): Promise<WorkbookSnapshot>;
  /** replace the add-in's previous marks with these, recording original formats first */
  writeMarks(marks: readonly CellMark[]): Promise<MarkOutcome>;
  /** remove every mark the add-in made and restore original formats exactly; user data untouched */
  clearMarks(): Promise<ClearOutcome>;
  /** activate the sheet and select the cell */
  selectCell(sheet: string, address: string): Promise<void>;
  /**
   * Add a sheet holding one paragraph per row, wrapped. A user's sheet is never touched: when `name` is taken the
   * new sheet gets a unique name ("决算说明(2)"). With `replaceOwn` (after the user confirmed) the sheet this
   * add-in inserted earlier — identified by what it recorded in the workbook, not by its name — is rewritten instead.
   */
  insertTextSheet(name: string, paragraphs: readonly string[], options?: { replaceOwn?: boolean }): Promise<TextSheetOutcome>;
  /** name of the 说明 sheet this add-in inserted earlier and that still exists, else null */
  ownTextSheet(): Promise<string | null>;
  /** write text into one cell — only ever called when the user clicks a fix */
  writeCellText(sheet: string, address: string, text: string): Promise<void>;
  /**
   * A text value the add-in keeps with the workbook under `key` (Excel: the workbook's settings, saved in the
   * file, never in a sheet); null when none. Optional: a host without it keeps the value for the session only.
   */
  readStored?(key: string): Promise<string | null>;
  writeStored?(key: string, value: string): Promise<void>;
  /**
   * The current cells of a few ranges plus the sheet names, for the live re-check of edited cells — in one round
   * trip whatever the workbook's size. Optional: without it every re-check reads the whole workbook.
   */
  readRanges?(ranges: readonly CellAddress[]): Promise<RangeReadout>;
  /** listen to user edits (the add-in's own writes are filtered out); returns an unsubscribe function */
  subscribeToEdits(handler: (events: EditEvent[]) => void): Promise<() => Promise<void>>;
}
