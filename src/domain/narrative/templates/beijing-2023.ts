/**
 * The Beijing 说明 (structure of the published 西城区 2023 说明): 部门基本情况, 收支总体 with 收入/支出,
 * 财政拨款, 一般公共预算 (总体 and 类/款/项 against 年初预算), 基金, 国资, 基本支出; 其他重要事项 (三公,
 * 机关运行经费, 政府采购, 国有资产, 政府购买服务, 名词解释); 绩效评价; 决算报表.
 */
import type { NarrativeTemplate } from "./types";

export const BEIJING_2023: NarrativeTemplate = {
  id: "beijing-2023",
  region: "beijing",
  name: "北京市部门决算说明（2023年度）",
  style: "beijing",
  conventions: { thousands: false, percentDecimals: 2, itemMark: "." },
  title: "{U}{Y}年度部门决算",
  glossary: [
    "财政拨款收入",
    "事业收入",
    "经营收入",
    "其他收入",
    "年初结转和结余",
    "基本支出",
    "项目支出",
    "“三公”经费",
    "机关运行经费",
    "政府采购",
    "政府购买服务",
  ],
  parts: [
    {
      heading: "第一部分 {Y}年度部门决算说明",
      children: [
        {
          heading: "一、部门基本情况",
          children: [
            { heading: "（一）部门基本情况", section: "functions" },
            { heading: "（二）单位构成", section: "composition" },
            { heading: "（三）部门决算单位构成", section: "units" },
          ],
        },
        {
          heading: "二、收入支出决算总体情况说明",
          section: "overall",
          children: [
            { heading: "（一）收入决算说明", section: "income" },
            { heading: "（二）支出决算说明", section: "expenditure" },
          ],
        },
        { heading: "三、财政拨款收入支出决算总体情况说明", section: "fiscal-overall" },
        {
          heading: "四、一般公共预算财政拨款支出决算情况说明",
          children: [
            { heading: "（一）一般公共预算财政拨款支出决算总体情况", section: ["general-budget-overall", "general-budget-structure"] },
            { heading: "（二）一般公共预算财政拨款支出决算具体情况", section: "general-budget-detail" },
          ],
        },
        { heading: "五、政府性基金预算财政拨款支出决算情况说明", section: "government-fund" },
        { heading: "六、国有资本经营预算财政拨款收支情况", section: "state-capital" },
        { heading: "七、财政拨款基本支出决算情况说明", section: "basic" },
      ],
    },
    {
      heading: "第二部分 {Y}年度其他重要事项的情况说明",
      children: [
        { heading: "一、“三公”经费财政拨款决算情况", section: "three-public-none", children: [
          { heading: "", section: "three-public-overall" },
          { heading: "", section: "three-public-detail" },
        ] },
        { heading: "二、机关运行经费支出情况", section: "running-costs" },
        { heading: "三、政府采购支出情况", section: "procurement" },
        { heading: "四、国有资产占用情况", section: "assets" },
        { heading: "五、政府购买服务支出说明", section: "purchased-services" },
        { heading: "六、专业名词解释", section: "glossary" },
      ],
    },
    {
      heading: "第三部分 {Y}年度部门绩效评价情况",
      children: [
        { heading: "一、预算绩效工作开展情况", section: "performance-management" },
        { heading: "二、绩效自评结果", section: "performance" },
      ],
    },
    { heading: "第四部分 {Y}年度部门决算报表", section: "table-list" },
  ],
};
