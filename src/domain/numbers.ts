/**
 * Reading numbers out of cells exactly. Handles numbers stored as text ("1,234.56", "１２３",
 * "(12.00)", "12.3%"), dash/blank zeros, and the decimals a cell displays (a Beijing 4-decimal
 * 万元 value under a 2-decimal format displays — and is checked — at 2 decimals).
 */
import { Decimal, roundHalfUp, ZERO } from "./decimal";
import type { CellSnapshot } from "./grid";
import { toHalfWidth } from "./text";

export type NumberRead =
  | { kind: "blank" } // empty, "—", "-", "——", "/"
  | { kind: "number"; value: Decimal; decimals: number; percent: boolean }
  | { kind: "not-a-number"; text: string };

const DASHES = /^[\s]*[-—–－―‐─_/\\]*[\s]*$/;

/** Decimals shown by a number format code ("#,##0.00" → 2, "0.0%" → 1, "General" → undefined). */
const decimalsCache = new Map<string, number | undefined>();

// the last format asked about: the cells of a column share one, so most lookups end here
let lastFormat: string | undefined;
let lastDecimals: number | undefined;

export function formatDecimals(format: string | undefined): number | undefined {
  if (format === undefined) return undefined;
  if (format === lastFormat) return lastDecimals;
  let d = decimalsCache.get(format);
  if (d === undefined && !decimalsCache.has(format)) decimalsCache.set(format, (d = computeFormatDecimals(format)));
  lastFormat = format;
  lastDecimals = d;
  return d;
}

function computeFormatDecimals(format: string | undefined): number | undefined {
  if (!format || /^general$/i.test(format) || format === "@") return undefined;
  const section = format.split(";")[0].replace(/"[^"]*"/g, "").replace(/\[[^\]]*\]/g, "");
  const m = /\.([0#?]+)/.exec(section);
  if (m) return m[1].length;
  if (/[0#]/.test(section)) return 0;
  return undefined;
}

const percentCache = new Map<string, boolean>();

let lastPercentFormat: string | undefined;
let lastPercent = false;

export function isPercentFormat(format: string | undefined): boolean {
  if (!format) return false;
  if (format === lastPercentFormat) return lastPercent;
  let hit = percentCache.get(format);
  if (hit === undefined) percentCache.set(format, (hit = computeIsPercent(format)));
  lastPercentFormat = format;
  lastPercent = hit;
  return hit;
}

function computeIsPercent(format: string): boolean {
  return !!format && /%/.test(format.replace(/"[^"]*"/g, ""));
}

/**
 * The same Decimal with its digit array copied to its exact length: decimal.js builds the digits by pushing,
 * which leaves room for 17 per number; a 100,000-row table keeps 300,000 of them (250 → 128 bytes each).
 * Decimals are never changed in place, so replacing the array with an equal copy changes nothing else.
 */
function compact(value: Decimal): Decimal {
  const digits = (value as unknown as { d: number[] | null }).d;
  if (digits) (value as unknown as { d: number[] }).d = digits.slice();
  return value;
}

const BASE = 1e7; // decimal.js keeps digits in words of 7
const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7];
const MAX_EXACT = 1e15; // every decimal of at most 15 significant digits is the shortest text of its double

/**
 * The Decimal of a double's shortest round-trip text — the value Excel stored — equal in every field to
 * `new Decimal(v.toString())`, without the text: the number is n / 10^k for the least k ≤ 7 with n an integer below
 * 10^15 (an amount has 2 decimals, a 万元 amount 4–6), and such a decimal is the shortest text of the double it rounds
 * to. Its digits are laid out in decimal.js's words (7 digits each, aligned on the decimal point: the last word covers
 * 10^-1…10^-7), exact length. Other doubles (longer, tiny or huge) take decimal.js's own reading of the text.
 */
export function decimalFromDouble(v: number): Decimal {
  // every zero cell shares one Decimal (decimal.js reads "0" for -0 too); Decimals are never changed in place
  if (v === 0) return ZERO;
  if (Number.isFinite(v)) {
    const a = Math.abs(v);
    for (let k = 0; k <= 7; k++) {
      const n = Math.round(a * POW10[k]);
      if (n >= MAX_EXACT) break;
      if (n / POW10[k] !== a) continue;
      // a × 10^7 = q × 10^7 + low, with q = ⌊n / 10^k⌋ (< 10^15: at most three words) and low the decimal word
      const p = POW10[k];
      const q = Math.floor(n / p);
      const low = (n - q * p) * POW10[7 - k];
      const w0 = q % BASE;
      const w12 = Math.floor(q / BASE);
      const w2 = Math.floor(w12 / BASE);
      const w1 = w12 % BASE;
      // leading and trailing zero words are dropped, as decimal.js does (n > 0, so some word is not zero)
      const first = w2 !== 0 ? 0 : w1 !== 0 ? 1 : w0 !== 0 ? 2 : 3;
      const last = low !== 0 ? 3 : w0 !== 0 ? 2 : w1 !== 0 ? 1 : 0;
      const head = first === 0 ? w2 : first === 1 ? w1 : first === 2 ? w0 : low;
      const headDigits = head >= 1e6 ? 7 : head >= 1e5 ? 6 : head >= 1e4 ? 5 : head >= 1e3 ? 4 : head >= 100 ? 3 : head >= 10 ? 2 : 1;
      // word i (0 = highest of the four) covers 10^(7·(2−i)) … 10^(7·(2−i)+6)
      const x = Object.create(Decimal.prototype) as { constructor: unknown; s: number; e: number; d: number[] };
      x.constructor = Decimal; // what decimal.js's constructor sets on every instance
      x.s = v < 0 ? -1 : 1;
      x.e = 7 * (2 - first) + headDigits - 1;
      x.d = wordsBetween(first, last, w2, w1, w0, low);
      return x as unknown as Decimal;
    }
  }
  return compact(new Decimal(v.toString()));
}

/** Words first…last of [w2, w1, w0, low] as a packed array of exact length (no intermediate array per number). */
function wordsBetween(first: number, last: number, w2: number, w1: number, w0: number, low: number): number[] {
  switch (first * 4 + last) {
    case 0:
      return [w2];
    case 1:
      return [w2, w1];
    case 2:
      return [w2, w1, w0];
    case 3:
      return [w2, w1, w0, low];
    case 5:
      return [w1];
    case 6:
      return [w1, w0];
    case 7:
      return [w1, w0, low];
    case 10:
      return [w0];
    case 11:
      return [w0, low];
    default:
      return [low];
  }
}

/** A text cleaned for reading as a number: blank, not a number, or the plain digits with sign, percent and decimals. */
type TextShape = { kind: "blank" } | { kind: "not-a-number" } | { kind: "number"; digits: string; negative: boolean; percent: boolean };

function textShape(raw: string): TextShape {
  const s = toHalfWidth(raw).replace(/[\s\u00a0]/g, "");
  if (s === "" || DASHES.test(s)) return { kind: "blank" };
  let t = s;
  let negative = false;
  if (/^\(.*\)$/.test(t)) {
    negative = true;
    t = t.slice(1, -1);
  }
  let percent = false;
  if (t.endsWith("%")) {
    percent = true;
    t = t.slice(0, -1);
  }
  t = t.replace(/^[¥￥]/, "");
  if (!/^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?$/.test(t) || !/\d/.test(t)) return { kind: "not-a-number" };
  return { kind: "number", digits: t.replace(/,/g, ""), negative, percent };
}

/** Parse a text as a number: thousands separators, full-width digits, (neg), trailing %. */
export function parseNumberText(raw: string): NumberRead {
  const shape = textShape(raw);
  if (shape.kind === "blank") return shape;
  if (shape.kind === "not-a-number") return { kind: "not-a-number", text: raw };
  const { digits: t, negative, percent } = shape;
  let value = new Decimal(t);
  if (negative) value = value.negated();
  const dot = t.indexOf(".");
  const decimals = dot >= 0 ? t.length - dot - 1 : 0;
  return { kind: "number", value: percent ? value.div(100) : value, decimals: percent ? decimals + 2 : decimals, percent };
}

/**
 * What readNumber would find in the cell — blank, a number or not a number — without building the number:
 * recognition asks this of every text in the rows it classifies.
 */
export function numberKind(cell: CellSnapshot | null | undefined): NumberRead["kind"] {
  if (!cell) return "blank";
  const v = cell.v;
  if (v === null || v === undefined || v === "") return cell.t ? textShape(cell.t).kind : "blank";
  if (cell.error) return "not-a-number";
  if (typeof v === "number") return Number.isFinite(v) ? "number" : "not-a-number";
  if (typeof v === "boolean") return "not-a-number";
  return textShape(v).kind;
}

/**
 * Read a cell as a number. A numeric cell's decimals come from its format (what is displayed);
 * under General they come from the displayed text. Percent values are returned as fractions (12.3% → 0.123).
 */
export function readNumber(cell: CellSnapshot | null | undefined): NumberRead {
  if (!cell) return { kind: "blank" };
  const v = cell.v;
  if (v === null || v === undefined || v === "") {
    return cell.t ? parseNumberText(cell.t) : { kind: "blank" };
  }
  if (cell.error) return { kind: "not-a-number", text: String(v) };
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return { kind: "not-a-number", text: String(v) };
    // The shortest decimal string that round-trips is the value Excel stored; Decimal keeps it exactly from here on.
    const value = decimalFromDouble(v);
    const percent = isPercentFormat(cell.f);
    let decimals = formatDecimals(cell.f);
    if (decimals === undefined) {
      const shown = parseNumberText(cell.t || v.toString());
      decimals = shown.kind === "number" ? shown.decimals - (shown.percent ? 2 : 0) : value.decimalPlaces();
    }
    return { kind: "number", value, decimals: percent ? decimals + 2 : decimals, percent };
  }
  if (typeof v === "boolean") return { kind: "not-a-number", text: String(v) };
  return parseNumberText(v);
}

/** The value a reader sees: rounded half-up to the displayed decimals. */
export function displayedValue(value: Decimal, decimals: number): Decimal {
  if (value.decimalPlaces() <= decimals) return value;
  return roundHalfUp(value, Math.max(0, decimals));
}

export { ZERO };
