/**
 * Issue 15, third held-out round: NARR.CHANGE, NARR.YEAR, NARR.SUM and NARR.ROUNDING on real published sentences
 * (verbatim from test/proofread/corpus/, source in the comment), each with one that must fire and one that must not.
 */
import { proofread } from "../../src/domain/proofread";
import type { ProofreadFinding } from "../../src/domain/proofread/types";

function on(text: string, rule: string, excerptPart?: string): ProofreadFinding[] {
  return proofread(text).filter((f) => f.rule === rule && (excerptPart === undefined || f.excerpt.includes(excerptPart)));
}

describe("NARR.CHANGE: the change is computed from the figure of the name it states", () => {
  // 乐山市金口河区某文化类单位 2022 (sichuan-jinkouhe-2022-wenti-juesuan)
  const JINKOUHE =
    "2022年财政拨款收入总计766.75万元，其中：2022年收入合计610.42万元，年初结转和结余156.33万元，与2021年相比收入总计减少315.71万元，下降29.17%；2022年财政拨款支出总计766.75万元，其中：2022年支出合计766.60万元，年末结转和结余0.15万元，与2021年相比支出总计减少315.71万元，下降29.17%。";

  it("recomputes 收入总计减少…下降 from 收入总计, not from the 年初结转和结余 said last", () => {
    // 315.71 ÷ (766.75 + 315.71) = 29.166 % → 29.17 %
    expect(on(JINKOUHE, "NARR.CHANGE")).toEqual([]);
  });

  it("still fires on a wrong rate once the named figure is found", () => {
    const [f, g] = on(JINKOUHE.replace(/下降29\.17%/g, "下降29.71%"), "NARR.CHANGE");
    expect(f).toMatchObject({ severity: "error", actual: "29.71%", expected: "29.17%" });
    expect(f.message).toContain("766.75 + 315.71");
    expect(g).toMatchObject({ severity: "error", actual: "29.71%" });
  });

  it("recomputes nothing when the sentence names the changed figure under no amount of its own", () => {
    // the 收入总计 is cut out: the only amounts before the change are its parts
    const text = "其中：2022年收入合计610.42万元，年初结转和结余156.33万元，与2021年相比收入总计减少315.71万元，下降29.17%。";
    expect(on(text, "NARR.CHANGE").filter((f) => f.severity !== "info")).toEqual([]);
  });
});

describe("NARR.YEAR: every year against the document's", () => {
  // 泉州台商投资区 2022 (fujian-quanzhou-tsq-2022-juesuan)
  const QUANZHOU = "泉州台商区2022年政府预决算相关重要事项说明\n一、泉州台商投资区支出决算说明\n";

  it("fires on a comparison with the document's own year, with the year before as the fix", () => {
    const [f] = on(`${QUANZHOU}11、20123-民族事务156万元，与2022年决算数持平。`, "NARR.YEAR");
    expect(f).toMatchObject({ severity: "error", excerpt: "与2022年决算数持平", actual: "2022年", expected: "2021年", suggestion: "与2021年决算数持平" });
    expect(f.message).toContain("标题“泉州台商区2022年政府预决算相关重要事项说明”");
  });

  it("is silent on a comparison with the year before, on the same year's 预算, and when the year is not known", () => {
    expect(on(`${QUANZHOU}12、20125-港澳台事务14万元，较2021年决算数增加3万元，增长27.27%。`, "NARR.YEAR")).toEqual([]);
    // 西城区科技协作中心 2023 (beijing-xicheng-kjxz-2023-shuoming): a 决算 against its own year's 年初预算
    expect(on("北京市西城区科技协作中心2023年度部门决算\n1.因公出国（境）费用。2023年度决算数0万元，比2023年度年初预算数0万元增加（减少）0万元，", "NARR.YEAR")).toEqual([]);
    // 梧州 2023 (guangxi-wuzhou-2023-juesuan-shouru), no title: the year named most is the compared one
    expect(on("5.经营收入 0.00 万元。较 2022 年度决算数增加 0.00 万元，增长 0%。\n6.其他收入 0.00 万元。较 2022 年度决算数增加 0.00 万元，增长 0%。\n8.上年结转和结余 8.02 万元。较 2022 年度决算数增加 0.78 万元。", "NARR.YEAR")).toEqual([]);
  });

  it("warns on NNNN度 without 年 (安徽省徽州师范学校 2022) and not on NNNN年度", () => {
    const title = "安徽省徽州师范学校2022年度一般公共预算财政拨款“三公”经费支出决算公开\n";
    const [f] = on(`${title}2022度一般公共预算财政拨款“三公”经费支出情况说明`, "NARR.YEAR");
    expect(f).toMatchObject({ severity: "warning", actual: "2022度", expected: "2022年度", suggestion: "2022年度一般公共预算财政拨款“三公”经费支出情况说明" });
    expect(on(`${title}2022年度一般公共预算财政拨款“三公”经费支出情况说明`, "NARR.YEAR")).toEqual([]);
  });

  it("warns on a 同比 change said of another year than the document's (衢江区 2016) and not of its own", () => {
    // 衢州市衢江区 2016 (zhejiang-qujiang-2016-sangong): the year comes from the change the text states against 上年
    const first = "衢江区2016年一般公共预算安排“三公”经费决算数2364万元，比上年决算数下降16.77 %。主要是2016年行政单位公务用车改革完成。";
    const wrong = "2015年衢江区“三公”经费支出决算同比下降的原因主要是：区级各单位按照中央“八项规定”和厉行节约的有关要求，从严控制和压缩“三公”经费。";
    const [f] = on(`${first}\n${wrong}`, "NARR.YEAR");
    expect(f).toMatchObject({ severity: "warning", actual: "2015年", expected: "2016年" });
    expect(f.message).toContain("2016年比上年");
    expect(on(`${first}\n${wrong.replace("2015年", "2016年")}`, "NARR.YEAR")).toEqual([]);
  });
});

describe("NARR.COUNT: vehicles by kind against the count", () => {
  it("fires when the kinds hold more vehicles than the count (金口河 2022)", () => {
    const [f] = on("截至2022年12月底，单位共有公务用车0辆，其中：轿车0辆、越野车0辆、载客汽车1辆。", "NARR.COUNT");
    expect(f).toMatchObject({ severity: "error", expected: "1", actual: "0" });
    expect(f.message).toContain("轿车0辆 + 越野车0辆 + 载客汽车1辆 = 1辆");
  });

  it("is silent when they add up (梧州 2023 预算, 官仓镇 2015) or leave a kind out", () => {
    expect(on("共有车辆 1 辆，其中：一般公务用车 0 辆、一般执法执勤用车 0 辆、特种专业技术用车 1 辆、其他用车 0 辆。", "NARR.COUNT")).toEqual([]);
    expect(on("截至2015年12月底，单位共有公务用车8辆，其中：一般公务用车6辆，特种作业车（洒水车、垃圾车）2辆。", "NARR.COUNT")).toEqual([]);
    // a kind not listed (特种专业技术用车) may hold the rest: fewer is not a contradiction
    expect(on("截至2022年12月底，单位共有公务用车2辆，其中：轿车0辆、越野车0辆、载客汽车1辆。", "NARR.COUNT")).toEqual([]);
  });

  it("does not add up a nested breakdown, and only warns when a generic word may contain the other kinds", () => {
    // the kinds inside a bracket or after 含 are part of the kind before them, not more vehicles
    expect(on("共有车辆3辆，其中：执法执勤用车2辆（含特种专业技术用车1辆）、其他用车1辆。", "NARR.COUNT")).toEqual([]);
    expect(on("共有车辆3辆，其中：执法执勤用车2辆，内含特种专业技术用车1辆；其他用车1辆。", "NARR.COUNT")).toEqual([]);
    // 公务用车 is the category 执法执勤用车 and 特种专业技术用车 belong to: an accountant could argue with an error here
    const [f] = on("本年度共有车辆5辆，其中：公务用车3辆，执法执勤用车2辆，特种专业技术用车1辆。", "NARR.COUNT");
    expect(f).toMatchObject({ severity: "warning", expected: "6", actual: "5" });
    expect(f.message).toContain("请核对");
  });
});

describe("NARR.SUM: a total off its parts by rounding, cross-footed with the total it is a part of", () => {
  // 衢州市衢江区 2016 (zhejiang-qujiang-2016-sangong)
  const QUJIANG =
    "衢江区2016年一般公共预算安排“三公”经费决算数2364万元，比上年决算数下降16.77%。分项情况是：因公出国（境）经费12万元，比上年决算数下降86.62%；公务接待费1356万元，比上年决算数下降3.14%；公车购置及运行费995万元（其中公务用车购置费38万元，公务用车运行费958万元），比上年决算数下降26.24%。";

  it("warns when the parts' sum makes the 三公 total add up and the stated figure does not", () => {
    const [f] = on(QUJIANG, "NARR.SUM");
    expect(f).toMatchObject({ severity: "warning", expected: "996", actual: "995", suggestion: "公车购置及运行费996万元（其中公务用车购置费38万元" });
    expect(f.message).toContain("因公出国（境）经费12 + 公务接待费1356 + 公车购置及运行费996 = 2364万元");
  });

  it("stays a rounding note when the figure fits, or when the other total does not settle it", () => {
    expect(on(QUJIANG.replace("995万元", "996万元"), "NARR.SUM")).toEqual([]);
    // 2365: neither 995 nor 996 makes the 三公 total add up — an ordinary rounding difference
    expect(on(QUJIANG.replace("2364万元", "2365万元"), "NARR.SUM").map((f) => f.severity)).toEqual(["info"]);
  });
});

describe("NARR.ROUNDING / NARR.CHANGE: a 各 list of rates, paired in order with its subjects", () => {
  // 四川 2022 单位决算 (sichuan-2022-danwei-juesuan)
  const SICHUAN = "2022年度收、支总计各是4125.49,4143.91万元。与2021年相比，收、支总计各减少1267.86,2570.97万元，各下降23.51%、38.28%。";

  it("recomputes each rate: 支出 2570.97 ÷ (4143.91 + 2570.97) = 38.2877 %, so 38.28 % is truncated; 收入 23.51 % is right", () => {
    const found = proofread(SICHUAN).filter((f) => f.rule === "NARR.ROUNDING" || f.rule === "NARR.CHANGE");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ rule: "NARR.ROUNDING", severity: "warning", actual: "38.28%", expected: "38.29%", suggestion: "各下降23.51%、38.29%" });
    expect(found[0].message).toContain("2570.97 ÷ (4143.91 + 2570.97 = 6714.88万元)");
    expect(found[0].message).toContain("支出总计");
    // a rate that is neither: NARR.CHANGE, a warning too
    const [wrong] = on(SICHUAN.replace("38.28%", "40.00%"), "NARR.CHANGE");
    expect(wrong).toMatchObject({ severity: "warning", actual: "40.00%", expected: "38.29%" });
  });

  it("is silent when every rate is right, and when the subjects do not pair with the values", () => {
    expect(on(SICHUAN.replace("38.28%", "38.29%"), "NARR.ROUNDING")).toEqual([]);
    expect(on(SICHUAN.replace("38.28%", "38.29%"), "NARR.CHANGE")).toEqual([]);
    // "1,267.86": a thousands separator, not two values
    expect(on(SICHUAN.replace("1267.86,2570.97万元", "1,267.86万元"), "NARR.CHANGE")).toEqual([]);
    // three values for two subjects: no pairing is certain
    expect(on(SICHUAN.replace("各减少1267.86,2570.97万元", "各减少1267.86,2570.97,10.00万元").replace("23.51%、38.28%", "23.51%、38.28%、1.00%"), "NARR.ROUNDING")).toEqual([]);
  });
});
