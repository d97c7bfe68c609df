/**
 * T4 财政拨款收入支出决算总表. The income side repeats 一/二/三 fund labels: before the
 * 年初财政拨款结转和结余 row they are this year's income, after it the opening balances by fund.
 */
import { KIND_TITLES } from "../kinds";
import { functionClassCode } from "./classification";
import { codeRow, has, type LayoutSpec, type RowAssignment } from "./spec";

const FUNDS: [RegExp, string][] = [
  [/^一般公共预算(财政拨款)?(收入)?$/, "general-budget"],
  [/^政府性基金预算(财政拨款)?(收入)?$/, "government-fund"],
  [/^国有资本经营预算(财政拨款)?(收入)?$/, "state-capital"],
];

function fund(label: string): string | undefined {
  for (const [re, key] of FUNDS) if (re.test(label)) return key;
  return undefined;
}

export const fiscalSummary: LayoutSpec = {
  kind: "fiscal-summary",
  title: KIND_TITLES["fiscal-summary"],
  matchesTitle: (t) => /财政拨款(收入支出|收支)决算(总)?表$/.test(t) && !/(一般公共预算|政府性基金|国有资本|三公)/.test(t),
  headerWords: ["收入", "支出", "项目", "决算数", "金额", "合计", "小计", "行次", "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"],
  segmentGroup: (path, index) => (has(path, "支出") && !has(path, "收入") ? "expenditure" : has(path, "收入") ? "income" : index === 0 ? "income" : "expenditure"),
  columnKey(path, group) {
    if (has(path, "行次")) return null;
    if (group === "income") return "amount";
    if (has(path, "一般公共预算")) return "general-budget";
    if (has(path, "政府性基金")) return "government-fund";
    if (has(path, "国有资本")) return "state-capital";
    if (has(path, "合计", "小计", "决算数", "金额")) return "total";
    return null;
  },
  rowKey({ label, code, group, seen }): RowAssignment | null {
    if (/^本年收入合计$/.test(label)) return { key: "total-this-year", level: "total", group };
    if (/^本年支出合计$/.test(label)) return { key: "total-this-year", level: "total", group };
    if (/^(收入|支出)?总计$/.test(label)) return { key: "grand-total", level: "total", group };
    if (/^年初财政拨款结转和?结余$/.test(label)) return { key: "opening-balance", group };
    if (/^年末财政拨款结转和?结余$/.test(label)) return { key: "closing-balance", group };
    const f = fund(label);
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
  rows: ["total-this-year", "grand-total", "opening-balance", "closing-balance", "general-budget", "government-fund", "state-capital", "opening-general-budget", "opening-government-fund", "opening-state-capital", "closing-general-budget", "closing-government-fund", "closing-state-capital"],
  columns: ["amount", "total", "general-budget", "government-fund", "state-capital"],
} as const;
