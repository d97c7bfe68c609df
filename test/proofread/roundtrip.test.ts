/** What the generator writes, the proofreader accepts: no error on generated 说明 checked against its tables. */
import { generateNarrative, narrativeToText } from "../../src/domain/narrative";
import type { NarrativeOptions } from "../../src/domain/narrative/types";
import { proofread } from "../../src/domain/proofread";
import { buildTables, xicheng2022, xicheng2023, type UnitData } from "../narrative/build-tables";

function richData(): { data: UnitData; previous: UnitData } {
  const data = xicheng2023();
  Object.assign(data.t7, {
    "total.budget": "5.00",
    "total.actual": "3.20",
    "abroad.budget": "1.00",
    "abroad.actual": "0",
    "vehicle.budget": "2.00",
    "vehicle.actual": "2.40",
    "vehicle-operation.budget": "2.00",
    "vehicle-operation.actual": "2.40",
    "reception.budget": "2.00",
    "reception.actual": "0.80",
  });
  data.t8 = {
    total: { "opening-balance": 0, income: "50.00", total: "50.00", basic: 0, project: "50.00", "closing-balance": 0 },
    rows: [
      ["212", "城乡社区支出", { total: "50.00", project: "50.00" }],
      ["21208", "国有土地使用权出让收入安排的支出", { total: "50.00", project: "50.00" }],
      ["2120899", "其他国有土地使用权出让收入安排的支出", { total: "50.00", project: "50.00" }],
    ],
  };
  const previous = xicheng2022();
  Object.assign(previous.t7, { "total.actual": "3.20", "vehicle.actual": "2.90", "vehicle-operation.actual": "2.90", "reception.actual": "0.30" });
  return { data, previous };
}

const cases: [string, UnitData, UnitData | null, Partial<NarrativeOptions>][] = [];
for (const style of ["beijing", "shanghai"] as const) {
  for (const decimals of [0, 1, 2] as const) {
    cases.push([`${style}, ${decimals} decimals, with last year`, xicheng2023(), xicheng2022(), { style, percentDecimals: decimals }]);
    cases.push([`${style}, ${decimals} decimals, no last year`, xicheng2023(), null, { style, percentDecimals: decimals }]);
    const rich = richData();
    cases.push([
      `${style}, ${decimals} decimals, 三公 and 基金 data, 年初预算`,
      rich.data,
      rich.previous,
      { style, percentDecimals: decimals, initialBudgets: { total: "125.00", "2060701": "95.00", "2060702": "4.70", "2120899": "60" } },
    ]);
  }
}

describe.each(cases)("generated 说明 (%s)", (_name, data, previous, options) => {
  const tables = buildTables(data);
  const doc = generateNarrative(tables, { ...options, ...(previous ? { previous: buildTables(previous) } : {}) });
  const text = narrativeToText(doc);
  const findings = proofread(text, { tables, percentDecimals: options.percentDecimals });

  it("has no error and no warning other than unfilled placeholders", () => {
    expect(findings.filter((f) => f.severity !== "info" && f.rule !== "NARR.PLACEHOLDER")).toEqual([]);
  });

  it("reports each placeholder of the document", () => {
    const placeholders = doc.paragraphs.reduce((n, p) => n + p.placeholders.length, 0);
    expect(findings.filter((f) => f.rule === "NARR.PLACEHOLDER")).toHaveLength(placeholders);
  });
});

it("a number changed by hand in a generated 说明 is caught against the tables", () => {
  const tables = buildTables(xicheng2023());
  const text = narrativeToText(generateNarrative(tables, { previous: buildTables(xicheng2022()) })).replace("项目支出4.70万元", "项目支出4.07万元");
  const found = proofread(text, { tables });
  // the amount is wrong (the share printed beside it still matches the tables)
  expect(found.filter((f) => f.severity === "error")).toEqual([
    expect.objectContaining({ rule: "NARR.TABLE-AMOUNT", excerpt: "项目支出4.07万元", expected: "4.70", suggestion: "项目支出4.70万元" }),
  ]);
  expect(found.filter((f) => f.rule === "NARR.SUM")).toEqual([expect.objectContaining({ severity: "warning", expected: "123.15", actual: "123.78" })]);
});
