/**
 * Rows after the indicators, the adjusted budget, and regional forms from published tables:
 * the Sichuan 510000_0013zp form as 青神 2023 prints it, the Yunnan 项目支出 form with its two-row indicator
 * header, and a 部门整体 form whose 合计 row carries weights and scores together above 总分 and 自评等级.
 */
import { findSelfEvaluationTables } from "../../src/domain/self-evaluation";
import { isTotalLabel } from "../../src/domain/self-evaluation/vocabulary";
import { evaluationRules } from "../../src/domain/rules/evaluation";
import { DEFAULT_SETTINGS, type Finding } from "../../src/domain/findings";
import type { RecognizedTable } from "../../src/domain/model";
import { normalizeLabel } from "../../src/domain/text";
import { buildSheet } from "../support/sheet-builder";
import { departmentCombinedTotalGrid, guizhouGrid, seedGrid, sichuanPublishedGrid, withCells, yunnanProjectGrid, type Grid } from "./forms";

function only(grid: Grid): RecognizedTable {
  const tables = findSelfEvaluationTables(buildSheet(grid.rows, { name: "自评表", merges: grid.merges }));
  expect(tables).toHaveLength(1);
  return tables[0];
}

const findings = (t: RecognizedTable): Finding[] => evaluationRules(t, DEFAULT_SETTINGS);
const errors = (t: RecognizedTable) => findings(t).filter((f) => f.severity === "error").map((f) => `${f.rule} ${f.cell} ${f.message}`);

describe("Sichuan 510000_0013zp as published (年度预算数（万元） block label, budget raised mid-year)", () => {
  const table = only(sichuanPublishedGrid());
  const total = table.rows.find((r) => r.key === "total")!;

  it("reads 年初预算 and 调整后预算数 from their own columns, not from the block label", () => {
    expect(table.evaluation!.form).toBe("sichuan");
    expect(total.cells["initial-budget"].address).toBe("C9");
    expect(total.cells["annual-budget"].address).toBe("D9");
    expect(total.cells["annual-budget"].value.toString()).toBe("251.89");
    expect(table.rows.map((r) => r.key)).toEqual(["total", "fiscal", "special-account", "unit", "other"]);
  });

  it("computes 执行率 over 调整后预算数: no false P2/P10 on 251.89 / 251.89 = 100.00%", () => {
    expect(errors(table)).toEqual([]);
    expect(findings(table).filter((f) => f.rule === "P2" || f.rule === "P10")).toEqual([]);
  });

  it("still catches a wrong 执行率 against 调整后预算数", () => {
    const broken = only(withCells(sichuanPublishedGrid(), { F9: { v: 0.9486, t: "94.86%", f: "0.00%" } }));
    const p2 = findings(broken).filter((f) => f.rule === "P2");
    expect(p2.map((f) => f.cell)).toEqual(["F9"]);
    expect(p2[0].message).toContain("调整后预算数 251.89");
    expect(p2[0].expected).toBe("100.00%");
  });

  it("reads the 合计 row as the total, never as an indicator", () => {
    const model = table.evaluation!;
    expect(model.indicators.map((i) => i.name)).toEqual(["发放（缴纳）覆盖率", "按月发放率", "足额保障率（参保率）"]);
    expect(model.totalWeight?.address).toBe("I18");
    expect(model.totalScore?.value.toString()).toBe("100");
  });
});

describe("Yunnan 项目支出绩效自评表 (two-row indicator header)", () => {
  const table = only(yunnanProjectGrid());
  const model = table.evaluation!;

  it("is recognized with both header rows inside the table", () => {
    expect(table.kind).toBe("project-self-evaluation");
    expect(table.range).toBe("A1:J18");
    expect(table.year).toBe(2020);
    expect(table.unit).toBe("万元");
    expect(table.unitName).toBe("丽江市古城区自然资源局");
    expect(model.form).toBe("finance-2020-10");
  });

  it("maps the lower header row (指标性质 | 指标值 | 度量单位) under 年度指标值", () => {
    const cols = Object.fromEntries(table.columns.filter((c) => c.group === "indicators").map((c) => [c.key, c.col]));
    expect(cols).toEqual({ level1: 0, level2: 1, name: 2, nature: 3, target: 4, unit: 5, actual: 6, weight: 7, score: 8, deviation: 9 });
    expect(model.indicators.map((i) => `${i.level1}/${i.level2}/${i.name}`)).toEqual([
      "产出指标/数量指标/卫片执法补助经费",
      "产出指标/质量指标/项目验收合格率",
      "产出指标/时效指标/项目完成及时率",
      "效益指标/社会效益指标/违法行为责停率",
      "满意度指标/服务对象满意度指标/满意度",
    ]);
    expect(model.indicators[3].target?.nature).toBe(">=");
    expect(model.indicators[3].target?.number?.toString()).toBe("95");
    expect(model.totalScore?.address).toBe("I18");
  });

  it("has no error and no warning on its numbers, and a wrong 总分 is caught", () => {
    expect(findings(table).map((f) => `${f.rule} ${f.cell} ${f.message}`)).toEqual([]);
    const broken = only(withCells(yunnanProjectGrid(), { I18: { v: 98, t: "98.00", f: "0.00" } }));
    expect(findings(broken).filter((f) => f.rule === "P7").map((f) => f.cell)).toEqual(["I18"]);
  });
});

describe("部门整体 form: a 合计 row with weights and scores together, then 总分 and 自评等级", () => {
  it("never counts the 合计 row as an indicator (no 分值合计 190)", () => {
    const table = only(departmentCombinedTotalGrid());
    const model = table.evaluation!;
    expect(model.indicators).toHaveLength(7);
    expect(model.indicators.some((i) => /合计/.test(i.name) || /合计/.test(i.level1))).toBe(false);
    expect(model.totalRow).toBe(18);
    expect(model.totalWeight?.address).toBe("G19");
    expect(errors(table)).toEqual([]);
  });

  it("keeps the 自评等级 row below 总分 inside the table, so a wrong grade is caught", () => {
    const table = only(departmentCombinedTotalGrid("良"));
    expect(table.range).toBe("A1:I20");
    expect(table.evaluation!.grade?.address).toBe("B20");
    const p8 = findings(table).filter((f) => f.rule === "P8");
    expect(p8.map((f) => `${f.severity} ${f.cell} ${f.expected}`)).toEqual(["error B20 优"]);
  });

  it("reads a plain 合计 row then 总分 then 等级 the same way", () => {
    const grid = withCells(departmentCombinedTotalGrid("中"), { A18: "合计" });
    const table = only(grid);
    expect(table.evaluation!.indicators).toHaveLength(7);
    expect(table.evaluation!.totalScore?.address).toBe("H19");
    expect(findings(table).filter((f) => f.rule === "P8").map((f) => f.cell)).toEqual(["B20"]);
  });

  it.each([
    ["合计", true],
    ["分值合计/得分合计", true],
    ["合计（100分）", true],
    ["总分：分值100，得分99.4", true],
    ["合计（分值、得分）", true],
    ["预算执行率", false],
    ["支出合计控制率", false],
    ["公用经费控制率", false],
  ])("isTotalLabel(%s) = %s", (label, want) => {
    expect(isTotalLabel(normalizeLabel(label))).toBe(want);
  });
});

describe("rows after the indicators belong to the table", () => {
  it("a 偏差原因 row under the 总分 row (附1 seed) is inside the table, not an indicator", () => {
    const table = only(withCells(seedGrid(), { A31: "偏差原因分析及改进措施", B31: "部分活动受场地影响延期，下年度提前落实场地。" }));
    expect(table.range).toBe("A1:H31");
    expect(table.evaluation!.indicators).toHaveLength(16);
    expect(table.evaluation!.totalScore?.address).toBe("F30");
  });

  it("总分, 自评等级 and a 偏差原因 row after them (Guizhou) all belong to the table; the grade is still read", () => {
    const table = only(withCells(guizhouGrid(), { A19: "偏差原因", B19: "优良路率未达标，系养护资金不足。" }));
    expect(table.range).toBe("A1:J19");
    expect(table.evaluation!.grade?.text).toBe("优");
    expect(table.evaluation!.indicators).toHaveLength(5);
  });
});
