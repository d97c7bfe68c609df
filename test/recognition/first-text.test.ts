/**
 * The body reader decides each row by its first text (SheetView.firstText) instead of the row's list of texts; the
 * two must agree on every row, window and view, blank and whitespace-only cells, numbers without text included.
 */
import fc from "fast-check";
import type { CellSnapshot } from "../../src/domain/grid";
import { SheetView } from "../../src/domain/recognize/sheet-view";
import { buildSheet } from "../support/sheet-builder";

const cell = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom("合计", "  ", "\u3000", "栏次", "2010101", "", "注：本表", " 行政运行 "),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((v): CellSnapshot => ({ v, t: "" })),
  fc.integer().map((v): CellSnapshot => ({ v, t: String(v) })),
  fc.constant<CellSnapshot>({ v: null, t: "" }),
);

it("finds what passingRowTexts lists first, in any window of any view", () => {
  fc.assert(
    fc.property(
      fc.array(fc.array(cell, { maxLength: 8 }), { minLength: 1, maxLength: 6 }),
      fc.nat(8),
      fc.nat(8),
      fc.nat(8),
      fc.nat(8),
      (rows, a, b, c, d) => {
        const sheet = buildSheet(rows);
        for (const view of [new SheetView(sheet), new SheetView(sheet).windowed(Math.min(c, d), Math.max(c, d))]) {
          for (let r = 0; r < rows.length; r++) {
            const [left, right] = [Math.min(a, b), Math.max(a, b)];
            expect(view.firstText(r, left, right)).toBe(view.passingRowTexts(r, left, right)[0]?.text);
            expect(view.firstText(r)).toBe(view.passingRowTexts(r)[0]?.text);
          }
        }
      },
    ),
    { numRuns: 1_000 },
  );
});
