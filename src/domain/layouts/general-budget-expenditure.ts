/** T5 一般公共预算财政拨款支出决算表; 合计 row may be first (central) or last (Shanghai). */
import { KIND_TITLES } from "../kinds";
import { codeRow, columnByWords, isTotalLabel, keysOf, type LayoutSpec } from "./spec";

/** Header words → column key, first match wins. */
const COLUMNS = [
  [null, ["行次"]],
  ["initial-budget", ["年初预算"]],
  ["adjusted-budget", ["调整预算", "全年预算"]],
  ["basic", ["基本支出"]],
  ["project", ["项目支出"]],
  ["total", ["合计", "小计", "决算数", "本年支出"]],
] as const;

export const generalBudgetExpenditure: LayoutSpec = {
  kind: "general-budget-expenditure",
  title: KIND_TITLES["general-budget-expenditure"],
  matchesTitle: (t) => /一般公共预算财政拨款(收入)?支出决算(明细)?表$/.test(t),
  headerWords: ["合计", "小计", "基本支出", "项目支出", "本年支出", "科目编码", "科目名称", "年初预算数", "调整预算数", "决算数"],
  columnKey: (path) => columnByWords(COLUMNS, path),
  rowKey: ({ label, code }) => (isTotalLabel(label) ? { key: "total", level: "total" } : codeRow(code)),
  accept: ({ columnKeys }) => columnKeys.has("total") && (columnKeys.has("basic") || columnKeys.has("project")),
};

/** Yunnan 一般公共预算财政拨款项目支出决算表: same reading, its own kind (never mistaken for T5). */
export const projectExpenditure: LayoutSpec = {
  ...generalBudgetExpenditure,
  kind: "project-expenditure",
  title: KIND_TITLES["project-expenditure"],
  matchesTitle: (t) => /项目支出决算(明细)?表$/.test(t) && /一般公共预算/.test(t),
  accept: ({ columnKeys }) => columnKeys.has("total") || columnKeys.size > 0,
};

/** The keys this layout gives rows (besides `code:` rows) and columns; the rule catalogue is typed by them. */
export const GENERAL_BUDGET_EXPENDITURE_KEYS = {
  rows: ["total"],
  columns: keysOf(COLUMNS),
} as const;
