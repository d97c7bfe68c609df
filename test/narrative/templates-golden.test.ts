/**
 * Golden 说明 per regional template on the repository's fixture workbooks: every heading of the template in
 * its order; without facts, the count the command prints equals the facts still missing (one placeholder
 * each); with a complete facts file no placeholder is left and the figures computed from the facts are the
 * ones worked out by hand below; the generated text proofreads with no finding above info.
 */
import { checkWorkbook } from "../../src/domain/engine";
import { generateNarrative, narrativeToText, templateHeadings, TEMPLATES, type NarrativeDocument, type TemplateId } from "../../src/domain/narrative";
import { withFact, type NarrativeFacts } from "../../src/domain/narrative/facts";
import { proofread } from "../../src/domain/proofread";
import { commandNarrative } from "../../src/cli/narrative-command";
import { qualify } from "../../src/domain/address";
import { loadFixture } from "../support/fixtures";

const FIXTURES = "test/fixtures/xlsx";


interface Case {
  name: string;
  template: TemplateId;
  previous?: string;
  /** hand-chosen facts whose consequences the test checks */
  facts: NarrativeFacts;
}

const CASES: Case[] = [
  {
    name: "shanghai-district-2024",
    template: "shanghai-2024",
    facts: {
      previous: { overall: "5000.00", "running-costs": "250.00", "three-public.total": "25.53" },
      initialBudgets: { "2120101": "1300.00" },
      threePublic: { abroadGroups: 2, abroadPersons: 6 },
    },
  },
  {
    name: "beijing-xicheng-2023",
    template: "beijing-2023",
    previous: "beijing-xicheng-2022",
    facts: { initialBudgets: { "2060702": "5.00" }, procurement: { total: "12.50", goods: "2.50", works: "0", services: "10.00" } },
  },
  {
    name: "central-ministry-2023",
    template: "central-2023",
    facts: { previous: { overall: "300000000.00" }, assets: { vehicles: 12 } },
  },
];

async function tablesOf(name: string) {
  return checkWorkbook(await loadFixture(name)).recognized;
}

/** Every fact still missing filled in: the hand-chosen ones first, a plain value of the right kind for the rest. */
function complete(doc: NarrativeDocument, given: NarrativeFacts): NarrativeFacts {
  let facts = given;
  for (const m of doc.missing ?? []) {
    // the 年初预算 total is computed from the items once they are all given
    if (m.key === "initialBudgets.total") continue;
    // counts that are parts of another count stay consistent: 1 project self-evaluated, graded 优; 1 issue, fixed;
    // 1 vehicle, of the kind 其他用车
    const zeroParts = ["performance.good", "performance.pass", "performance.fail", "performance.issuesFixing"];
    const value = zeroParts.includes(m.key) || (/^assets\.\w+Vehicles$/.test(m.key) && m.key !== "assets.otherVehicles") ? 0 : m.key === "procurement.total" ? "30.00" : m.kind === "amount" ? "10.00" : m.kind === "count" ? 1 : m.kind === "list" ? ["本级"] : `按实际情况说明的${m.key.split(".").pop()}内容`;
    facts = withFact(facts, m.key, value);
  }
  return facts;
}

function placeholders(text: string): string[] {
  return text.match(/【[^】]*】/g) ?? [];
}

function printedHeadings(doc: NarrativeDocument): string[] {
  return doc.paragraphs.filter((p) => p.heading).flatMap((p) => p.heading!.split("\n"));
}

async function runCommand(args: string[]): Promise<{ code: number; out: string }> {
  const chunks: string[] = [];
  const spy = jest.spyOn(process.stdout, "write").mockImplementation((s: string | Uint8Array) => {
    chunks.push(String(s));
    return true;
  });
  try {
    const code = await commandNarrative(args);
    return { code, out: chunks.join("") };
  } finally {
    spy.mockRestore();
  }
}

describe.each(CASES)("$name → $template", ({ name, template, previous, facts }) => {
  let bare: NarrativeDocument;
  let full: NarrativeDocument;
  let tables: Awaited<ReturnType<typeof tablesOf>>;
  beforeAll(async () => {
    tables = await tablesOf(name);
    const prev = previous ? await tablesOf(previous) : undefined;
    bare = generateNarrative(tables, { previous: prev });
    full = generateNarrative(tables, { previous: prev, facts: complete(generateNarrative(tables, { previous: prev, facts }), facts) });
  });

  it("detects the template from the recognized layout", () => {
    expect(bare.template?.id).toBe(template);
  });

  it("prints every heading of the template, word for word, in its order", () => {
    const unit = bare.title.replace(/\d{4}年度部门决算$/, "");
    const year = /(\d{4})年度部门决算$/.exec(bare.title)![1];
    const expected = templateHeadings(TEMPLATES[template]).map((h) => h.text.replace("{U}", unit).replace("{Y}", year));
    expect(printedHeadings(bare)).toEqual(expected);
    expect(printedHeadings(full)).toEqual(expected);
  });

  it("without facts: one placeholder per missing fact, and the command prints that count first", async () => {
    const text = narrativeToText(bare);
    expect(placeholders(text)).toHaveLength(bare.missing!.length);
    expect(new Set(bare.missing!.map((m) => m.key)).size).toBe(bare.missing!.length);
    const args = [`${FIXTURES}/${name}.xlsx`, ...(previous ? ["--previous", `${FIXTURES}/${previous}.xlsx`] : [])];
    const { code, out } = await runCommand(args);
    expect(code).toBe(0);
    const first = out.split("\n")[0];
    expect(first).toBe(`尚缺${bare.missing!.length}项补充信息（见文中“待填”处）。`);
    expect(placeholders(out)).toHaveLength(bare.missing!.length);
  });

  it("with a complete facts file: no placeholder left", () => {
    expect(placeholders(narrativeToText(full))).toEqual([]);
    expect(full.missing).toEqual([]);
    expect(full.warnings).toEqual([]);
  });

  it("proofreads with no finding above info", () => {
    // includes the Shanghai template's "政府性基金预算财政拨款收入885.15万元，支出930.40万元", once read as two 收入 figures
    const findings = proofread(narrativeToText(full), { tables, percentDecimals: 2 }).filter((f) => f.severity !== "info");
    expect(findings.map((f) => `${f.rule} ${f.excerpt} ${f.message}`)).toEqual([]);
  });
});

describe("numbers computed from the facts, worked out by hand", () => {
  const text = async (c: Case): Promise<string> => {
    const tables = await tablesOf(c.name);
    const prev = c.previous ? await tablesOf(c.previous) : undefined;
    return narrativeToText(generateNarrative(tables, { previous: prev, facts: c.facts }));
  };

  it("Shanghai: 上年 5000.00 → 增加346.57万元，增长6.93%; 机关运行经费 238.23 vs 250.00; 三公 持平; 2120101 budget 1300.00", async () => {
    const t = await text(CASES[0]);
    // 5346.57 − 5000.00 = 346.57; 346.57 ÷ 5000.00 = 6.9314% → 6.93%
    expect(t).toContain("上海市某某区绿化和市容管理局2024年度收入支出总计5346.57万元。与2023年度相比，收入支出总计增加346.57万元，增长6.93%。");
    // 238.23 − 250.00 = −11.77; 11.77 ÷ 250.00 = 4.708% → 4.71%
    expect(t).toContain("机关运行经费支出238.23万元（按一般公共预算财政拨款基本支出决算表中的公用经费合计计算），比2023年度减少11.77万元，下降4.71%。");
    // 25.53 against 25.53: 持平, no reason asked
    expect(t).toContain("2024年度“三公”经费财政拨款支出决算数与2023年度持平");
    // 1286.45 ÷ 1300.00 = 98.9577% → 98.96%
    expect(t).toContain("年初预算为1300.00万元，支出决算为1286.45万元，完成年初预算的98.96%。决算数小于预算数的主要原因：");
    expect(t).toContain("全年安排因公出国（境）团组2个、累计6人次。");
  });

  it("Beijing: 2060702 budget 5.00 → 64.00%; 政府采购 12.50 = 2.50 + 0 + 10.00 printed as entered", async () => {
    const t = await text(CASES[1]);
    // 3.20 ÷ 5.00 = 64.00%
    expect(t).toContain("年初预算为5.00万元，支出决算为3.20万元，完成年初预算的64.00%。决算数小于预算数的主要原因：");
    expect(t).toContain("政府采购金额（以合同签订为准）为12.50万元，其中：货物采购金额2.50万元、工程采购金额0.00万元、服务采购金额10.00万元。");
    // 公用经费 4.33 vs 2022's 4.86 (last year's workbook): −0.53, 0.53 ÷ 4.86 = 10.905% → 10.91%
    expect(t).toContain("合计4.33万元（按一般公共预算财政拨款基本支出决算表中的公用经费合计计算），比上年减少0.53万元，下降10.91%。");
  });

  it("central (元): 收入支出总计 310,914,612.21 vs 300,000,000.00 → 增加10,914,612.21元，增长3.64%", async () => {
    const t = await text(CASES[2]);
    // 310914612.21 − 300000000.00 = 10914612.21; ÷ 300000000 = 3.6382% → 3.64%
    expect(t).toContain("收入支出总计310,914,612.21元。与2022年度相比，收入支出总计增加10,914,612.21元，增长3.64%。");
    expect(t).toContain("共有车辆12辆");
  });
});

describe("warnings at the top", () => {
  it("a workbook whose totals do not balance opens with a warning naming the tables", async () => {
    const result = checkWorkbook(await loadFixture("broken-t1-total"));
    const { unbalancedTables } = await import("../../src/domain/narrative");
    const doc = generateNarrative(result.recognized, { unbalanced: unbalancedTables(result.recognized, result.findings) });
    expect(doc.warnings![0]).toMatch(/^注意：本工作簿的勾稽关系有\d+处错误（收入支出决算总表\d+处/);
    expect(narrativeToText(doc, true).split("\n")[0]).toBe(doc.warnings![0]);
  });

  it("a share over 100 % is never printed silently", async () => {
    const tables = await tablesOf("shanghai-district-2024");
    // 本年收入合计 shrunk below one of its parts: the share of 财政拨款收入 exceeds 100 %
    const t2 = tables.find((t) => t.kind === "income")!;
    const total = t2.rows.find((r) => r.key === "total")!;
    const broken = tables.map((t) =>
      t !== t2 ? t : { ...t, rows: t.rows.map((r) => (r !== total ? r : { ...r, cells: { ...r.cells, total: { ...r.cells.total, displayed: r.cells.total.displayed.div(2) } } })) },
    );
    const doc = generateNarrative(broken);
    // 5026.34 ÷ 2538.45 = 1.98008… → 198.01%; the percentage is still printed so the reader sees what the table says
    expect(narrativeToText(doc)).toContain("财政拨款收入5026.34万元，占198.01%");
    expect(doc.warnings!.some((w) => /^占比超出0–100%：5,026\.34 ÷ 2,538\.45 = 198\.01%/.test(w))).toBe(true);
  });

  it("a given 年初预算 total that differs from its items, and a code matching no 项, are warned about", async () => {
    const tables = await tablesOf("beijing-xicheng-2023");
    const items = { "2060701": "88.62", "2060702": "3.20", "2060799": "1.50", "2080505": "11.36", "2080506": "5.68", "2101102": "5.93", "2210201": "6.14" };
    const doc = generateNarrative(tables, { facts: { initialBudgets: { ...items, total: "130.00", "2999999": "1.00" } } });
    expect(doc.warnings).toContain("补充信息中的年初预算科目编码 2999999 在一般公共预算财政拨款支出决算表中没有对应的科目，未使用。");
    expect(doc.warnings!.find((w) => w.startsWith("补充信息中的年初预算数合计 130.00 与各项年初预算数之和"))).toBeDefined();
  });
});

describe("十、预算绩效管理情况 from the workbook's 自评表", () => {
  it("counts, sums, averages and grades the 项目支出绩效自评表 with their cells as provenance", async () => {
    const own = await tablesOf("shanghai-district-2024");
    const evaluations = await tablesOf("self-eval-project-2024");
    const doc = generateNarrative([...own, ...evaluations]);
    const p = doc.paragraphs.find((x) => x.section === "performance-management")!;
    const table = evaluations.find((t) => t.kind === "project-self-evaluation")!;
    const e = table.evaluation!;
    const score = e.totalScore!.displayed.toString();
    const budget = e.funds.find((r) => r.key === "total")!.cells["annual-budget"].displayed.toFixed(2);
    // one table: 1 project, its 全年预算数, its 总分 as the average, counted in its grade band
    expect(p.text).toContain(`绩效自评的2024年度项目1个，涉及预算金额${budget}万元，平均得分${score}分（其中，`);
    const n = (text: string) => p.numbers.find((x) => x.text === text && x.formula !== "表头年度");
    expect(n(score)!.sources).toEqual([qualify(table.sheet, e.totalScore!.address)]);
    expect(n(budget)!.sources.length).toBe(1);
    const band = Number(score) >= 90 ? "优" : Number(score) >= 80 ? "良" : Number(score) >= 60 ? "合格" : "不合格";
    expect(p.text).toContain(`绩效评级结果为“${band}”的项目1个`);
  });
});
