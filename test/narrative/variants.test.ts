/** Options and edge cases: percent decimals, 持平, zero base, no last year, 年初预算, fund and 三公 data. */
import { generateNarrative } from "../../src/domain/narrative";
import { buildTables, clone, xicheng2022, xicheng2023 } from "./build-tables";
import { generate, texts } from "./helpers";

describe("percentage decimals", () => {
  it.each([
    [0, "下降11%", "占支出合计的96%", "占支出合计的4%"],
    [1, "下降11.0%", "占支出合计的96.2%", "占支出合计的3.8%"],
    [2, "下降11.00%", "占支出合计的96.20%", "占支出合计的3.80%"],
  ] as const)("percentDecimals %i prints %s, %s, %s (half-up)", (decimals, rate, basicShare, projectShare) => {
    const [text] = texts(generate(undefined, { percentDecimals: decimals }), "expenditure");
    expect(text).toContain(rate);
    expect(text).toContain(basicShare);
    expect(text).toContain(projectShare);
  });
});

describe("持平 on equal displayed values", () => {
  it("writes 与上年持平 with no reason slot when last year displays the same", () => {
    const previous = xicheng2022();
    // 123.7849 is displayed 123.78: the reader sees no change
    previous.t1.income["grand-total"] = "123.7849";
    const doc = generate(undefined, {}, previous);
    expect(texts(doc, "overall")).toEqual(["2023年度收、支总计123.78万元，与上年持平。"]);
  });

  it("Shanghai: 与2022年度相比，收入支出总计持平。", () => {
    const previous = xicheng2022();
    previous.t1.income["grand-total"] = "123.78";
    const doc = generate(undefined, { style: "shanghai" }, previous);
    expect(texts(doc, "overall")).toEqual(["北京市西城区科技协作中心2023年度收入支出总计123.78万元。与2022年度相比，收入支出总计持平。"]);
  });

  it("a 具体 item whose 决算 equals its 年初预算 is 基本持平 without a reason", () => {
    const doc = generate(undefined, { initialBudgets: { "2101102": "5.93" } });
    expect(texts(doc, "general-budget-detail")[5]).toBe(
      "5.卫生健康支出（类）行政事业单位医疗（款）事业单位医疗（项）。主要用于：【待填：卫生健康支出（类）行政事业单位医疗（款）事业单位医疗（项）（2101102）的主要用途】。年初预算为5.93万元，支出决算为5.93万元，完成年初预算的100.00%。决算数与预算数基本持平。",
    );
  });
});

describe("zero base and missing last year", () => {
  it("says 上年为0，本年新增 instead of a rate", () => {
    const previous = xicheng2022();
    previous.t5.total = { total: 0, basic: 0, project: 0 };
    previous.t4.expenditure["total-this-year"]["general-budget"] = 0;
    const doc = generate(undefined, {}, previous);
    expect(texts(doc, "general-budget-overall")).toEqual([
      "2023年度一般公共预算财政拨款支出123.78万元，占本年支出合计的100.00%，比上年增加123.78万元，上年为0，本年新增。主要原因：【待填：一般公共预算财政拨款支出增加的主要原因】。",
    ]);
  });

  it("never invents last year's figures: one slot names the 上年数 to enter, one the reason", () => {
    const doc = generate(undefined, {}, null);
    const [text] = texts(doc, "overall");
    expect(text).toBe("2023年度收、支总计123.78万元，比上年【待填：2022年度收、支总计（万元）】。主要原因：【待填：收、支总计增减的主要原因】。");
    const p = doc.paragraphs.find((x) => x.section === "overall")!;
    expect(p.placeholders.map((ph) => ph.fact)).toEqual(["previous.overall", "reasons.overall"]);
    for (const ph of p.placeholders) expect(p.text.slice(ph.start, ph.end)).toBe(ph.text);
    expect(text.replace(/【[^】]*】/g, "")).not.toMatch(/增加|减少|增长|下降/);
  });

  it("never prints undefined or NaN when last year is known", () => {
    const doc = generate();
    expect(doc.paragraphs.some((p) => p.text.includes("undefined") || p.text.includes("NaN"))).toBe(false);
  });
});

describe("年初预算", () => {
  it("takes 年初预算 from options.initialBudgets (by code, and total) and computes the completion rate", () => {
    const doc = generate(undefined, { initialBudgets: { total: "125.00", "2060702": "5.00" } });
    const detail = texts(doc, "general-budget-detail");
    expect(detail[0]).toBe(
      "2023年度一般公共预算财政拨款支出年初预算为125.00万元，支出决算为123.78万元，完成年初预算的99.02%。决算数小于预算数的主要原因：【待填：一般公共预算财政拨款支出决算数小于预算数的主要原因】。其中：",
    );
    expect(detail[2]).toContain("年初预算为5.00万元，支出决算为4.70万元，完成年初预算的94.00%。决算数小于预算数的主要原因：【待填：科普活动（2060702）决算数小于预算数的主要原因】。");
    expect(detail[1]).toContain("年初预算为【待填：科学技术支出（类）科学技术普及（款）机构运行（项）（2060701）年初预算数（万元）】万元");
  });

  it("takes 年初预算 from a T5 年初预算数 column when the table carries one", () => {
    const data = xicheng2023();
    data.t5.total["initial-budget"] = "120.00";
    data.t5.rows = data.t5.rows.map(([code, label, v]) => [code, label, { ...v, "initial-budget": code === "2060701" ? "90.00" : v.total }]);
    const doc = generate(data);
    const detail = texts(doc, "general-budget-detail");
    expect(detail[0]).toContain("年初预算为120.00万元，支出决算为123.78万元，完成年初预算的103.15%。决算数大于预算数的主要原因：");
    expect(detail[1]).toContain("年初预算为90.00万元，支出决算为93.76万元，完成年初预算的104.18%。决算数大于预算数的主要原因：");
    expect(detail[2]).toContain("决算数与预算数基本持平。");
  });

  it("does not compute a completion rate against a zero budget (R004)", () => {
    const doc = generate(undefined, { initialBudgets: { "2060702": "0" } });
    expect(texts(doc, "general-budget-detail")[2]).toContain("年初预算为0.00万元，支出决算为4.70万元。决算数大于预算数的主要原因：【待填：科普活动（2060702）决算数大于预算数的主要原因】。");
  });
});

describe("fund tables", () => {
  it("uses the 无… sentence when T8 is absent and T4's fund columns are zero", () => {
    const data = xicheng2023();
    data.t8 = null;
    data.t9 = null;
    const doc = generate(data);
    expect(texts(doc, "government-fund")).toEqual(["北京市西城区科技协作中心2023年度无政府性基金预算财政拨款收入和支出。"]);
    expect(texts(doc, "state-capital")).toEqual(["北京市西城区科技协作中心2023年度无国有资本经营预算财政拨款收入和支出。"]);
  });

  it("describes a non-empty T8 and its 项 like the 一般公共预算 具体情况", () => {
    const data = xicheng2023();
    data.t8 = {
      total: { "opening-balance": 0, income: "50.00", total: "50.00", basic: 0, project: "50.00", "closing-balance": 0 },
      rows: [
        ["212", "城乡社区支出", { total: "50.00", project: "50.00" }],
        ["21208", "国有土地使用权出让收入安排的支出", { total: "50.00", project: "50.00" }],
        ["2120899", "其他国有土地使用权出让收入安排的支出", { total: "50.00", project: "50.00" }],
      ],
    };
    const doc = generate(data);
    const fund = texts(doc, "government-fund");
    expect(fund[0]).toBe("2023年度政府性基金预算财政拨款收入50.00万元，支出50.00万元，支出具体情况如下：");
    expect(fund[1].startsWith("1.城乡社区支出（类）国有土地使用权出让收入安排的支出（款）其他国有土地使用权出让收入安排的支出（项）。")).toBe(true);
  });

  it("marks a section whose table was not recognized instead of inventing it", () => {
    const tables = buildTables(xicheng2023()).filter((t) => t.kind !== "three-public-expenses");
    const doc = generateNarrative(tables);
    expect(texts(doc, "three-public")).toEqual(["【待填：未识别到财政拨款“三公”经费支出决算表，请补充本节】"]);
  });
});

describe("三公 with amounts", () => {
  const data = xicheng2023();
  Object.assign(data.t7, {
    "total.budget": "5.00",
    "total.actual": "3.20",
    "vehicle.budget": "3.00",
    "vehicle.actual": "2.40",
    "vehicle-operation.budget": "3.00",
    "vehicle-operation.actual": "2.40",
    "reception.budget": "2.00",
    "reception.actual": "0.80",
  });
  const previous = xicheng2022();
  Object.assign(previous.t7, { "total.actual": "4.10", "vehicle.actual": "2.90", "vehicle-operation.actual": "2.90", "reception.actual": "1.20" });
  const doc = generate(data, {}, previous);
  const three = [...texts(doc, "three-public-overall"), ...texts(doc, "three-public-detail")];

  it("compares 决算 with 预算 per item, 完成预算的 r%, and leaves the reason to the user", () => {
    expect(three[0]).toBe(
      "“三公”经费财政拨款支出年初预算为5.00万元，支出决算为3.20万元，完成预算的64.00%，其中：公务用车购置及运行维护费支出决算为2.40万元，完成预算的80.00%；公务接待费支出决算为0.80万元，完成预算的40.00%。2023年度“三公”经费支出决算数小于预算数的主要原因：【待填：“三公”经费支出决算数小于预算数的主要原因】。",
    );
  });

  it("compares with last year per item, one reason per changed item; shares of the 决算 total; 购置 and 运行 apart; a zero item says 无", () => {
    expect(three[1]).toBe(
      "2023年度“三公”经费财政拨款支出决算数比上年减少0.90万元，下降21.95%，其中：公务用车购置及运行维护费支出决算比上年减少0.50万元，下降17.24%；公务接待费支出决算比上年减少0.40万元，下降33.33%。公务用车购置及运行维护费支出减少的主要原因是【待填：公务用车购置及运行维护费支出减少的主要原因】。公务接待费支出减少的主要原因是【待填：公务接待费支出减少的主要原因】。",
    );
    expect(three[2]).toBe("“三公”经费财政拨款支出决算中，因公出国（境）费支出决算0.00万元，占0.00%；公务用车购置及运行维护费支出决算2.40万元，占75.00%；公务接待费支出决算0.80万元，占25.00%。具体情况如下：".replace("因公出国（境）费支出决算0.00万元，占0.00%；", ""));
    expect(three[3]).toBe("1.2023年度无因公出国（境）费支出。");
    expect(three[4]).toBe("2.公务用车购置及运行维护费支出2.40万元。其中：");
    expect(three[5]).toBe("2023年度无公务用车购置支出。");
    expect(three[6]).toBe(
      "公务用车运行维护支出2.40万元。主要用于【待填：公务用车运行维护费主要用途（文字）】。2023年，北京市西城区科技协作中心开支财政拨款的公务用车保有量为【待填：年末公务用车保有量（辆）】辆。",
    );
  });
});

describe("amounts in 元 tables", () => {
  it("prints 元 amounts with thousands separators", () => {
    const data = xicheng2023();
    data.unit = "元";
    data.t1.income["grand-total"] = "1237800.00";
    const previous = xicheng2022();
    previous.unit = "元";
    previous.t1.income["grand-total"] = "1390800.00";
    const doc = generate(data, {}, previous);
    expect(texts(doc, "overall")).toEqual(["2023年度收、支总计1,237,800.00元，比上年减少153,000.00元，下降11.00%。主要原因：【待填：收、支总计减少的主要原因】。"]);
  });
});

it("the clone helper keeps test data independent", () => {
  const a = xicheng2023();
  const b = clone(a);
  b.t1.income["grand-total"] = "1";
  expect(a.t1.income["grand-total"]).toBe("123.78");
});

describe("no tables", () => {
  it("writes every core section as a visible placeholder and leaves out 绩效", () => {
    const doc = generateNarrative([]);
    expect(doc.title).toBe("部门决算");
    expect(texts(doc, "overall")).toEqual(["【待填：未识别到收入支出决算总表，请补充本节】"]);
    for (const p of doc.paragraphs.filter((x) => x.section !== "glossary")) {
      expect(p.numbers.filter((n) => n.sources.length > 0)).toEqual([]);
    }
  });

  it("survives any subset of the tables", () => {
    const all = buildTables(xicheng2023());
    for (let mask = 0; mask < 1 << all.length; mask += 7) {
      const subset = all.filter((_, i) => mask & (1 << i));
      const doc = generateNarrative(subset, { previous: buildTables(xicheng2022()).filter((_, i) => !(mask & (1 << i))) });
      for (const p of doc.paragraphs) expect(p.text).not.toMatch(/undefined|NaN|Infinity/);
    }
  });
});
