/**
 * Amount cells are read from doubles without going through their text (the 100,000-row read spends most of its
 * number time there); the Decimal must be the very one decimal.js reads from the double's shortest text, field for
 * field, so every sum, comparison and printed number downstream is unchanged.
 */
import fc from "fast-check";
import { Decimal } from "../../src/domain/decimal";
import { decimalFromDouble, readNumber } from "../../src/domain/numbers";

type Fields = { s: number; e: number; d: number[] | null; constructor: unknown };
const fields = (d: Decimal) => {
  const x = d as unknown as Fields;
  return { s: x.s, e: x.e, d: x.d, ctor: x.constructor === Decimal, text: d.toString() };
};
const reference = (v: number) => fields(new Decimal(v.toString()));

it("equals decimal.js's reading of the shortest text on amounts with 0 to 8 decimals", () => {
  fc.assert(
    fc.property(fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }), fc.integer({ min: 0, max: 8 }), (n, k) => {
      const v = n / 10 ** k;
      expect(fields(decimalFromDouble(v))).toEqual(reference(v));
    }),
    { numRuns: 5_000 },
  );
});

it("equals it on any finite double (long fractions, tiny and huge values fall back to the text)", () => {
  fc.assert(
    fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (v) => {
      expect(fields(decimalFromDouble(v))).toEqual(reference(v));
    }),
    { numRuns: 5_000 },
  );
});

it("equals it at the word boundaries of decimal.js's digit layout", () => {
  const edges = [0.1, 0.5, 1, 9999999, 1e7, 10000000.5, 10000001, 1e14, 99999999999999.9, 999999999999999, 1e15, 1e-7, 1.2e-6, 0.30000000000000004];
  for (const v of edges.flatMap((x) => [x, -x])) expect(fields(decimalFromDouble(v))).toEqual(reference(v));
  // zero keeps decimal.js's reading of "0" (no negative zero)
  expect(fields(decimalFromDouble(-0))).toEqual(reference(-0));
});

it("reads a numeric cell to the same value, digits and decimals as its text would give", () => {
  for (const [v, f, value, decimals] of [
    [1234.5, "#,##0.00", "1234.5", 2],
    [-0.07, "0.00", "-0.07", 2],
    [12.3456, "#,##0.0000", "12.3456", 4],
    [0.9825, "0.00%", "0.9825", 4],
  ] as const) {
    const read = readNumber({ v, t: String(v), f });
    expect(read.kind === "number" && [read.value.toString(), read.decimals]).toEqual([value, decimals]);
  }
});
