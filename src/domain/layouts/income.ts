/** T2 收入决算表: rows by 功能分类 code, columns by income source. */
import { KIND_TITLES } from "../kinds";
import { codeRow, columnByWords, isTotalLabel, keysOf, type LayoutSpec } from "./spec";

/** Header words → column key, first match wins. */
const COLUMNS = [
  [null, ["行次"]],
  ["fiscal", ["财政拨款"]],
  ["superior-subsidy", ["上级补助"]],
  ["business", ["事业收入"]],
  ["operating", ["经营收入"]],
  ["affiliated", ["附属单位"]],
  ["other", ["其他收入"]],
  ["total", ["合计", "收入合计", "小计"]],
] as const;

export const income: LayoutSpec = {
  kind: "income",
  title: KIND_TITLES["income"],
  matchesTitle: (t) => /收入决算(总)?表$/.test(t) && !/支出/.test(t),
  headerWords: ["本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入", "科目编码", "科目名称"],
  columnKey: (path) => columnByWords(COLUMNS, path),
  rowKey: ({ label, code }) => (isTotalLabel(label) ? { key: "total", level: "total" } : codeRow(code)),
  accept: ({ columnKeys, rowKeys }) => columnKeys.has("total") && columnKeys.has("fiscal") && (rowKeys.has("total") || rowKeys.size > 0),
};

/** The keys this layout gives rows (besides `code:` rows) and columns; the rule catalogue is typed by them. */
export const INCOME_KEYS = {
  rows: ["total"],
  columns: keysOf(COLUMNS),
} as const;
