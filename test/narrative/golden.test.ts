/**
 * Golden 说明 for 北京市西城区科技协作中心 2023 (the seed's unit), written by hand from the numbers:
 * 收支总计 123.78 (上年 139.08), all 财政拨款, 基本 119.08, 项目 4.70, 人员经费 114.75, 公用经费 4.33.
 * 15.30 ÷ 139.08 = 11.0008% → 11.00%; 119.08 ÷ 123.78 = 96.2030% → 96.20%; 4.70 ÷ 123.78 = 3.7971% → 3.80%.
 */
import { narrativeToText, templateHeadings, TEMPLATES } from "../../src/domain/narrative";
import { generate, section, texts } from "./helpers";

/** The reason slot after a 减少: a placeholder naming what to enter. */
const REASON = (what: string): string => `主要原因：【待填：${what}减少的主要原因】。`;

describe("Beijing wording, 西城区科技协作中心 2023 with 2022 as last year", () => {
  const doc = generate();

  it("titles the document with the unit and year", () => {
    expect(doc.title).toBe("北京市西城区科技协作中心2023年度部门决算");
  });

  it("writes 一、收入支出决算总体 as the seed does, with a reason slot", () => {
    expect(texts(doc, "overall")).toEqual([`2023年度收、支总计123.78万元，比上年减少15.30万元，下降11.00%。${REASON("收、支总计")}`]);
    expect(section(doc, "overall")[0].heading).toBe("二、收入支出决算总体情况说明");
  });

  it("writes 二、收入 with the share of each non-zero source in 本年收入合计", () => {
    expect(texts(doc, "income")).toEqual([
      `2023年度本年收入合计123.78万元，比上年减少15.30万元，下降11.00%，其中：财政拨款收入123.78万元，占收入合计的100.00%。${REASON("本年收入合计")}`,
    ]);
  });

  it("writes 三、支出 with 基本/项目 shares rounded half-up (3.80%, not the seed's truncated 3.79%)", () => {
    expect(texts(doc, "expenditure")).toEqual([
      `2023年度本年支出合计123.78万元，比上年减少15.30万元，下降11.00%，其中：基本支出119.08万元，占支出合计的96.20%；项目支出4.70万元，占支出合计的3.80%。${REASON("本年支出合计")}`,
    ]);
  });

  it("writes 四、财政拨款收入支出总体", () => {
    expect(texts(doc, "fiscal-overall")).toEqual([`2023年度财政拨款收、支总计123.78万元，比上年减少15.30万元，下降11.00%。${REASON("财政拨款收、支总计")}`]);
  });

  it("writes 五、一般公共预算 总体 / 结构 / 具体, the structure by 类 in table order with shares of the T5 合计", () => {
    expect(texts(doc, "general-budget-overall")).toEqual([
      `2023年度一般公共预算财政拨款支出123.78万元，占本年支出合计的100.00%，比上年减少15.30万元，下降11.00%。${REASON("一般公共预算财政拨款支出")}`,
    ]);
    expect(section(doc, "general-budget-overall")[0].heading).toBe("四、一般公共预算财政拨款支出决算情况说明\n（一）一般公共预算财政拨款支出决算总体情况");
    expect(texts(doc, "general-budget-structure")).toEqual([
      "2023年度一般公共预算财政拨款支出123.78万元，主要用于以下方面：科学技术支出（类）98.46万元，占79.54%；社会保障和就业支出（类）13.25万元，占10.70%；卫生健康支出（类）5.93万元，占4.79%；住房保障支出（类）6.14万元，占4.96%。",
    ]);
    const detail = texts(doc, "general-budget-detail");
    expect(detail[0]).toBe(
      "2023年度一般公共预算财政拨款支出年初预算为【待填：一般公共预算财政拨款支出年初预算数合计（万元）】万元，支出决算为123.78万元。决算数与预算数差异的主要原因：【待填：一般公共预算财政拨款支出决算数与预算数差异的主要原因】。其中：",
    );
    // every non-zero 项, numbered, in table order; 2080599 (0.00) is left out
    expect(detail.slice(1).map((t) => t.split("。")[0])).toEqual([
      "1.科学技术支出（类）科学技术普及（款）机构运行（项）",
      "2.科学技术支出（类）科学技术普及（款）科普活动（项）",
      "3.社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）",
      "4.社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位职业年金缴费支出（项）",
      "5.卫生健康支出（类）行政事业单位医疗（款）事业单位医疗（项）",
      "6.住房保障支出（类）住房改革支出（款）住房公积金（项）",
    ]);
    expect(detail[2]).toBe(
      "2.科学技术支出（类）科学技术普及（款）科普活动（项）。主要用于：【待填：科学技术支出（类）科学技术普及（款）科普活动（项）（2060702）的主要用途】。年初预算为【待填：科学技术支出（类）科学技术普及（款）科普活动（项）（2060702）年初预算数（万元）】万元，支出决算为4.70万元。决算数与预算数差异的主要原因：【待填：科普活动（2060702）决算数与预算数差异的主要原因】。",
    );
  });

  it("writes 六、基本支出 with the non-zero 款 of 人员经费 and 公用经费 in table order", () => {
    expect(texts(doc, "basic")).toEqual([
      "2023年度一般公共预算财政拨款基本支出119.08万元，其中：人员经费114.75万元，主要包括：基本工资、津贴补贴、奖金、绩效工资、机关事业单位基本养老保险缴费、职业年金缴费、职工基本医疗保险缴费、其他社会保障缴费、住房公积金、其他工资福利支出、生活补助；公用经费4.33万元，主要包括：办公费、邮电费、工会经费、福利费、其他交通费用。",
    ]);
  });

  it("uses the standard 无… sentences for empty 三公, 政府性基金 and 国有资本经营 tables", () => {
    expect(texts(doc, "three-public")).toEqual(["北京市西城区科技协作中心2023年度无“三公”经费财政拨款支出。"]);
    expect(texts(doc, "government-fund")).toEqual(["北京市西城区科技协作中心2023年度无政府性基金预算财政拨款收入和支出。"]);
    expect(texts(doc, "state-capital")).toEqual(["北京市西城区科技协作中心2023年度无国有资本经营预算财政拨款收入和支出。"]);
  });

  it("writes one 绩效 paragraph per 自评表: 总分, 等级 from the bands, 一级指标 scores, 执行率", () => {
    expect(texts(doc, "performance")).toEqual([
      "全区科普经费项目绩效自评得分89.45分，自评等级为“良”。其中：预算执行率得分10分，产出指标得分50.45分，效益指标得分24.6分，满意度指标得分4.4分。项目全年预算数137.85万元，全年执行数137.85万元，预算执行率100.00%。",
    ]);
  });

  it("prints every heading of the Beijing template, in its order", () => {
    const printed = doc.paragraphs.filter((p) => p.heading).flatMap((p) => p.heading!.split("\n"));
    const expected = templateHeadings(TEMPLATES["beijing-2023"]).map((h) => h.text.replace("{Y}", "2023"));
    // the 三公 sub-parts have no heading in the Beijing text; with no 三公 at all only the 无 sentence is printed
    expect(printed).toEqual(expected);
    expect(narrativeToText(doc).split("\n")[0]).toBe(doc.title);
  });
});

describe("Shanghai wording (§7)", () => {
  const doc = generate(undefined, { style: "shanghai" });

  it("names the unit and compares with 与2022年度相比", () => {
    expect(texts(doc, "overall")).toEqual([
      `北京市西城区科技协作中心2023年度收入支出总计123.78万元。与2022年度相比，收入支出总计减少15.30万元，下降11.00%。${REASON("收入支出总计")}`,
    ]);
    expect(texts(doc, "fiscal-overall")).toEqual([
      `北京市西城区科技协作中心2023年度财政拨款收入支出总计123.78万元。与2022年度相比，财政拨款收入支出总计减少15.30万元，下降11.00%。${REASON("财政拨款收入支出总计")}`,
    ]);
    expect(texts(doc, "general-budget-overall")).toEqual([
      `北京市西城区科技协作中心2023年度一般公共预算财政拨款支出123.78万元，占本年支出合计的100.00%。与2022年度相比，一般公共预算财政拨款支出减少15.30万元，下降11.00%。${REASON("一般公共预算财政拨款支出")}`,
    ]);
  });

  it("lists sources as 占{r}% without a change clause, and numbers 具体 items 1、", () => {
    expect(texts(doc, "income")).toEqual(["北京市西城区科技协作中心2023年度本年收入合计123.78万元，其中：财政拨款收入123.78万元，占100.00%。"]);
    expect(texts(doc, "expenditure")).toEqual([
      "北京市西城区科技协作中心2023年度本年支出合计123.78万元，其中：基本支出119.08万元，占96.20%；项目支出4.70万元，占3.80%。",
    ]);
    expect(texts(doc, "general-budget-detail")[1].startsWith("1、科学技术支出（类）")).toBe(true);
    expect(texts(doc, "basic")[0].startsWith("北京市西城区科技协作中心2023年度一般公共预算财政拨款基本支出119.08万元。其中：人员经费114.75万元，主要包括：")).toBe(true);
  });
});
