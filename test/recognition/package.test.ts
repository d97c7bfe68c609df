/**
 * What a 决算公开 package lacks (TABLE.MISSING, TABLE.EMPTY), tables whose rows cannot be read
 * (TABLE.UNREADABLE) and the sheets that matched nothing, on the fixture workbooks and on small grids.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { checkWorkbook } from "../../src/domain/engine";
import type { Finding } from "../../src/domain/findings";
import { readWorkbookFile } from "../../src/xlsx/read-workbook";
import { buildSheet, num } from "../support/sheet-builder";
import { expectedFixtures, loadFixture, type ExpectedFixture } from "../support/fixtures";

type Expected = ExpectedFixture & { missingTables?: string[]; emptyTables?: string[]; unreadableTables?: { sheet: string; kind: string }[] };
const fixtures = expectedFixtures() as Record<string, Expected>;
const TITLES: Record<string, string> = { expenditure: "支出决算表" };
const packageRules = (findings: Finding[]) => findings.filter((f) => /^TABLE\./.test(f.rule));

describe.each(Object.keys(fixtures))("fixture %s", (name) => {
  const want = fixtures[name];
  it("reports exactly the missing, empty and unreadable tables expected.json lists, and lists its distractor sheets as unrecognized", async () => {
    const result = checkWorkbook(await loadFixture(name));
    const got = packageRules(result.findings).map((f) => `${f.rule} ${f.severity} ${f.sheet ?? "-"}`);
    const expected = [
      ...(want.missingTables ?? []).map(() => "TABLE.MISSING warning -"),
      ...(want.emptyTables ?? []).map((sheet) => `TABLE.EMPTY warning ${sheet}`),
      ...(want.unreadableTables ?? []).map((t) => `TABLE.UNREADABLE warning ${t.sheet}`),
    ];
    expect(got.sort()).toEqual(expected.sort());
    expect([...result.unrecognizedSheets].sort()).toEqual([...(want.distractorSheets ?? [])].sort());
  });
});

describe("a package with its 支出决算表 left out and an unfilled 三公 table (package-gaps-2023)", () => {
  it("names the missing table, workbook-level, as a warning", async () => {
    const { findings } = checkWorkbook(await loadFixture("package-gaps-2023"));
    const missing = findings.filter((f) => f.rule === "TABLE.MISSING");
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({ severity: "warning", sheet: null, cell: null, cells: [], expected: TITLES.expenditure });
    expect(missing[0].message).toMatch(/^未找到支出决算表：本工作簿识别到 6 张部门决算公开表/);
  });

  it("marks the 三公 table's title cell: headers, no data row", async () => {
    const result = checkWorkbook(await loadFixture("package-gaps-2023"));
    const t7 = result.recognized.find((t) => t.kind === "three-public-expenses")!;
    expect(t7.rows).toEqual([]);
    const empty = result.findings.filter((f) => f.rule === "TABLE.EMPTY");
    expect(empty.map((f) => [f.severity, f.sheet, f.cell, f.table])).toEqual([["warning", t7.sheet, t7.titleCell.address, t7.id]]);
    expect(empty[0].message).toContain("财政拨款“三公”经费支出决算表");
    expect(empty[0].message).toContain("只有表头，没有任何数据行");
  });
});

describe("a 支出决算表 pasted from a PDF, each column one merged cell (merged-body-2023)", () => {
  it("is reported with its sheet, range and merged cells, never silently dropped", async () => {
    const result = checkWorkbook(await loadFixture("merged-body-2023"));
    const [unreadable] = result.findings.filter((f) => f.rule === "TABLE.UNREADABLE");
    expect(unreadable).toMatchObject({ severity: "warning", sheet: "支出决算表", cell: "C4" });
    expect(unreadable.message).toContain("支出决算表!A1:H17");
    expect(unreadable.message).toContain("第 4–17 行");
    expect(unreadable.message).toContain("C4:C17");
  });

  it("is not checked on a guess: no cross-table error against its missing rows, not reported as missing, its sheet not 'unrecognized'", async () => {
    const result = checkWorkbook(await loadFixture("merged-body-2023"));
    expect(result.recognized.some((t) => t.kind === "expenditure")).toBe(false);
    expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(result.findings.some((f) => f.rule === "TABLE.MISSING" || f.rule === "READ.NUMBER")).toBe(false);
    expect(result.unrecognizedSheets).not.toContain("支出决算表");
  });
});

describe("workbooks that are not packages", () => {
  it.each(["self-eval-project-2024", "self-eval-department-chongqing-2021"])("a lone 绩效自评表 (%s) lacks nothing", async (name) => {
    expect(packageRules(checkWorkbook(await loadFixture(name)).findings)).toEqual([]);
  });

  it("tables side by side without T1–T5 (unseen side-by-side-2023) lack nothing", async () => {
    const result = checkWorkbook(await readWorkbookFile(join(__dirname, "..", "fixtures", "unseen", "side-by-side-2023.xlsx")));
    expect(packageRules(result.findings)).toEqual([]);
  });

  const unseen = join(__dirname, "..", "fixtures", "unseen");
  it.each(readdirSync(unseen).filter((f) => f.endsWith(".xlsx")))("unseen %s reports no missing, empty or unreadable table", async (file) => {
    const result = checkWorkbook(await readWorkbookFile(join(unseen, file)));
    expect(packageRules(result.findings).map((f) => f.message)).toEqual([]);
  });
});

describe("empty tables on small grids", () => {
  const header = [
    ["财政拨款“三公”经费支出决算表"],
    ["编制单位：某某中心", "", "", "", "", "", "", "", "", "", "", "金额单位：万元"],
    ["预算数", "", "", "", "", "", "决算数"],
    ["合计", "因公出国（境）费", "公务用车购置及运行费", "", "", "公务接待费", "合计", "因公出国（境）费", "公务用车购置及运行费", "", "", "公务接待费"],
    ["", "", "小计", "公务用车购置费", "公务用车运行费", "", "", "", "小计", "公务用车购置费", "公务用车运行费", ""],
  ];
  const merges = ["A1:L1", "A3:F3", "G3:L3", "C4:E4", "I4:K4", "A4:A5", "B4:B5", "F4:F5", "G4:G5", "H4:H5", "L4:L5"];
  const run = (rows: (string | ReturnType<typeof num>)[][]) => checkWorkbook({ sheets: [buildSheet(rows, { name: "三公", merges })] });

  it("a 三公 table kept empty with a 本表无数据 note is only a hint (info)", () => {
    const result = run([...header, ["注：本单位2023年度无“三公”经费支出，故本表无数据。"]]);
    expect(packageRules(result.findings).map((f) => `${f.rule} ${f.severity} ${f.cell}`)).toEqual(["TABLE.EMPTY info A1"]);
  });

  it("a 三公 table of zeros is filled in: nothing to report", () => {
    const zeros = Array.from({ length: 12 }, () => num(0, "0.00"));
    const result = run([...header, zeros, ["注：本表反映部门本年度“三公”经费支出预决算情况。"]]);
    expect(packageRules(result.findings)).toEqual([]);
  });

  it("an empty 政府性基金 table with the template's note is not a problem", () => {
    const rows = [
      ["政府性基金预算财政拨款收入支出决算表"],
      ["编制单位：某某中心", "", "", "", "", "", "", "金额单位：万元"],
      ["科目编码", "科目名称", "年初结转和结余", "本年收入", "本年支出", "", "", "年末结转和结余"],
      ["", "", "", "", "小计", "基本支出", "项目支出", ""],
      ["", "合计", "", "", "", "", "", ""],
      ["注：本单位2023年度无政府性基金预算财政拨款收入、支出，故本表无数据。"],
    ];
    const result = checkWorkbook({ sheets: [buildSheet(rows, { name: "基金", merges: ["A1:H1", "A3:A4", "B3:B4", "C3:C4", "D3:D4", "E3:G3", "H3:H4"] })] });
    expect(result.recognized.map((t) => t.kind)).toEqual(["government-fund"]);
    expect(packageRules(result.findings)).toEqual([]);
  });
});

describe("merged cells that do not hide rows", () => {
  const t3 = (body: (string | ReturnType<typeof num>)[][], merges: string[]) =>
    checkWorkbook({
      sheets: [
        buildSheet(
          [
            ["支出决算表"],
            ["编制单位：某某中心", "", "", "", "金额单位：万元"],
            ["科目编码", "科目名称", "本年支出合计", "基本支出", "项目支出"],
            ...body,
            ["注：本表反映部门本年度各项支出情况。"],
          ],
          { name: "支出", merges: ["A1:E1", ...merges] },
        ),
      ],
    });
  const amounts = (a: number, b: number) => [num(a + b, "0.00"), num(a, "0.00"), num(b, "0.00")];

  it("a blank area merged over the project column is read, not reported", () => {
    const result = t3(
      [
        ["", "合计", ...amounts(120.5, 0)],
        ["208", "社会保障和就业支出", ...amounts(120.5, 0)],
        ["20805", "行政事业单位养老支出", ...amounts(120.5, 0)],
      ],
      ["E4:E6"],
    );
    expect(result.findings.filter((f) => f.rule === "TABLE.UNREADABLE")).toEqual([]);
    expect(result.recognized.map((t) => t.rows.length)).toEqual([3]);
  });

  it("text merged over the rows' amounts is reported and the table not checked", () => {
    const result = t3(
      [
        ["", "合计", "详见附件", "", ""],
        ["208", "社会保障和就业支出", "", "", ""],
        ["20805", "行政事业单位养老支出", "", "", ""],
      ],
      ["C4:E6"],
    );
    expect(result.recognized).toEqual([]);
    expect(result.findings.filter((f) => f.rule === "TABLE.UNREADABLE").map((f) => `${f.sheet}!${f.cell}`)).toEqual(["支出!C4"]);
    expect(result.findings.filter((f) => f.rule === "TABLE.UNREADABLE")[0].message).toContain("支出!A1:E6");
  });
});
