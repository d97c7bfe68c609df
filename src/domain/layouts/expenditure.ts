/** T3 支出决算表: rows by 功能分类 code, columns by expenditure type. */
import { KIND_TITLES } from "../kinds";
import { codeRow, has, isTotalLabel, type LayoutSpec } from "./spec";

export const expenditure: LayoutSpec = {
  kind: "expenditure",
  title: KIND_TITLES["expenditure"],
  matchesTitle: (t) => /支出决算(总)?表$/.test(t) && !/(财政拨款|一般公共|基金|国有|基本支出|三公|项目支出|收入|购买服务|采购)/.test(t),
  headerWords: ["本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出", "科目编码", "科目名称"],
  columnKey(path) {
    if (has(path, "行次")) return null;
    if (has(path, "基本支出")) return "basic";
    if (has(path, "项目支出")) return "project";
    if (has(path, "上缴上级")) return "to-superior";
    if (has(path, "经营支出")) return "operating";
    if (has(path, "对附属单位")) return "to-affiliated";
    if (has(path, "合计", "小计")) return "total";
    return null;
  },
  rowKey: ({ label, code }) => (isTotalLabel(label) ? { key: "total", level: "total" } : codeRow(code)),
  accept: ({ columnKeys }) => columnKeys.has("total") && columnKeys.has("basic"),
};

/** The keys this layout gives rows (besides `code:` rows) and columns; the rule catalogue is typed by them. */
export const EXPENDITURE_KEYS = {
  rows: ["total"],
  columns: ["total", "basic", "project", "to-superior", "operating", "to-affiliated"],
} as const;
