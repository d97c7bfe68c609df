/**
 * Workbooks built by an independent reviewer in styles the main fixtures do not cover (Yunnan GK
 * tables with a vertical 三公 table and count rows, Hubei, Hunan with text amounts, central 元 with
 * 行次/栏次 and numeric codes, Guangdong 2016 繁体, spaced 合  计, budget columns, Shaanxi 会议费/培训费,
 * tables side by side, 自评表 variants), with the expectations the reviewer wrote down
 * (test/fixtures/unseen/expectations.json, from test/fixtures/unseen/generator/).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkWorkbook } from "../../src/domain/engine";
import { readWorkbookFile } from "../../src/xlsx/read-workbook";

const DIR = join(__dirname, "..", "fixtures", "unseen");
interface Expectation {
  description: string;
  tables: { sheet: string; kind: string; range: string }[];
  injected: { file: string; note: string; sheet: string; cell: string; rules: string[] }[];
}
const expectations = JSON.parse(readFileSync(join(DIR, "expectations.json"), "utf8")) as Record<string, Expectation>;

describe.each(Object.entries(expectations))("%s", (name, want) => {
  it("recognizes every table with its kind and range, and reports no error on the clean workbook", async () => {
    const result = checkWorkbook(await readWorkbookFile(join(DIR, `${name}.xlsx`)));
    const key = (t: { sheet: string; kind: string; range: string }) => `${t.sheet}|${t.kind}|${t.range}`;
    expect(result.tables.map(key).sort()).toEqual(want.tables.map(key).sort());
    expect(result.findings.filter((f) => f.severity === "error").map((f) => `${f.rule} ${f.sheet}!${f.cell}`)).toEqual([]);
  });

  if (want.injected.length > 0) {
    it.each(want.injected.map((i) => [i.note, i] as const))("finds the injected error: %s", async (_note, inj) => {
      const result = checkWorkbook(await readWorkbookFile(join(DIR, `${inj.file}.xlsx`)));
      const onCell = result.findings.filter((f) => f.severity === "error" && f.sheet === inj.sheet && f.cell === inj.cell);
      expect(onCell.map((f) => f.rule).filter((r) => inj.rules.includes(r)).length).toBeGreaterThan(0);
    });
  }
});
