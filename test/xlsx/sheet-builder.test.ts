/**
 * SheetBuilder copies each row to its exact length when the next row starts: cells given in any order (rows met
 * again, as a hand-made or .xls file may give them), placeholders, merges and hidden rows must give the same
 * sheet as the plain rules say.
 */
import fc from "fast-check";
import type { CellSnapshot } from "../../src/domain/grid";
import { SheetBuilder } from "../../src/xlsx/sheet-builder";

type Op = { op: "set"; r: number; c: number; v: number } | { op: "touch"; r: number } | { op: "hide"; r: number } | { op: "merge"; top: number; left: number; h: number; w: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ op: fc.constant("set" as const), r: fc.nat(12), c: fc.nat(6), v: fc.integer() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("touch" as const), r: fc.nat(14) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("hide" as const), r: fc.nat(14) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("merge" as const), top: fc.nat(12), left: fc.nat(6), h: fc.nat(3), w: fc.nat(3) }) },
);

describe("SheetBuilder", () => {
  it("builds the sheet the rules say, whatever order the cells come in", () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 80 }), (ops) => {
        const b = new SheetBuilder("表", 0);
        const grid = new Map<string, CellSnapshot>();
        const setRows = new Set<number>();
        const touched = new Set<number>();
        const hidden = new Set<number>();
        const merges: { top: number; left: number; bottom: number; right: number }[] = [];
        for (const o of ops) {
          if (o.op === "set") {
            const cell = { v: o.v, t: String(o.v) };
            b.set(o.r, o.c, cell);
            grid.set(`${o.r},${o.c}`, cell);
            setRows.add(o.r);
          } else if (o.op === "touch") {
            b.touch(o.r);
            touched.add(o.r);
          } else if (o.op === "hide") {
            b.hideRow(o.r);
            hidden.add(o.r);
          } else {
            const m = { top: o.top, left: o.left, bottom: o.top + o.h, right: o.left + o.w };
            b.addMerge(m);
            merges.push(m);
          }
        }
        const sheet = b.build();
        // merged slave cells read blank
        for (const m of merges) for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) grid.delete(`${r},${c}`);
        let rowCount = 0;
        let colCount = 0;
        for (const k of grid.keys()) {
          const [r, c] = k.split(",").map(Number);
          rowCount = Math.max(rowCount, r + 1);
          colCount = Math.max(colCount, c + 1);
        }
        expect(sheet.rowCount).toBe(rowCount);
        expect(sheet.colCount).toBe(colCount);
        expect(b.cellCount).toBe(grid.size);
        expect(sheet.cells.length).toBe(rowCount);
        for (let r = 0; r < rowCount; r++) {
          const row = sheet.cells[r];
          let last = -1;
          for (let c = 0; c < colCount; c++) {
            expect(row[c] ?? undefined).toBe(grid.get(`${r},${c}`));
            if (grid.has(`${r},${c}`)) last = c;
          }
          expect(row.length).toBe(last + 1);
        }
        const covers = (r: number) => merges.some((m) => r >= m.top && r <= m.bottom && (r > m.top || m.right > m.left));
        expect(sheet.hiddenRows).toEqual([...hidden].filter((r) => setRows.has(r) || touched.has(r) || covers(r)).sort((x, y) => x - y));
      }),
      { numRuns: 2000 },
    );
  });
});
