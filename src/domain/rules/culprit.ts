/**
 * Which cell is wrong. One mistyped amount breaks every identity it takes part in — its row sum,
 * its column's 款/类 sum, a cross-table total — by the same amount. A cell that sits in two or more
 * broken identities with the same difference is the likeliest culprit, so those findings are marked
 * on it (the findings still state each identity in full). Otherwise the identity's total is marked.
 */
import { Decimal } from "../decimal";
import type { Finding } from "../findings";
import { FINDING_OPERANDS } from "./identities/engine";

const QUALIFIED = /^(?:'((?:[^']|'')+)'|([^!]+))!(\$?[A-Z]{1,3}\$?\d+)$/;

function parseRef(ref: string): { sheet: string; cell: string } | null {
  const m = QUALIFIED.exec(ref);
  if (!m) return null;
  return { sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2], cell: m[3].replace(/\$/g, "") };
}

const magnitude = (f: Finding) => (f.difference ? f.difference.replace(/^-/, "") : null);

export function markLikelyCulprits(findings: Finding[]): Finding[] {
  const errors = findings.filter((f) => f.severity === "error" && magnitude(f) !== null && f.cells.length > 1);
  const byCell = new Map<string, Finding[]>();
  for (const f of errors) for (const ref of new Set(f.cells)) byCell.set(ref, [...(byCell.get(ref) ?? []), f]);
  return findings.map((f) => {
    if (!errors.includes(f)) return f;
    const size = magnitude(f);
    let best: { ref: string; count: number } | null = null;
    let tie = false;
    for (const ref of new Set(f.cells)) {
      const shared = (byCell.get(ref) ?? []).filter((g) => magnitude(g) === size);
      if (shared.length < 2) continue;
      if (!best || shared.length > best.count) {
        best = { ref, count: shared.length };
        tie = false;
      } else if (shared.length === best.count) tie = true;
    }
    if (!best || tie) return f;
    const at = parseRef(best.ref);
    if (!at || (at.sheet === f.sheet && at.cell === f.cell)) return f;
    const operand = FINDING_OPERANDS.get(f)?.find((o) => o.ref === best!.ref);
    if (!operand || f.difference == null) return f;
    // expected / actual now speak of the marked cell: the value that would balance this identity
    const diff = new Decimal(f.difference);
    const decimals = Math.max(2, operand.decimals);
    const expected = operand.sign === 0 ? operand.displayed.minus(diff) : operand.sign > 0 ? operand.displayed.plus(diff) : operand.displayed.minus(diff);
    const actual = operand.displayed;
    return {
      ...f,
      sheet: at.sheet,
      cell: at.cell,
      expected: expected.toFixed(decimals),
      actual: actual.toFixed(decimals),
      difference: actual.minus(expected).toFixed(decimals),
      message: `${f.message}${at.cell} 同时使 ${best.count} 条勾稽关系相差 ${size}，最可能是填错的单元格：该格为 ${actual.toFixed(decimals)}，按此关系应为 ${expected.toFixed(decimals)}。`,
    };
  });
}
