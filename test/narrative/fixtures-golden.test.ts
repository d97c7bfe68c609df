/**
 * The 说明 generated from real fixture workbooks, compared with paragraphs written by hand from the
 * tables' numbers (shares recomputed by hand, half-up: 93.32 ÷ 123.78 = 75.392…% → 75.39%), in the
 * template wording of the domain reference §7; and a change to one cell changes exactly the
 * sentences that use it.
 */
import { checkWorkbook } from "../../src/domain/engine";
import { Decimal } from "../../src/domain/decimal";
import { fromA1, type WorkbookSnapshot } from "../../src/domain/grid";
import { generateNarrative } from "../../src/domain/narrative";
import { loadFixture } from "../support/fixtures";

const REASON = (what: string): string => `主要原因：【待填：${what}减少的主要原因】。`;

async function narrativeOf(name: string, style: "beijing" | "shanghai", previous?: string) {
  const tables = checkWorkbook(await loadFixture(name)).recognized;
  const prev = previous ? checkWorkbook(await loadFixture(previous)).recognized : undefined;
  const doc = generateNarrative(tables, { style, previous: prev, percentDecimals: 2 });
  return (section: string) => doc.paragraphs.filter((p) => p.section === section).map((p) => p.text);
}

describe("北京市西城区科技协作中心 2023 (Beijing wording, 2022 workbook as 上年)", () => {
  it("writes the totals, shares and changes as an accountant would", async () => {
    const section = await narrativeOf("beijing-xicheng-2023", "beijing", "beijing-xicheng-2022");
    expect(section("overall")).toEqual([`2023年度收、支总计123.78万元，比上年减少15.30万元，下降11.00%。${REASON("收、支总计")}`]);
    expect(section("income")).toEqual([`2023年度本年收入合计123.78万元，比上年减少15.30万元，下降11.00%，其中：财政拨款收入123.78万元，占收入合计的100.00%。${REASON("本年收入合计")}`]);
    expect(section("expenditure")).toEqual([
      `2023年度本年支出合计123.78万元，比上年减少15.30万元，下降11.00%，其中：基本支出119.08万元，占支出合计的96.20%；项目支出4.70万元，占支出合计的3.80%。${REASON("本年支出合计")}`,
    ]);
    expect(section("general-budget-structure")).toEqual([
      "2023年度一般公共预算财政拨款支出123.78万元，主要用于以下方面：科学技术支出（类）93.32万元，占75.39%；社会保障和就业支出（类）17.04万元，占13.77%；卫生健康支出（类）6.12万元，占4.94%；住房保障支出（类）7.30万元，占5.90%。",
    ]);
    expect(section("three-public")).toEqual(["北京市西城区科技协作中心2023年度无“三公”经费财政拨款支出。"]);
    expect(section("government-fund")).toEqual(["北京市西城区科技协作中心2023年度无政府性基金预算财政拨款收入和支出。"]);
  });

  it("changing one cell (公用经费合计 4.33 → 4.34) changes exactly the sentence that uses it", async () => {
    const snapshot = await loadFixture("beijing-xicheng-2023");
    const tables = checkWorkbook(snapshot).recognized;
    const t6 = tables.find((t) => t.kind === "general-budget-basic-expenditure")!;
    const cell = t6.rows.find((r) => r.key === "public-total")!.cells.amount;
    expect(cell.displayed.toFixed(2)).toBe("4.33");
    const { row, col } = fromA1(cell.address);
    const changed: WorkbookSnapshot = {
      ...snapshot,
      sheets: snapshot.sheets.map((s) => (s.name !== t6.sheet ? s : { ...s, cells: s.cells.map((r, i) => (i !== row ? r : r.map((c, j) => (j === col ? { v: 4.34, t: "4.34", f: "#,##0.00" } : c)))) })),
    };
    const sentences = (snap: WorkbookSnapshot) =>
      generateNarrative(checkWorkbook(snap).recognized)
        .paragraphs.flatMap((p) => p.text.split(/(?<=[。；])/))
        .filter(Boolean);
    const before = sentences(snapshot);
    const after = sentences(changed);
    expect(after.length).toBe(before.length);
    const differing = before.map((s, i) => [s, after[i]]).filter(([a, b]) => a !== b);
    // 公用经费合计 is also the 机关运行经费 (the rule is stated in the sentence)
    expect(differing).toEqual([
      ["公用经费4.33万元，主要包括：办公费、邮电费、差旅费、工会经费、福利费、其他商品和服务支出。", "公用经费4.34万元，主要包括：办公费、邮电费、差旅费、工会经费、福利费、其他商品和服务支出。"],
      [
        "2023年度使用财政拨款安排的基本支出中的日常公用经费支出，合计4.33万元（按一般公共预算财政拨款基本支出决算表中的公用经费合计计算），比上年【待填：2022年度机关运行经费支出（万元）】。",
        "2023年度使用财政拨款安排的基本支出中的日常公用经费支出，合计4.34万元（按一般公共预算财政拨款基本支出决算表中的公用经费合计计算），比上年【待填：2022年度机关运行经费支出（万元）】。",
      ],
    ]);
  });
});

describe("上海市某某区绿化和市容管理局 2024 (Shanghai wording, no 上年 workbook)", () => {
  it("writes shares with the template's denominators and leaves the unknown 上年 as placeholders", async () => {
    const section = await narrativeOf("shanghai-district-2024", "shanghai");
    const U = "上海市某某区绿化和市容管理局2024年度";
    expect(section("income")).toEqual([`${U}本年收入合计5076.89万元，其中：财政拨款收入5026.34万元，占99.00%；其他收入50.55万元，占1.00%。`]);
    expect(section("expenditure")).toEqual([`${U}本年支出合计5147.60万元，其中：基本支出1772.55万元，占34.43%；项目支出3375.05万元，占65.57%。`]);
    expect(section("general-budget-structure")).toEqual([
      `${U}一般公共预算财政拨款支出4174.85万元，主要用于以下方面：社会保障和就业支出（类）257.66万元，占6.17%；卫生健康支出（类）103.77万元，占2.49%；城乡社区支出（类）3701.10万元，占88.65%；住房保障支出（类）112.32万元，占2.69%。`,
    ]);
    const overall = section("overall")[0];
    expect(overall.startsWith(`${U}收入支出总计5346.57万元。`)).toBe(true);
    expect(overall).toContain("【待填：2023年度收入支出总计（万元）】");
    expect(overall.replace(/【[^】]*】/g, "")).not.toMatch(/增加|减少|增长|下降/);
    // 4174.85 ÷ 5147.60 = 81.1028…%
    expect(section("general-budget-overall")[0]).toContain("一般公共预算财政拨款支出4174.85万元，占本年支出合计的81.10%");
    expect(new Decimal("4174.85").div("5147.60").times(100).toFixed(2)).toBe("81.10");
  });
});
