/**
 * Evaluates the identity catalogue over recognized tables. Values are compared as displayed
 * (what the reader checks); a difference inside the rounding envelope 0.005 × (n + 1) display
 * units is info (舍位差异), beyond it an error (hard) or a warning (soft).
 */
import { Decimal, ZERO } from "../../decimal";
import { qualify, type CellAddress } from "../../address";
import { toleranceSetting, type CheckSettings, type RuleFinding, type Severity } from "../../findings";
import { KIND_SHORT_TITLES } from "../../kinds";
import { formatAmount } from "../../format";
import type { AmountCell, RecognizedTable, TableKind, TableRow } from "../../model";
import type { ByCodeIdentity, CellRef, HierarchyIdentity, Identity, RowIdentity, RowsRef, SumIdentity, Term } from "./catalogue";

/** The tables of one unit, by kind (the first of each kind). */
export type TableSet = Partial<Record<TableKind, RecognizedTable>>;

interface Operand {
  table: RecognizedTable;
  row: TableRow;
  cell: AmountCell;
  sign: 1 | -1;
}


function findRow(table: RecognizedTable, key: string, group?: string): TableRow | undefined {
  return table.rows.find((r) => r.key === key && (group === undefined || r.group === group));
}

function resolveCell(set: TableSet, home: RecognizedTable, ref: CellRef): Operand | undefined {
  const table = ref.table ? set[ref.table] : home;
  if (!table) return undefined;
  const row = findRow(table, ref.row, ref.group);
  const cell = row?.cells[ref.col];
  if (!row || !cell) return undefined;
  return { table, row, cell, sign: ref.sign ?? 1 };
}

function resolveRows(set: TableSet, home: RecognizedTable, ref: RowsRef): Operand[] | undefined {
  const table = ref.table ? set[ref.table] : home;
  if (!table) return undefined;
  if (!table.columns.some((c) => c.key === ref.col)) return undefined;
  const q = ref.rows;
  let rows = table.rows.filter((r) => (q.group === undefined || r.group === q.group) && r.cells[ref.col]);
  if (q.keys) rows = rows.filter((r) => q.keys!.includes(r.key));
  if (q.level) rows = rows.filter((r) => r.level === q.level);
  if (q.codePrefixes) {
    // the top-level rows under each prefix: the 类 row when printed, else its 款 rows
    const picked: TableRow[] = [];
    for (const prefix of q.codePrefixes) {
      const cls = rows.find((r) => r.code === prefix);
      if (cls) picked.push(cls);
      else picked.push(...rows.filter((r) => r.code && r.code.length === 5 && r.code.startsWith(prefix)));
    }
    rows = picked;
  }
  return rows.map((row) => ({ table, row, cell: row.cells[ref.col], sign: ref.sign ?? 1 }));
}

function resolveTerm(set: TableSet, home: RecognizedTable, term: Term): Operand[] | undefined {
  if ("rows" in term) return resolveRows(set, home, term);
  const one = resolveCell(set, home, term);
  return one ? [one] : undefined;
}

function decimalsOf(ops: Operand[]): number {
  return Math.max(2, ...ops.map((o) => (o.cell.blank ? 0 : o.cell.decimals)));
}

const fmt = (d: Decimal, decimals: number): string => formatAmount(d, decimals, false);

/** How a cell is named in a message: row label, column header when the table has several, address. */
function describe(op: Operand, home: RecognizedTable): string {
  const colHeader = op.table.columns.filter((c) => c.group === op.row.group).length > 1 ? op.table.columns.find((c) => c.col === op.cell.col)?.header.split("/").pop() : undefined;
  const label = [op.row.label || op.row.key, colHeader].filter(Boolean).join("·");
  const where = op.table === home ? op.cell.address : `${KIND_SHORT_TITLES[op.table.kind] ?? op.table.title} ${qualify(op.table.sheet, op.cell.address)}`;
  return `${label}（${where}）`;
}

function describeRight(ops: Operand[], home: RecognizedTable): string {
  if (ops.length === 0) return "0";
  const sameColumn = ops.every((o) => o.table === ops[0].table && o.cell.col === ops[0].cell.col && o.sign === 1);
  if (sameColumn && ops.length > 4) {
    const rows = ops.map((o) => o.cell.row).sort((a, b) => a - b);
    const first = ops.find((o) => o.cell.row === rows[0])!;
    const last = ops.find((o) => o.cell.row === rows[rows.length - 1])!;
    const where = first.table === home ? "" : `${KIND_SHORT_TITLES[first.table.kind] ?? first.table.title} `;
    // contiguous rows read as a range, like a SUM formula: "D5:D11 之和"
    if (rows[rows.length - 1] - rows[0] + 1 === rows.length) return `${where}${first.cell.address}:${last.cell.address} 之和`;
    const list = ops.map((o) => o.cell.address).join("、");
    return `${where}${ops.length} 项（${list.length > 60 ? `${first.cell.address}…${last.cell.address}` : list}）之和`;
  }
  return ops.map((o, i) => `${i === 0 ? (o.sign < 0 ? "−" : "") : o.sign < 0 ? " − " : " + "}${describe(o, home)}`).join("");
}

const addressOf = (o: Operand): CellAddress => ({ sheet: o.table.sheet, address: o.cell.address });

interface Comparison {
  severity: Severity;
  tolerance: string;
}

/** Decide severity of a difference between displayed values. null = no finding. */
function judge(diff: Decimal, addends: number, decimals: number, broken: Identity["severity"], settings: CheckSettings): Comparison | null {
  if (diff.isZero()) return null;
  const unit = new Decimal(1).div(new Decimal(10).pow(decimals));
  const policy = settings.tolerance;
  if (policy.kind === "strict") return { severity: broken, tolerance: "0（严格）" };
  const envelope = policy.kind === "fixed" ? new Decimal(policy.amount) : unit.times("0.5").times(addends + 1);
  const tol =
    policy.kind === "fixed" ? `±${envelope.toString()}（固定容差）` : `±${fmt(envelope, decimals + 1).replace(/0$/, "")}（舍位容差 0.5×${fmt(unit, decimals)}×(${addends}+1)）`;
  if (diff.abs().lte(envelope)) return { severity: "info", tolerance: tol };
  return { severity: broken, tolerance: tol };
}

/**
 * Whether the identity holds on displayed values, decided without building operands or messages — the common
 * case on every row of a large table. Zero operands are skipped (no allocation for blank columns). It only
 * answers when every sum is exact at the Decimal precision (magnitudes below 10^14, at most 14 decimals, so
 * Σ of a sheet's 1,048,576 rows stays within 35 digits, where makeFinding's step-by-step rounding cannot differ);
 * otherwise it returns undefined and makeFinding decides alone. A true answer means makeFinding returns null.
 */
function holdsExactly(actual: Decimal, cells: readonly (AmountCell | undefined)[], signs: readonly (1 | -1)[] | undefined, relation: "=" | ">="): boolean | undefined {
  if (!inExactRange(actual)) return undefined;
  let sum: Decimal | undefined;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (!cell) continue;
    const d = cell.displayed;
    if (d.isZero()) continue;
    if (!inExactRange(d)) return undefined;
    const negative = signs !== undefined && signs[i] < 0;
    sum = sum === undefined ? (negative ? d.negated() : d) : negative ? sum.minus(d) : sum.plus(d);
  }
  const expected = sum ?? ZERO;
  return relation === "=" ? actual.eq(expected) : actual.gte(expected);
}

/** |d| < 10^14 with at most 14 decimals, read off decimal.js's 7-digit words (the last word ends at 10^(7·(⌊e/7⌋ − words + 1))). */
const inExactRange = (d: Decimal): boolean => d.isZero() || (d.e < 14 && Math.floor(d.e / 7) - d.d.length + 1 >= -2);

function makeFinding(
  identity: Identity,
  home: RecognizedTable,
  left: Operand,
  right: Operand[],
  relation: "=" | ">=",
  settings: CheckSettings,
): RuleFinding | null {
  const decimals = decimalsOf([left, ...right]);
  const expected = right.reduce((acc, o) => (o.sign < 0 ? acc.minus(o.cell.displayed) : acc.plus(o.cell.displayed)), ZERO);
  const actual = left.cell.displayed;
  const diff = actual.minus(expected);
  if (relation === ">=" && diff.gte(0)) return null;
  const verdict = judge(diff, Math.max(1, right.length), decimals, identity.severity, settings);
  if (!verdict) return null;
  const rounding = verdict.severity === "info";
  const leftText = describe(left, home);
  const rel = relation === ">=" ? "应不小于" : "应等于";
  const message = rounding
    ? `${leftText}${rel} ${describeRight(right, home)} ${fmt(expected, decimals)}，表中为 ${fmt(actual, decimals)}，相差 ${fmt(diff, decimals)}，在舍位误差范围内（舍位差异，可注明“因四舍五入产生的差异”）。`
    : `${leftText}${rel} ${describeRight(right, home)} ${fmt(expected, decimals)}，表中为 ${fmt(actual, decimals)}，相差 ${fmt(diff, decimals)}。`;
  return {
    rule: identity.id,
    severity: verdict.severity,
    at: { sheet: home.sheet, address: left.cell.address },
    cells: [left, ...right].map(addressOf),
    message,
    expected: fmt(expected, decimals),
    actual: fmt(actual, decimals),
    difference: fmt(diff, decimals),
    tolerance: verdict.tolerance,
    table: home.id,
    settings: [toleranceSetting(settings)],
    sum: {
      difference: diff,
      decimals,
      operands: [{ at: addressOf(left), displayed: left.cell.displayed, decimals: left.cell.decimals, sign: 0 }, ...right.map((o) => ({ at: addressOf(o), displayed: o.cell.displayed, decimals: o.cell.decimals, sign: o.sign }))],
    },
  };
}

function resolveRight(terms: readonly Term[], home: RecognizedTable, set: TableSet): Operand[] | null {
  const right: Operand[] = [];
  for (const term of terms) {
    const ops = resolveTerm(set, home, term);
    if (!ops) {
      if ("rows" in term || term.table || term.required) return null;
      continue;
    }
    right.push(...ops);
  }
  return right;
}

function evalSum(id: SumIdentity, home: RecognizedTable, set: TableSet, settings: CheckSettings): RuleFinding[] {
  const left = resolveCell(set, home, id.left);
  if (!left) return [];
  if (id.alternative) {
    const alt = resolveRight(id.alternative, home, set);
    if (alt && alt.length > 0 && !makeFinding(id, home, left, alt, id.relation ?? "=", { ...settings, tolerance: { kind: "strict" } })) return [];
  }
  // a missing cell of the same table reads as 0; a missing other table, rows term or required cell skips the identity
  const right = resolveRight(id.right, home, set);
  if (!right || right.length === 0) return [];
  const f = makeFinding(id, home, left, right, id.relation ?? "=", settings);
  return f ? [f] : [];
}

function evalEachRow(id: RowIdentity, home: RecognizedTable, settings: CheckSettings): RuleFinding[] {
  const out: RuleFinding[] = [];
  const hasColumn = (key: string) => home.columns.some((c) => c.key === key && (id.group === undefined || c.group === id.group));
  if (!hasColumn(id.left)) return out;
  const present = id.right.map((k, i) => ({ key: k, sign: id.signs?.[i] ?? 1 })).filter((r) => hasColumn(r.key));
  if (present.length === 0) return out;
  // Fund balance identities need every column (年初 + 收入 − 支出); skip forms that do not print them.
  if (id.signs && present.length !== id.right.length) return out;
  if (!id.signs && present.length < 2) return out;
  const presentSigns = present.map((r) => r.sign as 1 | -1);
  const rightCells: (AmountCell | undefined)[] = present.map(() => undefined);
  for (const row of home.rows) {
    if (id.group !== undefined && row.group !== id.group) continue;
    const leftCell = row.cells[id.left];
    if (!leftCell) continue;
    for (let i = 0; i < present.length; i++) rightCells[i] = row.cells[present[i].key];
    if (holdsExactly(leftCell.displayed, rightCells, presentSigns, "=")) continue;
    const right: Operand[] = [];
    for (const r of present) {
      const cell = row.cells[r.key];
      if (cell) right.push({ table: home, row, cell, sign: r.sign as 1 | -1 });
    }
    const f = makeFinding(id, home, { table: home, row, cell: leftCell, sign: 1 }, right, "=", settings);
    if (f) out.push(f);
  }
  return out;
}

function evalHierarchy(id: HierarchyIdentity, home: RecognizedTable, settings: CheckSettings): RuleFinding[] {
  const out: RuleFinding[] = [];
  const codeRows = home.rows.filter((r) => r.code);
  if (codeRows.length === 0) return out;
  // parent code → children rows (direct: 3 → 5 → 7 digits), per group
  const children = new Map<TableRow, TableRow[]>();
  // group → code → row (nested maps: no key string per row)
  const codeIndex = new Map<string, Map<string, TableRow>>();
  for (const r of codeRows) {
    let byCode = codeIndex.get(r.group ?? "");
    if (!byCode) codeIndex.set(r.group ?? "", (byCode = new Map()));
    byCode.set(r.code!, r);
  }
  for (const r of codeRows) {
    const code = r.code!;
    if (code.length <= 3) continue;
    const parent = codeIndex.get(r.group ?? "")!.get(code.slice(0, code.length - 2));
    if (parent) {
      const list = children.get(parent) ?? [];
      list.push(r);
      children.set(parent, list);
    }
  }
  const kidCells: (AmountCell | undefined)[] = [];
  const holds = (leftCell: AmountCell, kids: readonly TableRow[], col: string): boolean | undefined => {
    kidCells.length = kids.length;
    for (let i = 0; i < kids.length; i++) kidCells[i] = kids[i].cells[col];
    return holdsExactly(leftCell.displayed, kidCells, undefined, "=");
  };
  for (const [parent, kids] of children) {
    for (const col of Object.keys(parent.cells)) {
      const leftCell = parent.cells[col];
      if (!leftCell) continue;
      if (holds(leftCell, kids, col)) continue;
      const right = kids.filter((k) => k.cells[col]).map((k) => ({ table: home, row: k, cell: k.cells[col], sign: 1 as const }));
      const f = makeFinding(id, home, { table: home, row: parent, cell: leftCell, sign: 1 }, right, "=", settings);
      if (f) out.push(f);
    }
  }
  // 合计 = Σ top-level code rows (classes; or sections when no class is printed)
  const total = home.rows.find((r) => r.key === "total");
  if (total && home.kind !== "general-budget-basic-expenditure") {
    // a loop, not Math.min(...rows): spreading 100,000+ arguments can overflow the stack
    let minLen = Infinity;
    for (const r of codeRows) minLen = Math.min(minLen, r.code!.length);
    const top = codeRows.filter((r) => r.code!.length === minLen && r.group === total.group);
    for (const col of Object.keys(total.cells)) {
      const leftCell = total.cells[col];
      if (!leftCell) continue;
      if (holds(leftCell, top, col)) continue;
      const right = top.filter((k) => k.cells[col]).map((k) => ({ table: home, row: k, cell: k.cells[col], sign: 1 as const }));
      const f = makeFinding(id, home, { table: home, row: total, cell: leftCell, sign: 1 }, right, "=", settings);
      if (f) out.push(f);
    }
  }
  return out;
}

function evalByCode(id: ByCodeIdentity, home: RecognizedTable, set: TableSet, settings: CheckSettings): RuleFinding[] {
  const other = set[id.other];
  if (!other) return [];
  if (!home.columns.some((c) => c.key === id.left.col) || !other.columns.some((c) => c.key === id.right.col)) return [];
  const out: RuleFinding[] = [];
  const pick = (t: RecognizedTable, group: string | undefined, level: string | undefined) =>
    t.rows.filter((r) => r.code && (group === undefined || r.group === group) && (level === undefined || r.level === level));
  const leftRows = pick(home, id.left.group, id.left.level);
  const rightRows = pick(other, id.right.group, id.left.level);
  const rightByCode = new Map(rightRows.map((r) => [r.code!, r]));
  const leftByCode = new Map(leftRows.map((r) => [r.code!, r]));
  for (const row of leftRows) {
    const cell = row.cells[id.left.col];
    if (!cell) continue;
    const match = rightByCode.get(row.code!);
    if (!match) {
      if (id.relation === ">=" || cell.displayed.isZero()) continue;
      out.push({
        rule: id.id,
        severity: id.severity,
        at: { sheet: home.sheet, address: cell.address },
        cells: [{ sheet: home.sheet, address: cell.address }],
        message: `${row.label || row.code}（${cell.address}）为 ${cell.displayed.toFixed(2)}，但${KIND_SHORT_TITLES[other.kind] ?? other.title}中没有科目 ${row.code}（应有同额的行）。`,
        expected: "0.00",
        actual: cell.displayed.toFixed(2),
        difference: cell.displayed.toFixed(2),
        tolerance: null,
        table: home.id,
      });
      continue;
    }
    const rc = match.cells[id.right.col];
    if (!rc) continue;
    const f = makeFinding(id, home, { table: home, row, cell, sign: 1 }, [{ table: other, row: match, cell: rc, sign: 1 }], id.relation ?? "=", settings);
    if (f) out.push(f);
  }
  if ((id.relation ?? "=") === "=") {
    for (const match of rightRows) {
      if (leftByCode.has(match.code!)) continue;
      const rc = match.cells[id.right.col];
      if (!rc || rc.displayed.isZero()) continue;
      out.push({
        rule: id.id,
        severity: id.severity,
        at: { sheet: other.sheet, address: rc.address },
        cells: [{ sheet: other.sheet, address: rc.address }],
        message: `${KIND_SHORT_TITLES[other.kind] ?? other.title}中科目 ${match.code} ${match.label}（${rc.address}）为 ${rc.displayed.toFixed(2)}，但${KIND_SHORT_TITLES[home.kind] ?? home.title}没有列出该类。`,
        expected: "0.00",
        actual: rc.displayed.toFixed(2),
        difference: rc.displayed.toFixed(2),
        tolerance: null,
        table: other.id,
      });
    }
  }
  return out;
}

export function evaluateIdentity(identity: Identity, home: RecognizedTable, set: TableSet, settings: CheckSettings): RuleFinding[] {
  switch (identity.form) {
    case "sum":
      return evalSum(identity, home, set, settings);
    case "each-row":
      return evalEachRow(identity, home, settings);
    case "hierarchy":
      return evalHierarchy(identity, home, settings);
    case "by-code":
      return evalByCode(identity, home, set, settings);
  }
}
