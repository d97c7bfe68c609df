/**
 * .xlsx → WorkbookSnapshot through ExcelJS: used by the CLI, the tests and the browser demo
 * (the in-memory port), so every host hands the engine the same grid the add-in reads from Excel.
 * Displayed text is computed from the stored value and its number format (ExcelJS keeps raw values).
 */
import ExcelJS from "exceljs";
import type { CellSnapshot, RangeBox, SheetSnapshot, WorkbookSnapshot } from "../domain/grid";
import { a1ToBox } from "../domain/grid";
import { formatNumber } from "../domain/number-format";
import { inspectWorkbookBytes, inspectWorkbookFile, trimSnapshot } from "./input-limits";

/** Thrown for files that are not readable workbooks; `message` is zh-CN and names the file. */
export class UnreadableWorkbookError extends Error {
  constructor(
    message: string,
    readonly fileName?: string,
  ) {
    super(message);
    this.name = "UnreadableWorkbookError";
  }
}

export async function readWorkbookBuffer(buffer: ArrayBuffer | Uint8Array, fileName?: string): Promise<WorkbookSnapshot> {
  const bytes = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
  const label = fileName ?? "工作簿";
  const limit = await inspectWorkbookBytes(bytes); // size, zip bomb, cells, merges, not a workbook, old format, encrypted (input-limits.ts)
  if (limit) throw Object.assign(new UnreadableWorkbookError(`${label}：${limit.message}`, fileName), { detail: limit.detail });
  const problem = sniffNonXlsx(bytes);
  if (problem) throw new UnreadableWorkbookError(`${label}：${problem}`, fileName);
  const workbook = new ExcelJS.Workbook();
  try {
    // ExcelJS accepts Buffer in node and ArrayBuffer in the browser.
    const input: unknown = typeof Buffer !== "undefined" ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) : bytes.buffer;
    await workbook.xlsx.load(input as ArrayBuffer);
  } catch (e) {
    // the library's own text ("uncompressed data size mismatch" …) is kept for --verbose only
    throw Object.assign(new UnreadableWorkbookError(`${label}：文件已损坏或不是 .xlsx 工作簿，无法读取。请在 Excel 或 WPS 中打开并“另存为 .xlsx”后再检查。`, fileName), { detail: (e as Error).message ?? String(e) });
  }
  return trimSnapshot(snapshotFromExcelJS(workbook, fileName)); // stray far cells dropped, used area capped

}

/** Recognise files that are certainly not .xlsx before ExcelJS gives a cryptic error. */
function sniffNonXlsx(b: Uint8Array): string | null {
  if (b.length === 0) return "文件为空。";
  const head = Array.from(b.subarray(0, 8));
  const isZip = head[0] === 0x50 && head[1] === 0x4b;
  if (isZip) return null;
  const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  if (ole.every((x, i) => head[i] === x)) {
    return "这是旧版 .xls / .et 格式或加密的工作簿，请在 Excel 或 WPS 中“另存为 .xlsx”（如有密码请先取消密码）后再检查。";
  }
  if (head[0] === 0x25 && head[1] === 0x50 && head[2] === 0x44 && head[3] === 0x46) return "这是 PDF 文件，不是 .xlsx 工作簿。";
  return "不是 .xlsx 工作簿（文件格式无法识别）。";
}

/** Raw value and formula of an ExcelJS cell value, whatever its shape. */
function unwrap(value: ExcelJS.CellValue): { v: CellSnapshot["v"]; formula?: string; error?: boolean; text?: string } {
  if (value === null || value === undefined) return { v: null };
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return { v: value };
  if (value instanceof Date) return { v: value.toISOString().slice(0, 10), text: value.toISOString().slice(0, 10) };
  const o = value as unknown as Record<string, unknown>;
  if ("error" in o) return { v: String(o.error), error: true };
  if ("richText" in o && Array.isArray(o.richText)) return { v: (o.richText as { text: string }[]).map((r) => r.text).join("") };
  if ("formula" in o || "sharedFormula" in o) {
    const inner = unwrap((o.result ?? null) as ExcelJS.CellValue);
    return { ...inner, formula: String(o.formula ?? o.sharedFormula) };
  }
  if ("text" in o) return { v: String(o.text) };
  return { v: String(value) };
}

export function snapshotFromExcelJS(workbook: ExcelJS.Workbook, fileName?: string): WorkbookSnapshot {
  const sheets: SheetSnapshot[] = [];
  workbook.worksheets.forEach((ws, index) => sheets.push(sheetSnapshot(ws, index)));
  return { fileName, sheets };
}

function sheetSnapshot(ws: ExcelJS.Worksheet, index: number): SheetSnapshot {
  const cells: (CellSnapshot | null | undefined)[][] = [];
  let rowCount = 0;
  let colCount = 0;
  const hiddenRows: number[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    if (row.hidden) hiddenRows.push(r);
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      // Merged slave cells repeat the master's value in ExcelJS; Excel shows them blank.
      if (cell.isMerged && cell.master !== cell) return;
      const c = colNumber - 1;
      const { v, formula, error, text } = unwrap(cell.value);
      if (v === null && !formula) return;
      const f = cell.numFmt || undefined;
      const t = text ?? (typeof v === "number" ? formatNumber(v, f) : v === null ? "" : String(v));
      const snap: CellSnapshot = { v, t };
      if (f && f !== "General") snap.f = f;
      if (formula) snap.formula = formula;
      if (error) snap.error = true;
      (cells[r] ??= [])[c] = snap;
      rowCount = Math.max(rowCount, r + 1);
      colCount = Math.max(colCount, c + 1);
    });
  });
  const hiddenCols: number[] = [];
  (ws.columns ?? []).forEach((col, i) => {
    if (col && col.hidden) hiddenCols.push(i);
  });
  const merges: RangeBox[] = [];
  const model = ws.model as unknown as { merges?: string[] };
  for (const m of model.merges ?? []) {
    try {
      merges.push(a1ToBox(m));
    } catch {
      /* a malformed merge reference is ignored: it only affects header spans */
    }
  }
  for (let r = 0; r < rowCount; r++) cells[r] ??= [];
  return {
    name: ws.name,
    index,
    cells,
    rowCount,
    colCount,
    merges,
    hiddenRows,
    hiddenCols,
    hidden: ws.state === "hidden" || ws.state === "veryHidden",
    protected: !!(ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet,
  };
}

/** Node only (CLI, tests, benches): read a workbook from disk. fs is imported lazily so the browser bundle never needs it. */
export async function readWorkbookFile(path: string): Promise<WorkbookSnapshot> {
  const name = path.split(/[\\/]/).pop() ?? path;
  const read = await inspectWorkbookFile(path, { content: false }); // regular files only, read with a size cap; content checked below
  if (!read.ok) throw Object.assign(new UnreadableWorkbookError(`${name}：${read.problem.message}`, path), { detail: read.problem.detail });
  return readWorkbookBuffer(read.bytes, name);
}
