import { toA1 } from "../../src/domain/grid";
import { fakeFromSnapshot } from "../excel/fixture-fake";
import { portFor } from "../excel/workbook";
import { describePortContract, viewOf, type CellView } from "./port-contract";

describePortContract("Excel (fake Office object model)", (snapshot, formats) => {
  const fake = fakeFromSnapshot(snapshot);
  for (const [ref, format] of Object.entries(formats)) {
    const bang = ref.lastIndexOf("!");
    const sheet = ref.slice(0, bang);
    const address = ref.slice(bang + 1);
    if (format.fill) fake.sheet(sheet)!.set({ [address]: { fill: { pattern: "Solid", color: format.fill } } });
    if (format.note) fake.addNote(sheet, address, format.note);
  }
  const state = () => {
    const cells = new Map<string, CellView>();
    for (const s of fake.sheets) {
      for (const [key, c] of s.cells) {
        const [r, col] = key.split(",").map(Number);
        const fill = c.fill && c.fill.pattern !== "None" ? c.fill.color.toUpperCase() : null;
        cells.set(`${s.name}!${toA1(r, col)}`, { v: c.formula ? `=${c.formula}` : (c.v ?? null), fill, note: null });
      }
    }
    for (const n of [...fake.notes, ...fake.comments]) {
      const ref = `${n.sheet.name}!${n.address}`;
      cells.set(ref, { v: cells.get(ref)?.v ?? null, fill: cells.get(ref)?.fill ?? null, note: n.content });
    }
    return viewOf(cells);
  };
  return { port: portFor(fake), state };
}, { readRanges: true });
