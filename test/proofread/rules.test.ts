/** One small text per rule: what is reported, with which excerpt, severity and suggestion. */
import { proofread } from "../../src/domain/proofread";
import type { ProofreadFinding } from "../../src/domain/proofread/types";
import { buildTables, xicheng2023 } from "../narrative/build-tables";

const tables = buildTables(xicheng2023());

function only(text: string, rule: string, options = {}): ProofreadFinding[] {
  return proofread(text, options).filter((f) => f.rule === rule);
}

function errors(text: string, options = {}): ProofreadFinding[] {
  return proofread(text, options).filter((f) => f.severity === "error");
}

describe("template residue and words", () => {
  it("reports 增长（下降）, XX and **** as errors", () => {
    const text = "支出合计XX万元，********支出2万元，比上年增加20.00万元，增长（下降）5.00%。";
    const residue = only(text, "NARR.RESIDUE");
    expect(residue.map((f) => [f.actual, f.severity])).toEqual([
      ["XX", "error"],
      ["********", "error"],
      ["增长（下降）", "error"],
    ]);
    expect(residue[2]).toMatchObject({ excerpt: "增长（下降）5.00%", suggestion: "增长5.00%" });
  });

  it("offers no suggestion when nothing in the text decides the direction", () => {
    const [f] = only("其他收入比上年增加（减少）3.00万元。", "NARR.RESIDUE");
    expect(f).toMatchObject({ severity: "error", expected: null });
    expect(f.suggestion).toBeUndefined();
  });

  it("reports duplicated words, strongest for 增加增加 / 支出支出", () => {
    const found = only("比上年增加增加584.09万元，基本支出支出合计3.00万元，的的确确。", "NARR.DUPLICATE-WORD");
    expect(found.map((f) => [f.actual, f.severity, f.suggestion])).toEqual([
      ["增加增加", "error", "比上年增加584.09万元"],
      ["支出支出", "error", "基本支出合计3.00万元"],
    ]);
  });

  it("prefers 截至 and the standard rate verbs", () => {
    expect(only("截止2023年12月31日，车辆0辆。", "NARR.WORDING")[0]).toMatchObject({ suggestion: "截至2023年12月31日" });
    expect(only("收入比上年减少3.00万元，降低3.71%。", "NARR.WORDING")[0]).toMatchObject({ severity: "info", suggestion: "下降3.71%" });
  });

  it("flags unfilled placeholders as warnings", () => {
    const [f] = only("年初预算为【待填：年初预算数】万元。", "NARR.PLACEHOLDER");
    expect(f).toMatchObject({ severity: "warning", excerpt: "【待填：年初预算数】", offset: 5 });
  });
});

describe("directions and changes", () => {
  it("checks the rate against the change and last year (rate = change ÷ (this − change))", () => {
    const [f] = only("2023年度本年支出合计200.00万元，比上年增加20.00万元，增长12.50%。", "NARR.CHANGE");
    expect(f).toMatchObject({ severity: "error", excerpt: "增长12.50%", expected: "11.11%", suggestion: "增长11.11%" });
    expect(errors("2023年度本年支出合计200.00万元，比上年增加20.00万元，增长11.11%。")).toEqual([]);
  });

  it("checks Shanghai wording, whose figure sits in the sentence before the change", () => {
    const text = "本单位2023年度收入支出总计123.78万元。与2022年度相比，收入支出总计减少15.30万元，下降12.00%。主要原因：人员减少。";
    expect(only(text, "NARR.CHANGE")[0]).toMatchObject({ severity: "error", excerpt: "下降12.00%", expected: "11.00%" });
    expect(errors(text.replace("12.00%", "11.00%"))).toEqual([]);
  });

  it("reports 增加 with 下降 as a contradiction", () => {
    const [f] = only("2023年度本年支出合计200.00万元，比上年增加20.00万元，下降11.11%。", "NARR.DIRECTION");
    expect(f).toMatchObject({ severity: "error", excerpt: "下降11.11%" });
  });

  it("checks a stated last-year figure: change amount and direction", () => {
    const text = "本年支出合计200.00万元，比上年决算数220.00万元增加20.00万元。";
    const found = proofread(text).filter((f) => f.severity === "error").map((f) => f.rule);
    expect(found).toEqual(["NARR.DIRECTION"]);
    expect(only(text, "NARR.DIRECTION")[0].suggestion).toBe("比上年决算数220.00万元减少20.00万元");
    expect(only("本年支出合计200.00万元，比上年决算数220.00万元减少25.00万元。", "NARR.CHANGE")[0]).toMatchObject({ expected: "20.00" });
  });

  it("reports a negative number after 减少", () => {
    expect(only("本年支出合计200.00万元，比上年减少-20.00万元。", "NARR.DIRECTION")[0]).toMatchObject({ severity: "error", excerpt: "比上年减少-20.00万元" });
  });

  it("reports 增加0万元 boilerplate and suggests 持平", () => {
    const [f] = only("机关运行经费支出5.00万元，比上年增加0万元，增长0%。", "NARR.ZERO-CHANGE");
    expect(f).toMatchObject({ severity: "warning", excerpt: "比上年增加0万元", suggestion: "与上年持平" });
  });

  it("checks 决算数大于/小于预算数 and 持平 against the figures", () => {
    expect(only("年初预算为100.00万元，支出决算为120.00万元。决算数小于预算数的主要原因：业务增加。", "NARR.DIRECTION")[0]).toMatchObject({
      severity: "error",
      expected: "大于",
    });
    expect(only("年初预算为100.00万元，支出决算为120.00万元。决算数与预算数持平。", "NARR.DIRECTION")[0]).toMatchObject({ expected: "大于" });
    expect(only("年初预算为100.00万元，支出决算为100.00万元。决算数与预算数基本持平。", "NARR.DIRECTION")).toEqual([]);
  });

  it("checks completion rates, and refuses one against a zero budget (R004)", () => {
    expect(only("年初预算为1685.82万元，支出决算为1741.75万元，完成年初预算的100.00%。", "NARR.COMPLETION")[0]).toMatchObject({ expected: "103.32%" });
    expect(only("年初预算为0万元，支出决算为120.00万元，完成年初预算的95.89%。", "NARR.COMPLETION")[0]).toMatchObject({ severity: "error" });
  });
});

describe("sums, shares, consistency", () => {
  it("reports parts larger than the total as an error, smaller as a warning, rounding gaps as info", () => {
    expect(only("本年收入合计100.00万元，其中：财政拨款收入80.00万元，事业收入30.00万元。", "NARR.SUM")[0]).toMatchObject({
      severity: "error",
      excerpt: "本年收入合计100.00万元",
      expected: "110.00",
    });
    expect(only("本年收入合计100.00万元，其中：财政拨款收入70.00万元，事业收入20.00万元。", "NARR.SUM")[0].severity).toBe("warning");
    expect(only("本年收入合计100.00万元，其中：财政拨款收入80.01万元，事业收入20.00万元。", "NARR.SUM")[0].severity).toBe("info");
  });

  it("checks shares against the named denominator, and a truncated share as NARR.ROUNDING", () => {
    const text = "本年支出合计123.78万元，其中：基本支出119.08万元，占支出合计的96.51%；项目支出4.70万元，占支出合计的3.79%。";
    expect(only(text, "NARR.SHARE")[0]).toMatchObject({ severity: "error", excerpt: "占支出合计的96.51%", expected: "96.20%" });
    // 4.695 ÷ 123.78 would print 3.79%: the printed amounts allow it, so a likely truncation is a warning
    expect(only(text, "NARR.ROUNDING")[0]).toMatchObject({ severity: "warning", excerpt: "占支出合计的3.79%", expected: "3.80%" });
  });

  it("does not call wrong a percentage that the rounded amounts allow (广东省财政厅 2023, 增长1,055.4%)", () => {
    const text = "公务接待费支出决算为22.59万元，完成预算43.20万元的52.3%，比上年决算数增加20.63万元，增长1,055.4%。";
    // 20.63 ÷ 1.96 = 1052.6%, but 20.635 ÷ 1.955 = 1055.5%: within what the printed figures allow
    const found = proofread(text).filter((f) => f.excerpt === "增长1,055.4%");
    expect(found.map((f) => [f.rule, f.severity])).toEqual([["NARR.CHANGE", "info"]]);
    // far outside the range it is an error
    expect(only(text.replace("1,055.4%", "1,255.4%"), "NARR.CHANGE")[0]).toMatchObject({ severity: "error", expected: "1052.6%" });
  });

  it("uses the list total for a bare 占", () => {
    const [f] = only("一般公共预算财政拨款支出123.78万元，主要用于以下方面：科学技术支出（类）98.46万元，占80.54%。", "NARR.SHARE");
    expect(f).toMatchObject({ expected: "79.54%" });
  });

  it("reports a missing % as an error", () => {
    expect(only("本年收入合计100.00万元，其中：财政拨款收入80.00万元，占76.23;事业收入20.00万元。", "NARR.UNIT")[0]).toMatchObject({
      severity: "error",
      excerpt: "占76.23",
      suggestion: "占76.23%",
    });
  });

  it("warns when one indicator has two values in one section", () => {
    const [f] = only("基本支出119.08万元。项目支出4.70万元。基本支出119.80万元。", "NARR.CONSISTENCY");
    expect(f).toMatchObject({ severity: "warning", excerpt: "基本支出119.80万元" });
  });

  it("checks decimals of percentages against the configured setting", () => {
    const text = "本年支出合计123.78万元，其中：基本支出119.08万元，占支出合计的96.2%；项目支出4.70万元，占支出合计的3.8%。";
    expect(only(text, "NARR.DECIMALS")).toEqual([]);
    const found = only(text, "NARR.DECIMALS", { percentDecimals: 2 });
    expect(found.map((f) => f.suggestion)).toEqual(["占支出合计的96.20%", "占支出合计的3.80%"]);
  });
});

describe("scores", () => {
  it("checks 等级 against the 总分 bands", () => {
    expect(only("项目自评得分78.5分，绩效等级为“良”。", "NARR.SCORE")[0]).toMatchObject({ severity: "error", expected: "中", actual: "良" });
    expect(only("项目自评得分90分，绩效等级为“优秀”。", "NARR.SCORE")).toEqual([]);
  });
});

describe("against the tables", () => {
  it("reports an amount that differs from its table cell, with the cell", () => {
    const [f] = only("2023年度本年收入合计123.87万元。", "NARR.TABLE-AMOUNT", { tables });
    expect(f).toMatchObject({ severity: "error", expected: "123.78", actual: "123.87", suggestion: "2023年度本年收入合计123.78万元" });
    expect(f.message).toContain("收入决算表!");
  });

  it("finds 类/款/项 amounts by name", () => {
    const [f] = only("科学技术支出（类）科学技术普及（款）科普活动（项）支出决算为4.60万元。", "NARR.TABLE-AMOUNT", { tables });
    expect(f).toMatchObject({ expected: "4.70" });
  });

  it("reports 元 where the table has 万元 (住房公积金 3.58元 style)", () => {
    const [f] = only("住房公积金6.14元。", "NARR.UNIT", { tables });
    expect(f).toMatchObject({ severity: "error", suggestion: "住房公积金6.14万元" });
  });

  it("checks 主要包括 lists against the non-zero 款 of the 基本支出 table", () => {
    const found = only("人员经费114.75万元，主要包括：基本工资、津贴补贴；公用经费4.33万元，主要包括：办公费、邮电费、工会经费、福利费、其他交通费用、公务接待费。", "NARR.LIST", {
      tables,
    });
    expect(found.map((f) => [f.severity, f.suggestion])).toEqual([
      ["warning", "基本工资、津贴补贴、奖金、绩效工资、机关事业单位基本养老保险缴费、职业年金缴费、职工基本医疗保险缴费、其他社会保障缴费、住房公积金、其他工资福利支出、生活补助"],
      ["error", "办公费、邮电费、工会经费、福利费、其他交通费用"],
    ]);
  });

  it("reports a 无… sentence contradicted by the table", () => {
    const data = xicheng2023();
    Object.assign(data.t7, { "total.actual": "3.20", "reception.actual": "3.20" });
    const [f] = only("本单位2023年度无“三公”经费财政拨款支出。", "NARR.TABLE-AMOUNT", { tables: buildTables(data) });
    expect(f).toMatchObject({ severity: "error", expected: "3.20" });
  });

  it("checks the year against the tables", () => {
    expect(only("2021年度本年收入合计123.78万元。", "NARR.YEAR", { tables })[0]).toMatchObject({ expected: "2023年度" });
  });
});
