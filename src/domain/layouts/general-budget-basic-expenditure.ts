/**
 * T6 一般公共预算财政拨款基本支出决算(明细)表: two or three column groups of
 * 经济分类 code | name | amount. Rows belong to 人员经费 (301, 303) or 公用经费 (302, 310, …) by code.
 * Beijing's 政府性基金预算财政拨款基本支出决算表 reuses the layout for fund money (own kind).
 */
import { KIND_TITLES } from "../kinds";
import { economicGroup } from "./classification";
import { codeRow, has, keysOf, rowByLabel, type LayoutSpec, type RowAssignment } from "./spec";

/** Row label → total row key, first match wins; the group its rows belong to. */
const TOTALS = [
  [/^人员经费(合计|小计)$/, "personnel-total"],
  [/^公用经费(合计|小计)$/, "public-total"],
  [/^(合计|总计)$/, "total"],
] as const;
const TOTAL_GROUP: Partial<Record<(typeof TOTALS)[number][1], string>> = { "personnel-total": "personnel", "public-total": "public" };

/** The one amount column of each column group, and the header words that name it. */
const AMOUNT = "amount";
const AMOUNT_WORDS = ["决算数", "金额", "合计", "人员经费", "公用经费"];

function rowKey({ label, code }: { label: string; code?: string }): RowAssignment | null {
  const total = rowByLabel(TOTALS, label);
  if (total) return TOTAL_GROUP[total] ? { key: total, level: "total", group: TOTAL_GROUP[total] } : { key: total, level: "total" };
  if (code) {
    const row = codeRow(code, economicGroup(code));
    if (row && row.level === "item") row.level = "section"; // economic codes stop at 款 (5 digits); 7 digits are rare
    return row;
  }
  return null;
}

export const generalBudgetBasicExpenditure: LayoutSpec = {
  kind: "general-budget-basic-expenditure",
  title: KIND_TITLES["general-budget-basic-expenditure"],
  matchesTitle: (t) => /一般公共预算财政拨款基本支出决算(明细)?表$/.test(t) || /^(财政拨款)?基本支出决算(明细)?表$/.test(t),
  headerWords: ["经济分类科目编码", "科目编码", "科目名称", "决算数", "金额", "人员经费", "公用经费"],
  columnKey: (path) => (has(path, "行次") ? null : has(path, ...AMOUNT_WORDS) || path === "" ? AMOUNT : null),
  rowKey,
  accept: ({ rowKeys, codeRows }) => rowKeys.has("personnel-total") || rowKeys.has("public-total") || codeRows >= 2,
};

export const governmentFundBasicExpenditure: LayoutSpec = {
  ...generalBudgetBasicExpenditure,
  kind: "government-fund-basic-expenditure",
  title: KIND_TITLES["government-fund-basic-expenditure"],
  matchesTitle: (t) => /政府性基金预算财政拨款基本支出决算(明细)?表$/.test(t),
  accept: () => true,
};

/** The keys this layout gives rows (besides `code:` rows) and columns; the rule catalogue is typed by them. */
export const GENERAL_BUDGET_BASIC_EXPENDITURE_KEYS = {
  rows: keysOf(TOTALS),
  columns: [AMOUNT],
} as const;
