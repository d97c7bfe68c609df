/** A table whose title is only the sheet's name (exports that start at the header row) is still recognized. */
import { recognizeWorkbook } from "../../src/domain/recognize";
import { runRules } from "../../src/domain/rules";
import { buildSheet } from "../support/sheet-builder";

it("reads a 支出决算表 whose sheet is named after it and has no title row", () => {
  const sheet = buildSheet([
    ["科目编码", "科目名称", "本年支出合计", "基本支出", "项目支出"],
    ["", "合计", 100, 60, 40],
    ["206", "科学技术支出", 100, 60, 40],
    ["20607", "科学技术普及", 100, 60, 40],
    ["2060701", "机构运行", 60, 60, 0],
    ["2060702", "科普活动", 41, 0, 40],
  ], { name: "Z03 支出决算表" });
  const { tables } = recognizeWorkbook({ sheets: [sheet] });
  expect(tables.map((t) => [t.kind, t.range])).toEqual([["expenditure", "A1:E6"]]);
  const findings = runRules(tables);
  expect(findings.find((f) => f.rule === "T3.1")).toMatchObject({ cell: "C6", expected: "40.00", actual: "41.00" });
});
