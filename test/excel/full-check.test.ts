/**
 * A real fixture through the Excel adapter end to end: read in ≤ 3 syncs, the engine finds the
 * injected error, the marks land on that cell in one write sync, 清除标记 restores every fill and
 * no value or formula is ever written.
 */
import { checkWorkbook } from "../../src/domain/engine";
import { MARK_FILL, marksFromFindings } from "../../src/domain/marks";
import { expectedFixtures, loadFixture } from "../support/fixtures";
import { fakeFromSnapshot } from "./fixture-fake";
import { portFor } from "./workbook";

describe("full check through the Excel adapter", () => {
  it("marks the injected error of broken-t1-total and clears it without a trace", async () => {
    const want = expectedFixtures()["broken-t1-total"].injected!;
    const fake = fakeFromSnapshot(await loadFixture("broken-t1-total"));
    const sheet = fake.sheets.find((s) => s.name === want.sheet)!;
    // a user fill that must survive check + clear
    sheet.ensure(0, 0).fill = { pattern: "Solid", color: "#00B050" };
    const port = portFor(fake);
    const before = fake.syncCount;
    const snapshot = await port.readSnapshot();
    expect(fake.syncCount - before).toBeLessThanOrEqual(3);
    expect(snapshot.sheets.length).toBeGreaterThanOrEqual(9);
    const findings = checkWorkbook(snapshot).findings;
    const hit = findings.find((f) => f.rule === want.rule && f.cell === want.cell);
    expect(hit?.severity).toBe("error");
    const writesBefore = fake.writeSyncs();
    const outcome = await port.writeMarks(marksFromFindings(findings));
    expect(fake.writeSyncs() - writesBefore).toBe(1);
    expect(outcome.marked).toBeGreaterThan(0);
    expect(sheet.fillAt(want.cell).color.toUpperCase()).toBe(MARK_FILL.error);
    await port.clearMarks();
    expect(sheet.fillAt(want.cell).pattern).toBe("None");
    expect(sheet.fillAt("A1")).toEqual({ pattern: "Solid", color: "#00B050" });
    expect(fake.valueWrites()).toEqual([]);
  });
});
