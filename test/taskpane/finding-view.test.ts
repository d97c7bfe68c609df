/** The findings list's data, without React (node environment). */
import { groupFindingsByCell } from "../../src/domain/finding-groups";
import { groupForPane } from "../../src/taskpane/finding-view";
import { DEFAULT_SETTINGS, reverseFormulaSetting, toleranceSetting } from "../../src/domain/findings";
import { finding, table } from "./fakes";

const T1 = table("总表!A1:F30", "总表", "income-expenditure-summary");
const T3 = table("支出表!A1:F30", "支出表", "expenditure");

describe("groupForPane", () => {
  it("puts a cell once, under the table of its most severe finding; the group with an error first", () => {
    const cells = groupFindingsByCell([
      finding({ rule: "T3.1", severity: "warning", sheet: "支出表", cell: "C9", table: T3.id }),
      finding({ rule: "X2", severity: "warning", sheet: "总表", cell: "B20", table: T3.id }),
      finding({ rule: "T1.2", severity: "error", sheet: "总表", cell: "B20", table: T1.id }),
      finding({ rule: "READ.NUMBER", severity: "warning", sheet: null, cell: null }),
    ]);
    const groups = groupForPane(cells, [T1, T3]);
    expect(groups.map((g) => g.title)).toEqual(["总表 · 收入支出决算总表", "支出表 · 支出决算表", "整个工作簿"]);
    expect(groups[0].cells.map((c) => [c.cell, c.findings.map((f) => f.rule)])).toEqual([["B20", ["T1.2", "X2"]]]);
    expect(groups[1].cells.map((c) => c.cell)).toEqual(["C9"]);
  });
});

describe("settings named in findings", () => {
  it("use the words of the 设置 page, never internal names", () => {
    expect(toleranceSetting(DEFAULT_SETTINGS)).toBe("容差=舍位容差");
    expect(toleranceSetting({ ...DEFAULT_SETTINGS, tolerance: { kind: "fixed", amount: "0.05" } })).toBe("容差=固定 0.05");
    expect(reverseFormulaSetting(DEFAULT_SETTINGS)).toBe("反向指标公式=超出目标按比例扣分");
    expect(reverseFormulaSetting({ ...DEFAULT_SETTINGS, reverseFormula: "ratio" })).toBe("反向指标公式=目标值÷实际值");
  });
});
