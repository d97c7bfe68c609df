/**
 * How the 说明 prints numbers and which words it uses for them. The generator and the proofreader
 * both take their vocabulary from here, so what one writes the other accepts.
 */
import { Decimal, HUNDRED, roundHalfUp, ZERO } from "./decimal";

/** Amounts in the 说明 carry 2 decimals in both 万元 and 元 tables. */
export const AMOUNT_DECIMALS = 2;

/** "1234567.8" → "1,234,567.8" (integer part only is grouped). */
export function groupThousands(plain: string): string {
  const negative = plain.startsWith("-");
  const body = negative ? plain.slice(1) : plain;
  const [intPart, fraction] = body.split(".");
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${negative ? "-" : ""}${grouped}${fraction !== undefined ? `.${fraction}` : ""}`;
}

/** An amount as printed: half-up to `decimals` (2), 千分位 separators. */
export function formatAmount(value: Decimal, decimals: number = AMOUNT_DECIMALS, thousands = true): string {
  const fixed = roundHalfUp(value, decimals).toFixed(decimals);
  const clean = fixed === `-${ZERO.toFixed(decimals)}` ? fixed.slice(1) : fixed;
  return thousands ? groupThousands(clean) : clean;
}

/** ratio (0.0379…) → rounded percentage number (3.80) at `decimals`, half-up. */
export function percentValue(ratio: Decimal, decimals: number): Decimal {
  return roundHalfUp(ratio.times(HUNDRED), decimals);
}

/** ratio → "3.80" (no sign). */
export function formatPercentNumber(ratio: Decimal, decimals: number): string {
  return percentValue(ratio, decimals).toFixed(decimals);
}

/** ratio → "3.80%". */
export function formatPercent(ratio: Decimal, decimals: number): string {
  return `${formatPercentNumber(ratio, decimals)}%`;
}

/** The percentage a careless writer gets by cutting digits instead of rounding (3.797 → 3.79). */
export function truncatedPercentValue(ratio: Decimal, decimals: number): Decimal {
  return ratio.times(HUNDRED).toDecimalPlaces(decimals, Decimal.ROUND_DOWN);
}

/** A score as printed: up to 2 decimals, no trailing zeros ("89.45", "24.6", "10"). */
export function formatScore(value: Decimal): string {
  return roundHalfUp(value, 2).toString();
}

export type Direction = "increase" | "decrease" | "flat";

/** Direction of `current` against `base`, decided on the values as displayed (2 dp unless told). */
export function directionOf(current: Decimal, base: Decimal, decimals: number = AMOUNT_DECIMALS): Direction {
  const c = roundHalfUp(current, decimals);
  const b = roundHalfUp(base, decimals);
  const cmp = c.comparedTo(b);
  return cmp > 0 ? "increase" : cmp < 0 ? "decrease" : "flat";
}

/** Direction words (Shanghai and Beijing use the same). */
export const WORDS = {
  /** amount verb: 增加 / 减少 X万元 */
  amount: { increase: "增加", decrease: "减少" },
  /** rate verb: 增长 / 下降 Y% */
  rate: { increase: "增长", decrease: "下降" },
  /** budget vs final: 决算数大于 / 小于预算数 */
  compare: { increase: "大于", decrease: "小于" },
  flat: "持平",
  basicallyFlat: "基本持平",
  /** base 0, value > 0: no rate can be given */
  zeroBase: "上年为0，本年新增",
} as const;

/** Every amount verb the proofreader accepts, with the direction it states. */
export const AMOUNT_VERBS: Readonly<Record<string, Exclude<Direction, "flat">>> = {
  增加: "increase",
  增长: "increase",
  上升: "increase",
  提高: "increase",
  减少: "decrease",
  下降: "decrease",
  降低: "decrease",
};

/** Rate verbs accepted, and the standard one to suggest for each. */
export const RATE_VERBS: Readonly<Record<string, { direction: Exclude<Direction, "flat">; standard: string }>> = {
  增长: { direction: "increase", standard: "增长" },
  增加: { direction: "increase", standard: "增长" },
  上升: { direction: "increase", standard: "增长" },
  提高: { direction: "increase", standard: "增长" },
  下降: { direction: "decrease", standard: "下降" },
  减少: { direction: "decrease", standard: "下降" },
  降低: { direction: "decrease", standard: "下降" },
};

/** Visible slots the generator leaves for the user; never a made-up figure or reason. */
export const PLACEHOLDERS = {
  previous: "【待填：上年数】",
  change: "【待填：增减额】",
  rate: "【待填：增减率】",
  amountDirection: "【待填：增加/减少】",
  rateDirection: "【待填：增长/下降】",
  initialBudget: "【待填：年初预算数】",
  completion: "【待填：完成率】",
  compare: "【待填：大于/小于】",
  reason: "【请填写主要原因】",
  purpose: "【待填：主要用途】",
  year: "【待填：年度】",
  unitName: "【待填：单位名称】",
  vehicleCount: "【待填：保有量】",
  groups: "【待填：团组数】",
  persons: "【待填：人次】",
  batches: "【待填：批次】",
} as const;

/** A placeholder the user has not filled yet: 【待填：…】, 【请填写…】. */
export const PLACEHOLDER_PATTERN = /【(?:待填|请填写|待补充)[^】]*】/g;

/** Chinese ordinal numerals for headings: 1 → "一", 11 → "十一". */
export function chineseNumeral(n: number): string {
  const digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
  if (n <= 10) return n === 10 ? "十" : digits[n];
  if (n < 20) return `十${digits[n - 10]}`;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${digits[tens]}十${ones ? digits[ones] : ""}`;
}

/** Template residue the published text must not contain. */
export interface ResiduePattern {
  pattern: RegExp;
  /** what it is, for the message */
  label: string;
  severity: "error" | "warning";
  /** the alternatives the writer had to choose between, when it is a direction residue */
  choices?: readonly [string, string];
}

export const TEMPLATE_RESIDUE: readonly ResiduePattern[] = [
  { pattern: /增加[（(]减少[）)]|减少[（(]增加[）)]|增加\/减少|减少\/增加|增加或减少|增加减少|减少增加/g, label: "增加/减少未选定", severity: "error", choices: ["增加", "减少"] },
  { pattern: /增长[（(]下降[）)]|下降[（(]增长[）)]|增长\/下降|下降\/增长|增长或下降|增长下降|下降增长/g, label: "增长/下降未选定", severity: "error", choices: ["增长", "下降"] },
  { pattern: /上升[（(]下降[）)]|上升\/下降|上升下降/g, label: "上升/下降未选定", severity: "error", choices: ["增长", "下降"] },
  { pattern: /大于[（(]小于[）)]|小于[（(]大于[）)]|大于\/小于|大于或小于/g, label: "大于/小于未选定", severity: "error", choices: ["大于", "小于"] },
  { pattern: /(?<![A-Za-z])[XＸ]{2,}(?![A-Za-z])|(?<![A-Za-z])[xｘ]{2,}(?![A-Za-z])/g, label: "模板占位符 XX", severity: "error" },
  { pattern: /\*{3,}|＊{3,}/g, label: "模板占位符 ****", severity: "error" },
  { pattern: /……|\.{6,}/g, label: "省略号（可能是未填写的模板内容）", severity: "warning" },
  { pattern: /待补充|待完善|此处填写/g, label: "待补充内容", severity: "error" },
];

/**
 * 绩效 grades by 总分 (S10, docs/rules.md): 优 ≥ 90, 良 80–<90, 中 60–<80, 差 < 60.
 * Shanghai names them 优/良/合格/不合格; the words each band accepts when proofreading are listed too.
 */
export const GRADE_BANDS: readonly { min: number; beijing: string; shanghai: string; words: readonly string[] }[] = [
  { min: 90, beijing: "优", shanghai: "优", words: ["优", "优秀"] },
  { min: 80, beijing: "良", shanghai: "良", words: ["良", "良好"] },
  { min: 60, beijing: "中", shanghai: "合格", words: ["中", "中等", "合格", "一般"] },
  { min: 0, beijing: "差", shanghai: "不合格", words: ["差", "较差", "不合格"] },
];

export function gradeBandIndex(score: Decimal): number {
  const i = GRADE_BANDS.findIndex((b) => score.greaterThanOrEqualTo(b.min));
  return i < 0 ? GRADE_BANDS.length - 1 : i;
}

export function gradeWordBandIndex(word: string): number | undefined {
  const w = word.replace(/[“”"'‘’\s]/g, "");
  const i = GRADE_BANDS.findIndex((b) => b.words.includes(w));
  return i < 0 ? undefined : i;
}
