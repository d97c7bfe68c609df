/**
 * Input guard for workbook files: what the tool agrees to read, checked before and while reading so a
 * hostile or careless file (a device or pipe named .xlsx, a zip bomb, a 12-million-cell sheet, one merge
 * over a whole sheet, a stray cell at XFD1048576, a .docx renamed .xlsx) gets its own zh-CN message
 * instead of exhausting memory or time. The limits are stated in README (命令行 → 限制).
 *
 *   inspectWorkbookFile(path)   → { ok: true, bytes } | { ok: false, problem }   (Node only: regular files, size cap, then the bytes)
 *   inspectWorkbookBytes(bytes) → problem | null      (zip central directory, capped inflate, cells, merges; the
 *                                inflated sheets can be kept for the reader, so no sheet is inflated twice)
 *   trimSnapshot(snapshot)      → drops stray far cells (recorded, see strayCells), clips merges, enforces the area
 */
import type { RangeBox, SheetSnapshot, WorkbookSnapshot } from "../domain/grid";
import { a1ToBox, toA1 } from "../domain/grid";

export const INPUT_LIMITS = {
  /** file size on disk */
  fileBytes: 50 * 1024 * 1024,
  /** sum of the decompressed sizes of every zip entry */
  totalUncompressedBytes: 400 * 1024 * 1024,
  /** decompressed size of one entry (a sheet's XML) */
  entryUncompressedBytes: 300 * 1024 * 1024,
  /** decompressed : compressed ratio, for entries above 1 MB decompressed (real sheets stay far below) */
  compressionRatio: 200,
  /** zip entries */
  entries: 10_000,
  /** non-empty cells in one sheet, and in the whole workbook */
  cellsPerSheet: 1_000_000,
  cellsPerWorkbook: 2_000_000,
  /** cells covered by merges, per workbook (the reader materialises every merged cell) */
  mergedCells: 1_000_000,
  /** rows × columns of a sheet's used range after stray far cells are dropped */
  usedArea: 5_000_000,
  /** seconds one file may take in `juesuan check` (option --timeout) */
  secondsPerFile: 120,
} as const;

export type InputProblemCode =
  | "missing"
  | "no-access"
  | "directory"
  | "not-regular"
  | "empty"
  | "too-large"
  | "zip-bomb"
  | "too-many-cells"
  | "merge-too-large"
  | "area-too-large"
  | "not-workbook"
  | "word"
  | "pdf"
  | "old-format"
  | "encrypted"
  | "corrupt";

export interface InputProblem {
  code: InputProblemCode;
  /** zh-CN: what is wrong and what to do */
  message: string;
  /** English internals, shown only with --verbose */
  detail?: string;
}

/** Thrown by trimSnapshot and the reader when a file is over a limit; message is zh-CN. */
export class InputLimitError extends Error {
  constructor(readonly problem: InputProblem) {
    super(problem.message);
    this.name = "InputLimitError";
  }
}

const MB = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
const SAVE_AS = "请在 Excel 或 WPS 中打开并“另存为 .xlsx”后再检查。";

const problems = {
  missing: (): InputProblem => ({ code: "missing", message: "文件不存在，请检查文件名和路径。" }),
  noAccess: (): InputProblem => ({ code: "no-access", message: "没有读取该文件的权限，请检查文件权限或先复制到自己的文件夹。" }),
  directory: (): InputProblem => ({ code: "directory", message: "这是一个文件夹，不是工作簿文件。" }),
  notRegular: (): InputProblem => ({ code: "not-regular", message: "不是普通文件（设备、管道或套接字），不会读取。请给出 .xlsx 文件。" }),
  empty: (): InputProblem => ({ code: "empty", message: "文件为空（0 字节），可能没有保存完整，请重新导出。" }),
  tooLarge: (size: number): InputProblem => ({ code: "too-large", message: `文件过大（${MB(size)}，上限 ${MB(INPUT_LIMITS.fileBytes)}），未检查。决算公开表通常不到 5 MB，请确认是否为正确的文件。` }),
  bomb: (detail: string): InputProblem => ({ code: "zip-bomb", message: `文件解压后过大或压缩比异常（上限 ${MB(INPUT_LIMITS.totalUncompressedBytes)}），未检查。请确认文件来源，或在 Excel 中打开后另存为 .xlsx。`, detail }),
  corrupt: (detail?: string): InputProblem => ({ code: "corrupt", message: `文件已损坏（不是完整的 .xlsx 工作簿），无法读取。${SAVE_AS}`, detail }),
  encrypted: (): InputProblem => ({ code: "encrypted", message: "工作簿有打开密码（已加密），无法读取。请在 Excel 中取消密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码）后另存为 .xlsx。" }),
  pdf: (): InputProblem => ({ code: "pdf", message: "这是 PDF 文件，不是 .xlsx 工作簿。请使用原始的 Excel 表格文件。" }),
  word: (): InputProblem => ({ code: "word", message: "这是 Word 文档（.docx），不是 .xlsx 工作簿。说明文字请用 juesuan proofread 校对。" }),
  notWorkbook: (what: string): InputProblem => ({ code: "not-workbook", message: `${what}，不是 .xlsx 工作簿，未检查。` }),
};

/**
 * Node only: opens a path as a regular file (never a device, pipe or folder), reads it with a size cap, inspects it.
 * Plain synchronous fs calls: the file is read whole before anything else can be done with it, and node:fs/promises
 * (with the modules it loads) and the thread-pool round trips cost more than the read on a first check.
 */
export async function inspectWorkbookFile(path: string, options: { content?: boolean } = {}): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; problem: InputProblem }> {
  const fs = await import(/* webpackIgnore: true */ "node:fs");
  const fsProblem = (e: unknown): InputProblem => {
    const code = (e as { code?: string }).code;
    if (code === "ENOENT" || code === "ENOTDIR") return problems.missing();
    if (code === "EACCES" || code === "EPERM") return problems.noAccess();
    if (code === "EISDIR") return problems.directory();
    return { ...problems.corrupt(), message: `无法打开文件${code ? `（${code}）` : ""}，请检查文件是否可读。`, detail: (e as Error).message };
  };
  let info;
  try {
    info = fs.statSync(path);
  } catch (e) {
    return { ok: false, problem: fsProblem(e) };
  }
  if (info.isDirectory()) return { ok: false, problem: problems.directory() };
  if (!info.isFile()) return { ok: false, problem: problems.notRegular() };
  if (info.size > INPUT_LIMITS.fileBytes) return { ok: false, problem: problems.tooLarge(info.size) };
  let fd: number | undefined;
  let bytes: Uint8Array;
  try {
    // O_NONBLOCK: if the path was swapped for a pipe after stat, opening it still returns at once
    fd = fs.openSync(path, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    const opened = fs.fstatSync(fd);
    if (!opened.isFile()) return { ok: false, problem: problems.notRegular() };
    if (opened.size > INPUT_LIMITS.fileBytes) return { ok: false, problem: problems.tooLarge(opened.size) };
    // read at most the cap + 1 byte, whatever the file claims its size is
    const buffer = Buffer.alloc(Math.min(opened.size, INPUT_LIMITS.fileBytes) + 1);
    let length = 0;
    for (;;) {
      const bytesRead = fs.readSync(fd, buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length >= buffer.length) break;
    }
    if (length > INPUT_LIMITS.fileBytes) return { ok: false, problem: problems.tooLarge(length) };
    bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, length);
  } catch (e) {
    return { ok: false, problem: fsProblem(e) };
  } finally {
    if (fd !== undefined) {
      try {
        fs.closeSync(fd);
      } catch {
        /* already closed: nothing to release */
      }
    }
  }
  // content: false when the caller hands the bytes to readWorkbookBuffer, which inspects them itself
  const problem = options.content === false ? null : await inspectWorkbookBytes(bytes);
  return problem ? { ok: false, problem } : { ok: true, bytes };
}

export interface ZipEntry {
  name: string;
  /** the name exactly as stored (what the reader's unzip sees) */
  rawName: string;
  method: number;
  flags: number;
  compressed: number;
  uncompressed: number;
  localOffset: number;
}

/**
 * Everything about a workbook that can be decided from its bytes before a parser builds it in memory.
 * `keep`: receives each sheet part inflated here, by its stored name, for the reader (ooxml-reader.ts) to use
 * instead of inflating it again; only filled when the whole file passes.
 */
export async function inspectWorkbookBytes(bytes: Uint8Array, keep?: Map<string, Uint8Array>): Promise<InputProblem | null> {
  const inflated = new Map<string, Uint8Array>();
  const problem = await inspectBytes(bytes, keep ? inflated : undefined);
  if (!problem && keep) for (const [name, data] of inflated) keep.set(name, data);
  return problem;
}

async function inspectBytes(bytes: Uint8Array, inflated: Map<string, Uint8Array> | undefined): Promise<InputProblem | null> {
  if (bytes.length === 0) return problems.empty();
  if (bytes.length > INPUT_LIMITS.fileBytes) return problems.tooLarge(bytes.length);
  const head = Array.from(bytes.subarray(0, 8));
  const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  // a compound file is an .xls / .et (read by biff-reader.ts) or an encrypted .xlsx (refused here)
  if (ole.every((x, i) => head[i] === x)) return containsUtf16(bytes, "EncryptionInfo") ? problems.encrypted() : null;
  if (head[0] === 0x25 && head[1] === 0x50 && head[2] === 0x44 && head[3] === 0x46) return problems.pdf();
  if (!(head[0] === 0x50 && head[1] === 0x4b)) return problems.notWorkbook("文件格式无法识别");
  const entries = readCentralDirectory(bytes);
  if (typeof entries === "string") return problems.corrupt(entries);
  const names = new Set(entries.map((e) => e.name));
  if (names.has("word/document.xml")) return problems.word();
  if (names.has("ppt/presentation.xml")) return problems.notWorkbook("这是 PowerPoint 演示文稿");
  if (names.has("mimetype") && names.has("content.xml")) return problems.notWorkbook(`这是 OpenDocument（.ods/.odt）文件，${SAVE_AS.replace("请", "请")}`);
  if (!names.has("[Content_Types].xml") || !entries.some((e) => /^xl\/workbook\d*\.xml$/i.test(e.name))) {
    return problems.notWorkbook(names.has("[Content_Types].xml") ? "这是 Office 文档但不含工作簿" : "这是普通 zip 压缩包");
  }
  if (entries.length > INPUT_LIMITS.entries) return problems.bomb(`${entries.length} zip entries`);
  let total = 0;
  for (const e of entries) {
    if (e.flags & 1) return problems.encrypted();
    if (e.uncompressed === 0xffffffff || e.compressed === 0xffffffff) return problems.bomb(`zip64 entry ${e.name}`);
    total += e.uncompressed;
    if (e.uncompressed > INPUT_LIMITS.entryUncompressedBytes) return problems.bomb(`${e.name}: ${e.uncompressed} bytes declared`);
    if (e.uncompressed > 1024 * 1024 && e.uncompressed > INPUT_LIMITS.compressionRatio * Math.max(1, e.compressed)) return problems.bomb(`${e.name}: ratio ${Math.round(e.uncompressed / Math.max(1, e.compressed))}`);
  }
  if (total > INPUT_LIMITS.totalUncompressedBytes) return problems.bomb(`${total} bytes declared in total`);
  // Inflate each sheet with its declared size as the cap (a lying header cannot make it grow), count cells and merged cells.
  let cells = 0;
  let merged = 0;
  for (const e of entries) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/i.test(e.name)) continue;
    const data = localData(bytes, e);
    if (typeof data === "string") return problems.corrupt(data);
    let xml: Uint8Array | null | undefined;
    try {
      xml = e.method === 0 ? data : e.method === 8 ? await inflateCapped(data, e.uncompressed) : null;
    } catch (err) {
      const tooBig = (err as Error).message === "too large";
      return tooBig ? problems.bomb(`${e.name} inflates beyond its declared ${e.uncompressed} bytes`) : problems.corrupt(`${e.name}: ${(err as Error).message}`);
    }
    if (xml === undefined) continue; // no inflater on this host (old browser): the declared sizes were checked
    if (xml === null) return problems.corrupt(`${e.name}: compression method ${e.method}`);
    // kept for the reader under the name its unzip sees (ASCII names decode alike either way); the reader inflates
    // the first entry of a duplicated name, so that one is kept
    if (inflated && /^[\x20-\x7e]+$/.test(e.rawName) && !inflated.has(e.rawName)) inflated.set(e.rawName, xml);
    const scan = scanSheet(xml);
    const sheetCells = scan.cells;
    if (sheetCells > INPUT_LIMITS.cellsPerSheet) return tooManyCells(sheetCells, INPUT_LIMITS.cellsPerSheet, "一张工作表");
    cells += sheetCells;
    if (cells > INPUT_LIMITS.cellsPerWorkbook) return tooManyCells(cells, INPUT_LIMITS.cellsPerWorkbook, "整个工作簿");
    const mergeArea = mergedArea(xml, scan.mergeCells);
    merged += mergeArea.cells;
    if (merged > INPUT_LIMITS.mergedCells) {
      return {
        code: "merge-too-large",
        message: `合并单元格覆盖的范围过大（${mergeArea.largest ?? ""}，共约 ${merged.toLocaleString("en-US")} 个单元格，上限 ${INPUT_LIMITS.mergedCells.toLocaleString("en-US")}），未检查。请取消这些合并后另存。`,
      };
    }
  }
  return null;
}

function tooManyCells(count: number, limit: number, where: string): InputProblem {
  return {
    code: "too-many-cells",
    message: `${where}的非空单元格过多（${count.toLocaleString("en-US")} 个，上限 ${limit.toLocaleString("en-US")}），未检查。决算公开表通常不到 10 万个单元格，请确认是否为正确的文件，或删除多余的数据后另存。`,
  };
}

function u16(b: Uint8Array, o: number): number {
  return b[o] | (b[o + 1] << 8);
}
function u32(b: Uint8Array, o: number): number {
  return (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
}

export function readCentralDirectory(b: Uint8Array): ZipEntry[] | string {
  // End of central directory: last 22 bytes plus a comment of up to 65,535 bytes
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65535); i--) {
    if (u32(b, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return "no end of central directory";
  const count = u16(b, eocd + 10);
  const size = u32(b, eocd + 12);
  const offset = u32(b, eocd + 16);
  if (offset === 0xffffffff || count === 0xffff) return "zip64 archive";
  if (offset + size > b.length) return "central directory outside the file";
  const entries: ZipEntry[] = [];
  let p = offset;
  const decoder = new TextDecoder("utf-8");
  for (let i = 0; i < count; i++) {
    if (p + 46 > b.length || u32(b, p) !== 0x02014b50) return "bad central directory entry";
    const nameLength = u16(b, p + 28);
    const extraLength = u16(b, p + 30);
    const commentLength = u16(b, p + 32);
    const rawName = decoder.decode(b.subarray(p + 46, p + 46 + nameLength));
    entries.push({
      flags: u16(b, p + 8),
      method: u16(b, p + 10),
      compressed: u32(b, p + 20),
      uncompressed: u32(b, p + 24),
      localOffset: u32(b, p + 42),
      rawName,
      name: rawName.replace(/\\/g, "/").replace(/^\//, ""),
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

export function localData(b: Uint8Array, e: ZipEntry): Uint8Array | string {
  const p = e.localOffset;
  if (p + 30 > b.length || u32(b, p) !== 0x04034b50) return `bad local header for ${e.name}`;
  const start = p + 30 + u16(b, p + 26) + u16(b, p + 28);
  if (start + e.compressed > b.length) return `${e.name} runs past the end of the file`;
  return b.subarray(start, start + e.compressed);
}

/** Raw-deflate with a hard output cap: Node's zlib in the CLI, DecompressionStream in a browser; undefined when neither exists. */
async function inflateCapped(data: Uint8Array, cap: number): Promise<Uint8Array | undefined> {
  if (typeof process !== "undefined" && process.versions?.node) {
    const zlib = await import(/* webpackIgnore: true */ "node:zlib");
    try {
      // one output chunk of the declared size (+1 to see the end): zlib's default 16 KB chunks, concatenated at the
      // end, held the part twice and left the C heap fragmented (100,000 rows: about 25 MB more peak memory)
      return zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, cap), chunkSize: Math.max(zlib.constants.Z_MIN_CHUNK, cap + 1) });
    } catch (e) {
      if ((e as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw new Error("too large");
      throw e;
    }
  }
  if (typeof DecompressionStream === "undefined") return undefined;
  const stream = new Blob([data as unknown as ArrayBuffer]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.length;
    if (length > cap) {
      await reader.cancel();
      throw new Error("too large");
    }
    chunks.push(value);
  }
  const out = new Uint8Array(length);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

const MERGE_CELLS = new TextEncoder().encode("<mergeCells");

/**
 * One pass over a sheet's bytes: its `<c ` / `<c>` elements (its cells, empty styled ones included) and where
 * `<mergeCells` first starts (-1 when nowhere). A plain loop over the bytes: a native indexOf per `<` cost more
 * in calls than it saved (a 100,000-row sheet has 1.5 million tags), and a second search for the merges read
 * the whole sheet again.
 */
function scanSheet(xml: Uint8Array): { cells: number; mergeCells: number } {
  let cells = 0;
  let mergeCells = -1;
  const end = xml.length - 2;
  for (let i = 0; i < end; i++) {
    if (xml[i] !== 0x3c) continue;
    const next = xml[i + 1];
    if (next === 0x63) {
      const after = xml[i + 2];
      if (after === 0x20 || after === 0x3e) cells++;
    } else if (next === 0x6d && mergeCells < 0 && bytesAt(xml, i, MERGE_CELLS)) {
      mergeCells = i;
    }
  }
  return { cells, mergeCells };
}

function bytesAt(hay: Uint8Array, at: number, needle: Uint8Array): boolean {
  if (at + needle.length > hay.length) return false;
  for (let j = 0; j < needle.length; j++) if (hay[at + j] !== needle[j]) return false;
  return true;
}

/** Cells covered by the sheet's `<mergeCell ref="…"/>` elements (they come after the cell data); `start`: where `<mergeCells` starts. */
function mergedArea(xml: Uint8Array, start: number): { cells: number; largest?: string } {
  if (start < 0) return { cells: 0 };
  const text = new TextDecoder("utf-8").decode(xml.subarray(start));
  let cells = 0;
  let largest: string | undefined;
  let largestArea = 0;
  for (const m of text.matchAll(/<mergeCell\b[^>]*\bref="([^"]+)"/g)) {
    try {
      const box = a1ToBox(m[1]);
      const area = (box.bottom - box.top + 1) * (box.right - box.left + 1);
      cells += area;
      if (area > largestArea) {
        largestArea = area;
        largest = m[1];
      }
    } catch {
      /* a malformed reference is ignored by the reader too */
    }
  }
  return { cells, largest };
}

function findBytes(hay: Uint8Array, needle: Uint8Array): number {
  for (let i = hay.indexOf(needle[0]); i >= 0; i = hay.indexOf(needle[0], i + 1)) {
    let ok = true;
    for (let j = 1; j < needle.length && ok; j++) ok = hay[i + j] === needle[j];
    if (ok) return i;
  }
  return -1;
}

function containsUtf16(b: Uint8Array, text: string): boolean {
  const needle = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) needle[i * 2] = text.charCodeAt(i);
  return findBytes(b, needle) >= 0;
}

/** Cells dropped as stray from each sheet by trimSnapshot, for a warning finding. */
const strays = new WeakMap<WorkbookSnapshot, { sheet: string; cells: string[] }[]>();

export function strayCells(snapshot: WorkbookSnapshot): { sheet: string; cells: string[] }[] {
  return strays.get(snapshot) ?? [];
}

/** A group of at most this many cells, this far from the rest of the sheet, is a stray cell, not data. */
const STRAY = { maxCells: 10, rowGap: 1000, colGap: 200 };

/**
 * Drops stray far cells (a lone value at XFD1048576 left by a slip of the keyboard), clips merges that
 * reach as far as those, and refuses a sheet whose used range is still over the area limit. Mutates and returns
 * the snapshot; what was dropped is listed by strayCells(snapshot).
 */
export function trimSnapshot(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  const dropped: { sheet: string; cells: string[] }[] = [];
  for (const sheet of snapshot.sheets) {
    const cells = trimSheet(sheet);
    if (cells.length) dropped.push({ sheet: sheet.name, cells });
    if (sheet.rowCount * sheet.colCount > INPUT_LIMITS.usedArea) {
      throw new InputLimitError({
        code: "area-too-large",
        message: `工作表“${sheet.name}”的使用范围过大（${sheet.rowCount.toLocaleString("en-US")} 行 × ${sheet.colCount.toLocaleString("en-US")} 列，上限 ${INPUT_LIMITS.usedArea.toLocaleString("en-US")} 个单元格），未检查。请删除远处多余的内容后另存。`,
      });
    }
  }
  strays.set(snapshot, dropped);
  return snapshot;
}

function trimSheet(sheet: SheetSnapshot): string[] {
  // Counts of occupied cells per row and per column in typed arrays, without a list of every cell (a 100,000-row
  // sheet has 500,000) nor a Map entry per row. `cells` may be sparse: forEach visits only what exists.
  const rowCounts = new Uint32Array(sheet.cells.length);
  const colCounts: number[] = [];
  sheet.cells.forEach((row, r) => {
    let n = 0;
    row?.forEach((cell, c) => {
      if (!cell) return;
      n++;
      colCounts[c] = (colCounts[c] ?? 0) + 1;
    });
    rowCounts[r] = n;
  });
  const keepRows = mainSpan(rowCounts, STRAY.rowGap);
  const keepCols = mainSpan(colCounts, STRAY.colGap);
  const removed: string[] = [];
  sheet.cells.forEach((row, r) => {
    if (!row || (r <= keepRows && row.length - 1 <= keepCols)) return;
    row.forEach((cell, c) => {
      if (cell && (r > keepRows || c > keepCols)) {
        removed.push(toA1(r, c));
        delete row[c];
      }
    });
  });
  const rowCount = Math.min(sheet.rowCount, keepRows + 1);
  const colCount = Math.min(sheet.colCount, keepCols + 1);
  if (sheet.cells.length > rowCount) sheet.cells.length = rowCount;
  for (const row of sheet.cells) if (row && row.length > colCount) row.length = colCount;
  sheet.rowCount = rowCount;
  sheet.colCount = colCount;
  // A merge may reach a little past the last value (a title merged over A:J above data in A:I) and is kept as it
  // is, so a table's range does not change; only a merge reaching as far as a stray cell would is clipped.
  const lastRow = rowCount - 1 + STRAY.rowGap;
  const lastCol = colCount - 1 + STRAY.colGap;
  sheet.merges = sheet.merges.flatMap((m): RangeBox[] =>
    m.top >= rowCount || m.left >= colCount ? [] : [{ top: m.top, left: m.left, bottom: Math.min(m.bottom, lastRow), right: Math.min(m.right, lastCol) }],
  );
  sheet.hiddenRows = sheet.hiddenRows.filter((r) => r < rowCount);
  sheet.hiddenCols = sheet.hiddenCols.filter((c) => c < colCount);
  return removed;
}

/**
 * The last index of the main block: walking the occupied indices from the end, a tail of at most
 * maxCells cells separated from the rest by more than `gap` empty indices is stray. -1 when empty.
 * `counts`: occupied cells per index (0 or missing: none).
 */
function mainSpan(counts: ArrayLike<number | undefined>, gap: number): number {
  const below = (k: number) => {
    let i = k - 1;
    while (i >= 0 && !counts[i]) i--;
    return i;
  };
  let k = below(counts.length);
  if (k < 0) return -1;
  let end = k;
  // largest first, while the tail above the gap holds at most maxCells cells
  let cells = 0;
  for (let next = below(k); next >= 0; k = next, next = below(k)) {
    cells += counts[k] ?? 0;
    if (cells > STRAY.maxCells) break;
    if (k - next > gap) end = next;
  }
  return end;
}
