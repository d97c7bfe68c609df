/** T8 政府性基金 and T9 国有资本经营 预算财政拨款(收入)支出决算表: same reading. */
import { KIND_TITLES } from "../kinds";
import { codeRow, has, isTotalLabel, type LayoutSpec } from "./spec";

function columnKey(path: string): string | null {
  if (has(path, "行次")) return null;
  if (has(path, "年初")) return "opening-balance";
  if (has(path, "年末")) return "closing-balance";
  if (has(path, "本年收入")) return "income";
  if (has(path, "基本支出")) return "basic";
  if (has(path, "项目支出")) return "project";
  if (has(path, "合计", "小计", "本年支出")) return "total";
  return null;
}

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
  columns: ["opening-balance", "income", "total", "basic", "project", "closing-balance"],
} as const;
