/**
 * Each rule of issue 15 on real published sentences (copied verbatim from test/proofread/corpus/, source in
 * the comment): one that must fire and one that must not. Where the real texts lack the error, the firing
 * sentence is the corpus's seeded copy of a real text, and says so.
 */
import { proofread } from "../../src/domain/proofread";
import type { ProofreadFinding } from "../../src/domain/proofread/types";
import { buildTables, xicheng2023 } from "../narrative/build-tables";

function on(text: string, rule: string, excerptPart?: string): ProofreadFinding[] {
  return proofread(text).filter((f) => f.rule === rule && (excerptPart === undefined || f.excerpt.includes(excerptPart)));
}

function problems(text: string): ProofreadFinding[] {
  return proofread(text).filter((f) => f.severity !== "info");
}

// 杭州市钱塘区行政审批局 2021 (zhejiang-qiantang-spj-2021-shuoming)
const QIANTANG_TITLE = "杭州市钱塘区行政审批局2021年度部门决算\n";

describe("the document's year", () => {
  it("fires on a 决算 heading of another year (seeded copy of 钱塘区行政审批局 2021)", () => {
    const [f] = on(`${QIANTANG_TITLE}三、2020年度部门决算情况说明\n详见附表。`, "NARR.YEAR");
    expect(f).toMatchObject({ severity: "error", actual: "2020年度", expected: "2021年度", suggestion: "三、2021年度部门决算情况说明" });
    expect(f.message).toContain("标题");
  });

  it("fires on 截至…12月31日 of another year (seeded) and not on the real ones", () => {
    expect(on(`${QIANTANG_TITLE}截至2020年12月31日，本部门共有车辆0辆。`, "NARR.YEAR")[0]).toMatchObject({ severity: "error", suggestion: "截至2021年12月31日" });
    // 红河州数据发展中心 2024 (yunnan-honghe-sjzx-2024-jixiao)
    expect(on("红河州数据发展中心2024年度部门整体支出绩效单位自评报告\n截至2024年12月31日，部门事业编制人数15人，年末实有人数14人。", "NARR.YEAR")).toEqual([]);
    // 梧州 2023 部门预算说明 (guangxi-wuzhou-2023-yusuan-caigou): a 预算 reports the assets of the year before
    expect(on("2023年部门预算说明\n截至 2022 年 12 月 31 日，资产原值合计 2110003.55 元。", "NARR.YEAR")).toEqual([]);
  });

  it("does not take the heading of the real text for a wrong year", () => {
    expect(on(`${QIANTANG_TITLE}三、2021年度部门决算情况说明\n（一）收入支出决算总体情况说明`, "NARR.YEAR")).toEqual([]);
  });
});

describe("持平 / 等于 against the figures", () => {
  it("fires when the two figures differ (seeded) and not when they are equal (real)", () => {
    const [f] = on("2021年度收入总计4352.47万元，支出总计4350.47万元，收支持平。", "NARR.DIRECTION");
    expect(f).toMatchObject({ severity: "error", excerpt: "收支持平", actual: "持平" });
    expect(f.message).toContain("4352.47");
    expect(on("2021年度收入总计4352.47万元，支出总计4352.47万元，收支持平。", "NARR.DIRECTION")).toEqual([]);
    // 寿县文物保护中心 2023: 决算1.71 < 预算3
    expect(problems("支出预算为3.00万元，支出决算为1.71万元。决算数小于预算数的主要原因是公务接待减少。")).toEqual([]);
  });
});

describe("stated totals against the parts the sentence lists", () => {
  it("fires on a 基本支出 whose 人员经费 and 公用经费 on the next lines do not add up (梧州 2023 预算说明)", () => {
    const text = "2023 年本年一般公共预算基本支出 911000.39 元，其中：\n人员经费 809961.19 元，主要包括：基本工资、津贴补贴。\n公用经费 71339.2 元，主要包括：办公费、工会经费。";
    const [f] = on(text, "NARR.SUM");
    expect(f).toMatchObject({ severity: "error", expected: "881300.39", actual: "911000.39" });
    expect(f.message).toContain("人员经费809961.19 + 公用经费71339.2 = 881300.39元");
    expect(on(text.replace("911000.39", "881300.39"), "NARR.SUM")).toEqual([]);
  });

  it("fires on the three 三公 items (seeded) and not on the real 广东省财政厅 sentence with a nested 其中", () => {
    expect(on("2021年度“三公”经费财政拨款支出决算3.50万元，其中：因公出国（境）费0万元，公务用车购置及运行维护费2.00万元，公务接待费1.00万元。", "NARR.SUM")[0]).toMatchObject({
      severity: "error",
      expected: "3.00",
    });
    const guangdong =
      "广东省财政厅2023年度“三公”经费财政拨款支出决算为62.07万元，完成全年预算84.82万元的73.2%。其中：因公出国（境）费支出决算为12.02万元，完成预算12.02万元的100%；公务用车购置及运行维护费支出决算为27.46万元，完成预算29.60万元的92.8%；其中：公务用车购置支出决算为0万元；公务用车运行维护费支出决算为27.46万元；公务接待费支出决算为22.59万元，完成预算43.20万元的52.3%。";
    expect(problems(guangdong)).toEqual([]);
  });

  it("fires on 基本 + 项目 listed in full (seeded) and is only a warning when parts may be unlisted", () => {
    const full = "本年支出合计4352.47万元，其中基本支出2054.70万元，占47.2%；项目支出2287.77万元，占52.8%；上缴上级支出0万元，占0%；经营支出0万元，占0%；对附属单位补助支出0万元，占0%。";
    const [sum] = on(full, "NARR.SUM");
    expect(sum).toMatchObject({ severity: "error", expected: "4342.47" });
    // the share of 项目支出 is recomputed from figures the sum says are inconsistent: listed under it, not reported
    expect(on(full, "NARR.SHARE").filter((f) => f.severity !== "info")).toEqual([]);
    expect(sum.dependents?.map((d) => d.excerpt)).toContain("占52.8%");
    expect(on("本年支出合计4352.47万元，其中基本支出2054.70万元，项目支出2287.77万元。", "NARR.SUM")[0]).toMatchObject({ severity: "warning" });
    // 钱塘区行政审批局 2021, real
    expect(problems(full.replace("2287.77", "2297.77"))).toEqual([]);
  });

  it("fires on 政府采购 parts above the total (seeded) and not on 山东科技职业学院 2021", () => {
    expect(on("2021年度政府采购支出总额30.00万元，其中：政府采购货物支出20.00万元、政府采购服务支出15.00万元。", "NARR.SUM")[0]).toMatchObject({ severity: "error" });
    expect(
      on("2021年度政府采购支出总额28861.938591万元，其中：政府采购货物支出4895.574316万元、政府采购工程支出23143.890913万元、政府采购服务支出 822.473362万元。", "NARR.SUM"),
    ).toEqual([]);
  });

  it("fires on project counts by grade that do not add up (seeded) and not on unit counts (real)", () => {
    expect(on("开展绩效自评的项目5个，其中：评级为优的项目3个、评级为良的项目1个、评级为合格的项目0个、评级为不合格的项目0个。", "NARR.COUNT")[0]).toMatchObject({
      severity: "error",
      expected: "4",
      actual: "5",
    });
    expect(on("开展绩效自评的项目4个，其中：评级为优的项目3个、评级为良的项目1个、评级为合格的项目0个、评级为不合格的项目0个。", "NARR.COUNT")).toEqual([]);
    expect(problems("从预算单位构成看，本部门共有预算单位1家，其中：行政单位1家，事业单位0家，具体为杭州市钱塘区行政审批局。")).toEqual([]);
  });

  it("reads 评级为优的项目N个 as a count, not as a grade", () => {
    const text = "全区科普经费项目自评得分89.8分，绩效级别为“良好”。开展绩效自评的项目4个，其中：评级为优的项目3个、评级为良的项目1个、评级为合格的项目0个、评级为不合格的项目0个。";
    expect(on(text, "NARR.SCORE")).toEqual([]);
    expect(on(text.replace("“良好”", "“优秀”"), "NARR.SCORE")[0]).toMatchObject({ severity: "error", actual: "优秀" });
  });
});

describe("shares with the right denominator", () => {
  it("fires on a share of 一般公共预算支出 made of 基本 + 项目 (梧州 2024 预算说明) and not on the right one", () => {
    const text =
      "1. 基本支出预算 2476260.58 元，占一般公共预算支出的84.06%，同比减少 4966.66 元，下降 0.20%。\n2. 项目支出 469500 元，占一般公共预算支出的 19.62%，同比增加 70100 元 ，增长 17.55%。";
    const found = on(text, "NARR.SHARE");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: "error", excerpt: "占一般公共预算支出的 19.62%", expected: "15.94%" });
    expect(found[0].message).toContain("2476260.58 + 项目支出469500");
  });

  it("fires on swapped shares of the 三公 breakdown (寿县文物保护中心 2023) and not on 广东省财政厅 2023", () => {
    const shouxian =
      "2023年度一般公共预算财政拨款“三公”经费支出预算为3.00万元，支出决算为1.71万元。\n2023年度一般公共预算财政拨款“三公”经费支出决算中，公务接待费支出决算0.53万元，占69%；公务用车购置及运行维护费支出决算1.18万元，占31%。";
    expect(on(shouxian, "NARR.SHARE").map((f) => [f.severity, f.expected])).toEqual([
      ["error", "31%"],
      ["error", "69%"],
    ]);
    const guangdong =
      "广东省财政厅2023年度“三公”经费财政拨款支出决算为62.07万元。\n2023年度“三公”经费财政拨款支出决算中，因公出国（境）费12.02万元，占19.4%；公务用车购置及运行维护费支出27.46万元，占44.2%；公务接待费支出22.59万元，占36.4%。";
    expect(problems(guangdong)).toEqual([]);
  });

  it("keeps the template's zero items quiet (钱塘区行政审批局 2021, 西城区科技协作中心 2023)", () => {
    expect(problems("本年收入合计4352.47万元；包括财政拨款收入4352.47万元（其中，一般公共预算4352.47万元，政府性基金预算0万元，国有资本经营预算0万元），占收入合计100%；上级补助收入0万元，占收入合计0%；事业收入0万元，占收入合计0%。")).toEqual([]);
    const zero = "2023年度政府采购支出总额0万元，其中：政府采购货物支出0万元，政府采购工程支出0万元，政府采购服务支出0万元。授予中小企业合同金额0万元，占政府采购支出总额的0%。";
    expect(problems(zero)).toEqual([]);
  });
});

describe("rates and completion", () => {
  it("fires on a 完成率 against a 年初预算 of 0 (seeded) and not on 广东省财政厅's", () => {
    expect(on("机关运行经费支出决算52.30万元，年初预算为0万元，完成年初预算的100%。", "NARR.COMPLETION")[0]).toMatchObject({ severity: "error" });
    expect(problems("广东省财政厅2023年度“三公”经费财政拨款支出决算为62.07万元，完成全年预算84.82万元的73.2%。")).toEqual([]);
  });

  it("fires on a 完成率 that is the 下降率 (寿县文物保护中心 2023)", () => {
    const [f] = on("“三公”经费支出预算为3.00万元，支出决算为1.71万元，完成预算的43%，较上年减少1.29万元，下降43%。", "NARR.COMPLETION");
    expect(f).toMatchObject({ severity: "error", expected: "57%" });
  });

  it("fires on 增长100% from a zero base (seeded) and not on the real wording for it", () => {
    const [f] = on("政府购买服务支出决算12.00万元，比上年增加12.00万元，增长100%。", "NARR.CHANGE");
    expect(f).toMatchObject({ severity: "error", actual: "100%" });
    expect(f.message).toContain("12.00 − 12.00 = 0");
    // 梧州 2023 预算说明 and 广东省财政厅 2023
    expect(problems("2023 年政府采购预算 17000 元，同比增加 17000 元，上年无该预算，增长率无可比性。")).toEqual([]);
    expect(problems("因公出国（境）费支出决算为12.02万元，比上年决算数增加12.02万元，增长--（基数为0，不可比）。")).toEqual([]);
  });
});

describe("form", () => {
  it("reads '0 %' and '15.87 %' as percentages (the space is info) and 1,055.4% as one number", () => {
    const text = "基本支出预算 881300.39 元，同比减少 166271.4 元，下降 15.87 %。";
    expect(on(text, "NARR.UNIT")).toEqual([]);
    expect(on(text, "NARR.SPACE")[0]).toMatchObject({ severity: "info", suggestion: "下降 15.87%" });
    expect(on("经营收入0万元，占收入合计0 %；", "NARR.UNIT")).toEqual([]);
    expect(on("比上年决算数增加20.63万元，增长1,055.4%。", "NARR.UNIT")).toEqual([]);
    expect(on("下降43%。", "NARR.SPACE")).toEqual([]);
  });

  it("fires on an amount with no unit (seeded) and not on a count", () => {
    expect(on("日常公用经费支出决算合计45.60，比上年增长3.10%。", "NARR.UNIT")[0]).toMatchObject({ severity: "warning", actual: "45.60" });
    expect(on("2023年寿县文物保护中心国内公务接待共10批次，100人次。", "NARR.UNIT")).toEqual([]);
  });

  it("fires on the unit's name written differently from the title (seeded) and not on the real one", () => {
    const [f] = on(`${QIANTANG_TITLE}本部门共有预算单位1家，具体为杭州市钱塘区行政审核局。`, "NARR.NAME");
    expect(f).toMatchObject({ severity: "warning", expected: "杭州市钱塘区行政审批局", actual: "杭州市钱塘区行政审核局" });
    expect(on(`${QIANTANG_TITLE}本部门共有预算单位1家，具体为杭州市钱塘区行政审批局。`, "NARR.NAME")).toEqual([]);
  });

  it("fires on a misspelt 科目 (梧州 2023 预算说明) and not on the right names or other words", () => {
    const [f] = on("工会经费、公用用车运行维护费、其他交通费用等日常公用经费支出。", "NARR.NAME");
    expect(f).toMatchObject({ actual: "公用用车运行维护费", expected: "公务用车运行维护费" });
    expect(on("工会经费、福利费、公务用车运行维护费、其他交通费、其他商品和服务等支出。", "NARR.NAME")).toEqual([]);
    expect(on("决算公开的“政府采购支出金额”的计算口径为政府采购合同金额。", "NARR.NAME")).toEqual([]);
  });

  it("fires on an unclosed bracket (seeded) and not on closed or numbering ones", () => {
    const [f] = on("包括财政拨款收入4352.47万元（其中，一般公共预算4352.47万元，政府性基金预算0万元，占收入合计100%；上级补助收入0万元。", "NARR.BRACKET");
    expect(f).toMatchObject({ severity: "warning", actual: "（" });
    expect(on("2024年，红河州数据发展中心（以下简称“州数据发展中心”）实施项目共15个（含2023年转列暂付性款项项目5个）。", "NARR.BRACKET")).toEqual([]);
    expect(on("1）基本工资。", "NARR.BRACKET")).toEqual([]);
  });

  it("fires on '，、' and '共计 ，0' (山东科技职业学院 2021, 梧州 2020) and not on the clean sentence", () => {
    expect(on("政府采购货物支出4895.574316万元，、政府采购工程支出23143.890913万元。", "NARR.PUNCTUATION")[0]).toMatchObject({ expected: "、" });
    expect(on("全年因公出国（境）团组共计 ，0 个，累计 0 人次。", "NARR.PUNCTUATION")[0]).toMatchObject({ suggestion: "全年因公出国（境）团组共计0 个" });
    expect(on("全年因公出国（境）团组共计0个，累计0人次。", "NARR.PUNCTUATION")).toEqual([]);
  });

  it("does not call an exact integer percentage a decimals slip (梧州 2024: 21500 ÷ 10000 = 215%)", () => {
    const text = "资本性支出 31500 元，占项目支出预算 6.71%，同比增加21500 元，增长 215%。";
    expect(on(text, "NARR.DECIMALS")).toEqual([]);
    expect(on("商品和服务支出 426000 元，占项目支出预算 90.73%，同比增加 36600 元，增长 9.4%。", "NARR.DECIMALS")[0]).toMatchObject({
      severity: "warning",
      suggestion: "增长 9.40%",
    });
  });

  it("keeps 元 where a part of the text states its amounts in 元 and flags a lone 元 amount", () => {
    const wan = "本年收入合计123.78万元。本年支出合计123.78万元。基本支出119.08万元。";
    expect(on(`${wan}\n四、国有资产占用情况\n资产原值合计 2110003.55 元，其中：土地、房屋及构筑物 700221 元。`, "NARR.UNIT")).toEqual([]);
    expect(on(`${wan}住房公积金3.58元。`, "NARR.UNIT")[0]).toMatchObject({ severity: "warning", actual: "3.58元" });
  });
});

it("every finding says which paragraph it is in", () => {
  const findings = proofread("第一段，占收入合计0 %。\n第二段比上年增加（减少）3.00万元。");
  expect(findings.map((f) => f.paragraph)).toEqual(findings.map((f) => (f.offset < 12 ? 0 : 1)));
});

describe("against the tables of 西城区科技协作中心 2023 (sentences written in its 说明's style; seeded)", () => {
  // T5 of the real unit: 科普活动（项） 4.70 = 基本支出 0 + 项目支出 4.70; 机构运行（项） 93.76, all 基本支出
  const tables = buildTables(xicheng2023());
  const check = (text: string, rule: string): ProofreadFinding[] => proofread(text, { tables }).filter((f) => f.rule === rule);

  it("fires on a 项 described as 基本支出 that the table has as 项目支出, and not on a right one", () => {
    const [f] = check("科学技术支出（类）科学技术普及（款）科普活动（项）4.70万元，主要用于开展科普活动的基本支出。", "NARR.TABLE-AMOUNT");
    expect(f).toMatchObject({ severity: "error", excerpt: "基本支出", expected: "项目支出", suggestion: "项目支出" });
    expect(f.message).toContain("4.70");
    expect(check("科学技术支出（类）科学技术普及（款）机构运行（项）93.76万元，主要用于保障机构正常运转的基本支出。", "NARR.TABLE-AMOUNT")).toEqual([]);
    expect(check("科学技术支出（类）科学技术普及（款）科普活动（项）4.70万元，主要用于开展科普活动的项目支出。", "NARR.TABLE-AMOUNT")).toEqual([]);
  });

  it("fires on a 科目 named differently from the table, and not on the table's own names", () => {
    const [f] = check("科学技术支出（类）科学技术普及（款）科普活功（项）4.70万元。", "NARR.NAME");
    expect(f).toMatchObject({ severity: "warning", actual: "科普活功", expected: "科普活动" });
    expect(check("科学技术支出（类）科学技术普及（款）科普活动（项）4.70万元。", "NARR.NAME")).toEqual([]);
  });
});

it("lists the rate computed from a wrong change amount under it instead of reporting it again", () => {
  const text = "本年支出合计200.00万元，比上年决算数180.00万元增加25.00万元，增长13.89%。";
  const changes = proofread(text).filter((f) => f.rule === "NARR.CHANGE");
  expect(changes).toHaveLength(1);
  expect(changes[0]).toMatchObject({ severity: "error", expected: "20.00", actual: "25.00" });
  expect(changes[0].dependents?.map((d) => d.excerpt)).toEqual(["增长13.89%"]);
});

describe("after the second held-out round", () => {
  // 四川 2022 单位决算 (sichuan-2022-danwei-juesuan)
  const SICHUAN = "2022年度收、支总计各是4125.49,4143.91万元。与2021年相比，收、支总计各减少1267.86,2570.97万元，各下降23.51%、38.28%。";

  it("fires on 收、支总计 that differ, and not when they balance", () => {
    const [f] = on(SICHUAN, "NARR.TOTALS");
    expect(f).toMatchObject({ severity: "error", actual: "4125.49、4143.91" });
    expect(on("2021年度收入总计4352.47万元，支出总计4352.47万元。", "NARR.TOTALS")).toEqual([]);
  });

  it("fires on two amounts split by an ASCII comma, and not on a thousands separator", () => {
    expect(on(SICHUAN, "NARR.PUNCTUATION").map((f) => f.actual)).toEqual([",", ","]);
    expect(on("公务接待费支出决算为22.59万元，比上年决算数增加20.63万元，增长1,055.4%。", "NARR.PUNCTUATION")).toEqual([]);
  });

  it("fires on 万 written for 万元 (梧州 2023), and not on 万元", () => {
    expect(on("5.经营收入 0.00 万，为事业单位在业务活动之外开展非独立核算经营活动取得的收入。", "NARR.UNIT")[0]).toMatchObject({ severity: "warning", suggestion: "5.经营收入 0.00 万元" });
    expect(on("6.其他收入 0.00 万元，为预算单位在“财政拨款收入”之外取得的收入。", "NARR.UNIT")).toEqual([]);
  });

  it("takes the latest repeated year for the document's, not the most frequent (梧州 2021 决算说明)", () => {
    const text =
      "（一）本单位2021年度总收入581.45万元，其中本年收入390.55万元，较2020年度决算数减少175.26万元，下降31%。\n1.一般公共预算财政拨款收入382.17万元。较2020年度决算数减少157.86万元，下降29.2%。\n2.上级补助收入8.38万元。较2020年度决算数减少17.40万元，下降67.5%。\n（二）本单位2021年度总支出581.45万元，较2020年度决算数减少90.49万元，下降15.8%。";
    expect(on(text, "NARR.YEAR")).toEqual([]);
    const found = on(text.replace("较2020年度决算数减少90.49", "较2018年度决算数减少90.49"), "NARR.YEAR");
    expect(found.map((f) => [f.severity, f.actual, f.expected])).toEqual([["warning", "2018年度", "2021年度"]]);
  });
});
