import type { RuleFinding } from "../../findings";
import type { StructuralRule } from "./rule";

export const T7_3: StructuralRule = {
  id: "T7.3",
  severity: "error",
  reads: ["three-public-expenses"],
  statement: '"三公"经费合计为 0 时，各项均应为 0',
  check(set) {
    const t = set["three-public-expenses"];
    const data = t?.rows.find((r) => r.key === "data");
    if (!t || !data) return [];
    const out: RuleFinding[] = [];
    for (const m of ["budget", "actual"]) {
      const total = data.cells[`total.${m}`];
      if (!total || !total.displayed.isZero()) continue;
      for (const [key, cell] of Object.entries(data.cells)) {
        if (!key.endsWith(`.${m}`) || key.startsWith("total.") || cell.displayed.isZero()) continue;
        out.push({
          rule: "T7.3",
          severity: "error",
          at: { sheet: t.sheet, address: cell.address },
          cells: [{ sheet: t.sheet, address: cell.address }, { sheet: t.sheet, address: total.address }],
          message: `"三公"经费合计（${total.address}）为 0，但 ${cell.address} 为 ${cell.displayed.toFixed(2)}：合计为 0 时各项都应为 0。`,
          expected: "0.00",
          actual: cell.displayed.toFixed(2),
          difference: cell.displayed.toFixed(2),
          tolerance: null,
          table: t.id,
        });
      }
    }
    return out;
  },
};
