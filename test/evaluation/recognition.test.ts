import { findSelfEvaluationTables } from "../../src/domain/self-evaluation";
import { evaluationRules } from "../../src/domain/rules/evaluation";
import { DEFAULT_SETTINGS } from "../../src/domain/findings";
import type { RecognizedTable } from "../../src/domain/model";
import { buildSheet, num, stack } from "../support/sheet-builder";
import { chongqingGrid, guizhouGrid, seedGrid, sichuanGrid, withCells, type Grid } from "./forms";

function tablesOf(grid: Grid, name = "自评表", at?: string): RecognizedTable[] {
  return findSelfEvaluationTables(buildSheet(grid.rows, { name, merges: grid.merges, ...(at ? { at } : {}) }));
}

function only(grid: Grid, name = "自评表", at?: string): RecognizedTable {
  const tables = tablesOf(grid, name, at);
  expect(tables).toHaveLength(1);
  return tables[0];
}

describe("项目支出绩效自评表, 财预〔2020〕10号 附1 (the 西城区科协 seed)", () => {
  const table = only(seedGrid(), "全区科普经费");
  const model = table.evaluation!;

  it("is recognized with its title, range, unit, year and unit name", () => {
    expect(table.kind).toBe("project-self-evaluation");
    expect(table.title).toBe("项目支出绩效自评表");
    expect(table.printedTitle).toBe("项目支出绩效自评表");
    expect(table.range).toBe("A1:H30");
    expect(table.id).toBe("全区科普经费!A1:H30");
    expect(table.titleCell.address).toBe("A1");
    expect(table.unit).toBe("万元");
    expect(table.year).toBe(2024);
    expect(table.unitName).toBe("西城区科学技术协会");
    expect(table.variant).toBe("generic");
    expect(model.form).toBe("finance-2020-10");
    expect(model.projectName).toBe("全区科普经费");
    expect(model.department).toBe("科普部");
    expect(model.implementer).toBe("西城区科学技术协会");
    expect(table.empty).toBe(false);
  });

  it("reads the 项目资金 block exactly, percentages as fractions", () => {
    expect(table.rows.map((r) => r.key)).toEqual(["total", "fiscal", "carryover", "other"]);
    const total = table.rows[0];
    expect(total.row).toBe(6);
    expect(total.cells["initial-budget"].displayed.toFixed(2)).toBe("138.40");
    expect(total.cells["annual-budget"].address).toBe("D7");
    expect(total.cells.executed.value.toString()).toBe("137.85");
    expect(total.cells.rate.address).toBe("G7");
    expect(total.cells.rate.percent).toBe(true);
    expect(total.cells.rate.value.toString()).toBe("1");
    expect(total.cells.weight.value.toString()).toBe("10");
    expect(table.rows[1].cells.weight.blank).toBe(true); // "—"
    expect(table.rows[2].cells.executed.blank).toBe(true);
  });

  it("reads 16 indicators, 一级/二级 carried through merges, the missing 效益指标 label inferred", () => {
    expect(model.indicators).toHaveLength(16);
    const first = model.indicators[0];
    expect([first.level1, first.level2, first.name]).toEqual(["产出指标", "数量指标", "活动场次"]);
    expect(model.indicators[1].name).toBe("活动参与人数（线上&线下）");
    expect(model.indicators[4].level2).toBe("质量指标");
    const social = model.indicators[9];
    expect(social.level1).toBe("效益指标");
    expect(social.level2).toBe("社会效益指标");
    expect(social.level1Inferred).toBe(true);
    expect(model.indicators[14].level1).toBe("满意度指标");
    const last = model.indicators[15];
    expect(last.isExecutionRate).toBe(true);
    expect(last.score?.address).toBe("F29");
    expect(model.indicators.filter((i) => i.isExecutionRate)).toHaveLength(1);
    expect(model.indicators[3].deviation?.address).toBe("G17");
  });

  it("sums the weights per 一级: 产出 55, 效益 30, 满意度 5 (+ 执行率 10)", () => {
    expect(model.level1Weights.map((w) => `${w.name}=${w.stated.toString()}`)).toEqual(["产出指标=55", "效益指标=30", "满意度指标=5"]);
    expect(model.level2Weights.find((w) => w.name === "质量指标")?.stated.toString()).toBe("17");
    expect(model.totalWeight?.address).toBe("E30");
    expect(model.totalWeight?.value.toString()).toBe("100");
    expect(model.totalScore?.address).toBe("F30");
    expect(model.totalScore?.value.toString()).toBe("89.45");
    expect(model.grade).toBeUndefined();
  });

  it("reads the 年度总体目标 texts", () => {
    const keys = (model.texts ?? []).map((t) => `${t.key}@${t.cell.address}`);
    expect(keys).toEqual(["goal@B12", "achievement@E12"]);
  });

  it("has no error: 执行率 counted once in P5/P7 though listed twice", () => {
    const findings = evaluationRules(table, DEFAULT_SETTINGS);
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
    const rules = new Set(findings.map((f) => f.rule));
    expect(rules.has("P5")).toBe(false);
    expect(rules.has("P7")).toBe(false);
    // 11 indicators score below their weight with no 偏差原因
    expect(findings.filter((f) => f.rule === "P9")).toHaveLength(11);
    expect(findings.every((f) => f.table === table.id && f.sheet === "全区科普经费")).toBe(true);
  });

  it("does not take the 指标体系 below it for a 自评表", () => {
    const grid = seedGrid();
    const system: Grid = { rows: grid.rows.slice(31), merges: [] };
    expect(tablesOf(system)).toEqual([]);
  });

  it("finds the table at any offset", () => {
    const t = only(seedGrid(), "偏移", "C5");
    expect(t.range).toBe("C5:J34");
    expect(t.rows[0].cells.rate.address).toBe("I11");
    expect(t.evaluation!.indicators).toHaveLength(16);
    expect(evaluationRules(t, DEFAULT_SETTINGS).filter((f) => f.severity === "error")).toEqual([]);
  });

  it("finds a table without a printed title on a sheet named after it", () => {
    const grid = seedGrid();
    const untitled: Grid = { rows: grid.rows.slice(4, 30), merges: [] };
    const t = only(untitled, "项目支出绩效自评表");
    expect(t.range).toBe("A2:H26");
    expect(t.evaluation!.indicators).toHaveLength(16);
    expect(t.rows[0].cells.rate.address).toBe("G3");
  });

  it("finds stacked tables on one sheet", () => {
    const grid = stack([seedGrid(), guizhouGrid()]);
    const tables = tablesOf(grid, "汇总");
    expect(tables.map((t) => `${t.kind}@${t.range}`)).toEqual([
      "project-self-evaluation@A1:H30",
      `department-self-evaluation@A${seedGrid().rows.length + 3}:J${seedGrid().rows.length + 2 + 18}`,
    ]);
  });
});

describe("forms that are not 自评表", () => {
  it("rejects a 绩效目标表 (no 得分 column)", () => {
    const rows = [
      ["项目支出绩效目标表"],
      ["（2024年度）"],
      ["项目名称", "全区科普经费"],
      ["一级指标", "二级指标", "三级指标", "指标值"],
      ["产出指标", "数量指标", "活动场次", "≥50场"],
    ];
    expect(findSelfEvaluationTables(buildSheet(rows))).toEqual([]);
    const declared = [["项目支出绩效目标申报表"], ["一级指标", "二级指标", "三级指标", "指标值", "分值"], ["产出指标", "数量指标", "活动场次", "≥50场", 10]];
    expect(findSelfEvaluationTables(buildSheet(declared))).toEqual([]);
  });

  it("rejects 目录 and 说明 sheets", () => {
    const toc = [["目录"], ["一、部门决算说明……1"], ["二、项目支出绩效自评表……………15"], ["三、部门整体支出绩效自评表……16"]];
    expect(findSelfEvaluationTables(buildSheet(toc))).toEqual([]);
    const prose = [["2023年度部门决算说明"], ["本单位按要求开展了绩效自评，项目支出绩效自评表见附件，自评得分89.45分，等级为良。"]];
    expect(findSelfEvaluationTables(buildSheet(prose))).toEqual([]);
  });
});

describe("Sichuan 部门预算项目支出绩效自评表", () => {
  const table = only(sichuanGrid());
  const model = table.evaluation!;

  it("is recognized as the Sichuan form", () => {
    expect(table.kind).toBe("project-self-evaluation");
    expect(table.variant).toBe("sichuan");
    expect(model.form).toBe("sichuan");
    expect(table.range).toBe("A1:K24"); // the 负责人 line under 改进措施 is outside the table
    expect(table.year).toBe(2023);
    expect(table.unit).toBe("万元");
    expect(table.unitName).toBe("青神县交通运输局");
  });

  it("reads 预算执行情况(10分) with its five rows and the 绩效指标(90分) block", () => {
    expect(table.rows.map((r) => r.key)).toEqual(["total", "fiscal", "special-account", "unit", "other"]);
    expect(table.rows[0].cells["annual-budget"].value.toString()).toBe("120");
    expect(table.rows[0].cells.rate.value.toString()).toBe("0.95");
    expect(model.executionWeightLabel?.stated.toString()).toBe("10");
    expect(model.indicatorsWeight?.stated.toString()).toBe("90");
    expect(model.indicators).toHaveLength(7);
  });

  it("takes 指标性质 and 度量单位 from their columns", () => {
    const quality = model.indicators[1];
    expect(quality.nature).toBe(">=");
    expect(quality.unit).toBe("分");
    expect(quality.target?.nature).toBe(">=");
    expect(quality.target?.number?.toString()).toBe("80");
    expect(quality.target?.unit).toBe("分");
    expect(quality.actual?.number?.toString()).toBe("78");
    expect(model.indicators[3].target?.nature).toBe("<=");
    expect(model.indicators[4].target?.nature).toBe("qualitative");
  });

  it("reads 评价结论/存在问题/改进措施 and the 原因 cell", () => {
    const keys = (model.texts ?? []).map((t) => `${t.key}@${t.cell.address}`);
    expect(keys).toEqual(expect.arrayContaining(["goal@B6", "achievement@F6", "conclusion@B22", "problems@B23", "improvements@B24", "execution-reason@I8"]));
  });

  it("has no error", () => {
    expect(evaluationRules(table, DEFAULT_SETTINGS).filter((f) => f.severity === "error")).toEqual([]);
  });

  it("does not stop at an indicator whose name starts like a trailing label", () => {
    const t = only(withCells(sichuanGrid(), { D15: "等级公路优良率" }));
    expect(t.evaluation!.indicators.map((i) => i.name)).toContain("等级公路优良率");
    expect(t.evaluation!.indicators).toHaveLength(7);
  });
});

describe("Guizhou 部门整体支出绩效自评表", () => {
  const table = only(guizhouGrid());
  const model = table.evaluation!;

  it("is recognized with 年初预算数(A) / 全年执行数(B) and the 得分计算方法 column", () => {
    expect(table.kind).toBe("department-self-evaluation");
    expect(table.title).toBe("部门整体支出绩效自评表");
    expect(table.variant).toBe("guizhou");
    expect(model.form).toBe("guizhou");
    expect(table.range).toBe("A1:J18");
    expect(table.unit).toBe("万元");
    expect(table.unitName).toBe("绥阳县交通运输局");
    expect(table.rows.map((r) => r.key)).toEqual(["total", "basic", "project", "other"]);
    expect(table.rows[0].cells["annual-budget"]).toBeUndefined();
    expect(table.columns.find((c) => c.group === "funds" && c.key === "method")?.header).toBe("得分计算方法");
  });

  it("reads labelled 一级 weights, A/B values and the grade", () => {
    expect(model.level1Weights.map((w) => `${w.name}=${w.stated.toString()}:${w.source}`)).toEqual([
      "产出指标=50:label",
      "效益指标=30:label",
      "满意度指标=10:label",
    ]);
    const quality = model.indicators[1];
    expect(quality.target?.raw).toBe("≥80%");
    expect(quality.actual?.number?.toString()).toBe("76");
    expect(model.grade?.address).toBe("B18");
    expect(model.grade?.text).toBe("优");
    expect(model.totalScore?.value.toString()).toBe("94.75");
  });

  it("has no error; 执行数 above 年初预算 is a warning (P10)", () => {
    const findings = evaluationRules(table, DEFAULT_SETTINGS);
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
    const p10 = findings.find((f) => f.rule === "P10");
    expect(p10?.cell).toBe("D5");
    expect(p10?.severity).toBe("warning");
  });
});

describe("Chongqing 部门整体绩效自评表", () => {
  const table = only(chongqingGrid());
  const model = table.evaluation!;

  it("is recognized with one funds row and indicators by 指标名称", () => {
    expect(table.kind).toBe("department-self-evaluation");
    expect(table.variant).toBe("chongqing");
    expect(table.year).toBe(2021);
    expect(table.unit).toBe("万元");
    expect(table.unitName).toBe("重庆市某区农业农村委员会");
    expect(table.rows.map((r) => r.key)).toEqual(["total"]);
    const rate = table.rows[0].cells.rate;
    expect(rate.percent).toBe(true);
    expect(rate.value.toString()).toBe("0.98");
    expect(model.indicators).toHaveLength(6);
    expect(model.level1Weights).toEqual([]);
  });

  it("reads 得分系数(%) as a fraction and the nature column", () => {
    const carry = model.indicators[2];
    expect(carry.name).toBe("结转结余率");
    expect(carry.coefficient?.value.toString()).toBe("0.8");
    expect(carry.target?.nature).toBe("<=");
    expect(carry.unit).toBe("%");
    expect(model.indicators[5].nature).toBe("qualitative");
    expect(model.totalScore?.value.toString()).toBe("96.8");
  });

  it("has no finding at all", () => {
    expect(evaluationRules(table, DEFAULT_SETTINGS)).toEqual([]);
  });
});

describe("AmountCell reading", () => {
  it("keeps 4-decimal stored values and checks them as displayed", () => {
    const grid = seedGrid();
    grid.rows[6][4] = num(137.8512, "0.00");
    const t = only(grid);
    const executed = t.rows[0].cells.executed;
    expect(executed.value.toString()).toBe("137.8512");
    expect(executed.displayed.toString()).toBe("137.85");
    expect(executed.decimals).toBe(2);
  });
});
