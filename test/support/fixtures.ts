/** Access to the fixture workbooks and their written-down expectations (test/fixtures/expected.json). */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { WorkbookSnapshot } from "../../src/domain/grid";
import { readWorkbookFile } from "../../src/xlsx/read-workbook";

export interface ExpectedTable {
  sheet: string;
  kind: string;
  range: string;
  unit: string | null;
  year: number | null;
  unitName: string | null;
}

export interface ExpectedFixture {
  file: string;
  tables: ExpectedTable[];
  distractorSheets?: string[];
  injected?: { rule: string; sheet: string; cell: string; expected: string; actual: string };
  /** year and unit name the workbook states outside its tables (cover sheet), when the tables print none */
  workbookYear?: number;
  workbookUnitName?: string;
}

export const FIXTURE_DIR = join(__dirname, "..", "fixtures");

export function expectedFixtures(): Record<string, ExpectedFixture> {
  const path = join(FIXTURE_DIR, "expected.json");
  if (!existsSync(path)) throw new Error("test/fixtures/expected.json is missing: run npm run fixtures");
  return JSON.parse(readFileSync(path, "utf8")) as Record<string, ExpectedFixture>;
}

const cache = new Map<string, Promise<WorkbookSnapshot>>();

export function loadFixture(name: string): Promise<WorkbookSnapshot> {
  let p = cache.get(name);
  if (!p) {
    p = readWorkbookFile(join(FIXTURE_DIR, "xlsx", `${name}.xlsx`));
    cache.set(name, p);
  }
  return p;
}
