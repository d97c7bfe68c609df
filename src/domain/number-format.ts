/**
 * Displayed text of a stored number under an Excel number format — the subset that 决算
 * workbooks use (General, 0, 0.00, #,##0.00, 0.00%, negative sections, literal text).
 * ExcelJS gives raw values only; the engine compares what the reader sees, so the CLI and the
 * demo need the same text Excel would show. Exact: rounding goes through Decimal, half-up.
 */
import { Decimal, roundHalfUp } from "./decimal";

/** "1234567" → "1,234,567" (digits only: the caller passes the absolute integer part). */
function groupThousands(intPart: string): string {
  const n = intPart.length;
  if (n <= 3) return intPart; // most amounts in 万元: nothing to group
  // three digits at a time from the first group (1 to 3 digits): no regular expression per cell
  let i = n % 3 || 3;
  let out = intPart.slice(0, i);
  for (; i < n; i += 3) out += "," + intPart.slice(i, i + 3);
  return out;
}

/** One section of a format code, parsed once (formatNumber runs for every number cell read). */
interface Section {
  /** text shown instead of digits (a literal-only section such as "-" or "\"—\""), else null */
  literal: string | null;
  percent: boolean;
  decimals: number;
  minDecimals: number;
  thousands: boolean;
  parenthesized: boolean;
  prefix: string;
}

interface ParsedFormat {
  general: boolean;
  sections: string[];
  parsed: (Section | undefined)[];
}

const parsedFormats = new Map<string, ParsedFormat>();

function parseFormat(format: string | undefined): ParsedFormat {
  const key = format ?? "General";
  let p = parsedFormats.get(key);
  if (p) return p;
  const code = key.trim();
  const general = code === "" || /^general$/i.test(code) || code === "@";
  p = { general, sections: general ? [] : code.split(";"), parsed: [] };
  // bounded: a hostile file could carry any number of distinct codes
  if (parsedFormats.size < 2048) parsedFormats.set(key, p);
  return p;
}

function parseSection(section: string): Section {
  const stripped = section.replace(/\[[^\]]*\]/g, "");
  if (!/[0#?]/.test(stripped)) {
    const literal = stripped.replace(/"([^"]*)"/g, "$1").replace(/\\(.)/g, "$1").replace(/_./g, "").trim();
    return { literal, percent: false, decimals: 0, minDecimals: 0, thousands: false, parenthesized: false, prefix: "" };
  }
  const unquoted = stripped.replace(/"[^"]*"/g, "");
  const percent = /%/.test(unquoted);
  const m = /\.([0#?]+)/.exec(unquoted);
  const decimals = m ? m[1].replace(/[#?]/g, "").length + (m[1].match(/[#?]/g)?.length ?? 0) : 0;
  const minDecimals = m ? m[1].replace(/[#?]/g, "").length : 0;
  const thousands = /[0#],[0#]/.test(stripped);
  const prefix = /^[^0#?]*/.exec(stripped.replace(/"([^"]*)"/g, "$1").replace(/\\(.)/g, "$1"))?.[0] ?? "";
  return {
    literal: null,
    percent,
    decimals,
    minDecimals,
    thousands,
    parenthesized: /^\(/.test(stripped.trim()),
    prefix: prefix.replace(/[_*].?/g, "").replace(/[()]/g, "").trim(),
  };
}

/**
 * Text Excel displays for `value` under `format` (falls back to General for unknown codes).
 * `source`: the decimal text `value` was parsed from (an .xlsx `<v>`), if any; only saves work, never changes the
 * result (used only when it is exactly how JavaScript writes the number, see shortestAbs).
 */
export function formatNumber(value: number, format: string | undefined, source?: string): string {
  if (!Number.isFinite(value)) return String(value);
  const fmt = parseFormat(format);
  if (fmt.general) return generalText(value);
  const sections = fmt.sections;
  let index = 0;
  let negativeHandledBySection = false;
  if (value < 0 && sections.length > 1 && sections[1].trim() !== "") {
    index = 1;
    negativeHandledBySection = true;
  } else if (value === 0 && sections.length > 2 && sections[2].trim() !== "") {
    index = 2;
  }
  const sec = (fmt.parsed[index] ??= parseSection(sections[index]));
  if (sec.literal !== null) return sec.literal;
  const { percent, decimals, minDecimals, thousands } = sec;
  let text: string;
  let negative: boolean;
  const exact = percent ? null : fixedWithoutRounding(value, decimals, source);
  if (exact !== null) {
    // the usual amount: no more decimals than shown, so no rounding and no Decimal needed
    text = exact;
    negative = value < 0;
  } else {
    let d = new Decimal(value.toString());
    if (percent) d = d.times(100);
    if (negativeHandledBySection) d = d.abs();
    const rounded = roundHalfUp(d, decimals);
    text = rounded.abs().toFixed(decimals);
    negative = rounded.isNegative() && !rounded.isZero();
  }
  let dot = text.indexOf(".");
  if (minDecimals < decimals && dot >= 0) {
    // optional digits (#): drop trailing zeros down to the minimum
    const [i, f] = text.split(".");
    let frac = f;
    while (frac.length > minDecimals && frac.endsWith("0")) frac = frac.slice(0, -1);
    text = frac ? `${i}.${frac}` : i;
    dot = text.indexOf(".");
  }
  const intPart = dot < 0 ? text : text.slice(0, dot);
  const intShown = thousands ? groupThousands(intPart) : intPart;
  let body = dot < 0 ? intShown : intShown + text.slice(dot);
  if (percent) body += "%";
  const wrapped = negativeHandledBySection && sec.parenthesized ? `(${body})` : body;
  const head = !negativeHandledBySection && negative ? `-${sec.prefix}` : sec.prefix;
  // the usual case (no sign, no prefix) returns the text as built, without a template joining empty strings
  return head === "" ? wrapped : head + wrapped;
}

/** |value| with exactly `decimals` decimals when its shortest form has no more than that, else null. */
function fixedWithoutRounding(value: number, decimals: number, source: string | undefined): string | null {
  const s = (source !== undefined && shortestAbs(source)) || Math.abs(value).toString();
  if (s.includes("e")) return null;
  const dot = s.indexOf(".");
  const have = dot < 0 ? 0 : s.length - dot - 1;
  if (have > decimals) return null;
  if (have === decimals) return s;
  const pad = decimals - have;
  return (dot < 0 ? `${s}.` : s) + (pad <= ZEROS.length ? ZEROS.slice(0, pad) : "0".repeat(pad));
}

const ZEROS = "0000000000";

/**
 * The absolute value of `source` when `source` is written exactly as Number.prototype.toString writes the number
 * it parses to, else "". Turning a double into its shortest text is the costliest step of showing an amount;
 * a file's `<v>` already holds it. Accepted: -?(0|[1-9]\d*)(\.\d*[1-9])? with at most 15 significant digits
 * (any such decimal is the unique shortest text of its double), an integer part of at most 15 digits and, for
 * 0.x, fewer than 6 leading zeros (toString writes below 1e-6 and from 1e21 with an exponent).
 */
export function shortestAbs(source: string): string {
  const n = source.length;
  let i = source.charCodeAt(0) === 45 /* - */ ? 1 : 0;
  const start = i;
  if (i >= n) return "";
  let c = source.charCodeAt(i);
  if (c === 48 /* 0 */) {
    i++;
  } else {
    while (i < n && (c = source.charCodeAt(i)) >= 48 && c <= 57) i++;
    if (i === start) return "";
  }
  const intDigits = i - start;
  if (intDigits > 15) return "";
  const zeroInt = intDigits === 1 && source.charCodeAt(start) === 48;
  if (i < n) {
    if (source.charCodeAt(i) !== 46 /* . */) return "";
    const fracStart = ++i;
    while (i < n && (c = source.charCodeAt(i)) >= 48 && c <= 57) i++;
    if (i < n || i === fracStart || source.charCodeAt(n - 1) === 48) return "";
    let leading = 0;
    if (zeroInt) while (source.charCodeAt(fracStart + leading) === 48) leading++;
    if (zeroInt && leading >= 6) return "";
    const significant = (zeroInt ? 0 : intDigits) + (n - fracStart) - leading;
    if (significant > 15) return "";
  }
  return start === 0 ? source : source.slice(1);
}

/** General format: up to 11 significant characters like Excel, no trailing zeros. */
function generalText(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e11) return value.toString();
  const abs = Math.abs(value);
  if (abs >= 1e11 || (abs !== 0 && abs < 1e-9)) return value.toExponential(5).replace(/\.?0+e/, "E").replace("e", "E");
  const intDigits = Math.max(1, Math.floor(Math.log10(abs)) + 1);
  const decimals = Math.max(0, 10 - intDigits);
  const d = roundHalfUp(new Decimal(value.toString()), decimals);
  return d.toFixed().replace(/(\.\d*?)0+$/, "$1").replace(/\.$/, "");
}
