/**
 * Marks on cells: a fill by severity plus an explanation (note, else threaded comment, else none),
 * written so that they can be removed without a trace.
 *
 * Round trips per call (measured against the fake in test/excel/marks.test.ts):
 *   writeMarks — 1 read sync (worksheets + protection, the mark store, the original fills of the cells
 *                to mark, the notes on them, the add-in's own notes/comments) and 1 write sync.
 *                One more read sync only when notes/comments must be located (their cell is a method,
 *                not a property): a sheet holding earlier marks has been protected since, or the
 *                workbook holds user comments (a cell takes a note or a comment, not both, and comments
 *                cannot be looked up by cell without throwing).
 *   clearMarks — the same read, then 1 write sync (none when there is nothing to undo).
 *
 * The write batch is ordered so that every intermediate state is recoverable: previous marks are
 * restored first, then the store is written, then the new fills, then notes/comments last — a note
 * refused by Excel on the web rejects the sync but can only drop the notes queued after it, never a
 * fill restoration. Every cell carrying our fill is in the store with its true original at every step,
 * so a retry after a failure is always safe.
 *
 * No suspendApiCalculationUntilNextSync here: fills, notes and comments never trigger recalculation,
 * and no value or formula is ever written by this module.
 */
import { parseAddress } from "../domain/address";
import { MARK_FILL, NOTE_PREFIX, type CellMark } from "../domain/marks";
import { severityRank, type Severity } from "../domain/findings";
import type { CellAddress, ClearOutcome, MarkOutcome } from "../domain/port";
import { EMPTY_STORE, parseStore, serializeStore, STORE_KEY, type FillRecord, type MarkStore, type StoredCell } from "./mark-store";
import { syncWithTimeout } from "./sync";

export type ExplanationMode = MarkOutcome["explanations"];

export interface MarkBatchOptions {
  syncTimeoutMs: number;
  /** the notes API may be used (ExcelApi 1.18, and it has not been refused on this host) */
  notesApi: boolean;
  /** threaded comments API (ExcelApi 1.10) */
  commentsApi: boolean;
  mode: ExplanationMode;
}

export const MARK_WARNINGS = {
  protectedSheets: (sheets: string[], cells: number) =>
    `工作表${sheets.map((s) => `“${s}”`).join("、")}受保护，其中 ${cells} 处问题未在单元格上标记（仍列在任务窗格中）。`,
  userNotes: (cells: number) => `${cells} 个单元格已有用户自己的备注或批注，未改动；这些问题的说明只在任务窗格中显示。`,
  gradient: (cells: number) => `${cells} 个单元格原有渐变填充，为保证清除标记时能原样恢复，未给它们上色（说明照常添加）。`,
  staleOnProtected: (sheets: string[]) =>
    `工作表${sheets.map((s) => `“${s}”`).join("、")}已受保护，上次留下的标记暂时无法清除；撤销保护后再次检查或点“清除标记”即可。`,
  notesRefusedComments: "Excel 拒绝添加备注（网页版 Excel 有时如此），已改用批注显示问题说明。",
  notesRefusedPaneOnly: "Excel 拒绝添加备注，问题说明只在任务窗格中显示。",
} as const;

/** Longest comma-separated address list passed to getRanges (very long lists fail: office-js #5198). */
const MAX_RANGES_ADDRESS = 2000;

interface SheetInfo {
  worksheet: Excel.Worksheet;
  id: string;
  name: string;
  protected: boolean;
}

interface Annotation {
  kind: "note" | "comment";
  item: Excel.Note | Excel.Comment;
  ours: boolean;
  location?: Excel.Range;
}

interface MarkProbe {
  mark: NormalizedMark;
  fill: OfficeExtension.ClientResult<Excel.CellProperties[][]>;
  note?: Excel.Note;
}

export interface NormalizedMark {
  sheet: string;
  address: string;
  severity: Severity;
  note: string;
}

interface WorkbookReads {
  worksheets: Excel.WorksheetCollection;
  store: Excel.Setting;
  notes?: Excel.NoteCollection;
  comments?: Excel.CommentCollection;
  probes: MarkProbe[];
}

interface WorkbookState {
  byName: Map<string, SheetInfo>;
  byId: Map<string, SheetInfo>;
  store: MarkStore;
  storeExists: boolean;
  annotations: Annotation[];
}

/** One mark per cell (worst severity wins), addresses upper-case without "$", note text prefixed. */
export function normalizeMarks(marks: readonly CellMark[]): NormalizedMark[] {
  const byCell = new Map<string, NormalizedMark>();
  for (const mark of marks) {
    const address = mark.address.replace(/\$/g, "").toUpperCase();
    const key = `${mark.sheet}\u0000${address}`;
    const note = mark.note.startsWith(NOTE_PREFIX) ? mark.note : `${NOTE_PREFIX}\n${mark.note}`;
    const existing = byCell.get(key);
    if (!existing) byCell.set(key, { sheet: mark.sheet, address, severity: mark.severity, note });
    else if (severityRank(mark.severity) < severityRank(existing.severity)) byCell.set(key, { ...existing, severity: mark.severity, note });
  }
  return [...byCell.values()];
}

function queueReads(context: Excel.RequestContext, options: MarkBatchOptions, marks: readonly NormalizedMark[]): WorkbookReads {
  const workbook = context.workbook;
  const reads: WorkbookReads = {
    worksheets: workbook.worksheets,
    store: workbook.settings.getItemOrNullObject(STORE_KEY),
    probes: [],
  };
  reads.worksheets.load("items/name,items/id,items/protection/protected");
  reads.store.load("value");
  if (options.notesApi) {
    reads.notes = workbook.notes;
    reads.notes.load("items/content");
  }
  if (options.commentsApi) {
    reads.comments = workbook.comments;
    reads.comments.load("items/content,items/id");
  }
  const worksheets = new Map<string, Excel.Worksheet>();
  for (const mark of marks) {
    let worksheet = worksheets.get(mark.sheet);
    if (!worksheet) {
      worksheet = workbook.worksheets.getItem(mark.sheet);
      worksheets.set(mark.sheet, worksheet);
    }
    const probe: MarkProbe = {
      mark,
      fill: worksheet.getRange(mark.address).getCellProperties({ format: { fill: { color: true, pattern: true, patternColor: true } } }),
    };
    if (options.notesApi) {
      probe.note = worksheet.notes.getItemOrNullObject(mark.address);
      probe.note.load("content");
    }
    reads.probes.push(probe);
  }
  return reads;
}

function collectState(reads: WorkbookReads): WorkbookState {
  const byName = new Map<string, SheetInfo>();
  const byId = new Map<string, SheetInfo>();
  for (const worksheet of reads.worksheets.items) {
    const info: SheetInfo = { worksheet, id: worksheet.id, name: worksheet.name, protected: worksheet.protection.protected };
    byName.set(info.name, info);
    byId.set(info.id, info);
  }
  const annotations: Annotation[] = [];
  for (const item of reads.notes?.items ?? []) annotations.push({ kind: "note", item, ours: isOurs(item.content) });
  for (const item of reads.comments?.items ?? []) annotations.push({ kind: "comment", item, ours: isOurs(item.content) });
  const storeExists = !reads.store.isNullObject;
  return { byName, byId, store: storeExists ? parseStore(reads.store.value) : EMPTY_STORE, storeExists, annotations };
}

function isOurs(content: unknown): boolean {
  return typeof content === "string" && content.startsWith(NOTE_PREFIX);
}

/**
 * Notes and comments cannot be listed with their cells in one request: their location is a method.
 * Load it — in one extra sync — only for those whose cell matters.
 */
async function locate(context: Excel.RequestContext, state: WorkbookState, wanted: (a: Annotation) => boolean, timeoutMs: number): Promise<void> {
  const targets = state.annotations.filter(wanted);
  if (targets.length === 0) return;
  for (const annotation of targets) {
    annotation.location = annotation.item.getLocation();
    annotation.location.load("address");
  }
  await syncWithTimeout(context, timeoutMs);
}

function annotationCell(annotation: Annotation): { sheet: string; address: string } | undefined {
  return annotation.location ? (parseAddress(annotation.location.address) ?? undefined) : undefined;
}

function cellKey(sheetId: string, address: string): string {
  return `${sheetId}\u0000${address}`;
}

/** Resolve a stored cell to a current sheet: by id (survives renames), else by name; undefined when gone. */
function resolveStored(state: WorkbookState, cell: StoredCell): SheetInfo | undefined {
  return (cell.sheetId ? state.byId.get(cell.sheetId) : undefined) ?? state.byName.get(cell.sheet);
}

/** The fill Excel reported, normalised; patternColor only matters for hatch patterns. */
function fillFromProperties(props: Excel.CellProperties | undefined): FillRecord {
  const fill = props?.format?.fill;
  const color = typeof fill?.color === "string" ? fill.color.toUpperCase() : "#FFFFFF";
  const pattern = typeof fill?.pattern === "string" ? fill.pattern : color === "#FFFFFF" ? "None" : "Solid";
  const record: FillRecord = { pattern, color };
  if (pattern !== "None" && pattern !== "Solid" && typeof fill?.patternColor === "string") record.patternColor = fill.patternColor;
  return record;
}

function isGradient(fill: FillRecord): boolean {
  return /gradient/i.test(fill.pattern);
}

/** Put a recorded fill back exactly: No Fill only through clear(), never by writing "#FFFFFF". */
function applyOriginal(fill: Excel.RangeFill, original: FillRecord): void {
  if (original.pattern === "None") {
    fill.clear();
    return;
  }
  fill.color = original.color;
  if (original.pattern !== "Solid") {
    fill.pattern = original.pattern as Excel.FillPattern;
    if (original.patternColor) fill.patternColor = original.patternColor;
  }
}

/** Comma-joined address lists for getRanges, each at most MAX_RANGES_ADDRESS characters. */
function chunkAddresses(addresses: readonly string[], max = MAX_RANGES_ADDRESS): string[] {
  const chunks: string[] = [];
  let current = "";
  for (const address of addresses) {
    if (current && current.length + 1 + address.length > max) {
      chunks.push(current);
      current = "";
    }
    current = current ? `${current},${address}` : address;
  }
  if (current) chunks.push(current);
  return chunks;
}

/** Group cells by sheet and a key, then apply one RangeAreas operation per group and chunk. */
function queueGrouped<T>(
  items: readonly { sheet: SheetInfo; address: string; group: T }[],
  keyOf: (group: T) => string,
  apply: (fill: Excel.RangeFill, group: T) => void,
): void {
  const groups = new Map<string, { sheet: SheetInfo; group: T; addresses: string[] }>();
  for (const item of items) {
    const key = `${item.sheet.id}\u0000${keyOf(item.group)}`;
    let entry = groups.get(key);
    if (!entry) {
      entry = { sheet: item.sheet, group: item.group, addresses: [] };
      groups.set(key, entry);
    }
    entry.addresses.push(item.address);
  }
  for (const { sheet, group, addresses } of groups.values()) {
    for (const chunk of chunkAddresses(addresses)) apply(sheet.worksheet.getRanges(chunk).format.fill, group);
  }
}

function queueStore(context: Excel.RequestContext, reads: WorkbookReads, state: WorkbookState, cells: StoredCell[]): void {
  if (cells.length > 0) context.workbook.settings.add(STORE_KEY, serializeStore({ version: 1, cells }));
  else if (state.storeExists) reads.store.delete();
}

/** Our annotations that may be deleted now: not on a protected sheet. */
function deletableOurs(state: WorkbookState): Annotation[] {
  return state.annotations.filter((a) => {
    if (!a.ours) return false;
    const cell = annotationCell(a);
    return !(cell && state.byName.get(cell.sheet)?.protected);
  });
}

/**
 * Whether our own notes/comments must be located before deleting them: only when one of them may sit
 * on a protected sheet (deleting there fails the whole batch). Every cell we annotate is in the store,
 * so that is when a stored sheet is protected — or when the store is gone but our notes are not.
 */
function mustLocateOurs(state: WorkbookState): boolean {
  let anyProtected = false;
  for (const sheet of state.byName.values()) anyProtected ||= sheet.protected;
  if (!anyProtected) return false;
  if (state.store.cells.length === 0) return true;
  return state.store.cells.some((cell) => resolveStored(state, cell)?.protected === true);
}

/** Replace the previous marks with these. Runs inside one Excel.run. */
export async function markBatch(context: Excel.RequestContext, marks: readonly NormalizedMark[], options: MarkBatchOptions): Promise<MarkOutcome> {
  const reads = queueReads(context, options, marks);
  await syncWithTimeout(context, options.syncTimeoutMs); // read sync
  const state = collectState(reads);
  const locateOurs = mustLocateOurs(state);
  // A cell holds a note or a threaded comment, not both; user comments can only be found by location.
  const locateUserComments = options.mode !== "pane-only";
  await locate(context, state, (a) => (a.ours ? locateOurs : a.kind === "comment" && locateUserComments), options.syncTimeoutMs);

  const warnings: string[] = [];
  const previous = new Map<string, { sheet: SheetInfo; cell: StoredCell }>();
  const kept: StoredCell[] = [];
  const staleSheets = new Set<string>();
  for (const cell of state.store.cells) {
    const sheet = resolveStored(state, cell);
    if (!sheet) continue; // the sheet was deleted: nothing left to restore
    previous.set(cellKey(sheet.id, cell.address), { sheet, cell: { ...cell, sheetId: sheet.id, sheet: sheet.name } });
  }

  const userAnnotated = new Set<string>();
  for (const a of state.annotations) {
    const cell = !a.ours ? annotationCell(a) : undefined;
    const sheet = cell && state.byName.get(cell.sheet);
    if (cell && sheet) userAnnotated.add(cellKey(sheet.id, cell.address));
  }

  const nextStore: StoredCell[] = [];
  const fills: { sheet: SheetInfo; address: string; group: Severity }[] = [];
  const explain: { sheet: SheetInfo; mark: NormalizedMark }[] = [];
  const protectedMarks = new Map<string, number>();
  const marked = new Set<string>();
  let gradients = 0;
  let skippedForUser = 0;
  for (const probe of reads.probes) {
    const { mark } = probe;
    const sheet = state.byName.get(mark.sheet);
    if (!sheet) continue;
    if (sheet.protected) {
      protectedMarks.set(sheet.name, (protectedMarks.get(sheet.name) ?? 0) + 1);
      continue;
    }
    const key = cellKey(sheet.id, mark.address);
    marked.add(key);
    const original = previous.get(key)?.cell.original ?? fillFromProperties(probe.fill.value[0]?.[0]);
    // Gradient cells get no fill but are still recorded: the store lists every cell we annotate.
    nextStore.push({ sheetId: sheet.id, sheet: sheet.name, address: mark.address, original });
    if (isGradient(original)) gradients++;
    else fills.push({ sheet, address: mark.address, group: mark.severity });
    const userNote = probe.note && !probe.note.isNullObject && !isOurs(probe.note.content);
    if (userNote || userAnnotated.has(key)) skippedForUser++;
    else if (options.mode !== "pane-only") explain.push({ sheet, mark });
  }

  const restore: { sheet: SheetInfo; address: string; group: FillRecord }[] = [];
  for (const [key, { sheet, cell }] of previous) {
    if (marked.has(key)) continue;
    if (sheet.protected) {
      kept.push(cell);
      staleSheets.add(sheet.name);
    } else if (!isGradient(cell.original)) restore.push({ sheet, address: cell.address, group: cell.original });
  }

  // The one write sync, in recoverable order (see the file comment).
  queueGrouped(restore, (f) => JSON.stringify(f), applyOriginal);
  queueStore(context, reads, state, [...nextStore, ...kept]);
  queueGrouped(fills, (s) => s, (fill, severity) => {
    fill.color = MARK_FILL[severity];
  });
  for (const a of deletableOurs(state)) a.item.delete();
  queueExplanations(context, explain, options.mode);
  try {
    await syncWithTimeout(context, options.syncTimeoutMs); // write sync
  } catch (error) {
    // Below ExcelApi 1.18 a user's note cannot be seen, yet it makes comments.add fail on its cell.
    // Everything queued before the failing comment is applied: find that cell, skip it, add the rest.
    if (options.mode !== "comments" || !failedAddingComment(error)) throw error;
    const known = new Set((reads.comments?.items ?? []).map((c) => c.id));
    skippedForUser += await addRemainingComments(context, explain, known, options.syncTimeoutMs);
  }

  if (protectedMarks.size > 0) {
    warnings.push(MARK_WARNINGS.protectedSheets([...protectedMarks.keys()], [...protectedMarks.values()].reduce((a, b) => a + b, 0)));
  }
  if (staleSheets.size > 0) warnings.push(MARK_WARNINGS.staleOnProtected([...staleSheets]));
  if (skippedForUser > 0) warnings.push(MARK_WARNINGS.userNotes(skippedForUser));
  if (gradients > 0) warnings.push(MARK_WARNINGS.gradient(gradients));
  return { marked: fills.length, explanations: options.mode, protectedSheets: [...protectedMarks.keys()], warnings };
}

function queueExplanations(context: Excel.RequestContext, explain: readonly { sheet: SheetInfo; mark: NormalizedMark }[], mode: ExplanationMode): void {
  for (const { sheet, mark } of explain) {
    if (mode === "notes") sheet.worksheet.notes.add(mark.address, mark.note);
    else context.workbook.comments.add(sheet.worksheet.getRange(mark.address), mark.note);
  }
}

/** The sync failed on a comments.add (Office.js names the failing call in debugInfo.errorLocation). */
function failedAddingComment(error: unknown): boolean {
  const location = (error as { debugInfo?: { errorLocation?: unknown } } | undefined)?.debugInfo?.errorLocation;
  return typeof location === "string" && /^CommentCollection\.add/i.test(location);
}

/** Cells that refuse a comment, skipped one by one, before the rest go pane-only (bounds the syncs). */
const MAX_REFUSED_COMMENTS = 20;

/**
 * After a write sync failed at a comments.add: count the comments that did get added (ours, new since
 * `known`), skip the cell that refused, queue the rest again. Two syncs per refusing cell.
 * Returns how many cells were left without a comment.
 */
async function addRemainingComments(
  context: Excel.RequestContext,
  explain: readonly { sheet: SheetInfo; mark: NormalizedMark }[],
  known: Set<string>,
  timeoutMs: number,
): Promise<number> {
  let pending = explain;
  for (let refused = 1; ; refused++) {
    const comments = context.workbook.comments;
    comments.load("items/id,items/content");
    await syncWithTimeout(context, timeoutMs);
    const added = comments.items.filter((c) => !known.has(c.id) && isOurs(c.content)).length;
    for (const c of comments.items) known.add(c.id);
    pending = pending.slice(added + 1);
    if (pending.length === 0) return refused;
    if (refused >= MAX_REFUSED_COMMENTS) return refused + pending.length;
    queueExplanations(context, pending, "comments");
    try {
      await syncWithTimeout(context, timeoutMs);
      return refused;
    } catch (error) {
      if (!failedAddingComment(error)) throw error;
    }
  }
}

/** Undo every mark: original fills back, our notes/comments deleted, the store emptied. */
export async function clearBatch(context: Excel.RequestContext, options: MarkBatchOptions): Promise<ClearOutcome> {
  const reads = queueReads(context, options, []);
  await syncWithTimeout(context, options.syncTimeoutMs); // read sync
  const state = collectState(reads);
  if (mustLocateOurs(state)) await locate(context, state, (a) => a.ours, options.syncTimeoutMs);

  const restore: { sheet: SheetInfo; address: string; group: FillRecord }[] = [];
  const kept: StoredCell[] = [];
  for (const cell of state.store.cells) {
    const sheet = resolveStored(state, cell);
    if (!sheet) continue;
    if (sheet.protected) kept.push({ ...cell, sheetId: sheet.id, sheet: sheet.name });
    else if (!isGradient(cell.original)) restore.push({ sheet, address: cell.address, group: cell.original });
  }
  const deletable = deletableOurs(state);
  if (restore.length === 0 && deletable.length === 0 && (!state.storeExists || kept.length === state.store.cells.length)) {
    return { kept: keptCells(kept) }; // nothing to undo: no write sync
  }
  queueGrouped(restore, (f) => JSON.stringify(f), applyOriginal);
  queueStore(context, reads, state, kept);
  for (const a of deletable) a.item.delete();
  await syncWithTimeout(context, options.syncTimeoutMs); // write sync
  return { kept: keptCells(kept) };
}

function keptCells(cells: readonly StoredCell[]): CellAddress[] {
  return cells.map((c) => ({ sheet: c.sheet, address: c.address }));
}
