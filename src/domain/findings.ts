/**
 * Findings and check settings: the public shape of every problem the engine reports.
 * The JSON fields rule, severity, sheet, cell, cells, message, expected, actual are a public
 * interface (README "JSON 输出"): add fields, never rename.
 */
import { formatAddress, type CellAddress } from "./address";
import type { Decimal } from "./decimal";

export type Severity = "error" | "warning" | "info";

export interface Finding {
  /** rule id from the catalogue: T1.3, X7, P6, S4, READ.NUMBER … */
  rule: string;
  severity: Severity;
  /** sheet of the cell to mark (null for workbook-level findings such as "no table found") */
  sheet: string | null;
  /** A1 address of the cell to mark on `sheet` (the total, or the cell that is wrong) */
  cell: string | null;
  /** every cell involved, qualified ("收入决算表!D7", quoted when needed: "'Sheet 1'!D7") */
  cells: string[];
  /** zh-CN explanation in the table's own words and cell terms */
  message: string;
  /** expected / actual as displayed strings ("123.78"), null when not numeric */
  expected: string | null;
  actual: string | null;
  /** actual − expected, displayed; null when not numeric */
  difference?: string | null;
  /** tolerance applied, e.g. "±0.03（舍位容差 0.005×(5+1)）" */
  tolerance?: string | null;
  /** id of the table the finding belongs to (RecognizedTable.id), for grouping */
  table?: string | null;
  /** settings this finding depended on, shown with it ("百分比小数位=2") */
  settings?: string[];
}

/** An operand of a broken sum, kept as a number on a cell: the likeliest wrong cell is worked out from these. */
interface SumOperand {
  at: CellAddress;
  displayed: Decimal;
  decimals: number;
  /** +1 / −1 on the right side; 0 for the left side */
  sign: 0 | 1 | -1;
}

/**
 * A finding as the rules produce it: cells as addresses, the numbers of a broken sum as Decimal.
 * `toFinding` is the one place it becomes the public Finding; optional fields left undefined stay
 * out of the JSON.
 */
export interface RuleFinding {
  rule: string;
  severity: Severity;
  /** the cell to mark (null for workbook-level findings) */
  at: CellAddress | null;
  cells: readonly CellAddress[];
  message: string;
  expected: string | null;
  actual: string | null;
  difference?: string | null;
  tolerance?: string | null;
  table: string | null;
  settings?: string[];
  /** the sum behind an identity finding: actual − expected at `decimals`, and its operands */
  sum?: { difference: Decimal; decimals: number; operands: readonly SumOperand[] };
}

export function toFinding(f: RuleFinding): Finding {
  return {
    rule: f.rule,
    severity: f.severity,
    sheet: f.at?.sheet ?? null,
    cell: f.at?.address ?? null,
    cells: [...new Set(f.cells.map(formatAddress))],
    message: f.message,
    expected: f.expected,
    actual: f.actual,
    ...(f.difference !== undefined ? { difference: f.difference } : {}),
    ...(f.tolerance !== undefined ? { tolerance: f.tolerance } : {}),
    table: f.table,
    ...(f.settings ? { settings: f.settings } : {}),
  };
}

export type TolerancePolicy =
  /** 0.005 × (n + 1) display units for n addends ⇒ info (舍位差异) */
  | { kind: "envelope" }
  /** any difference in displayed values is an error */
  | { kind: "strict" }
  /** a fixed absolute tolerance in the table's unit */
  | { kind: "fixed"; amount: string };

export interface CheckSettings {
  tolerance: TolerancePolicy;
  /** decimals of percentages (执行率, 占比) when recomputed and displayed */
  percentDecimals: 0 | 1 | 2;
  /** S5 reverse-indicator formula: "pmkpi" = 1 − (B−A)/A, 0 at 2A; "ratio" = A/B */
  reverseFormula: "pmkpi" | "ratio";
  /** decimals of 绩效 scores */
  scoreDecimals: 0 | 1 | 2;
}

export const DEFAULT_SETTINGS: CheckSettings = {
  tolerance: { kind: "envelope" },
  percentDecimals: 2,
  reverseFormula: "pmkpi",
  scoreDecimals: 2,
};

/** The one order of severities, worst first: for sorting, grouping and choosing a cell's mark. */
const SEVERITY_ORDER: readonly Severity[] = ["error", "warning", "info"];

/** 0 for error, 1 for warning, 2 for info. */
export function severityRank(severity: Severity): number {
  return SEVERITY_ORDER.indexOf(severity);
}

/** Worst severity first; stable, so findings of one severity keep the engine's order. */
export function compareFindings(a: { severity: Severity }, b: { severity: Severity }): number {
  return severityRank(a.severity) - severityRank(b.severity);
}

/**
 * How a finding names the settings it depended on (Finding.settings), in the words of the 设置 page — one
 * wording for the identity rules and the 绩效 rules, so no internal name reaches an accountant.
 */
export function toleranceSetting(settings: CheckSettings): string {
  const t = settings.tolerance;
  return `容差=${t.kind === "envelope" ? "舍位容差" : t.kind === "strict" ? "严格" : `固定 ${t.amount}`}`;
}

export function reverseFormulaSetting(settings: CheckSettings): string {
  return `反向指标公式=${settings.reverseFormula === "ratio" ? "目标值÷实际值" : "超出目标按比例扣分"}`;
}
