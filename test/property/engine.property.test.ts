/**
 * Recognition and rules never throw, whatever the grid: random grids built from real table
 * vocabulary, fixtures with random cells replaced (text, #REF!, huge numbers, empty sheets,
 * 16,384 columns). A few thousand cases in npm test; `npm run fuzz` runs 100,000.
 */
import fc from "fast-check";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { checkWorkbook } from "../../src/domain/engine";
import type { CellSnapshot, SheetSnapshot, WorkbookSnapshot } from "../../src/domain/grid";
import { FIXTURE_DIR, loadFixture } from "../support/fixtures";

import { reportCases } from "./report";

const RUNS = Number(process.env.FC_NUM_RUNS ?? 2000);

const VOCABULARY = [
  "收入支出决算总表", "收入决算表", "支出决算表", "财政拨款收入支出决算总表", "一般公共预算财政拨款支出决算表",
  "一般公共预算财政拨款基本支出决算表", '财政拨款"三公"经费支出决算表', "政府性基金预算财政拨款收入支出决算表",
  "国有资本经营预算财政拨款支出决算表", "项目支出绩效自评表", "部门整体支出绩效自评表", "单位：万元", "金额单位：元",
  "部门：某单位", "公开01表", "项目", "决算数", "金额", "行次", "栏次", "收入", "支出", "合计", "小计", "总计",
  "本年收入合计", "本年支出合计", "年初结转和结余", "年末结转和结余", "基本支出", "项目支出", "科目编码", "科目名称",
  "类", "款", "项", "人员经费合计", "公用经费合计", "预算数", "因公出国（境）费", "公务接待费", "公务用车购置费",
  "一、一般公共预算财政拨款收入", "六、科学技术支出", "201", "20106", "2010601", "301", "30101", "分值", "得分",
  "执行率", "年度资金总额", "全年预算数", "全年执行数", "产出指标（50分）", "数量指标", "≥50场", "≤5%", "=100%",
  "达到预期", "总分", "优", "注：本表反映…", "—", "-", "1,234.56", "(12.00)", "１２３", "12.3%", "#REF!", "",
];

const cellArb: fc.Arbitrary<CellSnapshot | null> = fc.oneof(
  fc.constant(null),
  fc.constantFrom(...VOCABULARY).map((t) => ({ v: t, t })),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((v) => ({ v, t: String(v), f: "#,##0.00" })),
  fc.integer({ min: -1e9, max: 1e9 }).map((n) => ({ v: n / 100, t: (n / 100).toFixed(2), f: "#,##0.00" })),
  fc.constantFrom(1e308, -1e308, 5e-324, Number.MAX_SAFE_INTEGER).map((v) => ({ v, t: String(v) })),
  fc.constant({ v: "#REF!", t: "#REF!", error: true }),
  fc.string({ maxLength: 12 }).map((t) => ({ v: t, t })),
  fc.boolean().map((b) => ({ v: b, t: String(b).toUpperCase() })),
);

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

  const names = readdirSync(join(FIXTURE_DIR, "xlsx"))
    .filter((f) => f.endsWith(".xlsx"))
    .map((f) => f.replace(/\.xlsx$/, ""));
  const fixtures: WorkbookSnapshot[] = [];
  // reading every fixture workbook is slow on a busy machine: no wall-clock limit on it
  beforeAll(async () => {
    for (const n of names) fixtures.push(await loadFixture(n));
  }, 600_000);

  it("never throws on fixtures with random cells replaced", () => {
    fc.assert(
      fc.property(fc.nat(), fc.array(fc.tuple(fc.nat(), fc.nat(60), fc.nat(20), cellArb), { minLength: 1, maxLength: 8 }), (which, edits) => {
        const base = fixtures[which % fixtures.length];
        const sheets = base.sheets.map((s) => ({ ...s, cells: s.cells.map((r) => (r ? [...r] : [])) }));
        for (const [si, r, c, cell] of edits) {
          const sheet = sheets[si % sheets.length];
          if (!sheet) continue;
          (sheet.cells[r] ??= [])[c] = cell;
          sheet.rowCount = Math.max(sheet.rowCount, r + 1);
          sheet.colCount = Math.max(sheet.colCount, c + 1);
        }
        checkWorkbook({ ...base, sheets });
      }),
      { numRuns: RUNS },
    );
    reportCases("never throws on fixtures with random cells replaced", RUNS);
  });
});
