/**
 * The real 2023 说明 of 北京市西城区科技协作中心 (test/proofread/fixtures, copied from the seeds).
 * Its mistakes were found by hand first, then asserted here with their verbatim excerpts and offsets:
 *  - "比上年增加减少15.30万元": residue; 下降11% says it is 减少
 *  - "增加（减少）0万元" ×6 in the 三公 part: residue, the figures say 持平
 *  - "占支出合计的3.79%" ×2: 4.7 ÷ 123.78 = 3.797%, truncated (should be 3.80%; a warning, since 4.7 is rounded)
 *  - "96.2%" next to "3.79%" ×2, and "下降11%" in the same paragraph: inconsistent decimals
 *  - "项目支出4.7万元" ×2: one decimal where every other amount has two
 *  - "3.79%;上缴…": ASCII semicolon; two 三公 items end with "，"; "演讲、等"; "实施情况：、"
 *  - "截止2023年12月31日" (截至); "图1：收入预算" in the 决算 section
 *  - 阶段性目标 numbering 1, 2, 6 and a 第四季度 list starting at 3
 *  - the 商品和服务支出 list names 因公出国（境）费, 公务接待费, 公务用车运行维护费 while 三公 says 0
 *  - "占政府采购支出总额的0%" ×2 with a zero total (info only: the template's sentence for an absent item)
 *  - 预算执行率 99.54% but "预算执行9.8分" (min(99.54%,100%) × 10 = 9.95)
 * Correct statements (119.08 + 4.7 = 123.78, 15.30 ÷ 139.08 = 11%, 89.8 = 9.8 + 45.5 + 31.2 + 3.3 → 良好 …)
 * must not be reported.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { proofread } from "../../src/domain/proofread";
import type { ProofreadFinding } from "../../src/domain/proofread/types";
import { buildTables, xicheng2023 } from "../narrative/build-tables";

const text = readFileSync(join(__dirname, "fixtures", "seed-2023-xicheng-shuoming.txt"), "utf8");
const findings = proofread(text);

/** Offset of the n-th (0-based) occurrence of `needle`. */
function at(needle: string, n = 0): number {
  let offset = -1;
  for (let i = 0; i <= n; i++) {
    offset = text.indexOf(needle, offset + 1);
    if (offset < 0) throw new Error(`"${needle}" occurs fewer than ${n + 1} times`);
  }
  return offset;
}

function find(rule: string, excerpt: string, offset: number): ProofreadFinding {
  const hit = findings.find((f) => f.rule === rule && f.excerpt === excerpt && f.offset === offset);
  if (!hit) throw new Error(`no ${rule} at ${offset} "${excerpt}"; got ${JSON.stringify(findings.filter((f) => f.rule === rule).map((f) => [f.offset, f.excerpt]))}`);
  return hit;
}

it("every excerpt is verbatim at its offset", () => {
  for (const f of findings) expect(text.slice(f.offset, f.offset + f.excerpt.length)).toBe(f.excerpt);
});

describe("errors in the seed", () => {
  it("finds 增加减少 and suggests 减少 (the 下降 of the same sentence decides)", () => {
    const f = find("NARR.RESIDUE", "比上年增加减少15.30万元", at("比上年增加减少15.30万元"));
    expect(f).toMatchObject({ severity: "error", expected: "减少", actual: "增加减少", suggestion: "比上年减少15.30万元" });
  });

  it("finds the six 增加（减少）0万元 and suggests 持平", () => {
    const first = find("NARR.RESIDUE", "比2023年度“三公”经费财政拨款年初预算0万元增加（减少）0万元", at("比2023年度“三公”经费财政拨款年初预算0万元"));
    expect(first).toMatchObject({ severity: "error", expected: "持平", suggestion: "与2023年度“三公”经费财政拨款年初预算0万元持平" });
    for (let n = 0; n < 5; n++) {
      const f = find("NARR.RESIDUE", "比2023年度年初预算数0万元增加（减少）0万元", at("比2023年度年初预算数0万元增加（减少）0万元", n));
      expect(f).toMatchObject({ severity: "error", suggestion: "与2023年度年初预算数0万元持平" });
    }
  });

  it("finds 3.79% truncated instead of rounded, twice", () => {
    for (const n of [0, 1]) {
      const f = find("NARR.ROUNDING", "占支出合计的3.79%", at("占支出合计的3.79%", n));
      // 4.7 is 4.70 rounded: 4.695 ÷ 123.78 = 3.793% would print 3.79%, so this is a likely truncation, not a certain error
      expect(f).toMatchObject({ severity: "warning", expected: "3.80%", actual: "3.79%", suggestion: "占支出合计的3.80%" });
      expect(f.message).toContain("截断");
    }
  });

  it("reports nothing else as an error", () => {
    const errors = findings.filter((f) => f.severity === "error").map((f) => `${f.rule}@${f.offset}`);
    expect(errors.sort()).toEqual(
      [
        `NARR.RESIDUE@${at("比上年增加减少")}`,
        `NARR.RESIDUE@${at("比2023年度“三公”经费财政拨款年初预算0万元")}`,
        ...[0, 1, 2, 3, 4].map((n) => `NARR.RESIDUE@${at("比2023年度年初预算数0万元增加（减少）0万元", n)}`),
      ].sort(),
    );
  });
});

describe("warnings in the seed", () => {
  it("finds decimals inconsistent with the paragraph: 96.2% beside 3.79%, and 下降11%", () => {
    for (const n of [0, 1]) {
      expect(find("NARR.DECIMALS", "占支出合计的96.2%", at("占支出合计的96.2%", n))).toMatchObject({ severity: "warning", suggestion: "占支出合计的96.20%" });
    }
    // the 支出 paragraph is the third "下降11%" of the text
    expect(find("NARR.DECIMALS", "下降11%", at("下降11%", 2))).toMatchObject({ severity: "warning", suggestion: "下降11.00%" });
    // the 收入 paragraph (11%, 100%, 0%) is consistent: no decimals finding there
    expect(findings.some((f) => f.rule === "NARR.DECIMALS" && f.offset === at("下降11%", 1))).toBe(false);
  });

  it("finds 4.7万元 with one decimal where all other amounts have two", () => {
    for (const n of [0, 1]) {
      expect(find("NARR.DECIMALS", "项目支出4.7万元", at("项目支出4.7万元", n))).toMatchObject({ expected: "4.70万元", suggestion: "项目支出4.70万元" });
    }
  });

  it("finds punctuation slips", () => {
    expect(find("NARR.PUNCTUATION", "占支出合计的3.79%;上缴上级支出0万元", at("占支出合计的3.79%;")).suggestion).toBe("占支出合计的3.79%；上缴上级支出0万元");
    for (const n of [0, 1]) {
      const excerpt = "比2023年度年初预算数0万元增加（减少）0万元，";
      expect(find("NARR.PUNCTUATION", excerpt, at(excerpt, n)).suggestion).toBe("比2023年度年初预算数0万元增加（减少）0万元。");
    }
    expect(find("NARR.PUNCTUATION", "协助组织航天科普讲座、科教主题演讲、等", at("协助组织航天科普讲座、科教主题演讲、等")).suggestion).toBe(
      "协助组织航天科普讲座、科教主题演讲等",
    );
    expect(find("NARR.PUNCTUATION", "2.主要内容及实施情况：、", at("2.主要内容及实施情况：、")).suggestion).toBe("2.主要内容及实施情况：");
  });

  it("finds 截止 for 截至, and a 预算 caption in the 决算 section", () => {
    expect(find("NARR.WORDING", "截止2023年12月31日", at("截止2023年12月31日")).suggestion).toBe("截至2023年12月31日");
    expect(find("NARR.CAPTION", "图1：收入预算", at("图1：收入预算")).suggestion).toBe("图1：收入决算");
  });

  it("finds broken numbering in 阶段性目标", () => {
    expect(find("NARR.NUMBERING", "6.协助西城区2023年“一街一品”特色科普活动开展", at("6.协助西城区2023年"))).toMatchObject({ expected: "3", actual: "6" });
    expect(find("NARR.NUMBERING", "3.2023年创新驱动工程服务沟通、准备协调", at("3.2023年创新驱动"))).toMatchObject({ actual: "3" });
    expect(findings.filter((f) => f.rule === "NARR.NUMBERING")).toHaveLength(2);
  });

  it("finds 三公 items listed in 商品和服务支出 although the 三公 part states them as 0", () => {
    const f = findings.find((x) => x.rule === "NARR.LIST")!;
    expect(f.severity).toBe("warning");
    expect(f.offset).toBe(at("办公费、印刷费"));
    expect(f.actual).toBe("因公出国（境）费、公务接待费、公务用车运行维护费");
  });

  it("finds shares of a zero 政府采购 total, and the 执行率 score that does not follow from 99.54%", () => {
    // 0万元 of a 0万元 total written "0%" is the template's sentence for an absent item: style, not a problem
    for (const n of [0, 1]) expect(find("NARR.SHARE", "占政府采购支出总额的0%", at("占政府采购支出总额的0%", n)).severity).toBe("info");
    const score = find("NARR.SCORE", "其中：预算执行9.8分", at("其中：预算执行9.8分"));
    expect(score).toMatchObject({ severity: "warning", expected: "9.95", actual: "9.8" });
  });
});

describe("correct statements of the seed are not reported", () => {
  const clean = [
    "2023年度收、支总计123.78万元，比上年减少15.30万元，下降11%。",
    "2023年度本年收入合计123.78万元，比上年减少15.30万元，下降11%，其中：财政拨款收入123.78万元，占收入合计的100%",
    "2023年度使用一般公共预算财政拨款安排基本支出119.08万元，使用政府性基金财政拨款安排基本支出0万元",
    "2023年度政府性基金预算财政拨款支出0万元。",
    "2023年度使用财政拨款安排的基本支出中的日常公用经费支出，合计4.33万元。",
    "本部门固定资产总额4.68万元",
    "全区科普经费项目自评得分89.8分，绩效级别为“良好”。",
    "自评总分100分，其中预算执行率10分、产出指标50分、效益指标35分、服务对象满意度指标5分。",
    "②产出指标总分50分，其中产出数量、产出质量两项指标作为自评重点，评分均按15分确定，其余产出时效及产出成本两项指标按10分确定。",
    "③效果指标总分35分，不涉及经济效益、环境效益，故指标调剂社会效益指标25分、可持续效益10分。",
    "分别按照该指标对应分值区间100%-80%（含80%）、80%-60%（含60%）、60%-0%合理确定分值。",
    "预算执行率达到99.54%。",
    "西城区公民具有科学素质比例已达到31.3%。",
    "一级指标4个：项目资金、产出指标、效益指标、满意度指标。",
    "资金到位率100%。",
  ];

  it.each(clean)("no error or warning in: %s", (sentence) => {
    const start = at(sentence);
    const end = start + sentence.length;
    const inside = findings.filter((f) => f.offset >= start && f.offset < end && f.severity !== "info");
    expect(inside).toEqual([]);
  });

  it("the 得分 parts sum to the 总分 (9.8 + 45.5 + 31.2 + 3.3 = 89.8); a wrong part would be reported", () => {
    const sumFindings = (fs: ProofreadFinding[]): ProofreadFinding[] => fs.filter((f) => f.rule === "NARR.SCORE" && f.message.includes("之和"));
    expect(sumFindings(findings)).toEqual([]);
    const altered = text.replace("项目产出45.5分", "项目产出47.5分");
    expect(sumFindings(proofread(altered))).toEqual([
      expect.objectContaining({ severity: "error", excerpt: "全区科普经费项目自评得分89.8分", expected: "91.8", actual: "89.8" }),
    ]);
  });

  it("the 名词解释 part yields no finding at all", () => {
    const start = at("六、专业名词解释");
    const end = at("第三部分  2023年度部门绩效评价情况");
    expect(findings.filter((f) => f.offset >= start && f.offset < end)).toEqual([]);
  });
});

describe("the seed against the unit's tables", () => {
  const withTables = proofread(text, { tables: buildTables(xicheng2023()) });

  it("confirms every amount the seed states (no table-amount finding)", () => {
    expect(withTables.filter((f) => f.rule === "NARR.TABLE-AMOUNT" || f.rule === "NARR.UNIT")).toEqual([]);
  });

  it("finds 商品和服务支出 listing 款 that are 0 or absent in the 基本支出 table, and offers the table's list", () => {
    const f = withTables.find((x) => x.rule === "NARR.LIST" && x.severity === "error" && x.offset === at("办公费、印刷费"))!;
    expect(f.message).toContain("列出了表中决算数为0的款：因公出国（境）费、公务接待费、公务用车运行维护费");
    expect(f.suggestion).toBe("办公费、邮电费、工会经费、福利费、其他交通费用等支出");
  });
});
