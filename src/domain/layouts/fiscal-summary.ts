/**
 * T4 财政拨款收入支出决算总表. The income side repeats 一/二/三 fund labels: before the
 * 年初财政拨款结转和结余 row they are this year's income, after it the opening balances by fund.
 */
import { KIND_TITLES } from "../kinds";
import { functionClassCode } from "./classification";
import { codeRow, columnByWords, has, keysOf, rowByLabel, type LayoutSpec, type RowAssignment } from "./spec";

/** Row label → row key, first match wins: the totals, the balances, then the three funds. */
const TOTALS = [
  [/^本年收入合计$/, "total-this-year"],
  [/^本年支出合计$/, "total-this-year"],
  [/^(收入|支出)?总计$/, "grand-total"],
] as const;
const BALANCES = [
  [/^年初财政拨款结转和?结余$/, "opening-balance"],
  [/^年末财政拨款结转和?结余$/, "closing-balance"],
] as const;
const FUNDS = [
  [/^一般公共预算(财政拨款)?(收入)?$/, "general-budget"],
  [/^政府性基金预算(财政拨款)?(收入)?$/, "government-fund"],
  [/^国有资本经营预算(财政拨款)?(收入)?$/, "state-capital"],
] as const;
const FUND_KEYS = keysOf(FUNDS);

/** The income side has one amount column; the expenditure side's header words → column key, first match wins. */
const INCOME_AMOUNT = "amount";
const EXPENDITURE_COLUMNS = [
  [null, ["行次"]],
  ["general-budget", ["一般公共预算"]],
  ["government-fund", ["政府性基金"]],
  ["state-capital", ["国有资本"]],
  ["total", ["合计", "小计", "决算数", "金额"]],
] as const;

export const fiscalSummary: LayoutSpec = {
  kind: "fiscal-summary",
  title: KIND_TITLES["fiscal-summary"],
  matchesTitle: (t) => /财政拨款(收入支出|收支)决算(总)?表$/.test(t) && !/(一般公共预算|政府性基金|国有资本|三公)/.test(t),
  headerWords: ["收入", "支出", "项目", "决算数", "金额", "合计", "小计", "行次", "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"],
  segmentGroup: (path, index) => (has(path, "支出") && !has(path, "收入") ? "expenditure" : has(path, "收入") ? "income" : index === 0 ? "income" : "expenditure"),
  columnKey(path, group) {
    if (has(path, "行次")) return null;
    if (group === "income") return INCOME_AMOUNT;
    return columnByWords(EXPENDITURE_COLUMNS, path);
  },
  rowKey({ label, code, group, seen }): RowAssignment | null {
    const total = rowByLabel(TOTALS, label);
    if (total) return { key: total, level: "total", group };
    const balance = rowByLabel(BALANCES, label);
    if (balance) return { key: balance, group };
    const f = rowByLabel(FUNDS, label);
    if (f) {
      if (group === "income") return seen.has("opening-balance") ? { key: `opening-${f}`, group } : { key: f, group };
      if (seen.has("closing-balance")) return { key: `closing-${f}`, group };
    }
    if (group === "expenditure") {
      const c = code ?? functionClassCode(label);
      if (c) return { ...codeRow(c.slice(0, 3), group)!, level: "class" };
    }
    return null;
  },
  accept: ({ rowKeys, columnKeys }) => (rowKeys.has("income:total-this-year") || rowKeys.has("income:grand-total")) && columnKeys.has("expenditure:total"),
};

/** The keys this layout gives rows (besides `code:` rows) and columns; the rule catalogue is typed by them. */
export const FISCAL_SUMMARY_KEYS = {
  rows: [
    ...keysOf(TOTALS),
    ...keysOf(BALANCES),
    ...FUND_KEYS,
    ...FUND_KEYS.map((f) => `opening-${f}` as const),
    ...FUND_KEYS.map((f) => `closing-${f}` as const),
  ],
  columns: [INCOME_AMOUNT, ...keysOf(EXPENDITURE_COLUMNS)],
} as const;
