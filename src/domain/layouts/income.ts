/** T2 收入决算表: rows by 功能分类 code, columns by income source. */
import { KIND_TITLES } from "../kinds";
import { codeRow, has, isTotalLabel, type LayoutSpec } from "./spec";

export const income: LayoutSpec = {
  kind: "income",
  title: KIND_TITLES["income"],
  matchesTitle: (t) => /收入决算(总)?表$/.test(t) && !/支出/.test(t),
  headerWords: ["本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入", "科目编码", "科目名称"],
  columnKey(path) {
    if (has(path, "行次")) return null;
    if (has(path, "财政拨款")) return "fiscal";
    if (has(path, "上级补助")) return "superior-subsidy";
    if (has(path, "事业收入")) return "business";
    if (has(path, "经营收入")) return "operating";
    if (has(path, "附属单位")) return "affiliated";
    if (has(path, "其他收入")) return "other";
    if (has(path, "合计", "收入合计", "小计")) return "total";
    return null;
  },
  rowKey: ({ label, code }) => (isTotalLabel(label) ? { key: "total", level: "total" } : codeRow(code)),
  accept: ({ columnKeys, rowKeys }) => columnKeys.has("total") && columnKeys.has("fiscal") && (rowKeys.has("total") || rowKeys.size > 0),
};

/** The keys this layout gives rows (besides `code:` rows) and columns; the rule catalogue is typed by them. */
export const INCOME_KEYS = {
  rows: ["total"],
  columns: ["total", "fiscal", "superior-subsidy", "business", "operating", "affiliated", "other"],
} as const;
