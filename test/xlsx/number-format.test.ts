/** Displayed text of amounts as the reader computes it for every number cell, against the platform's own grouping. */
import fc from "fast-check";
import { formatNumber, shortestAbs } from "../../src/domain/number-format";

describe("formatNumber on amounts that need no rounding", () => {
  const formats = [0, 1, 2].map((d) => new Intl.NumberFormat("en-US", { minimumFractionDigits: d, maximumFractionDigits: d, useGrouping: true }));
  const grouped = (cents: number, decimals: number) => formats[decimals].format(cents / 100);

  it("groups thousands and pads decimals like Excel for any amount in 分 (#,##0.00 and 0.00)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -99_999_999_999, max: 99_999_999_999 }), (cents) => {
        const value = cents / 100;
        expect(formatNumber(value, "#,##0.00")).toBe(grouped(cents, 2));
        expect(formatNumber(value, "0.00")).toBe(grouped(cents, 2).replace(/,/g, ""));
        // whole 万元 under a grouped integer format
        const whole = Math.trunc(value) || 0; // no negative zero: Excel shows 0
        expect(formatNumber(whole, "#,##0")).toBe(grouped(whole * 100, 0));
      }),
      { numRuns: 3000 },
    );
  });
});

describe("formatNumber with the text the number was read from", () => {
  const FORMATS = [undefined, "General", "#,##0.00", "0.00", "#,##0", "0", "#,##0.0#", "#,##0.00;(#,##0.00)", "0.00%", '"¥"#,##0.00;-"¥"#,##0.00;"-"'];
  // decimal texts as files hold them: amounts, but also leading and trailing zeros, exponents, 16-17 digits, signs
  const text = fc.oneof(
    fc.integer({ min: -99_999_999_999, max: 99_999_999_999 }).map((cents) => String(cents / 100)),
    fc.tuple(fc.constantFrom("", "-", "+", " "), fc.stringMatching(/^[0-9]{1,18}$/), fc.constantFrom("", "."), fc.stringMatching(/^[0-9]{0,12}$/), fc.constantFrom("", "e3", "E-7", "0", " ")).map(([s, i, d, f, e]) => `${s}${i}${d}${f}${e}`),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((v) => String(v)),
    fc.constantFrom("0", "-0", "0.000001", "0.0000001", "0.1", "123456789012345", "1234567890123456", "0.30000000000000004", "1e21", "100000000000000000000"),
  );

  it("shows exactly what it shows without the text, whatever the text", () => {
    fc.assert(
      fc.property(text, fc.constantFrom(...FORMATS), (source, format) => {
        const value = parseFloat(source);
        if (!Number.isFinite(value)) return;
        expect(formatNumber(value, format, source)).toBe(formatNumber(value, format));
      }),
      { numRuns: 20000 },
    );
  });

  it("uses a text only when it is how JavaScript writes the number (and does for plain amounts)", () => {
    fc.assert(
      fc.property(text, (source) => {
        const kept = shortestAbs(source);
        if (kept !== "") expect(kept).toBe(Math.abs(parseFloat(source)).toString());
      }),
      { numRuns: 20000 },
    );
    for (const amount of ["9626.92", "-1524.07", "741916197.69", "0", "-0", "0.000001", "20101", "123456789012345"]) expect(shortestAbs(amount)).toBe(Math.abs(parseFloat(amount)).toString());
    for (const odd of ["1.50", "01", "+1", " 1", "1e3", ".5", "5.", "0.0000001", "1234567890123456", "0.30000000000000004", "-", ""]) expect(shortestAbs(odd)).toBe("");
  });
});
