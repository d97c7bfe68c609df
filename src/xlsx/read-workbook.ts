/**
 * Workbook file → WorkbookSnapshot: used by the CLI, the tests and the browser demo (the in-memory
 * port), so every host hands the engine the same grid the add-in reads from Excel. .xlsx goes
 * through the direct reader (ooxml-reader.ts), which equals the former ExcelJS path cell by cell
 * (read-exceljs.ts, test/xlsx/differential.test.ts) at a fraction of its time.
 */
import type { WorkbookSnapshot } from "../domain/grid";
import { readXlsxSnapshot } from "./ooxml-reader";
import { CellLimitError } from "./sheet-builder";
import { PackageLimitError } from "./zip-parts";

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
  const problem = sniffNonXlsx(bytes);
  const label = fileName ?? "工作簿";
  if (problem === OLE) return readLegacy(bytes, label, fileName);
  if (problem) throw new UnreadableWorkbookError(`${label}：${problem}`, fileName);
  try {
    return readXlsxSnapshot(bytes, fileName);
  } catch (e) {
    throw unreadable(e, label, fileName, "文件已损坏或不是 .xlsx 工作簿，无法读取");
  }
}

/** .xls / .et (compound file, BIFF8): the reader is loaded only when such a file comes. */
async function readLegacy(bytes: Uint8Array, label: string, fileName?: string): Promise<WorkbookSnapshot> {
  const { readXlsSnapshot, LegacyFormatError } = await import("./biff-reader");
  try {
    return readXlsSnapshot(bytes, fileName);
  } catch (e) {
    if (e instanceof LegacyFormatError) throw new UnreadableWorkbookError(`${label}：${e.message}`, fileName);
    throw unreadable(e, label, fileName, "文件已损坏，无法作为 .xls / .et 工作簿读取，请在 Excel 或 WPS 中打开后“另存为 .xlsx”再检查");
  }
}

function unreadable(e: unknown, label: string, fileName: string | undefined, what: string): UnreadableWorkbookError {
  if (e instanceof PackageLimitError) {
    return new UnreadableWorkbookError(`${label}：文件解压后过大，可能已损坏或是恶意构造的压缩包，已停止读取。`, fileName);
  }
  if (e instanceof CellLimitError) {
    return new UnreadableWorkbookError(`${label}：单元格数量超出可检查的上限，已停止读取；请只保留需要检查的工作表后再试。`, fileName);
  }
  return new UnreadableWorkbookError(`${label}：${what}（${(e as Error).message ?? e}）。`, fileName);
}

const OLE = "ole";

/** Recognise files that are certainly not .xlsx before ExcelJS gives a cryptic error. */
function sniffNonXlsx(b: Uint8Array): string | null {
  if (b.length === 0) return "文件为空。";
  const head = Array.from(b.subarray(0, 8));
  const isZip = head[0] === 0x50 && head[1] === 0x4b;
  if (isZip) return null;
  const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  if (ole.every((x, i) => head[i] === x)) return OLE;
  if (head[0] === 0x25 && head[1] === 0x50 && head[2] === 0x44 && head[3] === 0x46) return "这是 PDF 文件，不是 .xlsx 工作簿。";
  return "不是 Excel / WPS 工作簿（.xlsx、.xls、.et），文件格式无法识别。";
}

/** Node only (CLI, tests, benches): read a workbook from disk. fs is imported lazily so the browser bundle never needs it. */
export async function readWorkbookFile(path: string): Promise<WorkbookSnapshot> {
  const { readFile } = await import(/* webpackIgnore: true */ "node:fs/promises");
  const name = path.split(/[\\/]/).pop() ?? path;
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    throw new UnreadableWorkbookError(`${name}：无法打开文件（${(e as { code?: string }).code ?? (e as Error).message}）。`, path);
  }
  return readWorkbookBuffer(bytes, name);
}
