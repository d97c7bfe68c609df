/**
 * The form rules of issue 15 (NARR.WORDING, NARR.PUNCTUATION, NARR.BRACKET, NARR.DECIMALS) on real published
 * sentences copied verbatim from test/proofread/corpus/ (the file in the comment): one that must fire, with
 * its corrected wording, and real correct ones that must not.
 */
import { proofread } from "../../src/domain/proofread";
import type { ProofreadFinding } from "../../src/domain/proofread/types";

function on(text: string, rule: string, excerptPart?: string): ProofreadFinding[] {
  return proofread(text).filter((f) => f.rule === rule && (excerptPart === undefined || f.excerpt.includes(excerptPart)));
}

describe("NARR.WORDING: “三公”经费", () => {
  // hunan-taojiang-2019-sangong
  const TAOJIANG =
    "2019年度“三公”经费财政拨款支出预算为44.52万元，2019年实际支出“三公经费”决算为22.62万元。其中公务接待费为20.10万元，占88.86%；公务用车运行维护费为2.52万元，占11.14%。本年度“三公经费”决算数未超过2019年预算数。";

  it("fires on the whole term in quotes, with the unique correction", () => {
    const found = on(TAOJIANG, "NARR.WORDING", "三公经费");
    expect(found.map((f) => [f.severity, f.suggestion])).toEqual([
      ["info", "2019年实际支出“三公”经费决算为22.62万元"],
      ["info", "本年度“三公”经费决算数未超过2019年预算数"],
    ]);
    expect(found[0].message).toContain("“三公”经费");
  });

  it("is silent on “三公”经费 (the same text's first sentence)", () => {
    expect(on("2019年度“三公”经费财政拨款支出预算为44.52万元。", "NARR.WORDING")).toEqual([]);
  });
});

describe("NARR.WORDING: 与上年 without 相比", () => {
  it("fires on 与上年下降 and 与上年决算数下降, suggesting 比", () => {
    // zhejiang-longquan-2018-sangong
    const [f] = on("公务接待费决算1033万元，与上年下降7.6%；公务用车购置及运行费决算1618万元，比上年下降1.2%。", "NARR.WORDING");
    expect(f).toMatchObject({ severity: "info", excerpt: "与上年下降7.6%", expected: "比上年下降", suggestion: "比上年下降7.6%" });
    expect(f.message).toContain("相比");
    // zhejiang-qujiang-2016-sangong
    expect(on("因公出国（境）经费12万元，与上年决算数下降86.62%；公务接待费1356万元，比上年决算数下降3.14%。", "NARR.WORDING")[0]).toMatchObject({
      suggestion: "比上年决算数下降86.62%",
    });
  });

  it("is silent on 与…相比 and 与…持平", () => {
    // sichuan-jinkouhe-2022-wenti-juesuan
    expect(on("与2021年相比收入总计减少315.71万元，下降29.17%。", "NARR.WORDING")).toEqual([]);
    // chongqing-liangping-2021-sangong-huizong
    expect(on("1. 因公出国（境）团组数0个；因公出国（境）0人次，与上年持平。", "NARR.WORDING")).toEqual([]);
    // sichuan-jintang-guancang-2015-sangong
    expect(on("2015年因公出国（境）费0万元，与2014年决算数持平。", "NARR.WORDING")).toEqual([]);
    // a comparison 相比 closes later in the clause
    expect(on("与上年增加的项目相比，本年减少2个。", "NARR.WORDING")).toEqual([]);
  });
});

describe("NARR.BRACKET: quotation and book-title marks", () => {
  it("fires on a closing quotation mark without its opening one (the title of sichuan-jintang-guancang-2015-sangong)", () => {
    const [f] = on("官仓镇2015年三公”经费支出说明\n一、因公出国（境）经费", "NARR.BRACKET");
    expect(f).toMatchObject({ severity: "warning", excerpt: "官仓镇2015年三公”经费支出说明", actual: "”" });
    expect(f.message).toContain("前引号");
  });

  it("fires on an opening mark left open in its paragraph", () => {
    // chongqing-liangping-2021-sangong-huizong with the closing 》 of its first title lost
    const [f] = on("按照《预算法《预算法实施条例》等有关要求，现将梁平区本级2021年度“三公”经费决算汇总情况公布如下：", "NARR.BRACKET");
    expect(f).toMatchObject({ severity: "warning", actual: "《" });
  });

  it("is silent on paired quotation and book-title marks (real sentences)", () => {
    // chongqing-liangping-2021-sangong-huizong
    expect(
      on("按照《预算法》《预算法实施条例》和《重庆市预决算信息公开管理办法》等有关要求，现将梁平区本级2021年度“三公”经费决算汇总情况公布如下：", "NARR.BRACKET"),
    ).toEqual([]);
    // sichuan-jintang-guancang-2015-sangong
    expect(on("2015年公务接待费9.95万元，较2014年决算数下降5.5%，主要原因是严格执行“八项规定”，严控公务接待。", "NARR.BRACKET")).toEqual([]);
  });
});

describe("NARR.DECIMALS: percentages of one kind across the text", () => {
  // fujian-quanzhou-tsq-2022-juesuan: each item of the list is a line of its own
  const QUANZHOU = [
    "（一）201-一般公共服务支出23653万元，较2021年决算数增加2954万元，增长14.27%，其中：",
    "1、20103-政府办公厅（室）及相关机构事务9185万元，较2021年决算数增加2686万元，增长41.33%。",
    "2、20104-发展与改革事务1182万元，较2021年决算数增加138万元，增长13.22%。",
    "3、20105-统计信息事务50万元，较2021年决算数减少87万元，下降63.5%。",
    "4、20106-财政事务1384万元，较2021年决算数减少135万元，下降8.89%。",
    "7、20109-海关事务50万元，较2021年决算数增加50万元，增长100%。",
  ].join("\n");

  it("fires on a rate with fewer decimals than the other items of the list, with the recomputed value", () => {
    const found = on(QUANZHOU, "NARR.DECIMALS");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: "info", excerpt: "下降63.5%", expected: "63.50%", suggestion: "下降63.50%" });
    expect(found[0].message).toContain("63.5036%");
  });

  it("fires across two sections of one short text, without a correction it cannot recompute (sichuan-jintang-guancang-2015-sangong)", () => {
    const text = [
      "二、公务接待费",
      "2015年公务接待费9.95万元，较2014年决算数下降5.5%，主要原因是严格执行“八项规定”，严控公务接待。",
      "三、公务用车购置及运行维护费",
      "2015年公务用车购置及运行维护费共计13.01万元，较2014年决算数下降1.95%。主要原因是严格执行公车管理制度。",
    ].join("\n");
    const [f] = on(text, "NARR.DECIMALS");
    expect(f).toMatchObject({ severity: "info", actual: "5.5%", expected: null });
    expect(f.suggestion).toBeUndefined();
  });

  it("is silent on a list that keeps two decimals, and on exact whole percentages", () => {
    expect(on(QUANZHOU.replace("下降63.5%", "下降63.50%"), "NARR.DECIMALS")).toEqual([]);
  });

  it("is silent on a text that keeps one decimal throughout (guangxi-wuzhou-2021-junxiu-juesuan)", () => {
    const text = [
      "1.一般公共预算财政拨款收入382.17万元，为市本级财政当年拨付的资金。较2020年度决算数减少157.86万元，下降29.2%。",
      "2.上级补助收入8.38万元，为事业单位开展业务活动取得的收入。较2020年度决算数减少17.40万元，下降67.5%。",
      "（二）本单位2021年度总支出581.45万元，其中本年支出480.71万元，较2020年度决算数减少90.49万元，下降15.8%。",
    ].join("\n");
    expect(on(text, "NARR.DECIMALS")).toEqual([]);
  });
});

describe("NARR.PUNCTUATION: 其中。", () => {
  // sichuan-2022-danwei-juesuan
  const SICHUAN = "主要原因是严格执行“三公”经费管理制度，缩减公务接待开支。其中。\n国内公务接待支出7.8万元，主要用于执行公务、开展业务活动开支的交通费、住宿费、用餐费等。";

  it("fires on a sentence that is only 其中, suggesting the colon", () => {
    const [f] = on(SICHUAN, "NARR.PUNCTUATION");
    expect(f).toMatchObject({ severity: "warning", expected: "：", actual: "。" });
    expect(f.suggestion).toContain("其中：");
  });

  it("is silent on 其中： and on 其中 inside a sentence (real sentences)", () => {
    expect(on(SICHUAN.replace("其中。", "其中："), "NARR.PUNCTUATION")).toEqual([]);
    // hunan-taojiang-2019-sangong
    expect(on("2019年实际支出“三公”经费决算为22.62万元。其中公务接待费为20.10万元，占88.86%；公务用车运行维护费为2.52万元，占11.14%。", "NARR.PUNCTUATION")).toEqual([]);
    expect(on("相关费用已包含在其中。", "NARR.PUNCTUATION")).toEqual([]);
  });
});

describe("NARR.PUNCTUATION: a comma inside a list of 顿号", () => {
  // zhejiang-longquan-2018-sangong
  const LONGQUAN =
    "2018年龙泉市部门及乡镇政府（街道办事处），包括行政单位（含参照公务员法管理的事业单位）、事业单位和其他单位因公出国（境）经费、公务接待费、公车购置费，公车运行费（“三公”经费）决算总额2771万元，比上年下降1.8%。";

  it("fires on the comma between two parallel items, with the 顿号 as the correction", () => {
    const [f] = on(LONGQUAN, "NARR.PUNCTUATION");
    expect(f).toMatchObject({ severity: "info", excerpt: "公车购置费，公车运行费", expected: "、", suggestion: "公车购置费、公车运行费" });
  });

  it("is silent when the comma ends the list (real sentences)", () => {
    expect(on(LONGQUAN.replace("公车购置费，公车运行费", "公车购置费、公车运行费"), "NARR.PUNCTUATION")).toEqual([]);
    // sichuan-jintang-guancang-2015-sangong: the clause after the comma is not an item of the list
    expect(on("2015年车辆运行维护费支出13.01万元，用于党政、农业、安全社区建设等所需的公务用车燃料费、维修费、过路过桥费、保险费支出。", "NARR.PUNCTUATION")).toEqual([]);
    // zhejiang-qujiang-2016-sangong
    expect(on("备注：因公出国（境）经费，反映单位工作人员公务出国（境）的住宿费、旅费、伙食补助费、杂费、培训费等支出。", "NARR.PUNCTUATION")).toEqual([]);
    // a new clause after the list, not a fourth item
    expect(on("主要用于办公费、印刷费、水电费，其余为差旅费。", "NARR.PUNCTUATION")).toEqual([]);
  });
});

describe("NARR.PUNCTUATION: a numbered item without the full stop of its siblings", () => {
  // chongqing-liangping-2021-sangong-huizong
  const LIANGPING = [
    "一、区本级“三公”经费决算情况",
    "1. 因公出国（境）费0万元，主要原因是本年无因公出国（境）相关安排，与上年持平",
    "2. 公务接待费720.03万元，较上年增加113.1万元，上升18.63%，上升主要原因是本年涉及招商引资等相关接待费用增加。",
    "3. 公务用车购置及运行维护费1325.27万元。其中，公务用车购置费252.81万元，较上年增加55万元，主要原因是车辆正常报废后购买新车支出。",
  ].join("\n");

  it("fires on the item that lacks it", () => {
    const [f] = on(LIANGPING, "NARR.PUNCTUATION");
    expect(f).toMatchObject({ severity: "info", excerpt: "与上年持平", expected: "。", suggestion: "与上年持平。" });
  });

  it("is silent when every item ends with a full stop, and on label items (real texts)", () => {
    expect(on(LIANGPING.replace("与上年持平\n", "与上年持平。\n"), "NARR.PUNCTUATION")).toEqual([]);
    // beijing-xicheng-kjxz-2023-shuoming style: items that are labels, not sentences
    expect(on("（一）主要内容\n1.基本工资\n2.津贴补贴\n3.奖金", "NARR.PUNCTUATION")).toEqual([]);
  });
});
