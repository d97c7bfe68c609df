/** Title variants seen in published workbooks decide the kind — with unit-name and year prefixes, 表号, ordinals. */
import { cleanTitle } from "../../src/domain/recognize";
import { LAYOUTS } from "../../src/domain/layouts";

const kindOf = (title: string) => LAYOUTS.find((l) => l.matchesTitle(cleanTitle(title)))?.kind ?? null;

it.each([
  ["收入支出决算总表", "income-expenditure-summary"],
  ["北京市西城区科技协作中心2023年度收入支出决算总表", "income-expenditure-summary"],
  ["某某县农业农村局收入支出决算表", "income-expenditure-summary"],
  ["部门收支决算总表（公开01表）", "income-expenditure-summary"],
  ["收入决算表", "income"],
  ["2023年度部门收入决算表", "income"],
  ["支出决算表", "expenditure"],
  ["表三、支出决算表", "expenditure"],
  ["财政拨款收入支出决算总表", "fiscal-summary"],
  ["某某县卫生健康局财政拨款收入支出决算表", "fiscal-summary"],
  ["一般公共预算财政拨款支出决算表", "general-budget-expenditure"],
  ["一般公共预算财政拨款收入支出决算表", "general-budget-expenditure"],
  ["一般公共预算财政拨款基本支出决算明细表", "general-budget-basic-expenditure"],
  ["一般公共预算财政拨款项目支出决算表", "project-expenditure"],
  ["财政拨款“三公”经费支出决算表", "three-public-expenses"],
  ['一般公共预算财政拨款"三公"经费支出决算表', "three-public-expenses"],
  ["政府性基金预算财政拨款收入支出决算表", "government-fund"],
  ["政府性基金预算财政拨款基本支出决算表", "government-fund-basic-expenditure"],
  ["国有资本经营预算财政拨款收入支出决算表", "state-capital"],
  ["国有资本经营预算财政拨款支出决算表", "state-capital"],
  ["政府采购情况表", "government-procurement"],
  ["政府购买服务支出情况表", "government-purchased-services"],
  ["本表反映部门本年度的总收支和年末结转结余情况。", null],
  ["部门决算公开目录", null],
  ["项目支出绩效自评表", null], // the 绩效自评 recognizer handles it, not the 决算表 layouts
])("%s → %s", (title, kind) => {
  expect(kindOf(title)).toBe(kind);
});
