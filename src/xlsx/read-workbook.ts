/**
 * Workbook file → WorkbookSnapshot: used by the CLI, the tests and the browser demo (the in-memory
 * port), so every host hands the engine the same grid the add-in reads from Excel. Every file first
 * passes the input guard (input-limits.ts: size, zip bomb, cells, merges, not a workbook, encrypted);
 * .xlsx then goes through the direct reader (ooxml-reader.ts), which equals the former ExcelJS path
 * cell by cell (read-exceljs.ts, test/xlsx/differential.test.ts); .xls/.et through biff-reader.ts.
 * Stray far cells are dropped and the used area capped (trimSnapshot) whatever the format.
 */
import type { WorkbookSnapshot } from "../domain/grid";
import { inspectWorkbookBytes, inspectWorkbookFile, trimSnapshot } from "./input-limits";
import { readXlsxSnapshot } from "./ooxml-reader";
import { CellLimitError } from "./sheet-builder";
import { PackageLimitError } from "./zip-parts";

/** Thrown for files that are not readable workbooks; `message` is zh-CN and names the file; `detail` (English internals) is for --verbose. */
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
  // the guard inflates every sheet to count its cells; the reader takes those parts instead of inflating them again
  const inflated = new Map<string, Uint8Array>();
  const limit = await inspectWorkbookBytes(bytes, inflated);
  if (limit) throw Object.assign(new UnreadableWorkbookError(`${label}：${limit.message}`, fileName), { detail: limit.detail });
  if (isCompoundFile(bytes)) return trimSnapshot(await readLegacy(bytes, label, fileName));
  let snapshot: WorkbookSnapshot;
  try {
    snapshot = readXlsxSnapshot(bytes, fileName, inflated);
  } catch (e) {
    throw unreadable(e, label, fileName, "文件已损坏或不是 .xlsx 工作簿，无法读取。请在 Excel 或 WPS 中打开并“另存为 .xlsx”后再检查。");
  }
  return trimSnapshot(snapshot);
}

/** .xls / .et (compound file, BIFF8): the reader is loaded only when such a file comes. */
async function readLegacy(bytes: Uint8Array, label: string, fileName?: string): Promise<WorkbookSnapshot> {
  const { readXlsSnapshot, LegacyFormatError } = await import("./biff-reader");
  try {
    return readXlsSnapshot(bytes, fileName);
  } catch (e) {
    if (e instanceof LegacyFormatError) throw Object.assign(new UnreadableWorkbookError(`${label}：${e.message}`, fileName), { detail: e.detail });
    throw unreadable(e, label, fileName, "这个旧格式 .xls / .et 工作簿已损坏，无法读取。请在 Excel 或 WPS 中打开后“另存为 .xlsx”再检查。");
  }
}

/** A reader failure in plain Chinese; the library's own text is kept as `detail` for --verbose only. */
function unreadable(e: unknown, label: string, fileName: string | undefined, what: string): UnreadableWorkbookError {
  const detail = (e as Error)?.message ?? String(e);
  if (e instanceof PackageLimitError) {
    return Object.assign(new UnreadableWorkbookError(`${label}：文件解压后过大，可能已损坏或是恶意构造的压缩包，已停止读取。`, fileName), { detail });
  }
  if (e instanceof CellLimitError) {
    return Object.assign(new UnreadableWorkbookError(`${label}：单元格数量超出可检查的上限，已停止读取；请只保留需要检查的工作表后再试。`, fileName), { detail });
  }
  return Object.assign(new UnreadableWorkbookError(`${label}：${what}`, fileName), { detail });
}

const COMPOUND_FILE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** The OLE compound-file signature of .xls / .et (the guard has already refused encrypted ones). */
function isCompoundFile(bytes: Uint8Array): boolean {
  return COMPOUND_FILE.every((x, i) => bytes[i] === x);
}

/** Node only (CLI, tests, benches): read a workbook from disk. fs is imported lazily so the browser bundle never needs it. */
export async function readWorkbookFile(path: string): Promise<WorkbookSnapshot> {
  const name = path.split(/[\\/]/).pop() ?? path;
  const read = await inspectWorkbookFile(path, { content: false }); // regular files only, read with a size cap; content checked below
  if (!read.ok) throw Object.assign(new UnreadableWorkbookError(`${name}：${read.problem.message}`, path), { detail: read.problem.detail });
  return readWorkbookBuffer(read.bytes, name);
}
