/**
 * The 财政部 template for 中央部门决算: 第一部分 部门概况 (部门职责, 机构设置), 第二部分 决算表, 第三部分
 * 情况说明 一…十 (十、其他重要事项的情况说明: 机关运行经费, 政府采购, 国有资产占有使用, 预算绩效管理),
 * 第四部分 名词解释. Amounts in 元 documents are printed as the tables print them (千分位).
 */
import { FINAL_ACCOUNTS_GLOSSARY, type NarrativeTemplate } from "./types";

export const CENTRAL_2023: NarrativeTemplate = {
  id: "central-2023",
  region: "central",
  name: "中央部门决算模板（财政部，2023年度）",
  style: "shanghai",
  conventions: { thousands: true, percentDecimals: 2, itemMark: "." },
  title: "{U}{Y}年度部门决算",
  glossary: FINAL_ACCOUNTS_GLOSSARY,
  parts: [
    {
      heading: "第一部分 部门概况",
      children: [
        { heading: "一、部门职责", section: "functions" },
        { heading: "二、机构设置", section: "composition" },
      ],
    },
    { heading: "第二部分 {Y}年度部门决算表", section: "table-list" },
    {
      heading: "第三部分 {Y}年度部门决算情况说明",
      children: [
        { heading: "一、收入支出决算总体情况说明", section: "overall" },
        { heading: "二、收入决算情况说明", section: "income" },
        { heading: "三、支出决算情况说明", section: "expenditure" },
        { heading: "四、财政拨款收入支出决算总体情况说明", section: "fiscal-overall" },
        {
          heading: "五、一般公共预算财政拨款支出决算情况说明",
          children: [
            { heading: "（一）一般公共预算财政拨款支出决算总体情况", section: "general-budget-overall" },
            { heading: "（二）一般公共预算财政拨款支出决算结构情况", section: "general-budget-structure" },
            { heading: "（三）一般公共预算财政拨款支出决算具体情况", section: "general-budget-detail" },
          ],
        },
        { heading: "六、一般公共预算财政拨款基本支出决算情况说明", section: "basic" },
        {
          heading: "七、财政拨款“三公”经费支出决算情况说明",
          section: "three-public-none",
          children: [
            { heading: "（一）“三公”经费财政拨款支出决算总体情况说明", section: "three-public-overall" },
            { heading: "（二）“三公”经费财政拨款支出决算具体情况说明", section: "three-public-detail" },
          ],
        },
        { heading: "八、政府性基金预算支出决算情况说明", section: "government-fund" },
        { heading: "九、国有资本经营预算支出决算情况说明", section: "state-capital" },
        {
          heading: "十、其他重要事项的情况说明",
          children: [
            { heading: "（一）机关运行经费支出情况", section: "running-costs" },
            { heading: "（二）政府采购支出情况", section: "procurement" },
            { heading: "（三）国有资产占有使用情况", section: "assets" },
            { heading: "（四）预算绩效管理情况", section: "performance-management" },
          ],
        },
      ],
    },
    { heading: "第四部分 名词解释", section: "glossary" },
  ],
};
