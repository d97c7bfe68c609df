/**
 * Read every worksheet into a WorkbookSnapshot in a constant number of round trips:
 *   sync 1 — the worksheet list (names, visibility, protection) and the workbook name;
 *   sync 2 — every sheet's used range (position and size only);
 *   sync 3 — values, text, number formats and formulas of every sheet in row blocks, plus merged
 *            areas and hidden rows/columns, all queued before the one sync.
 * Excel on the web caps a response at 5 MB and any platform may return null `values` for very large
 * ranges, so cells are fetched in row blocks and blocks are grouped into syncs of at most
 * `maxCellsPerSync` cells. A normal 决算 workbook (a few dozen sheets of a few thousand cells) fits in
 * one such group — 3 syncs in all; only a workbook above that budget costs one more sync per group.
 *
 * Only the filled area is read. A stray value far away (one cell at XFD1048576) stretches the used
 * range to 17 billion cells; reading that would plan hundreds of thousands of syncs. A sheet whose used
 * range is larger than `maxSheetCells`, or reaches beyond `probeRows` × `probeColumns`, costs one more
 * sync (for all such sheets together): the used range of its top-left window, where every real table
 * lives. What lies outside is left out, and the snapshot says so in `notices`.
 */
import { splitSheet } from "../domain/address";
import { a1ToBox, boxToA1, toA1, type CellSnapshot, type RangeBox, type RawValue, type SheetSnapshot, type WorkbookSnapshot } from "../domain/grid";
import type { ReadProgress } from "../domain/port";
import { ExcelPortError, MESSAGES } from "./errors";
import { syncWithTimeout } from "./sync";

export interface ReadLimits {
  /** cells per range request (well below the 5-million-cell `values` limit, and cheap to hold) */
  maxCellsPerBlock: number;
  /** cells fetched per sync, keeping the response under Excel on the web's 5 MB (≈ 50 bytes a cell for 4 properties) */
  maxCellsPerSync: number;
  /** a used range above this many cells is trimmed to its filled window (the command line's per-sheet limit) */
  maxSheetCells: number;
  /** the window searched for the filled area of an oversized sheet (no 决算 table comes near either) */
  probeRows: number;
  probeColumns: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxCellsPerBlock: 20_000,
  maxCellsPerSync: 80_000,
  maxSheetCells: 1_000_000,
  probeRows: 65_536,
  probeColumns: 1_024,
};

const READ_NOTICES = {
  farCells: (sheet: string, corner: string, kept: string) =>
    `工作表“${sheet}”在远离表格的位置（最远到 ${corner}）还有内容，已忽略，只检查了 ${kept}。如那里是误输入，删除后再检查即可。`,
  rowsCut: (sheet: string, rows: number) => `工作表“${sheet}”过大，只检查了前 ${rows.toLocaleString("en-US")} 行。`,
} as const;

export interface ReadOptions extends ReadLimits {
  syncTimeoutMs: number;
  /** Range.getMergedAreasOrNullObject (ExcelApi 1.13) */
  mergedAreas: boolean;
  /** getRowProperties / getColumnProperties (ExcelApi 1.9) for hidden rows and columns */
  rowColumnProperties: boolean;
}

/** A rectangle of one sheet's used range, fetched as one range request. */
export interface BlockPlan {
  sheetIndex: number;
  top: number;
  left: number;
  rows: number;
  cols: number;
}

/** Split each used range into row blocks, then group blocks into syncs. Pure; exported for tests. */
export function planBlocks(
  usedRanges: readonly ({ top: number; left: number; rows: number; cols: number } | null)[],
  limits: Pick<ReadLimits, "maxCellsPerBlock" | "maxCellsPerSync">,
): BlockPlan[][] {
  const blocks: BlockPlan[] = [];
  usedRanges.forEach((used, sheetIndex) => {
    if (!used || used.rows <= 0 || used.cols <= 0) return;
    const rowsPerBlock = Math.max(1, Math.floor(limits.maxCellsPerBlock / used.cols));
    for (let r = 0; r < used.rows; r += rowsPerBlock) {
      blocks.push({ sheetIndex, top: used.top + r, left: used.left, rows: Math.min(rowsPerBlock, used.rows - r), cols: used.cols });
    }
  });
  const groups: BlockPlan[][] = [];
  let current: BlockPlan[] = [];
  let cells = 0;
  for (const block of blocks) {
    const size = block.rows * block.cols;
    if (current.length > 0 && cells + size > limits.maxCellsPerSync) {
      groups.push(current);
      current = [];
      cells = 0;
    }
    current.push(block);
    cells += size;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

const ERROR_VALUE = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|PYTHON!|EXTERNAL!)$/;

/** One cell as the engine sees it; null for a blank cell without a formula. Pure; exported for tests. */
export function toCellSnapshot(value: unknown, text: unknown, numberFormat: unknown, formula: unknown): CellSnapshot | null {
  const raw: RawValue = typeof value === "number" || typeof value === "string" || typeof value === "boolean" ? value : null;
  const formulaText = typeof formula === "string" && formula.startsWith("=") ? formula.slice(1) : undefined;
  let shown = typeof text === "string" ? text : raw === null ? "" : String(raw);
  if ((raw === "" || raw === null) && formulaText === undefined && shown === "") return null;
  // Range.text is what the grid shows: a number in a too-narrow column comes back as "####".
  if (typeof raw === "number" && /^#+$/.test(shown)) shown = String(raw);
  const cell: CellSnapshot = { v: raw, t: shown };
  if (typeof numberFormat === "string" && numberFormat !== "" && !/^general$/i.test(numberFormat)) cell.f = numberFormat;
  if (formulaText !== undefined) cell.formula = formulaText;
  if (typeof raw === "string" && ERROR_VALUE.test(raw)) cell.error = true;
  return cell;
}

/**
 * "Sheet1!A1:B2, 'My Sheet'!C3:D4" → boxes (sheet prefixes dropped). Pure; exported for tests.
 * Sheet names may be quoted ('' escapes a quote) and contain commas or "!" inside the quotes.
 */
export function parseAreasAddress(address: string): RangeBox[] {
  const boxes: RangeBox[] = [];
  let i = 0;
  while (i < address.length) {
    while (address[i] === " " || address[i] === ",") i++;
    if (i >= address.length) break;
    let start = i;
    if (address[i] === "'") {
      i++;
      while (i < address.length && !(address[i] === "'" && address[i + 1] !== "'")) i += address[i] === "'" ? 2 : 1;
      i++; // closing quote
      start = i;
    }
    let end = address.indexOf(",", i);
    if (end < 0) end = address.length;
    const piece = address.slice(start, end).trim();
    const ref = splitSheet(piece).range;
    if (ref) boxes.push(a1ToBox(ref));
    i = end + 1;
  }
  return boxes;
}

interface SheetRead {
  index: number;
  worksheet: Excel.Worksheet;
  name: string;
  hidden: boolean;
  protected: boolean;
  used: Excel.Range;
  box: { top: number; left: number; rows: number; cols: number } | null;
  merged?: Excel.RangeAreas;
  columns?: OfficeExtension.ClientResult<Excel.ColumnProperties[]>;
  blocks: BlockRead[];
}

interface BlockRead {
  plan: BlockPlan;
  range: Excel.Range;
  rowProperties?: OfficeExtension.ClientResult<Excel.RowProperties[]>;
}

export async function readWorkbookSnapshot(
  context: Excel.RequestContext,
  options: ReadOptions,
  onProgress?: (p: ReadProgress) => void,
): Promise<WorkbookSnapshot> {
  const workbook = context.workbook;
  workbook.worksheets.load("items/name,items/visibility,items/protection/protected");
  workbook.load("name");
  await syncWithTimeout(context, options.syncTimeoutMs); // sync 1

  const sheets: SheetRead[] = workbook.worksheets.items.map((worksheet, index) => ({
    index,
    worksheet,
    name: worksheet.name,
    hidden: worksheet.visibility !== "Visible",
    protected: worksheet.protection.protected,
    used: worksheet.getUsedRangeOrNullObject(true),
    box: null,
    blocks: [],
  }));
  for (const sheet of sheets) sheet.used.load("rowIndex,columnIndex,rowCount,columnCount");
  onProgress?.({ done: 0, total: sheets.length });
  await syncWithTimeout(context, options.syncTimeoutMs); // sync 2

  for (const sheet of sheets) {
    if (!sheet.used.isNullObject) {
      sheet.box = { top: sheet.used.rowIndex, left: sheet.used.columnIndex, rows: sheet.used.rowCount, cols: sheet.used.columnCount };
    }
  }
  const notices = await trimOversized(context, sheets, options);
  const groups = planBlocks(
    sheets.map((s) => s.box),
    options,
  );
  // Per-sheet extras are small; they ride along with the first group.
  for (const sheet of sheets) {
    if (!sheet.box) continue;
    if (options.mergedAreas) {
      sheet.merged = sheet.used.getMergedAreasOrNullObject();
      sheet.merged.load("address");
    }
    if (options.rowColumnProperties) sheet.columns = sheet.used.getColumnProperties({ columnHidden: true, columnIndex: true });
  }
  // Each group is one payload-bounded request, not one request per sheet or per block: normally there is
  // exactly one group (sync 3); a workbook too big for one 5 MB response gets one more sync per group.
  for (const group of groups) {
    for (const plan of group) {
      const sheet = sheets[plan.sheetIndex];
      const range = sheet.worksheet.getRangeByIndexes(plan.top, plan.left, plan.rows, plan.cols);
      range.load("values,text,numberFormat,formulas");
      const block: BlockRead = { plan, range };
      if (options.rowColumnProperties) block.rowProperties = range.getRowProperties({ rowHidden: true, rowIndex: true });
      sheet.blocks.push(block);
    }
    await syncWithTimeout(context, options.syncTimeoutMs); // sync 3 (and more only for oversized workbooks)
  }

  const snapshot: WorkbookSnapshot = { sheets: [] };
  if (workbook.name) snapshot.fileName = workbook.name;
  if (notices.length > 0) snapshot.notices = notices;
  sheets.forEach((sheet, i) => {
    snapshot.sheets.push(toSheetSnapshot(sheet));
    onProgress?.({ done: i + 1, total: sheets.length });
  });
  return snapshot;
}

type Box = { top: number; left: number; rows: number; cols: number };

function oversized(box: Box, limits: ReadLimits): boolean {
  return box.rows * box.cols > limits.maxSheetCells || box.rows > limits.probeRows || box.cols > limits.probeColumns;
}

/**
 * Shrink oversized used ranges to the filled area of their top-left window, in one sync for every such
 * sheet; cap what is still too large by rows. Mutates sheet.box (and sheet.used, which later reads
 * hang off). Returns the zh-CN notices for the pane.
 */
async function trimOversized(context: Excel.RequestContext, sheets: SheetRead[], limits: ReadOptions): Promise<string[]> {
  const probes: { sheet: SheetRead; before: Box; window: Excel.Range }[] = [];
  for (const sheet of sheets) {
    const before = sheet.box;
    if (!before || !oversized(before, limits)) continue;
    const window = sheet.worksheet
      .getRangeByIndexes(before.top, before.left, Math.min(before.rows, limits.probeRows), Math.min(before.cols, limits.probeColumns))
      .getUsedRangeOrNullObject(true);
    window.load("rowIndex,columnIndex,rowCount,columnCount");
    probes.push({ sheet, before, window });
  }
  if (probes.length === 0) return [];
  await syncWithTimeout(context, limits.syncTimeoutMs); // one more sync, only for oversized sheets

  const notices: string[] = [];
  for (const { sheet, before, window } of probes) {
    let box: Box | null = window.isNullObject
      ? null
      : { top: window.rowIndex, left: window.columnIndex, rows: window.rowCount, cols: window.columnCount };
    const corner = toA1(before.top + before.rows - 1, before.left + before.cols - 1);
    const trimmed = !box || box.top + box.rows < before.top + before.rows || box.left + box.cols < before.left + before.cols;
    if (box && box.rows * box.cols > limits.maxSheetCells) {
      box = { ...box, rows: Math.max(1, Math.floor(limits.maxSheetCells / box.cols)) };
      notices.push(READ_NOTICES.rowsCut(sheet.name, box.rows));
    } else if (trimmed) {
      notices.push(READ_NOTICES.farCells(sheet.name, corner, box ? boxToA1({ top: box.top, left: box.left, bottom: box.top + box.rows - 1, right: box.left + box.cols - 1 }) : "（空）"));
    }
    sheet.box = box;
    if (box) sheet.used = sheet.worksheet.getRangeByIndexes(box.top, box.left, box.rows, box.cols);
  }
  return notices;
}

function toSheetSnapshot(sheet: SheetRead): SheetSnapshot {
  const result: SheetSnapshot = {
    name: sheet.name,
    index: sheet.index,
    cells: [],
    rowCount: sheet.box ? sheet.box.top + sheet.box.rows : 0,
    colCount: sheet.box ? sheet.box.left + sheet.box.cols : 0,
    merges: [],
    hiddenRows: [],
    hiddenCols: [],
  };
  if (sheet.hidden) result.hidden = true;
  if (sheet.protected) result.protected = true;
  for (const block of sheet.blocks) {
    const { values, text, numberFormat, formulas } = block.range;
    if (!values || !text || !numberFormat || !formulas) {
      throw new ExcelPortError(MESSAGES.payloadTooLarge, "ValuesTooLarge", true);
    }
    const { top, left, rows, cols } = block.plan;
    for (let r = 0; r < rows; r++) {
      const row: (CellSnapshot | null | undefined)[] = [];
      for (let c = 0; c < cols; c++) {
        const cell = toCellSnapshot(values[r]?.[c], text[r]?.[c], numberFormat[r]?.[c], formulas[r]?.[c]);
        if (cell) row[left + c] = cell;
      }
      result.cells[top + r] = row;
    }
    block.rowProperties?.value.forEach((p, r) => {
      if (p.rowHidden) result.hiddenRows.push(p.rowIndex ?? top + r);
    });
  }
  sheet.columns?.value.forEach((p, c) => {
    if (p.columnHidden) result.hiddenCols.push(p.columnIndex ?? (sheet.box?.left ?? 0) + c);
  });
  if (sheet.merged && !sheet.merged.isNullObject) result.merges = parseAreasAddress(sheet.merged.address);
  return result;
}
