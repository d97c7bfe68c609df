/**
 * Clean fixtures (including the Beijing 4-decimal, the messy and the stacked ones) have no error
 * finding; each broken fixture has exactly its injected error, on the right cell, with the numbers.
 */
import { Decimal } from "../../src/domain/decimal";
import { checkWorkbook } from "../../src/domain/engine";

/** "≤6", "6.00", "95.00%", "0.95" → the number they state (percent as a fraction), so forms of display compare equal. */
function numberOf(s: string | null | undefined): string | null {
  if (s == null) return null;
  const m = /-?\d+(\.\d+)?/.exec(s.replace(/,/g, ""));
  if (!m) return s;
  const d = new Decimal(m[0]);
  return (s.includes("%") ? d.div(100) : d).toString();
}
import { expectedFixtures, loadFixture } from "../support/fixtures";

const fixtures = expectedFixtures();
const clean = Object.keys(fixtures).filter((n) => !fixtures[n].injected);
const broken = Object.keys(fixtures).filter((n) => fixtures[n].injected);

describe.each(clean)("clean fixture %s", (name) => {
  it("has no error finding", async () => {
    const { findings } = checkWorkbook(await loadFixture(name));
    expect(findings.filter((f) => f.severity === "error").map((f) => `${f.rule} ${f.sheet}!${f.cell} ${f.message}`)).toEqual([]);
  });
});

describe.each(broken)("broken fixture %s", (name) => {
  it("reports the injected error on the right cell with expected and actual", async () => {
    const want = fixtures[name].injected!;
    const { findings } = checkWorkbook(await loadFixture(name));
    const errors = findings.filter((f) => f.severity === "error");
    const hit = errors.find((f) => f.rule === want.rule && f.sheet === want.sheet && f.cell === want.cell);
    expect({ rule: hit?.rule, cell: hit?.cell, expected: numberOf(hit?.expected), actual: numberOf(hit?.actual) }).toEqual({
      rule: want.rule,
      cell: want.cell,
      expected: numberOf(want.expected),
      actual: numberOf(want.actual),
    });
  });
});
