/**
 * .xlsx bytes → WorkbookSnapshot directly: fflate inflates only the parts needed (zip-parts.ts) and a
 * pull tokenizer walks them once (xml-scan.ts). No document model is built, so reading costs little
 * more than unzipping and tokenizing. The result equals what the ExcelJS path gives
 * (test/xlsx/differential.test.ts), except where ExcelJS is wrong: see README “读取”.
 */
import type { RawValue, SheetSnapshot, WorkbookSnapshot } from "../domain/grid";
import { a1ToBox } from "../domain/grid";
import { builtinNumberFormat } from "./builtin-formats";
import { CellBudget, makeCell, MAX_COLS, MAX_ROWS, SheetBuilder, type CellKind } from "./sheet-builder";
import { detach, Tok, XmlScanner, type XmlSource } from "./xml-scan";
import { ZipParts } from "./zip-parts";

interface Rel {
  target: string;
  type: string;
}

/** `inflated`: sheet parts the input guard has already inflated (inspectWorkbookBytes's `keep`), used once each. */
export function readXlsxSnapshot(bytes: Uint8Array, fileName?: string, inflated?: Map<string, Uint8Array>): WorkbookSnapshot {
  const zip = new ZipParts(bytes, inflated);
  const rootRels = parseRels(zip.textOf("_rels/.rels"), "");
  let workbookPath = "xl/workbook.xml";
  for (const rel of rootRels.values()) if (rel.type.endsWith("/officeDocument") && zip.has(rel.target)) workbookPath = rel.target;
  const workbookXml = zip.textOf(workbookPath);
  if (workbookXml === undefined) throw new Error("no workbook part");
  const dir = workbookPath.slice(0, workbookPath.lastIndexOf("/") + 1);
  const rels = parseRels(zip.textOf(`${dir}_rels/${workbookPath.slice(dir.length)}.rels`), dir);
  const book = parseWorkbook(workbookXml);
  const partOf = (suffix: string, fallback: string) => {
    for (const rel of rels.values()) if (rel.type.endsWith(suffix)) return rel.target;
    return fallback;
  };
  const sharedStrings = parseSharedStrings(zip.xmlPiecesOf(partOf("/sharedStrings", `${dir}sharedStrings.xml`)));
  const formats = parseStyles(zip.textOf(partOf("/styles", `${dir}styles.xml`)));
  const sheets: SheetSnapshot[] = [];
  const budget = new CellBudget();
  for (const s of book.sheets) {
    const rel = rels.get(s.rid);
    // chartsheets, dialog and macro sheets hold no cells the engine reads
    if (!rel || !rel.type.endsWith("/worksheet")) continue;
    const xml = zip.xmlPiecesOf(rel.target);
    if (xml === undefined) continue;
    const builder = new SheetBuilder(s.name, sheets.length, budget);
    builder.hidden = s.state === "hidden" || s.state === "veryHidden";
    parseWorksheet(xml, builder, { sharedStrings, formats, date1904: book.date1904 });
    sheets.push(builder.build());
  }
  return { fileName, sheets };
}

/** Relationship id → absolute part name. */
function parseRels(xml: string | undefined, baseDir: string): Map<string, Rel> {
  const out = new Map<string, Rel>();
  if (xml === undefined) return out;
  const x = new XmlScanner(xml);
  while (x.next() !== Tok.End) {
    if (x.tok !== Tok.Open || x.name !== "Relationship") continue;
    const id = x.attr("Id");
    const target = x.attr("Target");
    if (!id || target === undefined || x.attr("TargetMode") === "External") continue;
    out.set(id, { target: resolvePart(baseDir, target), type: x.attr("Type") ?? "" });
  }
  return out;
}

function resolvePart(baseDir: string, target: string): string {
  const path = target.startsWith("/") ? target.slice(1) : baseDir + target;
  const parts: string[] = [];
  for (const p of path.split("/")) {
    if (p === "..") parts.pop();
    else if (p !== "." && p !== "") parts.push(p);
  }
  return parts.join("/");
}

function parseWorkbook(xml: string): { date1904: boolean; sheets: { name: string; rid: string; state?: string }[] } {
  const x = new XmlScanner(xml);
  let date1904 = false;
  const sheets: { name: string; rid: string; state?: string }[] = [];
  while (x.next() !== Tok.End) {
    if (x.tok !== Tok.Open) continue;
    if (x.name === "workbookPr") {
      const d = x.attr("date1904");
      date1904 = d === "1" || d === "true";
    } else if (x.name === "sheet") {
      sheets.push({ name: x.attr("name") ?? "", rid: x.attr("id") ?? "", state: x.attr("state") });
    }
  }
  return { date1904, sheets };
}

/** `_xHHHH_` escapes of ST_Xstring (Excel writes control characters so). */
function unescapeXString(s: string): string {
  return s.indexOf("_x") >= 0 ? s.replace(/_x([0-9A-F]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))) : s;
}

/**
 * Text of a string item (`<si>` or `<is>`, whose Open tag is current): the plain `<t>` or the runs
 * `<r><t>` joined, phonetic guides (`<rPh>`) left out.
 */
function readStringItem(x: XmlScanner): string {
  if (x.selfClosing) return "";
  let out = "";
  let depth = 1;
  let inPhonetic = 0;
  while (depth > 0) {
    const t = x.next();
    if (t === Tok.End) break;
    if (t === Tok.Open) {
      if (x.selfClosing) continue;
      if (x.name === "rPh") inPhonetic++;
      else if (x.name === "t" && !inPhonetic) {
        out += unescapeXString(x.readText());
        continue;
      }
      depth++;
    } else if (t === Tok.Close) {
      if (x.name === "rPh") inPhonetic--;
      depth--;
    }
  }
  return detach(out);
}

/**
 * A string item as Excel and most writers store it: one plain `<t>` with no entity, no CR and no rich text.
 * Matched whole, it reads as readStringItem reads it; any other form is left to the tokenizer.
 */
const PLAIN_STRING_ITEM = /<si><t(?: xml:space="preserve")?>([^<&\r]*)<\/t><\/si>/y;

function parseSharedStrings(xml: XmlSource | undefined): string[] {
  const out: string[] = [];
  if (xml === undefined) return out;
  const x = new XmlScanner(xml);
  for (;;) {
    // a match must end inside the text held; an item cut at the end of a piece goes through the tokenizer
    const held = x.held;
    const at = x.position;
    if (held.charCodeAt(at) === 60 /* < */ && held.charCodeAt(at + 1) === 115 /* s */) {
      PLAIN_STRING_ITEM.lastIndex = at;
      const m = PLAIN_STRING_ITEM.exec(held);
      if (m) {
        out.push(detach(unescapeXString(m[1])));
        x.seek(PLAIN_STRING_ITEM.lastIndex);
        continue;
      }
    }
    if (x.next() === Tok.End) break;
    if (x.tok === Tok.Open && x.name === "si") out.push(readStringItem(x));
  }
  return out;
}

/** Style index → number format code (undefined = General), as ExcelJS resolves it. */
function parseStyles(xml: string | undefined): (string | undefined)[] {
  const out: (string | undefined)[] = [];
  if (xml === undefined) return out;
  const custom = new Map<number, string>();
  const ids: number[] = [];
  const x = new XmlScanner(xml);
  let inCellXfs = false;
  let depth = 0;
  while (x.next() !== Tok.End) {
    if (x.tok === Tok.Open) {
      if (x.name === "numFmt") {
        const id = parseInt(x.attr("numFmtId") ?? "", 10);
        const code = x.attr("formatCode");
        // ExcelJS drops the backslash escapes of format codes; formatNumber reads either form alike.
        if (Number.isFinite(id) && code !== undefined) custom.set(id, code.replace(/[\\](.)/g, "$1"));
      } else if (x.name === "cellXfs" && !x.selfClosing) {
        inCellXfs = true;
        depth = 0;
        continue;
      }
      if (inCellXfs) {
        if (depth === 0 && x.name === "xf") ids.push(parseInt(x.attr("numFmtId") ?? "", 10));
        if (!x.selfClosing) depth++;
      }
    } else if (x.tok === Tok.Close && inCellXfs) {
      if (depth === 0) inCellXfs = false;
      else depth--;
    }
  }
  for (const id of ids) out.push(id ? (custom.get(id) ?? builtinNumberFormat(id)) : undefined);
  return out;
}

interface SheetContext {
  sharedStrings: string[];
  formats: (string | undefined)[];
  date1904: boolean;
}

/** "B7" → 0-based row and column into `pos`; false when it is no cell address. */
function parseRef(ref: string, pos: { r: number; c: number }): boolean {
  let i = 0;
  let col = 0;
  const n = ref.length;
  let ch = ref.charCodeAt(0);
  if (ch === 36) ch = ref.charCodeAt(++i);
  while (i < n) {
    ch = ref.charCodeAt(i);
    if (ch >= 65 && ch <= 90) col = col * 26 + (ch - 64);
    else if (ch >= 97 && ch <= 122) col = col * 26 + (ch - 96);
    else break;
    i++;
  }
  if (ch === 36) i++;
  let row = 0;
  const digitsStart = i;
  while (i < n) {
    ch = ref.charCodeAt(i);
    if (ch < 48 || ch > 57) return false;
    row = row * 10 + (ch - 48);
    i++;
  }
  if (col === 0 || i === digitsStart || row === 0) return false;
  pos.r = row - 1;
  pos.c = col - 1;
  return true;
}

/** Second entity decoding ExcelJS applies to `t="str"` values (kept so both readers agree). */
function xmlDecodeAgain(s: string): string {
  return s.indexOf("&") < 0 ? s : s.replace(/&([a-z]*);/g, (c) => ({ "&lt;": "<", "&gt;": ">", "&amp;": "&", "&apos;": "'", "&quot;": '"' })[c] ?? c);
}

/**
 * A cell as Excel, WPS, LibreOffice and ExcelJS write most of them: `r` (upper-case A1, no $), then optional `s` and
 * `t`, and either no content or one `<v>` with no entity and no CR. Matched whole, it reads exactly as the tokenizer
 * path (readCell) reads it: formulas, inline strings and every other form are left to that path.
 */
const PLAIN_CELL = /<c r="([A-Z]{1,3})([1-9][0-9]{0,6})"(?: s="([0-9]{1,9})")?(?: t="([a-zA-Z]{1,9})")?(?:\/>|>(?:<v>([^<&\r]*)<\/v>)?<\/c>)/y;

/** A row's start tag with `r` first and only double-quoted attributes (no `>` inside them), as the tokenizer reads it. */
const PLAIN_ROW = /<row r="([1-9][0-9]{0,6})"((?:\s+[A-Za-z_][\w.:-]*="[^"<>&]*")*)\s*\/?>/y;
/** The first attribute whose local name is `hidden`, as XmlScanner.attr finds it. */
const ROW_HIDDEN = /\s(?:[A-Za-z_][\w.-]*:)?hidden="([^"]*)"/;

/** "AB" → 27 (0-based). */
function columnIndex(letters: string): number {
  let col = 0;
  for (let i = 0; i < letters.length; i++) col = col * 26 + (letters.charCodeAt(i) - 64);
  return col - 1;
}

function parseWorksheet(xml: XmlSource, b: SheetBuilder, ctx: SheetContext): void {
  const x = new XmlScanner(xml);
  const pos = { r: 0, c: 0 };
  const sharedMasters = new Map<string, { formula: string; r: number; c: number }>();
  let inSheetData = false;
  let row = -1;
  let col = -1;
  for (;;) {
    if (inSheetData) {
      // the common cell shapes matched whole (one native regex step instead of a dozen tokenizer steps per cell)
      // (every pattern ends with a required terminator, so an element cut at the end of a piece never matches)
      const held = x.held;
      const at = x.position;
      if (held.charCodeAt(at) === 60 /* < */ && held.charCodeAt(at + 1) === 99 /* c */ && held.charCodeAt(at + 2) === 32) {
        PLAIN_CELL.lastIndex = at;
        const m = PLAIN_CELL.exec(held);
        if (m) {
          row = parseInt(m[2], 10) - 1;
          col = columnIndex(m[1]);
          const s = m[3];
          storeCell(b, ctx, row, col, s === undefined ? 0 : parseInt(s, 10), m[4], m[5], undefined, undefined, false);
          x.seek(PLAIN_CELL.lastIndex);
          continue;
        }
      } else if (held.charCodeAt(at) === 60 /* < */ && held.charCodeAt(at + 1) === 114 /* r */ && held.startsWith("<row ", at)) {
        PLAIN_ROW.lastIndex = at;
        const m = PLAIN_ROW.exec(held);
        if (m) {
          row = parseInt(m[1], 10) - 1;
          col = -1;
          const hidden = m[2].indexOf("hidden") >= 0 ? ROW_HIDDEN.exec(m[2])?.[1] : undefined;
          if (hidden === "1" || hidden === "true") b.hideRow(row);
          x.seek(PLAIN_ROW.lastIndex);
          continue;
        }
      }
    }
    if (x.next() === Tok.End) break;
    if (x.tok === Tok.Close) {
      if (x.name === "sheetData") inSheetData = false;
      continue;
    }
    if (x.tok !== Tok.Open) continue;
    const name = x.name;
    if (inSheetData) {
      if (name === "c") {
        let ref: string | undefined;
        let s: string | undefined;
        let t: string | undefined;
        while (x.nextAttr()) {
          const a = x.attrName;
          if (a === "r") ref = x.attrValue;
          else if (a === "s") s = x.attrValue;
          else if (a === "t") t = x.attrValue;
        }
        if (ref !== undefined && parseRef(ref, pos)) {
          row = pos.r;
          col = pos.c;
        } else {
          col++;
        }
        readCell(x, b, ctx, row, col, s, t, sharedMasters);
        continue;
      }
      if (name === "row") {
        const r = parseInt(x.attr("r") ?? "", 10);
        row = Number.isFinite(r) && r >= 1 ? r - 1 : row + 1;
        col = -1;
        const hidden = x.attr("hidden");
        if (hidden === "1" || hidden === "true") b.hideRow(row);
      }
      continue;
    }
    switch (name) {
      case "sheetData":
        inSheetData = !x.selfClosing;
        break;
      case "col": {
        const hidden = x.attr("hidden");
        if (hidden === "1" || hidden === "true") b.hideCols(parseInt(x.attr("min") ?? "0", 10) || 0, parseInt(x.attr("max") ?? "0", 10) || 0);
        break;
      }
      case "mergeCell": {
        const ref = x.attr("ref");
        if (ref) {
          try {
            b.addMerge(a1ToBox(ref));
          } catch {
            /* a malformed merge reference is ignored: it only affects header spans */
          }
        }
        break;
      }
      case "sheetProtection":
        if (x.attr("sheet") === "1") b.protected = true;
        break;
      default:
        break;
    }
  }
}

function readCell(
  x: XmlScanner,
  b: SheetBuilder,
  ctx: SheetContext,
  row: number,
  col: number,
  s: string | undefined,
  t: string | undefined,
  sharedMasters: Map<string, { formula: string; r: number; c: number }>,
): void {
  const styleId = s === undefined ? 0 : parseInt(s, 10);
  let value: string | undefined;
  let inline: string | undefined;
  let formula: string | undefined;
  let isFormula = false;
  if (!x.selfClosing) {
    let depth = 1;
    while (depth > 0) {
      const tok = x.next();
      if (tok === Tok.End) break;
      if (tok === Tok.Close) {
        depth--;
        continue;
      }
      if (tok !== Tok.Open) continue;
      if (x.name === "v") {
        const v = x.readText();
        value = value === undefined ? v : value + v;
      } else if (x.name === "f") {
        const shareType = x.attr("t");
        const si = x.attr("si");
        const ref = x.attr("ref");
        const text = detach(x.readText());
        if (text) formula = text;
        if (shareType || text) isFormula = true;
        if (shareType === "shared" && si !== undefined) {
          if (ref !== undefined && text) sharedMasters.set(si, { formula: text, r: row, c: col });
          else if (!text) {
            const m = sharedMasters.get(si);
            formula = m ? shiftFormula(m.formula, row - m.r, col - m.c) : "";
          }
        }
      } else if (x.name === "is") {
        const text = readStringItem(x);
        if (text !== "") inline = text;
      } else if (!x.selfClosing) depth++;
    }
  }
  storeCell(b, ctx, row, col, styleId, t, value, inline, formula, isFormula);
}

/** One cell read from its element, by either path, into the sheet. */
function storeCell(
  b: SheetBuilder,
  ctx: SheetContext,
  row: number,
  col: number,
  styleId: number,
  t: string | undefined,
  value: string | undefined,
  inline: string | undefined,
  formula: string | undefined,
  isFormula: boolean,
): void {
  if (row < 0 || col < 0 || row >= MAX_ROWS || col >= MAX_COLS) return;
  const fmt = styleId ? ctx.formats[styleId] : undefined;
  if (isFormula) {
    if (!value) {
      b.set(row, col, makeCell("none", null, fmt, formula ?? "", ctx.date1904));
      return;
    }
    const [kind, v] = typedValue(t === "str" ? "str" : t === "b" || t === "e" ? t : "n", value, ctx);
    b.set(row, col, makeCell(kind === "skip" ? "none" : kind, v, fmt, formula ?? "", ctx.date1904, value));
    return;
  }
  if (t === "inlineStr") value = inline;
  if (value === undefined) {
    // ExcelJS keeps an unstyled empty cell as a placeholder, which makes its row count as used.
    if (!styleId) b.touch(row);
    return;
  }
  const [kind, v] = typedValue(t ?? "n", value, ctx);
  if (kind === "skip") return;
  b.set(row, col, makeCell(kind, v, fmt, undefined, ctx.date1904, value));
}

function typedValue(t: string, value: string, ctx: SheetContext): [CellKind | "skip", RawValue] {
  switch (t) {
    case "s": {
      const text = ctx.sharedStrings[parseInt(value, 10)];
      return text === undefined ? ["skip", null] : ["s", text];
    }
    case "str":
      return ["s", detach(xmlDecodeAgain(value))];
    case "inlineStr":
      return ["s", value];
    case "b":
      return ["b", parseInt(value, 10) !== 0];
    case "e":
      return ["e", detach(value)];
    default: {
      const n = parseFloat(value);
      // A value that is no number is kept as the text the file holds.
      return Number.isFinite(n) ? ["n", n] : ["s", detach(value)];
    }
  }
}

/**
 * A shared formula as it reads in a cell `dr` rows and `dc` columns from its master: relative A1
 * references shift, absolute parts ($) and text in quotes do not.
 */
export function shiftFormula(formula: string, dr: number, dc: number): string {
  if (dr === 0 && dc === 0) return formula;
  let out = "";
  const re = /(?<![A-Za-z0-9_.])(\$?)([A-Za-z]{1,3})(\$?)([0-9]+)(?![A-Za-z0-9_(])/g;
  // split on string literals so quoted text never shifts
  const pieces = formula.split(/("(?:[^"]|"")*")/);
  for (const piece of pieces) {
    if (piece.startsWith('"')) {
      out += piece;
      continue;
    }
    out += piece.replace(re, (m, d1: string, letters: string, d2: string, digits: string) => {
      let c = 0;
      for (const ch of letters.toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
      let r = Number(digits);
      if (!d1) c += dc;
      if (!d2) r += dr;
      if (c < 1 || r < 1 || c > MAX_COLS || r > MAX_ROWS) return "#REF!";
      let letters2 = "";
      for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) letters2 = String.fromCharCode(65 + ((n - 1) % 26)) + letters2;
      return `${d1}${letters2}${d2}${r}`;
    });
  }
  return out;
}
