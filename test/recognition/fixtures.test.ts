/**
 * Every table of every fixture is recognized with the right kind, range, unit, year and unit name,
 * and no distractor sheet (cover, 目录, 说明, staff list, pivot summary) yields a table.
 */
import { recognizeWorkbook } from "../../src/domain/recognize";
import { expectedFixtures, loadFixture } from "../support/fixtures";

const fixtures = expectedFixtures();

describe.each(Object.keys(fixtures))("fixture %s", (name) => {
  const expected = fixtures[name];

  it("recognizes exactly the expected tables", async () => {
    const { tables } = recognizeWorkbook(await loadFixture(name));
    const got = tables.map((t) => ({ sheet: t.sheet, kind: t.kind, range: t.range })).sort((a, b) => (a.sheet + a.range).localeCompare(b.sheet + b.range));
    const want = expected.tables.map((t) => ({ sheet: t.sheet, kind: t.kind, range: t.range })).sort((a, b) => (a.sheet + a.range).localeCompare(b.sheet + b.range));
    expect(got).toEqual(want);
  });

  it("reads unit, year and unit name of each table", async () => {
    const { tables } = recognizeWorkbook(await loadFixture(name));
    for (const want of expected.tables) {
      const t = tables.find((x) => x.sheet === want.sheet && x.range === want.range);
      // tables that print no year / unit name take the workbook's (its other tables, or its cover sheet)
      const core = !/self-evaluation/.test(want.kind);
      const year = want.year ?? (core ? (expected.workbookYear ?? null) : null);
      expect({ where: `${want.sheet}!${want.range}`, unit: t?.unit ?? null, year: t?.year ?? null }).toEqual({ where: `${want.sheet}!${want.range}`, unit: want.unit, year });
      const unitName = want.unitName ?? (core ? expected.workbookUnitName : undefined);
      if (unitName) expect(t?.unitName).toBe(unitName);
    }
  });

  if (expected.distractorSheets?.length) {
    it("finds nothing on distractor sheets", async () => {
      const { tables } = recognizeWorkbook(await loadFixture(name));
      expect(tables.filter((t) => expected.distractorSheets!.includes(t.sheet))).toEqual([]);
    });
  }
});
