/** T3 支出决算表: rows by 功能分类 code, columns by expenditure type. */
import { KIND_TITLES } from "../kinds";
import { codeRow, columnByWords, isTotalLabel, keysOf, type LayoutSpec } from "./spec";

/** Header words → column key, first match wins. */
const COLUMNS = [
  [null, ["行次"]],
  ["basic", ["基本支出"]],
  ["project", ["项目支出"]],
  ["to-superior", ["上缴上级"]],
  ["operating", ["经营支出"]],
  ["to-affiliated", ["对附属单位"]],
  ["total", ["合计", "小计"]],
] as const;

export const expenditure: LayoutSpec = {
  kind: "expenditure",
  title: KIND_TITLES["expenditure"],
  matchesTitle: (t) => /支出决算(总)?表$/.test(t) && !/(财政拨款|一般公共|基金|国有|基本支出|三公|项目支出|收入|购买服务|采购)/.test(t),
  headerWords: ["本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出", "科目编码", "科目名称"],
  columnKey: (path) => columnByWords(COLUMNS, path),
  rowKey: ({ label, code }) => (isTotalLabel(label) ? { key: "total", level: "total" } : codeRow(code)),
  accept: ({ columnKeys }) => columnKeys.has("total") && columnKeys.has("basic"),
};

/** The keys this layout gives rows (besides `code:` rows) and columns; the rule catalogue is typed by them. */
export const EXPENDITURE_KEYS = {
  rows: ["total"],
  columns: keysOf(COLUMNS),
} as const;
