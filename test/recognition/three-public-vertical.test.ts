/**
 * The 三公 table printed vertically (items as rows, 预算数 | 决算数 as columns) and a unit printed on
 * the title row: read into the same item.measure cells as the horizontal forms, so T7.* apply.
 */
import { recognizeWorkbook } from "../../src/domain/recognize";
import { runRules } from "../../src/domain/rules";
import { buildSheet } from "../support/sheet-builder";

const rows = [
  ["财政拨款“三公”经费支出决算表", "", "单位：万元"],
  ["项目", "预算数", "决算数"],
  ["合计", 12, 10.5],
  ["1.因公出国（境）费", 3, 2.5],
  ["2.公务用车购置及运行维护费", 6, 5.2],
  ["其中：公务用车购置费", 0, 0],
  ["      公务用车运行维护费", 6, 5.2],
  ["3.公务接待费", 3, 2.9],
];

it("reads items as rows and checks the 合计 of each measure", () => {
  const { tables } = recognizeWorkbook({ sheets: [buildSheet(rows, { name: "三公" })] });
  expect(tables.map((t) => [t.kind, t.range, t.unit])).toEqual([["three-public-expenses", "A1:C8", "万元"]]);
  const data = tables[0].rows.find((r) => r.key === "data")!;
  expect(Object.fromEntries(Object.entries(data.cells).map(([k, c]) => [k, c.displayed.toString()]))).toMatchObject({
    "total.budget": "12",
    "total.actual": "10.5",
    "abroad.actual": "2.5",
    "vehicle.actual": "5.2",
    "vehicle-purchase.actual": "0",
    "vehicle-operation.actual": "5.2",
    "reception.actual": "2.9",
  });
  const findings = runRules(tables).filter((f) => f.severity === "error");
  // 2.5 + 5.2 + 2.9 = 10.6 ≠ 10.5
  expect(findings.map((f) => [f.rule, f.cell, f.expected, f.actual])).toEqual([["T7.2", "C3", "10.60", "10.50"]]);
});
