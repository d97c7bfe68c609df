import { fromA1, toA1 } from "../../src/domain/grid";
import { MemoryWorkbookPort } from "../../src/memory/memory-port";
import { describePortContract, viewOf, type CellView } from "./port-contract";

describePortContract("in-memory", (snapshot, formats) => {
  const port = new MemoryWorkbookPort(snapshot, { formats: Object.fromEntries(Object.entries(formats).map(([k, f]) => [k, { fill: f.fill ?? null, note: f.note ?? null }])) });
  const state = () => {
    const { snapshot: now, formats: cellFormats } = port.getState();
    const cells = new Map<string, CellView>();
    for (const s of now.sheets) {
      s.cells.forEach((row, r) => row?.forEach((c, col) => c && cells.set(`${s.name}!${toA1(r, col)}`, { v: c.formula ? `=${c.formula}` : c.v, fill: null, note: null })));
    }
    for (const [key, f] of cellFormats) {
      const [sheet, address] = key.split("\u0000");
      const ref = `${sheet}!${toA1(fromA1(address).row, fromA1(address).col)}`;
      cells.set(ref, { v: cells.get(ref)?.v ?? null, fill: f.fill, note: f.note });
    }
    return viewOf(cells);
  };
  return { port, state };
}, { readRanges: true });
