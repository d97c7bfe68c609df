/**
 * Parsing 年度指标值 / 实际完成值 such as "≥50场", "≤5%", "=100%", "不低于95%", "达到预期".
 * A percentage keeps the number as written (95 for "95%", unit "%"): target and actual are compared in the
 * same unit, and the score formulas only use their ratio.
 */
import { Decimal } from "./decimal";
import type { IndicatorValue } from "./model";
import { toHalfWidth } from "./text";

type Nature = IndicatorValue["nature"];

/** Comparators written before the number, longest first. */
const PREFIXES: ReadonlyArray<[RegExp, Exclude<Nature, "qualitative">]> = [
  [/^(?:>=|=>|≥|≧|大于或等于|大于等于|不低于|不少于|不小于|至少|达到|≮)/, ">="],
  [/^(?:<=|=<|≤|≦|小于或等于|小于等于|不高于|不超过|不多于|不大于|控制在|最多|≯)/, "<="],
  [/^(?:>|大于|高于|超过|多于)/, ">"],
  [/^(?:<|小于|低于|少于)/, "<"],
  [/^(?:=|等于|为)/, "="],
];

/** Qualifiers written after the number and unit ("50场以上", "5%以内"). */
const SUFFIXES: ReadonlyArray<[RegExp, Exclude<Nature, "qualitative">]> = [
  [/(?:及以上|或以上|以上)$/, ">="],
  [/(?:及以下|或以下|以下|以内|之内)$/, "<="],
];

const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?/;

/** Parse an indicator value; words (or numbers mixed with words, dates, ranges) are "qualitative". */
export function parseIndicatorValue(raw: string): IndicatorValue {
  const text = toHalfWidth(raw ?? "")
    .replace(/[\s\u00a0]+/g, "")
    .replace(/％/g, "%");
  if (text === "") return { raw, nature: "qualitative" };

  let rest = text;
  let nature: Exclude<Nature, "qualitative"> | undefined;
  for (const [re, n] of PREFIXES) {
    const m = re.exec(rest);
    if (m) {
      nature = n;
      rest = rest.slice(m[0].length);
      break;
    }
  }
  const m = NUMBER.exec(rest);
  if (!m) return { raw, nature: "qualitative" };
  const number = new Decimal(m[0].replace(/,/g, ""));
  let unit = rest.slice(m[0].length);
  for (const [re, n] of SUFFIXES) {
    if (re.test(unit)) {
      unit = unit.replace(re, "");
      nature = nature ?? n;
      break;
    }
  }
  // "2024年12月底前", "1-2次", "95%-100%": more numbers after the first one → not a single comparable value
  if (/\d/.test(unit) || /^[-~～至到]/.test(unit)) return { raw, nature: "qualitative" };
  // a unit is short; a long tail is a sentence that happens to start with a number
  if (unit.length > 6) return { raw, nature: "qualitative" };
  return { raw, nature: nature ?? "=", number, ...(unit ? { unit } : {}) };
}

/** Nature from a 指标性质 cell: "≥", "正向指标", "反向", "定性" … (undefined when it says nothing about direction). */
export function parseNatureCell(raw: string): Nature | undefined {
  const t = toHalfWidth(raw ?? "").replace(/\s+/g, "");
  if (t === "") return undefined;
  if (/定性/.test(t)) return "qualitative";
  if (/^(>=|≥|≧|=>)/.test(t) || /正向|不低于|大于等于/.test(t)) return ">=";
  if (/^(<=|≤|≦|=<)/.test(t) || /反向|不高于|小于等于/.test(t)) return "<=";
  if (/^>/.test(t) || /^大于/.test(t)) return ">";
  if (/^</.test(t) || /^小于/.test(t)) return "<";
  if (/^=/.test(t) || /等于|等值|持平/.test(t)) return "=";
  return undefined;
}

/** Units that mean the same thing for comparison. */
export function sameUnit(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return true;
  const n = (u: string) => u.replace(/^个/, "").replace(/以上|以内|以下/g, "");
  return a === b || n(a) === n(b);
}
