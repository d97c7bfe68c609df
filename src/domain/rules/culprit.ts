/**
 * Which cell is wrong. One mistyped amount breaks every identity it takes part in — its row sum,
 * its column's 款/类 sum, a cross-table total — by the same amount. A cell that sits in two or more
 * broken identities with the same difference is the likeliest culprit, so those findings are marked
 * on it (the findings still state each identity in full). Otherwise the identity's total is marked.
 */
import { formatAddress, type CellAddress } from "../address";
import type { RuleFinding } from "../findings";

/** The displayed size of a finding's difference: findings "differ by the same amount" when these are equal. */
const magnitude = (f: RuleFinding) => (f.difference ? f.difference.replace(/^-/, "") : null);

export function markLikelyCulprits(findings: RuleFinding[]): RuleFinding[] {
  // each finding's cells keyed once (a sum over a long column names thousands of cells)
  const keyed = new Map<RuleFinding, Map<string, CellAddress>>();
  const cellsOf = (f: RuleFinding): Map<string, CellAddress> => {
    let cells = keyed.get(f);
    if (!cells) keyed.set(f, (cells = new Map(f.cells.map((c) => [formatAddress(c), c]))));
    return cells;
  };
  const errors = new Set(findings.filter((f) => f.severity === "error" && magnitude(f) !== null && cellsOf(f).size > 1));
  const byCell = new Map<string, RuleFinding[]>();
  for (const f of errors) {
    for (const key of cellsOf(f).keys()) {
      const list = byCell.get(key);
      if (list) list.push(f);
      else byCell.set(key, [f]);
    }
  }
  return findings.map((f) => {
    if (!errors.has(f) || !f.sum) return f;
    const size = magnitude(f);
    let best: { key: string; at: CellAddress; count: number } | null = null;
    let tie = false;
    for (const [key, at] of cellsOf(f)) {
      const shared = (byCell.get(key) ?? []).filter((g) => magnitude(g) === size);
      if (shared.length < 2) continue;
      if (!best || shared.length > best.count) {
        best = { key, at, count: shared.length };
        tie = false;
      } else if (shared.length === best.count) tie = true;
    }
    if (!best || tie) return f;
    const at = best.at;
    if (f.at && at.sheet === f.at.sheet && at.address === f.at.address) return f;
    const operand = f.sum.operands.find((o) => formatAddress(o.at) === best!.key);
    if (!operand) return f;
    // expected / actual now speak of the marked cell: the value that would balance this identity
    const diff = f.sum.difference;
    const decimals = Math.max(2, operand.decimals);
    const expected = operand.sign === 0 ? operand.displayed.minus(diff) : operand.sign > 0 ? operand.displayed.plus(diff) : operand.displayed.minus(diff);
    const actual = operand.displayed;
    return {
      ...f,
      at,
      expected: expected.toFixed(decimals),
      actual: actual.toFixed(decimals),
      difference: actual.minus(expected).toFixed(decimals),
      message: `${f.message}${at.address} 同时使 ${best.count} 条勾稽关系相差 ${size}，最可能是填错的单元格：该格为 ${actual.toFixed(decimals)}，按此关系应为 ${expected.toFixed(decimals)}。`,
    };
  });
}
