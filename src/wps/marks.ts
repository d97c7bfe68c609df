/**
 * Marks in WPS 表格: a fill (Interior.Color as BGR) and a 批注 starting with NOTE_PREFIX, both removable
 * without a trace. Calls grow with the number of marked cells only (a handful per cell), never with
 * the size of the sheets.
 *
 * Exact restore: before the first mark on a cell its Interior.Pattern, Color and (for hatch patterns)
 * PatternColor are stored. No Fill is told apart from a white fill by the pattern alone — a host may read
 * No Fill back as white (16777215) — and restored by setting Pattern = xlNone, never by writing white.
 *
 * A user's own 批注 is never touched: a flagged cell that already has one gets the fill only, its
 * explanation stays in the pane, and the pane says how many such cells there are. (Appending to the
 * user's comment was rejected: it changes text the user wrote and cannot be undone exactly if they edit it.)
 *
 * Order inside writeMarks: previous marks restored, the store written (with every cell about to be
 * filled and its true original), then fills, then comments — a failure part-way leaves a store from
 * which 清除标记 restores everything.
 */
import { MARK_FILL, NOTE_PREFIX, type CellMark } from "../domain/marks";
import type { Severity } from "../domain/findings";
import type { MarkOutcome } from "../domain/port";
import { MARK_WARNINGS } from "../excel/marks-writer";
import { hexToBgr, XL, type EtRange, type EtWorkbook, type EtWorksheet } from "./et";
import { type EtFill, type StoreAccess, type StoredMark, type WpsMarkStore } from "./mark-store";

/** Warnings the Excel adapter also gives are its texts (one place); these are WPS's own. */
const WPS_MARK_WARNINGS = {
  protectedSheets: MARK_WARNINGS.protectedSheets,
  userComments: MARK_WARNINGS.userNotes,
  staleOnProtected: MARK_WARNINGS.staleOnProtected,
  writeFailed: (cells: number) => `WPS 拒绝修改 ${cells} 个单元格的格式或批注（可能受保护），这些问题只在任务窗格中显示。`,
  missingSheet: (sheet: string) => `找不到工作表“${sheet}”，其中的问题未标记。`,
  storeInMemory: "此版本的 WPS 不支持在文件中保存自定义数据：关闭文件前请先“清除标记”，否则之后无法自动恢复原有底色。",
} as const;

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export interface WpsMark {
  sheet: string;
  address: string;
  severity: Severity;
  note: string;
}

/** One mark per cell (worst severity wins), addresses upper-case without "$", note text prefixed. */
function normalizeWpsMarks(marks: readonly CellMark[]): WpsMark[] {
  const byCell = new Map<string, WpsMark>();
  for (const mark of marks) {
    const address = mark.address.replace(/\$/g, "").toUpperCase();
    const key = cellKey(mark.sheet, address);
    const note = mark.note.startsWith(NOTE_PREFIX) ? mark.note : `${NOTE_PREFIX}\n${mark.note}`;
    const existing = byCell.get(key);
    if (!existing || RANK[mark.severity] < RANK[existing.severity]) byCell.set(key, { sheet: mark.sheet, address, severity: mark.severity, note });
  }
  return [...byCell.values()];
}

function cellKey(sheet: string, address: string): string {
  return `${sheet}\u0000${address}`;
}

interface SheetEntry {
  worksheet: EtWorksheet;
  /** current tab name */
  name: string;
  code: string;
  protected: boolean;
}

/** Worksheets by name, each looked up once, with protection and code name read once. */
export class SheetCache {
  private readonly sheets = new Map<string, SheetEntry | null>();
  private byCode: Map<string, SheetEntry> | undefined;
  constructor(private readonly workbook: EtWorkbook) {}

  get(name: string): SheetEntry | null {
    if (!this.sheets.has(name)) {
      let entry: SheetEntry | null = null;
      try {
        const worksheet = this.workbook.Worksheets.Item(name);
        if (worksheet) entry = this.entry(worksheet, name);
      } catch {
        entry = null; // no such sheet: COM throws on a missing name
      }
      this.sheets.set(name, entry);
    }
    return this.sheets.get(name) ?? null;
  }

  /** The sheet a stored mark was made on: by name, else (renamed since) by code name. */
  resolve(mark: StoredMark): SheetEntry | null {
    const byName = this.get(mark.sheet);
    if (byName && (!mark.code || !byName.code || byName.code === mark.code)) return byName;
    if (!mark.code) return null;
    if (!this.byCode) {
      // Only when a marked sheet was renamed or replaced: one pass over the sheets.
      this.byCode = new Map();
      const sheets = this.workbook.Worksheets;
      for (let i = sheets.Count; i >= 1; i--) {
        const worksheet = sheets.Item(i);
        const entry = this.entry(worksheet, worksheet.Name);
        if (entry.code) this.byCode.set(entry.code, entry);
      }
    }
    return this.byCode.get(mark.code) ?? null;
  }

  private entry(worksheet: EtWorksheet, name: string): SheetEntry {
    let code = "";
    try {
      code = typeof worksheet.CodeName === "string" ? worksheet.CodeName : "";
    } catch {
      code = ""; // hosts without code names: names only
    }
    return { worksheet, name, code, protected: worksheet.ProtectContents === true };
  }
}

function readFill(range: EtRange): EtFill {
  const interior = range.Interior;
  const pattern = interior.Pattern;
  const color = interior.Color;
  const fill: EtFill = { pattern: typeof pattern === "number" ? pattern : XL.none, color: typeof color === "number" ? color : 0xffffff };
  if (fill.pattern !== XL.none && fill.pattern !== XL.solid) {
    const patternColor = interior.PatternColor;
    if (typeof patternColor === "number") fill.patternColor = patternColor;
  }
  return fill;
}

/** Put a recorded fill back: No Fill through Pattern = xlNone, never by writing white. */
function applyFill(range: EtRange, fill: EtFill): void {
  const interior = range.Interior;
  if (fill.pattern === XL.none) {
    interior.Pattern = XL.none;
    return;
  }
  interior.Color = fill.color;
  if (fill.pattern !== XL.solid) {
    interior.Pattern = fill.pattern;
    if (fill.patternColor !== undefined) interior.PatternColor = fill.patternColor;
  }
}

function isOurs(text: unknown): boolean {
  return typeof text === "string" && text.startsWith(NOTE_PREFIX);
}

/** Our 批注 on the cell, deleted; a user's is left alone. Returns whether a user's 批注 is there. */
function removeOurComment(range: EtRange): "none" | "ours" | "user" {
  const comment = range.Comment;
  if (!comment) return "none";
  if (!isOurs(comment.Text())) return "user";
  comment.Delete();
  return "ours";
}

/** Restore the cells of `stored` that are not kept; returns those that must stay in the store. */
function restoreCells(stored: readonly StoredMark[], sheets: SheetCache, keep: (m: StoredMark) => boolean): { kept: StoredMark[]; stale: Set<string>; failed: number } {
  const kept: StoredMark[] = [];
  const stale = new Set<string>();
  let failed = 0;
  for (const mark of stored) {
    if (keep(mark)) {
      kept.push(mark);
      continue;
    }
    const sheet = sheets.resolve(mark);
    if (!sheet) continue; // the sheet is gone: nothing left to restore
    if (sheet.protected) {
      kept.push({ ...mark, sheet: sheet.name });
      stale.add(sheet.name);
      continue;
    }
    try {
      const range = sheet.worksheet.Range(mark.address);
      applyFill(range, mark.original);
      removeOurComment(range);
    } catch {
      kept.push({ ...mark, sheet: sheet.name });
      failed++;
    }
  }
  return { kept, stale, failed };
}

export function writeWpsMarks(workbook: EtWorkbook, access: StoreAccess, marks: readonly CellMark[]): MarkOutcome {
  const loaded = access.load(workbook);
  const sheets = new SheetCache(workbook);
  // Stored cells under their sheets' current names (a tab renamed since the last check).
  const store: WpsMarkStore = { ...loaded, cells: loaded.cells.map((m) => ({ ...m, sheet: sheets.resolve(m)?.name ?? m.sheet })) };
  const wanted = normalizeWpsMarks(marks);
  const wantedKeys = new Set(wanted.map((m) => cellKey(m.sheet, m.address)));
  const previous = new Map(store.cells.map((m) => [cellKey(m.sheet, m.address), m]));

  // 1. Previous marks that are not marked again go back to their original fill.
  const restored = restoreCells(store.cells, sheets, (m) => wantedKeys.has(cellKey(m.sheet, m.address)) && sheets.get(m.sheet)?.protected !== true);

  // 2. Originals of the cells to mark, recorded before anything is painted.
  const targets: { mark: WpsMark; range: EtRange }[] = [];
  const next: StoredMark[] = restored.kept.filter((m) => !wantedKeys.has(cellKey(m.sheet, m.address)));
  const protectedCounts = new Map<string, number>();
  const warnings: string[] = [];
  let failed = restored.failed;
  for (const mark of wanted) {
    const sheet = sheets.get(mark.sheet);
    if (!sheet) {
      warnings.push(WPS_MARK_WARNINGS.missingSheet(mark.sheet));
      continue;
    }
    if (sheet.protected) {
      protectedCounts.set(mark.sheet, (protectedCounts.get(mark.sheet) ?? 0) + 1);
      const earlier = previous.get(cellKey(mark.sheet, mark.address));
      if (earlier && !next.includes(earlier)) next.push(earlier);
      continue;
    }
    try {
      const range = sheet.worksheet.Range(mark.address);
      const original = previous.get(cellKey(mark.sheet, mark.address))?.original ?? readFill(range);
      const stored: StoredMark = { sheet: mark.sheet, address: mark.address, original };
      if (sheet.code) stored.code = sheet.code;
      next.push(stored);
      targets.push({ mark, range });
    } catch {
      failed++;
    }
  }
  const nextStore: WpsMarkStore = { cells: next, textSheets: store.textSheets };
  access.save(workbook, nextStore);

  // 3. Fills, then 批注.
  let marked = 0;
  let userComments = 0;
  for (const { mark, range } of targets) {
    try {
      const interior = range.Interior;
      interior.Color = hexToBgr(MARK_FILL[mark.severity]);
      interior.Pattern = XL.solid;
      marked++;
      const existing = removeOurComment(range);
      if (existing === "user") userComments++;
      else range.AddComment(mark.note);
    } catch {
      failed++;
    }
  }

  if (protectedCounts.size > 0) {
    warnings.push(WPS_MARK_WARNINGS.protectedSheets([...protectedCounts.keys()], [...protectedCounts.values()].reduce((a, b) => a + b, 0)));
  }
  if (restored.stale.size > 0) warnings.push(WPS_MARK_WARNINGS.staleOnProtected([...restored.stale]));
  if (userComments > 0) warnings.push(WPS_MARK_WARNINGS.userComments(userComments));
  if (failed > 0) warnings.push(WPS_MARK_WARNINGS.writeFailed(failed));
  if (access.inMemory) warnings.push(WPS_MARK_WARNINGS.storeInMemory);
  return { marked, explanations: "comments", protectedSheets: [...protectedCounts.keys()], warnings };
}

/** Undo every mark: original fills back, our 批注 deleted, the store emptied (protected sheets kept for later). */
/** Restores every marked cell it can; the cells it could not (a sheet protected since) keep their marks and are named. */
export function clearWpsMarks(workbook: EtWorkbook, access: StoreAccess): { kept: { sheet: string; address: string }[] } {
  const store = access.load(workbook);
  if (store.cells.length === 0) return { kept: [] };
  const sheets = new SheetCache(workbook);
  const { kept } = restoreCells(store.cells, sheets, () => false);
  access.save(workbook, { cells: kept, textSheets: store.textSheets });
  return { kept: kept.map((mark) => ({ sheet: mark.sheet, address: mark.address })) };
}
