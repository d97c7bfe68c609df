/**
 * Displayed text of a stored number under an Excel number format — the subset that 决算
 * workbooks use (General, 0, 0.00, #,##0.00, 0.00%, negative sections, literal text).
 * ExcelJS gives raw values only; the engine compares what the reader sees, so the CLI and the
 * demo need the same text Excel would show. Exact: rounding goes through Decimal, half-up.
 */
import { Decimal, roundHalfUp } from "./decimal";

function groupThousands(intPart: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** Text Excel displays for `value` under `format` (falls back to General for unknown codes). */
export function formatNumber(value: number, format: string | undefined): string {
  if (!Number.isFinite(value)) return String(value);
  const code = (format ?? "General").trim();
  if (code === "" || /^general$/i.test(code) || code === "@") return generalText(value);
  const sections = code.split(";");
  let section = sections[0];
  let negativeHandledBySection = false;
  if (value < 0 && sections.length > 1 && sections[1].trim() !== "") {
    section = sections[1];
    negativeHandledBySection = true;
  } else if (value === 0 && sections.length > 2 && sections[2].trim() !== "") {
    section = sections[2];
  }
  // Literal-only zero section such as "-" or "\"—\"".
  const stripped = section.replace(/\[[^\]]*\]/g, "");
  if (!/[0#?]/.test(stripped)) return stripped.replace(/"([^"]*)"/g, "$1").replace(/\\(.)/g, "$1").replace(/_./g, "").trim();
  const percent = /%/.test(stripped.replace(/"[^"]*"/g, ""));
  const m = /\.([0#?]+)/.exec(stripped.replace(/"[^"]*"/g, ""));
  const decimals = m ? m[1].replace(/[#?]/g, "").length + (m[1].match(/[#?]/g)?.length ?? 0) : 0;
  const minDecimals = m ? m[1].replace(/[#?]/g, "").length : 0;
  const thousands = /[0#],[0#]/.test(stripped);
  let d = new Decimal(value.toString());
  if (percent) d = d.times(100);
  if (negativeHandledBySection) d = d.abs();
  const rounded = roundHalfUp(d, decimals);
  let text = rounded.abs().toFixed(decimals);
  if (minDecimals < decimals && text.includes(".")) {
    // optional digits (#): drop trailing zeros down to the minimum
    const [i, f] = text.split(".");
    let frac = f;
    while (frac.length > minDecimals && frac.endsWith("0")) frac = frac.slice(0, -1);
    text = frac ? `${i}.${frac}` : i;
  }
  const [intPart, frac] = text.split(".");
  const intShown = thousands ? groupThousands(intPart) : intPart;
  let body = frac !== undefined ? `${intShown}.${frac}` : intShown;
  if (percent) body += "%";
  const prefix = /^[^0#?]*/.exec(stripped.replace(/"([^"]*)"/g, "$1").replace(/\\(.)/g, "$1"))?.[0] ?? "";
  const neg = !negativeHandledBySection && rounded.isNegative() && !rounded.isZero() ? "-" : "";
  const wrapped = negativeHandledBySection && /^\(/.test(stripped.trim()) ? `(${body})` : body;
  const cleanPrefix = prefix.replace(/[_*].?/g, "").replace(/[()]/g, "").trim();
  return `${neg}${cleanPrefix}${wrapped}`;
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
