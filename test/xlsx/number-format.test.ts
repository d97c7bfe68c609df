/** Displayed text of amounts as the reader computes it for every number cell, against the platform's own grouping. */
import fc from "fast-check";
import { formatNumber } from "../../src/domain/number-format";

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
