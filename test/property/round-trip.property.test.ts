/**
 * Check then clear leaves every value, formula and format as it was — in the in-memory port (random
 * user fills and notes, random findings, repeated checks) and in the annotated-copy writer (the
 * original file is byte-identical and the copy holds the same values and formulas).
 */
import fc from "fast-check";
import { createHash } from "node:crypto";
import { copyFileSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { checkWorkbook } from "../../src/domain/engine";
import type { Finding } from "../../src/domain/findings";
import { toA1, type WorkbookSnapshot } from "../../src/domain/grid";
import { marksFromFindings } from "../../src/domain/marks";
import { MemoryWorkbookPort } from "../../src/memory/memory-port";
import { writeAnnotatedCopy } from "../../src/xlsx/annotate";
import { FIXTURE_DIR, loadFixture } from "../support/fixtures";

import { reportCases } from "./report";

const RUNS = Number(process.env.FC_NUM_RUNS ?? 2000);
const names = readdirSync(join(FIXTURE_DIR, "xlsx"))
  .filter((f) => f.endsWith(".xlsx"))
  .map((f) => f.replace(/\.xlsx$/, ""));

describe("check then clear", () => {
  const fixtures: WorkbookSnapshot[] = [];
  // reading every fixture workbook is slow on a busy machine: no wall-clock limit on it
  beforeAll(async () => {
    for (const n of names) fixtures.push(await loadFixture(n));
  }, 600_000);

  it("restores every value, formula and format in the in-memory port", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat(),
        fc.array(fc.tuple(fc.nat(30), fc.nat(8), fc.constantFrom("#00B050", "#FFFF00", null), fc.constantFrom("用户批注", null)), { maxLength: 6 }),
        fc.array(fc.tuple(fc.nat(40), fc.nat(10), fc.constantFrom("error", "warning", "info") as fc.Arbitrary<Finding["severity"]>), { maxLength: 12 }),
        fc.nat(2),
        async (which, userFormats, randomFindings, rounds) => {
          const base = fixtures[which % fixtures.length];
          const sheet = base.sheets[which % base.sheets.length].name;
          const formats: Record<string, { fill?: string | null; note?: string | null }> = {};
          for (const [r, c, fill, note] of userFormats) formats[`${sheet}!${toA1(r, c)}`] = { fill, note };
          const port = new MemoryWorkbookPort(base, { formats });
          const before = JSON.stringify(await port.readSnapshot());
          const formatsBefore = [...port.getState().formats.entries()].sort().map(([k, v]) => [k, v.fill, v.note]);
          const engineFindings = checkWorkbook(base).findings;
          const extra: Finding[] = randomFindings.map(([r, c, severity]) => ({ rule: "FUZZ", severity, sheet, cell: toA1(r, c), cells: [], message: "随机", expected: null, actual: null }));
          for (let i = 0; i <= rounds; i++) await port.writeMarks(marksFromFindings([...engineFindings, ...extra], { includeInfo: i % 2 === 1 }));
          expect(JSON.stringify(await port.readSnapshot())).toBe(before);
          await port.clearMarks();
          expect(JSON.stringify(await port.readSnapshot())).toBe(before);
          const formatsAfter = [...port.getState().formats.entries()].sort().map(([k, v]) => [k, v.fill, v.note]);
          expect(formatsAfter.filter(([, fill, note]) => fill !== null || note !== null)).toEqual(formatsBefore.filter(([, fill, note]) => fill !== null || note !== null));
          expect(port.getState().marks.size).toBe(0);
        },
      ),
      { numRuns: Math.max(100, Math.floor(RUNS / 10)) },
    );
    reportCases("restores every value, formula and format in the in-memory port", Math.max(100, Math.floor(RUNS / 10)));
  });

  it("never writes the original file and copies every value and formula into the annotated copy", async () => {
    const dir = mkdtempSync(join(tmpdir(), "juesuan-rt-"));
    for (const name of names.filter((n) => n.startsWith("broken-") || n === "messy-sheets-2023")) {
      const src = join(dir, `${name}.xlsx`);
      copyFileSync(join(FIXTURE_DIR, "xlsx", `${name}.xlsx`), src);
      const hash = createHash("sha256").update(readFileSync(src)).digest("hex");
      const target = join(dir, `${name}.已标注.xlsx`);
      const { findings } = checkWorkbook(await loadFixture(name));
      await writeAnnotatedCopy(src, target, findings);
      expect(createHash("sha256").update(readFileSync(src)).digest("hex")).toBe(hash);
      const a = new ExcelJS.Workbook();
      const b = new ExcelJS.Workbook();
      await a.xlsx.readFile(src);
      await b.xlsx.readFile(target);
      a.worksheets.forEach((ws) => {
        const copy = b.getWorksheet(ws.name)!;
        ws.eachRow({ includeEmpty: false }, (row, r) =>
          row.eachCell({ includeEmpty: false }, (cell, c) => {
            const other = copy.getRow(r).getCell(c);
            expect({ at: `${ws.name}!${cell.address}`, value: other.value, numFmt: other.numFmt }).toEqual({ at: `${ws.name}!${cell.address}`, value: cell.value, numFmt: cell.numFmt });
          }),
        );
      });
    }
    // one workbook after another, each written and read twice: no wall-clock limit
  }, 600_000);
});
