/**
 * The canonical Chinese name of every table kind — the one place these names live. Layouts,
 * rule messages, the CLI and the task pane all read them from here.
 */
import type { TableKind } from "./model";

export const KIND_TITLES: Readonly<Record<TableKind, string>> = {
  "income-expenditure-summary": "收入支出决算总表",
  income: "收入决算表",
  expenditure: "支出决算表",
  "fiscal-summary": "财政拨款收入支出决算总表",
  "general-budget-expenditure": "一般公共预算财政拨款支出决算表",
  "general-budget-basic-expenditure": "一般公共预算财政拨款基本支出决算表",
  "three-public-expenses": "财政拨款“三公”经费支出决算表",
  "government-fund": "政府性基金预算财政拨款收入支出决算表",
  "state-capital": "国有资本经营预算财政拨款支出决算表",
  "project-self-evaluation": "项目支出绩效自评表",
  "department-self-evaluation": "部门整体支出绩效自评表",
  "government-fund-basic-expenditure": "政府性基金预算财政拨款基本支出决算表",
  "government-procurement": "政府采购情况表",
  "government-purchased-services": "政府购买服务支出情况表",
  "project-expenditure": "一般公共预算财政拨款项目支出决算表",
  other: "其他表",
};

/** Shorter names used inside cross-table messages ("基本支出决算表 'C06 …'!C20"). */
export const KIND_SHORT_TITLES: Readonly<Partial<Record<TableKind, string>>> = {
  ...KIND_TITLES,
  "general-budget-basic-expenditure": "基本支出决算表",
  "three-public-expenses": "“三公”经费支出决算表",
  "government-fund": "政府性基金决算表",
  "state-capital": "国有资本经营决算表",
};

/** The nine core tables by their number in the domain reference (T1 收入支出决算总表 … T9 国有资本经营), for rule and lookup tables. */
export const CORE_TABLES = {
  T1: "income-expenditure-summary",
  T2: "income",
  T3: "expenditure",
  T4: "fiscal-summary",
  T5: "general-budget-expenditure",
  T6: "general-budget-basic-expenditure",
  T7: "three-public-expenses",
  T8: "government-fund",
  T9: "state-capital",
} as const satisfies Record<string, TableKind>;
