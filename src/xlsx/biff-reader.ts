/**
 * .xls (Excel 97–2003, BIFF8) and WPS .et bytes → WorkbookSnapshot. The compound file is opened with
 * `cfb` (SheetJS's container reader); the Workbook stream is walked record by record, reading only
 * what the engine needs: sheet names and visibility, shared strings, cell values (LABELSST, LABEL,
 * NUMBER, RK, MULRK, BOOLERR, FORMULA cached results with their STRING), number formats
 * (FORMAT/XF), merges, hidden rows and columns, protection and the 1904 date system. Formulas are
 * not decompiled: a formula cell carries its cached result, as Excel shows it.
 */
import * as CFB from "cfb";
import type { RawValue, SheetSnapshot, WorkbookSnapshot } from "../domain/grid";
import { builtinNumberFormat } from "./builtin-formats";
import { CellBudget, makeCell, SheetBuilder, type CellKind } from "./sheet-builder";

/** The compound file holds no workbook this reader can read; `message` is zh-CN without the file name, `detail` the library's text. */
export class LegacyFormatError extends Error {
  constructor(
    message: string,
    readonly detail?: string,
  ) {
    super(message);
  }
}

const R = {
  BOF: 0x0809,
  EOF: 0x000a,
  BOUNDSHEET: 0x0085,
  DATE1904: 0x0022,
  FILEPASS: 0x002f,
  SST: 0x00fc,
  CONTINUE: 0x003c,
  FORMAT: 0x041e,
  XF: 0x00e0,
  LABELSST: 0x00fd,
  LABEL: 0x0204,
  RSTRING: 0x00d6,
  NUMBER: 0x0203,
  RK: 0x027e,
  MULRK: 0x00bd,
  BOOLERR: 0x0205,
  FORMULA: 0x0006,
  STRING: 0x0207,
  MERGEDCELLS: 0x00e5,
  ROW: 0x0208,
  COLINFO: 0x007d,
  PROTECT: 0x0012,
} as const;

const ERRORS: Record<number, string> = { 0x00: "#NULL!", 0x07: "#DIV/0!", 0x0f: "#VALUE!", 0x17: "#REF!", 0x1d: "#NAME?", 0x24: "#NUM!", 0x2a: "#N/A" };

export function readXlsSnapshot(bytes: Uint8Array, fileName?: string): WorkbookSnapshot {
  let container: CFB.CFB$Container;
  try {
    container = CFB.read(bytes, { type: "buffer" });
  } catch (e) {
    throw new LegacyFormatError("这个旧格式 .xls / .et 工作簿已损坏，无法读取；如能在 Excel 或 WPS 中打开，请“另存为 .xlsx”后再检查。", (e as Error).message);
  }
  const names = new Set(container.FileIndex.map((f) => f.name));
  if (names.has("EncryptedPackage") || names.has("EncryptionInfo")) {
    throw new LegacyFormatError("工作簿设有打开密码，请在 Excel 或 WPS 中取消密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码）并另存为 .xlsx 后再检查。");
  }
  const stream = CFB.find(container, "Workbook") ?? CFB.find(container, "WORKBOOK");
  if (!stream) {
    if (CFB.find(container, "Book")) throw new LegacyFormatError("这是 Excel 5.0/95 格式的旧工作簿，请在 Excel 或 WPS 中“另存为 .xlsx”后再检查。");
    throw new LegacyFormatError("文件中没有工作簿数据（可能是 Word 等其他 Office 文档），请确认文件，或在 Excel 或 WPS 中“另存为 .xlsx”后再检查。");
  }
  const data = stream.content instanceof Uint8Array ? stream.content : Uint8Array.from(stream.content);
  return parseWorkbookStream(data, fileName);
}

interface Record_ {
  id: number;
  start: number;
  len: number;
}

function* records(b: Uint8Array): Generator<Record_> {
  let p = 0;
  while (p + 4 <= b.length) {
    const id = b[p] | (b[p + 1] << 8);
    const len = b[p + 2] | (b[p + 3] << 8);
    const start = p + 4;
    if (start + len > b.length) return;
    yield { id, start, len };
    p = start + len;
  }
}

function u16(b: Uint8Array, p: number): number {
  return b[p] | (b[p + 1] << 8);
}
function u32(b: Uint8Array, p: number): number {
  return (b[p] | (b[p + 1] << 8) | (b[p + 2] << 16)) + b[p + 3] * 0x1000000;
}
function f64(b: Uint8Array, p: number): number {
  return new DataView(b.buffer, b.byteOffset + p, 8).getFloat64(0, true);
}

function rkNumber(rk: number): number {
  let n: number;
  if (rk & 2) {
    n = rk >> 2; // signed 30-bit integer
  } else {
    const buf = new DataView(new ArrayBuffer(8));
    buf.setUint32(4, (rk & 0xfffffffc) >>> 0, true);
    n = buf.getFloat64(0, true);
  }
  return rk & 1 ? n / 100 : n;
}

/** Characters of an (Xl)UnicodeString body: compressed (one byte each) or UTF-16LE. */
function chars(b: Uint8Array, p: number, count: number, high: boolean): string {
  if (high) return new TextDecoder("utf-16le").decode(b.subarray(p, p + count * 2));
  let s = "";
  for (let i = 0; i < count; i++) s += String.fromCharCode(b[p + i]);
  return s;
}

/** XLUnicodeString (2-byte length) at p. */
function xlString(b: Uint8Array, p: number): string {
  const cch = u16(b, p);
  return chars(b, p + 3, cch, (b[p + 2] & 1) === 1);
}

/**
 * Reads the shared string table, whose strings run on across CONTINUE records: a string's characters
 * may break at a record end, and the next record then starts with a fresh flags byte.
 */
function readSst(segments: Uint8Array[]): string[] {
  const out: string[] = [];
  let seg = 0;
  let p = 8; // cstTotal, cstUnique
  const cur = () => segments[seg];
  const ensure = () => {
    while (seg < segments.length && p >= cur().length) {
      seg++;
      p = 0;
    }
    return seg < segments.length;
  };
  const skip = (n: number) => {
    while (n > 0 && ensure()) {
      const take = Math.min(n, cur().length - p);
      p += take;
      n -= take;
    }
  };
  const byte = () => (ensure() ? cur()[p++] : 0);
  const word = () => byte() | (byte() << 8);
  const unique = segments[0] && segments[0].length >= 8 ? u32(segments[0], 4) : 0;
  while (out.length < unique && ensure()) {
    const cch = word();
    const flags = byte();
    let high = (flags & 1) === 1;
    const runs = flags & 8 ? word() : 0;
    const ext = flags & 4 ? word() + word() * 0x10000 : 0;
    let s = "";
    let left = cch;
    while (left > 0) {
      if (!ensure()) break;
      if (p >= cur().length) continue;
      const avail = high ? (cur().length - p) >> 1 : cur().length - p;
      const take = Math.min(left, avail);
      s += chars(cur(), p, take, high);
      p += high ? take * 2 : take;
      left -= take;
      if (left > 0) {
        seg++;
        p = 0;
        if (seg >= segments.length) break;
        high = (cur()[p++] & 1) === 1;
      }
    }
    skip(runs * 4 + ext);
    out.push(s);
  }
  return out;
}

interface Globals {
  date1904: boolean;
  sst: string[];
  formats: Map<number, string>;
  xfFormats: number[];
  sheets: { name: string; offset: number; state: number; type: number }[];
}

function parseWorkbookStream(b: Uint8Array, fileName?: string): WorkbookSnapshot {
  const g: Globals = { date1904: false, sst: [], formats: new Map(), xfFormats: [], sheets: [] };
  const it = records(b);
  let first = it.next();
  if (first.done || first.value.id !== R.BOF) throw new LegacyFormatError("文件已损坏，无法读取（工作簿数据流开头不是 BOF 记录）。");
  const version = u16(b, first.value.start);
  if (version !== 0x0600) throw new LegacyFormatError("这是 Excel 5.0/95 或更早格式的工作簿，请在 Excel 或 WPS 中“另存为 .xlsx”后再检查。");
  let sstSegments: Uint8Array[] | null = null;
  for (first = it.next(); !first.done; first = it.next()) {
    const r = first.value;
    const d = b.subarray(r.start, r.start + r.len);
    if (r.id !== R.CONTINUE && sstSegments) {
      g.sst = readSst(sstSegments);
      sstSegments = null;
    }
    switch (r.id) {
      case R.EOF:
        break;
      case R.FILEPASS:
        throw new LegacyFormatError("工作簿设有打开密码，请在 Excel 或 WPS 中取消密码并另存为 .xlsx 后再检查。");
      case R.DATE1904:
        g.date1904 = u16(d, 0) === 1;
        continue;
      case R.BOUNDSHEET: {
        const cch = d[6];
        g.sheets.push({ offset: u32(d, 0), state: d[4] & 3, type: d[5], name: chars(d, 8, cch, (d[7] & 1) === 1) });
        continue;
      }
      case R.FORMAT:
        g.formats.set(u16(d, 0), xlString(d, 2));
        continue;
      case R.XF:
        g.xfFormats.push(u16(d, 2));
        continue;
      case R.SST:
        sstSegments = [d];
        continue;
      case R.CONTINUE:
        sstSegments?.push(d);
        continue;
      default:
        continue;
    }
    break; // EOF of the globals substream
  }
  if (sstSegments) g.sst = readSst(sstSegments);
  const formatOf = (ixfe: number): string | undefined => {
    const ifmt = g.xfFormats[ixfe];
    if (!ifmt) return undefined;
    const code = g.formats.get(ifmt) ?? builtinNumberFormat(ifmt);
    return code === "General" ? undefined : code;
  };
  const sheets: SheetSnapshot[] = [];
  const budget = new CellBudget();
  for (const s of g.sheets) {
    if (s.type !== 0) continue; // chart, macro and VB module sheets hold no cells the engine reads
    if (s.offset + 4 > b.length || u16(b, s.offset) !== R.BOF) continue;
    const builder = new SheetBuilder(s.name, sheets.length, budget);
    builder.hidden = s.state !== 0;
    parseSheet(b.subarray(s.offset), builder, g, formatOf);
    sheets.push(builder.build());
  }
  return { fileName, sheets };
}

function parseSheet(b: Uint8Array, sb: SheetBuilder, g: Globals, formatOf: (ixfe: number) => string | undefined): void {
  let depth = 0;
  let pendingString: { r: number; c: number; fmt: string | undefined } | null = null;
  const put = (r: number, c: number, kind: CellKind, v: RawValue, fmt: string | undefined) => sb.set(r, c, makeCell(kind, v, fmt, undefined, g.date1904));
  for (const rec of records(b)) {
    const d = b.subarray(rec.start, rec.start + rec.len);
    if (rec.id === R.BOF) {
      depth++;
      continue;
    }
    if (rec.id === R.EOF) {
      if (--depth <= 0) return;
      continue;
    }
    if (depth > 1) continue; // an embedded chart's substream
    if (pendingString && rec.id !== R.STRING) {
      put(pendingString.r, pendingString.c, "none", null, pendingString.fmt);
      pendingString = null;
    }
    switch (rec.id) {
      case R.LABELSST: {
        const text = g.sst[u32(d, 6)];
        if (text !== undefined) put(u16(d, 0), u16(d, 2), "s", text, formatOf(u16(d, 4)));
        break;
      }
      case R.LABEL:
      case R.RSTRING:
        put(u16(d, 0), u16(d, 2), "s", xlString(d, 6), formatOf(u16(d, 4)));
        break;
      case R.NUMBER:
        put(u16(d, 0), u16(d, 2), "n", f64(d, 6), formatOf(u16(d, 4)));
        break;
      case R.RK:
        put(u16(d, 0), u16(d, 2), "n", rkNumber(u32(d, 6)), formatOf(u16(d, 4)));
        break;
      case R.MULRK: {
        const row = u16(d, 0);
        const firstCol = u16(d, 2);
        const n = (d.length - 6) / 6;
        for (let i = 0; i < n; i++) put(row, firstCol + i, "n", rkNumber(u32(d, 4 + i * 6 + 2)), formatOf(u16(d, 4 + i * 6)));
        break;
      }
      case R.BOOLERR: {
        const isError = d[7] === 1;
        if (isError) put(u16(d, 0), u16(d, 2), "e", ERRORS[d[6]] ?? "#N/A", formatOf(u16(d, 4)));
        else put(u16(d, 0), u16(d, 2), "b", d[6] !== 0, formatOf(u16(d, 4)));
        break;
      }
      case R.FORMULA: {
        const r = u16(d, 0);
        const c = u16(d, 2);
        const fmt = formatOf(u16(d, 4));
        if (d[12] === 0xff && d[13] === 0xff) {
          const type = d[6];
          if (type === 0) pendingString = { r, c, fmt };
          else if (type === 1) put(r, c, "b", d[8] !== 0, fmt);
          else if (type === 2) put(r, c, "e", ERRORS[d[8]] ?? "#N/A", fmt);
          else if (type === 3) put(r, c, "s", "", fmt);
        } else {
          put(r, c, "n", f64(d, 6), fmt);
        }
        break;
      }
      case R.STRING:
        if (pendingString) {
          put(pendingString.r, pendingString.c, "s", xlString(d, 0), pendingString.fmt);
          pendingString = null;
        }
        break;
      case R.MERGEDCELLS: {
        const n = u16(d, 0);
        for (let i = 0; i < n && 2 + i * 8 + 8 <= d.length; i++) {
          const q = 2 + i * 8;
          sb.addMerge({ top: u16(d, q), bottom: u16(d, q + 2), left: u16(d, q + 4), right: u16(d, q + 6) });
        }
        break;
      }
      case R.ROW:
        if (u16(d, 12) & 0x20) sb.hideRow(u16(d, 0));
        break;
      case R.COLINFO:
        if (u16(d, 8) & 1) sb.hideCols(u16(d, 0) + 1, u16(d, 2) + 1);
        break;
      case R.PROTECT:
        if (u16(d, 0) === 1) sb.protected = true;
        break;
      default:
        break;
    }
  }
}
