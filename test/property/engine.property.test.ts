/**
 * Recognition and rules never throw, whatever the grid: random grids built from real table
 * vocabulary, fixtures with random cells replaced (text, #REF!, huge numbers, empty sheets,
 * 16,384 columns). A few thousand cases in npm test; `npm run fuzz` runs 100,000. Real fixtures with
 * random cells replaced: engine-fixtures.property.test.ts (its own file, so jest can run the two in parallel).
 */
import fc from "fast-check";
import { checkWorkbook } from "../../src/domain/engine";
import type { CellSnapshot, SheetSnapshot, WorkbookSnapshot } from "../../src/domain/grid";

import { cellArb, VOCABULARY } from "./arbitraries";
import { reportCases } from "./report";

// thousands of generated cases on a busy machine: generous, never a speed assertion (npm run fuzz sets its own)
jest.setTimeout(600_000);

const RUNS = Number(process.env.FC_NUM_RUNS ?? 2000);

function sheetFrom(name: string, index: number, grid: (CellSnapshot | null)[][], merges: { top: number; left: number; h: number; w: number }[]): SheetSnapshot {
  const colCount = Math.max(0, ...grid.map((r) => r.length));
  return {
    name,
    index,
    cells: grid,
    rowCount: grid.length,
    colCount,
    merges: merges.map((m) => ({ top: m.top, left: m.left, bottom: m.top + m.h, right: m.left + m.w })),
    hiddenRows: [],
    hiddenCols: [],
  };
}

const sheetArb = fc
  .tuple(
    fc.array(fc.array(cellArb, { maxLength: 12 }), { maxLength: 30 }),
    fc.array(fc.record({ top: fc.nat(40), left: fc.nat(15), h: fc.nat(3), w: fc.nat(4) }), { maxLength: 4 }),
  )
  .map(([grid, merges]) => ({ grid, merges }));

describe("engine robustness", () => {
  it("never throws on random grids", () => {
    fc.assert(
      fc.property(fc.array(sheetArb, { minLength: 0, maxLength: 4 }), (sheets) => {
        const wb: WorkbookSnapshot = { sheets: sheets.map((s, i) => sheetFrom(`S${i}`, i, s.grid, s.merges)) };
        const result = checkWorkbook(wb);
        expect(Array.isArray(result.findings)).toBe(true);
      }),
      { numRuns: RUNS },
    );
    reportCases("never throws on random grids", RUNS);
  });

  it("never throws on table-shaped random grids (title, headers, labelled rows)", () => {
    const titles = VOCABULARY.slice(0, 11);
    const headers = ["项目", "决算数", "金额", "行次", "收入", "支出", "合计", "基本支出", "项目支出", "科目编码", "科目名称", "预算数", "分值", "得分", "执行率", "全年预算数", "全年执行数"];
    const labels = ["合计", "本年收入合计", "本年支出合计", "总计", "年初结转和结余", "201", "20106", "2010601", "301", "30101", "人员经费合计", "一、一般公共预算财政拨款收入", "产出指标", "总分", "年度资金总额"];
    const tableArb = fc.record({
      title: fc.constantFrom(...titles),
      header: fc.array(fc.constantFrom(...headers), { minLength: 1, maxLength: 8 }),
      rows: fc.array(fc.tuple(fc.constantFrom(...labels), fc.array(cellArb, { maxLength: 8 })), { maxLength: 25 }),
      offset: fc.nat(3),
    });
    fc.assert(
      fc.property(fc.array(tableArb, { minLength: 1, maxLength: 3 }), (tables) => {
        const grid: (CellSnapshot | null)[][] = [];
        for (const t of tables) {
          grid.push([], [...Array(t.offset).fill(null), { v: t.title, t: t.title }], [null, { v: "单位：万元", t: "单位：万元" }]);
          grid.push([...Array(t.offset).fill(null), ...t.header.map((h) => ({ v: h, t: h }))]);
          for (const [label, cells] of t.rows) grid.push([...Array(t.offset).fill(null), { v: label, t: label }, ...cells]);
        }
        checkWorkbook({ sheets: [sheetFrom("表", 0, grid, [])] });
      }),
      { numRuns: RUNS },
    );
    reportCases("never throws on table-shaped random grids (title, headers, labelled rows)", RUNS);
  });

  it("never throws on an empty sheet or a sheet 16,384 columns wide", () => {
    const wide: (CellSnapshot | null)[][] = [[]];
    wide[0][16383] = { v: "收入支出决算总表", t: "收入支出决算总表" };
    wide[1] = [];
    wide[1][16383] = { v: 1e300, t: "1E+300" };
    const wb: WorkbookSnapshot = { sheets: [sheetFrom("空", 0, [], []), sheetFrom("宽", 1, wide, [])] };
    expect(() => checkWorkbook(wb)).not.toThrow();
  });
});
