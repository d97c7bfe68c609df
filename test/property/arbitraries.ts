/** Random cells from real table vocabulary, shared by the engine properties. */
import fc from "fast-check";
import type { CellSnapshot } from "../../src/domain/grid";

export const VOCABULARY = [
  "收入支出决算总表", "收入决算表", "支出决算表", "财政拨款收入支出决算总表", "一般公共预算财政拨款支出决算表",
  "一般公共预算财政拨款基本支出决算表", '财政拨款"三公"经费支出决算表', "政府性基金预算财政拨款收入支出决算表",
  "国有资本经营预算财政拨款支出决算表", "项目支出绩效自评表", "部门整体支出绩效自评表", "单位：万元", "金额单位：元",
  "部门：某单位", "公开01表", "项目", "决算数", "金额", "行次", "栏次", "收入", "支出", "合计", "小计", "总计",
  "本年收入合计", "本年支出合计", "年初结转和结余", "年末结转和结余", "基本支出", "项目支出", "科目编码", "科目名称",
  "类", "款", "项", "人员经费合计", "公用经费合计", "预算数", "因公出国（境）费", "公务接待费", "公务用车购置费",
  "一、一般公共预算财政拨款收入", "六、科学技术支出", "201", "20106", "2010601", "301", "30101", "分值", "得分",
  "执行率", "年度资金总额", "全年预算数", "全年执行数", "产出指标（50分）", "数量指标", "≥50场", "≤5%", "=100%",
  "达到预期", "总分", "优", "注：本表反映…", "—", "-", "1,234.56", "(12.00)", "１２３", "12.3%", "#REF!", "",
];

export const cellArb: fc.Arbitrary<CellSnapshot | null> = fc.oneof(
  fc.constant(null),
  fc.constantFrom(...VOCABULARY).map((t) => ({ v: t, t })),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((v) => ({ v, t: String(v), f: "#,##0.00" })),
  fc.integer({ min: -1e9, max: 1e9 }).map((n) => ({ v: n / 100, t: (n / 100).toFixed(2), f: "#,##0.00" })),
  fc.constantFrom(1e308, -1e308, 5e-324, Number.MAX_SAFE_INTEGER).map((v) => ({ v, t: String(v) })),
  fc.constant({ v: "#REF!", t: "#REF!", error: true }),
  fc.string({ maxLength: 12 }).map((t) => ({ v: t, t })),
  fc.boolean().map((b) => ({ v: b, t: String(b).toUpperCase() })),
);
