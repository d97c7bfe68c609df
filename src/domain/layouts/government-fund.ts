/** T8 政府性基金 and T9 国有资本经营 预算财政拨款(收入)支出决算表: same reading. */
import { KIND_TITLES } from "../kinds";
import { codeRow, columnByWords, isTotalLabel, keysOf, type LayoutSpec } from "./spec";

/** Header words → column key, first match wins. */
const COLUMNS = [
  [null, ["行次"]],
  ["opening-balance", ["年初"]],
  ["closing-balance", ["年末"]],
  ["income", ["本年收入"]],
  ["basic", ["基本支出"]],
  ["project", ["项目支出"]],
  ["total", ["合计", "小计", "本年支出"]],
] as const;

const columnKey = (path: string) => columnByWords(COLUMNS, path);

const shared = {
  headerWords: ["年初结转和结余", "本年收入", "本年支出", "年末结转和结余", "合计", "小计", "基本支出", "项目支出", "科目编码", "科目名称"],
  columnKey,
  rowKey: ({ label, code }: { label: string; code?: string }) => (isTotalLabel(label) ? { key: "total", level: "total" as const } : codeRow(code)),
  accept: ({ columnKeys }: { columnKeys: ReadonlySet<string> }) => columnKeys.has("total") || columnKeys.has("income"),
};

export const governmentFund: LayoutSpec = {
  ...shared,
  kind: "government-fund",
  title: KIND_TITLES["government-fund"],
  matchesTitle: (t) => /政府性基金预算财政拨款(收入)?(支出)?决算表$/.test(t) && !/基本支出/.test(t),
};

export const stateCapital: LayoutSpec = {
  ...shared,
  kind: "state-capital",
  title: KIND_TITLES["state-capital"],
  matchesTitle: (t) => /国有资本经营预算财政拨款(收入)?(支出)?决算表$/.test(t),
};

/** The keys these layouts give rows (besides `code:` rows) and columns; the rule catalogue is typed by them. */
export const FUND_TABLE_KEYS = {
  rows: ["total"],
  columns: keysOf(COLUMNS),
} as const;
