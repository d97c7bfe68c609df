import { groupFindingsByCell } from "../../src/domain/finding-groups";
import type { Finding } from "../../src/domain/findings";

const finding = (rule: string, severity: Finding["severity"], sheet: string | null, cell: string | null): Finding => ({
  rule, severity, sheet, cell, cells: [], message: rule, expected: null, actual: null,
});

describe("groupFindingsByCell", () => {
  it("shows a cell that breaks three rules once, with every rule, most severe first", () => {
    const groups = groupFindingsByCell([
      finding("X3", "warning", "支出决算表", "E7"),
      finding("T3.1", "error", "支出决算表", "E7"),
      finding("T1.1", "error", "收入支出决算总表", "B31"),
      finding("T3.2", "error", "支出决算表", "E7"),
    ]);
    expect(groups.map((group) => group.cell)).toEqual(["E7", "B31"]);
    expect(groups[0].findings.map((f) => f.rule)).toEqual(["T3.1", "T3.2", "X3"]);
    expect(groups[0].severity).toBe("error");
  });

  it("keeps the same address on different sheets apart and never merges workbook-level findings", () => {
    const groups = groupFindingsByCell([
      finding("A", "warning", "表一", "B5"),
      finding("B", "warning", "表二", "B5"),
      finding("TABLE.MISSING", "warning", null, null),
      finding("TABLE.MISSING", "warning", null, null),
    ]);
    expect(groups).toHaveLength(4);
  });

  it("orders groups by their most severe finding", () => {
    const groups = groupFindingsByCell([finding("I", "info", "s", "A1"), finding("W", "warning", "s", "A2"), finding("E", "error", "s", "A1")]);
    expect(groups.map((group) => [group.cell, group.severity])).toEqual([["A1", "error"], ["A2", "warning"]]);
  });
});
