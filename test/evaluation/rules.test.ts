import { findSelfEvaluationTables } from "../../src/domain/self-evaluation";
import { EVALUATION_RULES, evaluationRules } from "../../src/domain/rules/evaluation";
import { DEFAULT_SETTINGS, type CheckSettings, type Finding } from "../../src/domain/findings";
import { buildSheet, num } from "../support/sheet-builder";
import { chongqingGrid, guizhouGrid, seedGrid, sichuanGrid, withCells, type Grid } from "./forms";

function check(grid: Grid, settings: CheckSettings = DEFAULT_SETTINGS, name = "自评表"): Finding[] {
  const tables = findSelfEvaluationTables(buildSheet(grid.rows, { name, merges: grid.merges }));
  expect(tables).toHaveLength(1);
  return evaluationRules(tables[0], settings);
}

function one(findings: Finding[], rule: string, cell?: string): Finding {
  const hits = findings.filter((f) => f.rule === rule && (cell === undefined || f.cell === cell));
  if (hits.length !== 1) throw new Error(`expected one ${rule}${cell ? ` at ${cell}` : ""}, got ${JSON.stringify(findings.map((f) => `${f.rule}@${f.cell}:${f.severity}`))}`);
  return hits[0];
}

const errors = (fs: Finding[]) => fs.filter((f) => f.severity === "error");

/** The 棠溪镇 2022 case: 年度资金总额 0/0/0 over 当年财政拨款 90/89.974/89.974. */
function tangxiGrid(): Grid {
  return withCells(seedGrid(), {
    C7: 0,
    D7: 0,
    E7: 0,
    G7: "0%",
    H7: 0,
    C8: 90,
    D8: 89.974,
    E8: 89.974,
    G8: "100%",
    F29: 0,
    F30: 79.45,
  });
}

describe("the catalogue", () => {
  it("declares P1–P12 and S1–S12 once each", () => {
    const ids = EVALUATION_RULES.map((r) => r.id);
    const expected = [...Array.from({ length: 12 }, (_, i) => `P${i + 1}`), ...Array.from({ length: 12 }, (_, i) => `S${i + 1}`)];
    expect(ids).toEqual(expected);
    for (const r of EVALUATION_RULES) expect(r.statement.length).toBeGreaterThan(5);
  });
});

describe("hard rules on broken tables", () => {
  it("P6: a score over its weight", () => {
    const f = one(check(withCells(seedGrid(), { F14: 6.5, F30: 89.95 })), "P6");
    expect(f.severity).toBe("error");
    expect(f.cell).toBe("F14");
    expect(f.expected).toBe("≤6");
    expect(f.actual).toBe("6.5");
    expect(f.message).toContain("“活动场次”得分（F14）为 6.5，超过分值 6");
    expect(f.cells).toEqual(["自评表!F14", "自评表!E14"]);
  });

  it("P7: a wrong 总分", () => {
    const fs = check(withCells(seedGrid(), { F30: 89.55 }));
    const f = one(fs, "P7");
    expect(f.severity).toBe("error");
    expect(f.cell).toBe("F30");
    expect(f.expected).toBe("89.45");
    expect(f.actual).toBe("89.55");
    expect(f.difference).toBe("0.10");
    expect(f.message).toContain("总分得分（F30）应为 各项得分之和 89.45，表中为 89.55");
    expect(errors(fs)).toHaveLength(1);
  });

  it("P7: a 总分 off by rounding only is info", () => {
    const grid = withCells(seedGrid(), { F17: num(4.804, "0.00"), F30: num(89.454, "0.00") });
    const fs = check(withCells(grid, { F30: num(89.46, "0.00") }));
    const f = one(fs, "P7");
    expect(f.severity).toBe("info");
    expect(f.message).toContain("舍位差异");
  });

  it("P8: a wrong 等级", () => {
    const fs = check(withCells(guizhouGrid(), { B18: "良" }));
    const f = one(fs, "P8");
    expect(f.severity).toBe("error");
    expect(f.cell).toBe("B18");
    expect(f.expected).toBe("优");
    expect(f.actual).toBe("良");
    expect(f.message).toContain("等级（B18）应为 优（总分 94.75");
  });

  it("P8 accepts 优秀/良好 spellings", () => {
    expect(check(withCells(guizhouGrid(), { B18: "优秀" })).filter((f) => f.rule === "P8" || f.rule === "S10")).toEqual([]);
    const f = one(check(withCells(guizhouGrid(), { B18: "待定" })), "S10");
    expect(f.severity).toBe("warning");
  });

  it("P2: a wrong stored 执行率 hidden by a 0% format (0.9954 shows 100%) is a warning, not an error", () => {
    const f = one(check(withCells(seedGrid(), { G7: num(0.9954, "0%") })), "P2");
    expect(f).toMatchObject({ severity: "warning", cell: "G7", expected: "100.00%", actual: "99.54%" });
  });

  it("P2: a wrong 执行率", () => {
    const fs = check(withCells(seedGrid(), { G7: "98.00%" }));
    const f = one(fs, "P2");
    expect(f.severity).toBe("error");
    expect(f.cell).toBe("G7");
    expect(f.expected).toBe("100.00%");
    expect(f.actual).toBe("98.00%");
    expect(f.message).toBe("执行率（G7）应为 全年执行数 137.85 ÷ 全年预算数 137.85 = 100.00%，表中为 98.00%");
    expect(f.settings).toEqual(["百分比小数位=2"]);
    expect(f.cells).toEqual(["自评表!G7", "自评表!E7", "自评表!D7"]);
  });

  it("P3: 执行率得分 without the cap (Guizhou 108.2% scored 10.82)", () => {
    const fs = check(withCells(guizhouGrid(10.82), { H17: 95.57 }));
    const f = one(fs, "P3");
    expect(f.severity).toBe("error");
    expect(f.cell).toBe("F5");
    expect(f.expected).toBe("10.00");
    expect(f.actual).toBe("10.82");
    expect(f.message).toContain("min(执行率 108.20%, 100%) × 分值 10 = 10.00，表中为 10.82");
    expect(f.message).toContain("最高不得超过分值");
    // and the score is over its weight
    expect(one(fs, "P6", "F5").severity).toBe("error");
  });

  it("P1: 年度资金总额 ≠ its parts (棠溪镇 0/0/0 vs 90/89.974/89.974)", () => {
    const fs = check(tangxiGrid());
    const p1 = fs.filter((f) => f.rule === "P1");
    expect(p1.map((f) => [f.cell, f.expected, f.actual, f.severity])).toEqual([
      ["C7", "90", "0", "error"],
      ["D7", "89.974", "0", "error"],
      ["E7", "89.974", "0", "error"],
    ]);
    expect(p1[1].message).toContain("年度资金总额 全年预算数（D7）应为 当年财政拨款 89.974 + 上年结转资金 0 + 其他资金 0 = 89.974，表中为 0");
  });

  it("P4: 一级 weights that do not add up to the label", () => {
    const fs = check(withCells(guizhouGrid(), { B12: "产出指标（55分）" }));
    const f = one(fs, "P4");
    expect(f.severity).toBe("error");
    expect(f.cell).toBe("B12");
    expect(f.expected).toBe("55");
    expect(f.actual).toBe("50");
  });

  it("P4: Sichuan 绩效指标(90分)", () => {
    const f = one(check(withCells(sichuanGrid(), { A13: "绩效指标（80分）" })), "P4");
    expect(f.cell).toBe("A13");
    expect(f.expected).toBe("80");
    expect(f.actual).toBe("90");
  });

  it("P5: weights that do not add up to 100", () => {
    const f = one(check(withCells(seedGrid(), { E14: 7 })), "P5");
    expect(f.severity).toBe("error");
    expect(f.cell).toBe("E30");
    expect(f.expected).toBe("100");
    expect(f.actual).toBe("101");
  });

  it("P6: 指标得分 ≠ 得分系数 × 指标权重 (Chongqing)", () => {
    const fs = check(withCells(chongqingGrid(), { I8: 13, I12: 97.8 }));
    const f = one(fs, "P6");
    expect(f.cell).toBe("I8");
    expect(f.expected).toBe("12.00");
    expect(f.actual).toBe("13");
  });

  it("S3: the 预算执行率 indicator line scored wrong", () => {
    const f = one(check(withCells(seedGrid(), { F29: 9, F30: 88.45 })), "S3");
    expect(f.severity).toBe("error");
    expect(f.cell).toBe("F29");
    expect(f.expected).toBe("10.00");
    expect(f.actual).toBe("9");
  });

  it("S9: a 总分 over 100", () => {
    const fs = check(withCells(seedGrid(), { F30: 100.5 }));
    expect(one(fs, "S9").cell).toBe("F30");
  });
});

describe("soft rules", () => {
  it("P9: a score below its weight with no 偏差原因", () => {
    const f = one(check(seedGrid()), "P9", "G17");
    expect(f.severity).toBe("warning");
    expect(f.message).toBe("“活动实际签到率”得分 4.8 低于分值 5，偏差原因分析及改进措施（G17）未填写");
    expect(check(withCells(seedGrid(), { G17: "签到系统故障，部分人员未签到" })).some((x) => x.rule === "P9" && x.cell === "G17")).toBe(false);
  });

  it("P9: full marks with a 未完成 reason contradicts itself", () => {
    const f = one(check(withCells(seedGrid(), { G14: "部分活动未完成" })), "P9", "G14");
    expect(f.message).toContain("前后矛盾");
  });

  it("P10: 执行数 above the budget", () => {
    const f = one(check(guizhouGrid()), "P10");
    expect(f.cell).toBe("D5");
    expect(f.message).toContain("执行率 108.20%");
  });

  it("P11: Sichuan text over 200 字", () => {
    const long = "项目按计划实施。".repeat(30);
    const f = one(check(withCells(sichuanGrid(), { B22: long })), "P11");
    expect(f.severity).toBe("warning");
    expect(f.cell).toBe("B22");
    expect(f.expected).toBe("200");
    expect(f.actual).toBe("240");
  });

  it("P12: the 完成情况 text states another amount", () => {
    const f = one(check(withCells(guizhouGrid(), { E10: "全年执行资金1200.00万元，农村公路安全畅通。" })), "P12");
    expect(f.cell).toBe("E10");
    expect(f.expected).toBe("1268.72");
    expect(f.actual).toBe("1200.00");
  });

  it("S4: a positive indicator scored differently from B/A × 分值", () => {
    const f = one(check(withCells(guizhouGrid(), { H13: 15, H17: 95.5 })), "S4");
    expect(f.severity).toBe("warning");
    expect(f.cell).toBe("H13");
    expect(f.expected).toBe("14.25");
    expect(f.actual).toBe("15");
  });

  it("S5: the reverse formula follows the setting", () => {
    expect(check(guizhouGrid()).some((f) => f.rule === "S5")).toBe(false);
    const f = one(check(guizhouGrid(), { ...DEFAULT_SETTINGS, reverseFormula: "ratio" }), "S5");
    expect(f.cell).toBe("H14");
    expect(f.expected).toBe("13.64");
    expect(f.actual).toBe("13.5");
    expect(f.settings).toEqual(["反向指标公式=目标值÷实际值", "得分小数位=2"]);
  });

  it("S6: an equality target of 0 missed scores 0", () => {
    const f = one(check(withCells(chongqingGrid(), { C7: "=", F7: "3" })), "S6");
    expect(f.cell).toBe("I7");
    expect(f.expected).toBe("0.00");
  });

  it("S8: a qualitative score outside its band", () => {
    const f = one(check(withCells(guizhouGrid(), { H15: 20, H17: 87.75 })), "S8");
    expect(f.cell).toBe("H15");
    expect(f.expected).toBe("[24, 30]");
    expect(f.actual).toBe("20");
  });

  it("S11: 执行率 below 90% with no reason (Sichuan)", () => {
    const grid = withCells(sichuanGrid(), { E8: num(100, "0.00"), E9: num(100, "0.00"), F8: "83.33%", F9: "83.33%", H8: 8.33, J21: 95.83 });
    const fs = check(grid);
    const f = one(fs, "S11");
    expect(f.cell).toBe("I8");
    expect(errors(fs)).toEqual([]);
  });

  it("S1 and S7 are notes", () => {
    const s7 = one(check(withCells(guizhouGrid(), { F12: "1200公里" })), "S7");
    expect(s7.severity).toBe("info");
    expect(s7.cell).toBe("F12");
    const s1 = one(check(withCells(seedGrid(), { E29: 15, E14: 1, F14: 1, F30: 84.45 })), "S1");
    expect(s1.severity).toBe("info");
    expect(s1.cell).toBe("E29");
  });
});

describe("S12 rounding: a table printed in integers", () => {
  // 廊坊 2019 style: 86.2037% shown "86%", 8.62 shown "9"
  const grid = withCells(seedGrid(), {
    E7: num(86.2037, "0.00"),
    E8: num(86.2037, "0.00"),
    D7: num(100, "0.00"),
    D8: num(100, "0.00"),
    G7: "86%",
    G8: "86%",
    H7: 9,
    F29: 9,
    F30: 88.45,
  });
  const fs = check(grid);

  it("is info, not an error", () => {
    expect(errors(fs)).toEqual([]);
    const rate = one(fs, "S12", "G7");
    expect(rate.severity).toBe("info");
    expect(rate.expected).toBe("86.20%");
    expect(rate.actual).toBe("86%");
    expect(rate.message).toContain("表中按整数列示");
    const score = one(fs, "S12", "H7");
    expect(score.expected).toBe("8.62");
    expect(score.actual).toBe("9");
  });

  it("a wrong integer is still an error", () => {
    const wrong = check(withCells(grid, { G7: "85%" }));
    expect(one(wrong, "P2", "G7").severity).toBe("error");
  });
});

describe("S2 the 预算执行率 line's 完成值", () => {
  it("must equal the computed rate", () => {
    // a Guizhou-style table listing 预算执行率 among its indicators with A/B values
    const grid = withCells(guizhouGrid(), {
      B16: "预算执行率",
      C16: "预算执行率",
      D16: "预算执行率",
      E16: "100%",
      F16: "98%",
    });
    const fs = check(grid);
    const f = one(fs, "S2");
    expect(f.cell).toBe("F16");
    expect(f.expected).toBe("108%");
  });
});
