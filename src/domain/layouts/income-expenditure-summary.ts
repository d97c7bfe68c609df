/** T1 收入支出决算总表: two-sided, 收入 left, 支出 right; Shanghai and central (行次/栏次) forms. */
import { KIND_TITLES } from "../kinds";
import { functionClassCode } from "./classification";
import { codeRow, has, keysOf, rowByLabel, type LayoutSpec, type RowAssignment } from "./spec";

/** Row label → row key, per side, first match wins. */
const INCOME_ROWS = [
  [/^一般公共预算财政拨款(收入)?$/, "general-budget"],
  [/^政府性基金预算财政拨款(收入)?$/, "government-fund"],
  [/^国有资本经营预算财政拨款(收入)?$/, "state-capital"],
  [/^财政拨款(收入)?$/, "fiscal"],
  [/^上级补助收入$/, "superior-subsidy"],
  [/^事业收入$/, "business"],
  [/^经营收入$/, "operating"],
  [/^附属单位上缴收入$/, "affiliated"],
  [/^其他收入$/, "other"],
  [/^本年收入合计$/, "total-this-year"],
  [/^使用非财政拨款结余/, "non-fiscal-balance-used"],
  [/^(用事业基金弥补收支差额|使用事业基金弥补收支差额)$/, "non-fiscal-balance-used"],
  [/^年初结转和结余$/, "opening-balance"],
  [/^(收入)?总计$/, "grand-total"],
] as const;
const EXPENDITURE_ROWS = [
  [/^本年支出合计$/, "total-this-year"],
  [/^结余分配$/, "balance-distribution"],
  [/^年末结转和结余$/, "closing-balance"],
  [/^(支出)?总计$/, "grand-total"],
] as const;

/** The one amount column of each side. */
const AMOUNT = "amount";

export const incomeExpenditureSummary: LayoutSpec = {
  kind: "income-expenditure-summary",
  title: KIND_TITLES["income-expenditure-summary"],
  matchesTitle: (t) => (/(收入支出决算总表|收支决算总表)$/.test(t) || /收入支出决算表$/.test(t)) && !/(财政拨款|一般公共预算|政府性基金|国有资本)/.test(t),
  headerWords: ["收入", "支出", "项目", "决算数", "金额", "行次", "项目(按功能分类)", "功能分类"],
  segmentGroup: (path, index) => (has(path, "支出") && !has(path, "收入") ? "expenditure" : has(path, "收入") ? "income" : index === 0 ? "income" : "expenditure"),
  columnKey: (path) => (has(path, "行次") ? null : AMOUNT),
  rowKey({ label, code, group }): RowAssignment | null {
    const key = group === "expenditure" ? rowByLabel(EXPENDITURE_ROWS, label) : rowByLabel(INCOME_ROWS, label);
    if (key) return { key, group, level: key.includes("total") ? "total" : undefined };
    if (group === "expenditure") {
      const c = code ?? functionClassCode(label);
      if (c) return { ...codeRow(c.slice(0, 3), group)!, level: "class" };
    }
    return null;
  },
  accept: ({ rowKeys }) => rowKeys.has("income:total-this-year") || rowKeys.has("income:grand-total"),
};

/** The keys this layout gives rows (besides `code:` class rows) and columns; the rule catalogue is typed by them. */
export const INCOME_EXPENDITURE_SUMMARY_KEYS = {
  rows: [...keysOf(INCOME_ROWS), ...keysOf(EXPENDITURE_ROWS)],
  columns: [AMOUNT],
} as const;
