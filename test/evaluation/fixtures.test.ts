/**
 * The 绩效自评 fixture workbooks (test/fixtures/xlsx/self-eval-*.xlsx, broken-eval-*.xlsx) read through
 * ExcelJS: recognized as expected.json says, clean ones without error, broken ones with their finding.
 */
import { findSelfEvaluationTables } from "../../src/domain/self-evaluation";
import { evaluationRules } from "../../src/domain/rules/evaluation";
import { DEFAULT_SETTINGS, type Finding } from "../../src/domain/findings";
import { cellAt, fromA1, type WorkbookSnapshot } from "../../src/domain/grid";
import type { RecognizedTable } from "../../src/domain/model";
import { expectedFixtures, loadFixture } from "../support/fixtures";

const fixtures = expectedFixtures();
const CLEAN = [
  "self-eval-project-2024",
  "self-eval-sichuan-2023",
  "self-eval-department-guizhou-2021",
  "self-eval-department-chongqing-2021",
  "self-eval-sichuan-published-2023",
  "self-eval-yunnan-2020",
  "self-eval-department-totals-2023",
];

function selfEvaluations(wb: WorkbookSnapshot): RecognizedTable[] {
  return wb.sheets.flatMap((s) => findSelfEvaluationTables(s));
}

function findingsOf(wb: WorkbookSnapshot): Finding[] {
  return selfEvaluations(wb).flatMap((t) => evaluationRules(t, DEFAULT_SETTINGS));
}

describe.each(CLEAN)("fixture %s", (name) => {
  it("is recognized as expected.json says, with no error", async () => {
    const wb = await loadFixture(name);
    const tables = selfEvaluations(wb);
    const want = fixtures[name].tables;
    expect(tables.map((t) => ({ sheet: t.sheet, kind: t.kind, range: t.range, unit: t.unit, year: t.year, unitName: t.unitName }))).toEqual(
      want.map((w) => ({ sheet: w.sheet, kind: w.kind, range: w.range, unit: w.unit, year: w.year, unitName: w.unitName })),
    );
    for (const [i, t] of tables.entries()) {
      const w = want[i] as typeof want[number] & { title?: string; variant?: string };
      if (w.title) expect(t.printedTitle).toBe(w.title); // expected.json lists the title as printed; t.title is the canonical one
      if (w.variant) expect(t.variant).toBe(w.variant);
    }
    expect(findingsOf(wb).filter((f) => f.severity === "error").map((f) => `${f.rule} ${f.cell} ${f.message}`)).toEqual([]);
  });
});

describe("the seed fixture in detail", () => {
  it("reads 16 indicators, 产出 55 / 效益 30 / 满意度 5 and 总分 89.45", async () => {
    const [table] = selfEvaluations(await loadFixture("self-eval-project-2024"));
    const model = table.evaluation!;
    expect(model.indicators).toHaveLength(16);
    expect(model.indicators[15].isExecutionRate).toBe(true);
    expect(model.level1Weights.map((w) => `${w.name}=${w.stated.toString()}`)).toEqual(["产出指标=55", "效益指标=30", "满意度指标=5"]);
    expect(model.totalScore?.value.toString()).toBe("89.45");
    expect(model.form).toBe("finance-2020-10");
  });
});

describe("broken 绩效 fixtures", () => {
  const cases: [string, string, string, string, string][] = [
    ["broken-eval-score-over-weight", "P6", "H13", "≤6", "6.5"],
    ["broken-eval-total", "P7", "H29", "89.45", "89.54"],
    ["broken-eval-grade", "P8", "I21", "良", "优"],
  ];
  it.each(cases)("%s reports %s at %s", async (name, rule, cell, expected, actual) => {
    const findings = findingsOf(await loadFixture(name));
    const hit = findings.find((f) => f.rule === rule && f.cell === cell);
    expect({ rule: hit?.rule, cell: hit?.cell, expected: hit?.expected, actual: hit?.actual, severity: hit?.severity }).toEqual({
      rule,
      cell,
      expected,
      actual,
      severity: "error",
    });
  });

  it("broken-eval-rate reports P2 at H6: the sheet shows 95% where 137.85 ÷ 137.85 = 100.00%", async () => {
    const wb = await loadFixture("broken-eval-rate");
    const sheet = wb.sheets.find((s) => s.name === "项目支出绩效自评表")!;
    const { row, col } = fromA1("H6");
    expect(cellAt(sheet, row, col)?.t).toBe("95%");
    const hit = findingsOf(wb).find((f) => f.rule === "P2" && f.cell === "H6");
    expect(hit).toMatchObject({ expected: "100.00%", actual: "95%", severity: "error" });
  });
});

describe("regional forms from published tables", () => {
  it("Sichuan as published: 执行率 over 调整后预算数 (251.89 / 251.89), not 年初预算 238.93 — no P2, no P10", async () => {
    const [table] = selfEvaluations(await loadFixture("self-eval-sichuan-published-2023"));
    const total = table.rows.find((r) => r.key === "total")!;
    expect([total.cells["initial-budget"].value.toString(), total.cells["annual-budget"].value.toString()]).toEqual(["238.93", "251.89"]);
    expect(evaluationRules(table, DEFAULT_SETTINGS).filter((f) => f.rule === "P2" || f.rule === "P10")).toEqual([]);
  });

  it("Yunnan: the two-row indicator header is read, 5 indicators, 总分 99", async () => {
    const [table] = selfEvaluations(await loadFixture("self-eval-yunnan-2020"));
    const model = table.evaluation!;
    expect(model.indicators.map((i) => i.name)).toEqual(["卫片执法补助经费", "项目验收合格率", "项目完成及时率", "违法行为责停率", "满意度"]);
    expect(model.indicators.map((i) => i.target?.raw)).toEqual(["72890", "100", "100", "95", "95"]);
    expect(model.totalScore?.value.toString()).toBe("99");
  });

  it("部门整体 with 分值合计/得分合计, 总分 and 自评等级: 7 indicators, the 总分 row is the total, the grade row inside", async () => {
    const [table] = selfEvaluations(await loadFixture("self-eval-department-totals-2023"));
    const model = table.evaluation!;
    expect(model.indicators).toHaveLength(7);
    expect([model.totalWeight?.value.toString(), model.totalScore?.value.toString()]).toEqual(["100", "99.4"]);
    expect(model.grade?.text).toBe("优");
  });

  it("a wrong grade below the 总分 row is caught (broken-eval-department-grade)", async () => {
    const want = fixtures["broken-eval-department-grade"].injected!;
    const p8 = findingsOf(await loadFixture("broken-eval-department-grade")).filter((f) => f.rule === "P8");
    expect(p8.map((f) => [f.severity, f.sheet, f.cell, f.actual])).toEqual([["error", want.sheet, want.cell, want.actual]]);
  });
});
