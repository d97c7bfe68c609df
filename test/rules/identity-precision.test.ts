/**
 * The identities decide on exact sums whatever the magnitude: ordinary amounts take the fast path (sum and
 * compare), amounts out of its exact range (10^14 and beyond, or more than 14 decimals) go through the full comparison.
 * Both must find the same breaks, to the last digit.
 */
import { recognizeWorkbook } from "../../src/domain/recognize";
import { runRules } from "../../src/domain/rules";
import { buildSheet, type CellInput } from "../support/sheet-builder";

/** A 支出决算表 (合计, one 类/款/项 line) whose amounts are the given texts: total, basic, project per row. */
function expenditure(lines: [string, string, string, string, string][]) {
  const rows: CellInput[][] = [
    ["支出决算表"],
    ["", "", "", "", "单位：元"],
    ["科目编码", "科目名称", "本年支出合计", "基本支出", "项目支出"],
    ...lines,
  ];
  const sheet = buildSheet(rows, { name: "支出决算表", merges: ["A1:E1"] });
  const { tables } = recognizeWorkbook({ sheets: [sheet] });
  expect(tables.map((t) => t.kind)).toEqual(["expenditure"]);
  return runRules(tables)
    .filter((f) => f.rule.startsWith("T3."))
    .map((f) => [f.rule, f.severity, f.cell, f.expected, f.actual, f.difference]);
}

const BIG = "123456789012345678901234.01"; // 27 digits: beyond the fast path's range
const BIG_HALF = "61728394506172839450617.00";
const BIG_REST = "61728394506172839450617.01";

it("finds no break where huge amounts add up exactly", () => {
  expect(
    expenditure([
      ["", "合计", BIG, BIG_HALF, BIG_REST],
      ["201", "一般公共服务支出", BIG, BIG_HALF, BIG_REST],
      ["20101", "人大事务", BIG, BIG_HALF, BIG_REST],
      ["2010101", "行政运行", BIG, BIG_HALF, BIG_REST],
    ]),
  ).toEqual([]);
});

it("finds a one-yuan break among huge amounts, in the row and in the hierarchy", () => {
  const off = "61728394506172839450618.01";
  expect(
    expenditure([
      ["", "合计", BIG, BIG_HALF, BIG_REST],
      ["201", "一般公共服务支出", BIG, BIG_HALF, BIG_REST],
      ["20101", "人大事务", BIG, BIG_HALF, BIG_REST],
      ["2010101", "行政运行", BIG, BIG_HALF, off],
    ]),
  ).toEqual([
    // both findings land on the likely culprit, the 项目支出 of the 项 row
    ["T3.1", "error", "E7", "61728394506172839450617.01", "61728394506172839450618.01", "1.00"],
    ["T3.2", "error", "E7", "61728394506172839450617.01", "61728394506172839450618.01", "1.00"],
  ]);
});

it("finds the same one-yuan break among ordinary amounts", () => {
  expect(
    expenditure([
      ["", "合计", "1,234.01", "617.00", "617.01"],
      ["201", "一般公共服务支出", "1,234.01", "617.00", "617.01"],
      ["20101", "人大事务", "1,234.01", "617.00", "617.01"],
      ["2010101", "行政运行", "1,234.01", "617.00", "618.01"],
    ]),
  ).toEqual([
    ["T3.1", "error", "E7", "617.01", "618.01", "1.00"],
    ["T3.2", "error", "E7", "617.01", "618.01", "1.00"],
  ]);
});
