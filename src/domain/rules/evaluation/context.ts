/**
 * What every 绩效自评表 rule reads: the recognized model with the execution facts worked out once, the
 * header terms as printed, and the shared ways to format, compare and report a number. Each rule is its
 * own module next to this one (p01-… to s12-…); numbers are compared as displayed, because that is what
 * the reader checks.
 */
import { Decimal, roundHalfUp, sum, ZERO } from "../../decimal";
import { formatAmount, formatPercent } from "../../format";
import type { CheckSettings, Severity } from "../../findings";
import type { AmountCell, EvaluationModel, IndicatorRow, RecognizedTable, TableKind, TableRow } from "../../model";
import { executionRate } from "../../scoring";
import type { RuleMeta } from "../rule";

export interface RuleResult {
  /** A1 of the cell to mark (on the table's sheet) */
  cell: string;
  /** every cell involved, A1 on the table's sheet */
  cells: string[];
  message: string;
  expected: string | null;
  actual: string | null;
  difference?: string | null;
  tolerance?: string | null;
  settings?: string[];
  /** lower the severity (舍位差异, notes) */
  severity?: Severity;
}

export interface EvaluationRule extends RuleMeta {
  /** forms the rule applies to (all when absent) */
  forms?: readonly EvaluationModel["form"][];
  check(ctx: EvaluationContext): RuleResult[];
}

/** Every 绩效自评 rule reads the one 自评表 it is run on. */
export const SELF_EVALUATION_KINDS = ["project-self-evaluation", "department-self-evaluation"] as const satisfies readonly TableKind[];

/* ------------------------------------------------------------------ context */

interface ExecutionFacts {
  row: TableRow;
  executed: AmountCell;
  budget: AmountCell;
  executedTerm: string;
  budgetTerm: string;
  /** from the displayed amounts (what the reader divides) and from the stored ones */
  rate: Decimal | null;
  rateStored: Decimal | null;
  rateCell?: AmountCell;
  weight: Decimal;
  weightCell?: AmountCell;
  weightNote?: string;
  score?: AmountCell;
}

/** A printed number the rules recompute (执行率, 执行率得分, an indicator score). */
export interface ComputedCheck {
  rule: string;
  printed: AmountCell;
  /** exact recomputed value, then other acceptable readings (from displayed inputs, from the printed rate) */
  expected: Decimal;
  alternatives: Decimal[];
  /** decimals the setting asks for (fraction decimals for percentages) */
  settingDecimals: number;
  settings: string[];
  cells: string[];
  /** message with the expected and printed texts filled in */
  describe(expected: string, actual: string): string;
}

export interface EvaluationContext {
  table: RecognizedTable;
  model: EvaluationModel;
  settings: CheckSettings;
  execution?: ExecutionFacts;
  executionLine?: IndicatorRow;
  /** header terms as printed ("全年执行数", "偏差原因分析及改进措施") */
  term(group: "funds" | "indicators", key: string, fallback: string): string;
}

export function buildContext(table: RecognizedTable, model: EvaluationModel, settings: CheckSettings): EvaluationContext {
  const term = (group: string, key: string, fallback: string) => {
    const c = table.columns.find((col) => col.group === group && col.key === key);
    return c ? c.header.replace(/[(（](A|B|%|分|万元)[)）]$/i, "").replace(/[(（]\d+分[)）]$/, "") : fallback;
  };
  const executionLine = model.indicators.find((i) => i.isExecutionRate);
  const ctx: EvaluationContext = {
    table,
    model,
    settings,
    ...(executionLine ? { executionLine } : {}),
    term,
  };
  const execution = executionFacts(model, executionLine, term);
  if (execution) ctx.execution = execution;
  return ctx;
}

export function budgetOf(row: TableRow): AmountCell | undefined {
  const annual = row.cells["annual-budget"];
  const initial = row.cells["initial-budget"];
  if (annual && !annual.blank && !annual.notANumber) return annual;
  if (initial && !initial.blank && !initial.notANumber) return initial;
  return annual ?? initial;
}

function executionFacts(model: EvaluationModel, line: IndicatorRow | undefined, term: EvaluationContext["term"]): ExecutionFacts | undefined {
  const row = model.funds.find((r) => r.key === "total") ?? (model.funds.length === 1 ? model.funds[0] : undefined);
  if (!row) return undefined;
  const executed = row.cells.executed;
  const budget = budgetOf(row);
  if (!executed || !budget) return undefined;
  const budgetKey = budget === row.cells["annual-budget"] ? "annual-budget" : "initial-budget";
  const rate = executionRate(executed.displayed, budget.displayed);
  const rateStored = executionRate(executed.value, budget.value);
  const weightCell = row.cells.weight;
  let weight: Decimal;
  let weightNote: string | undefined;
  if (weightCell && !weightCell.blank && !weightCell.notANumber) weight = weightCell.value;
  else if (line?.weight && !line.weight.blank) weight = line.weight.value;
  else if (model.executionWeightLabel) weight = model.executionWeightLabel.stated;
  else {
    weight = new Decimal(10);
    weightNote = "执行率分值=10（表中未列，按财预〔2020〕10号）";
  }
  const facts: ExecutionFacts = {
    row,
    executed,
    budget,
    executedTerm: term("funds", "executed", "全年执行数"),
    budgetTerm: term("funds", budgetKey, budgetKey === "annual-budget" ? "全年预算数" : "年初预算数"),
    rate,
    rateStored,
    weight,
    ...(weightNote ? { weightNote } : {}),
  };
  const rateCell = row.cells.rate;
  if (rateCell && !rateCell.blank && !rateCell.notANumber) facts.rateCell = rateCell;
  if (weightCell && !weightCell.blank && !weightCell.notANumber) facts.weightCell = weightCell;
  const score = row.cells.score;
  if (score && !score.blank && !score.notANumber) facts.score = score;
  return facts;
}

/* --------------------------------------------------------------- formatting */

// one formatting rule for the whole engine (src/domain/format.ts)
export const fmt = (d: Decimal, decimals: number): string => formatAmount(d, Math.max(0, decimals), false);
export const fmtPercent = (fraction: Decimal, percentDecimals: number): string => formatPercent(fraction, Math.max(0, percentDecimals));

/** A cell as the reader sees it. */
export function shown(c: AmountCell): string {
  if (c.percent) return fmtPercent(c.displayed, c.decimals - 2);
  return fmt(c.displayed, c.decimals);
}

function shownAt(value: Decimal, decimals: number, percent: boolean): string {
  return percent ? fmtPercent(roundHalfUp(value, decimals), decimals - 2) : fmt(value, decimals);
}

/** Weights and scores: as few decimals as they need ("10", "4.8", "3.85"). */
export function plain(d: Decimal): string {
  return d.toFixed();
}

export function usable(c: AmountCell | undefined): c is AmountCell {
  return !!c && !c.blank && !c.notANumber;
}

export function indicatorName(i: IndicatorRow): string {
  const n = i.name.length > 24 ? `${i.name.slice(0, 22)}…` : i.name;
  return `“${n}”`;
}

/* ----------------------------------------------------------- comparisons */

type Judgement = "ok" | "rounded" | "hidden" | "mismatch";

/**
 * A recomputed number against its printed cell. "mismatch": the reader sees a wrong number. "rounded": the
 * table prints fewer decimals than the setting (a typed "9" for 8.62) — a note. "hidden": the cell shows
 * the right number only because its format hides a wrong stored value (0.9954 under "0%" shows 100%).
 */
export function judge(check: ComputedCheck): Judgement {
  const p = check.printed;
  const d = Math.max(0, p.decimals);
  const candidates = [check.expected, ...check.alternatives];
  if (!candidates.some((c) => roundHalfUp(c, d).eq(p.displayed))) return "mismatch";
  const at = Math.max(check.settingDecimals, d);
  if (candidates.some((c) => roundHalfUp(c, at).eq(roundHalfUp(p.value, at)))) return "ok";
  if (!p.value.eq(p.displayed)) return "hidden";
  return d < check.settingDecimals ? "rounded" : "ok";
}

interface SumJudgement {
  status: "ok" | "rounding" | "mismatch";
  total: Decimal;
  decimals: number;
  difference: Decimal;
  tolerance: string | null;
}

/** printed = Σ parts, displayed values, with the tolerance policy of the settings (README “舍位”). */
export function judgeSum(printed: AmountCell, parts: AmountCell[], settings: CheckSettings): SumJudgement {
  const total = sum(parts.map((p) => p.displayed));
  const decimals = Math.max(printed.decimals, ...parts.map((p) => p.decimals), 0);
  const difference = printed.displayed.minus(total);
  if (roundHalfUp(total, Math.max(0, printed.decimals)).eq(printed.displayed)) {
    return { status: "ok", total, decimals, difference: ZERO, tolerance: null };
  }
  const t = settings.tolerance;
  if (t.kind === "strict")
    return {
      status: "mismatch",
      total,
      decimals,
      difference,
      tolerance: "0（严格）",
    };
  if (t.kind === "fixed") {
    const amount = new Decimal(t.amount);
    return {
      status: difference.abs().lte(amount) ? "rounding" : "mismatch",
      total,
      decimals,
      difference,
      tolerance: `±${t.amount}（固定容差）`,
    };
  }
  const unit = new Decimal(10).pow(-Math.max(0, printed.decimals));
  const envelope = unit.times("0.5").times(parts.length + 1);
  return {
    status: difference.abs().lte(envelope) ? "rounding" : "mismatch",
    total,
    decimals,
    difference,
    tolerance: `±${envelope.toFixed()}（舍位容差 ${unit.times("0.5").toFixed()}×(${parts.length}+1)）`,
  };
}

/** Findings of computed checks (a hidden stored-value difference is at most a warning). */
export function computedResults(checks: readonly ComputedCheck[]): RuleResult[] {
  const out: RuleResult[] = [];
  for (const check of checks) {
    const j = judge(check);
    if (j === "mismatch") out.push(computedResult(check));
    else if (j === "hidden") out.push(hiddenResult(check));
  }
  return out;
}

export function computedResult(check: ComputedCheck, decimals?: number): RuleResult {
  const p = check.printed;
  const percent = !!p.percent;
  const d = decimals ?? Math.max(check.settingDecimals, p.decimals);
  const expected = shownAt(check.expected, d, percent);
  const actual = shown(p);
  const difference = p.displayed.minus(roundHalfUp(check.expected, d));
  return {
    cell: p.address,
    cells: check.cells,
    message: check.describe(expected, actual),
    expected,
    actual,
    difference: percent ? fmtPercent(difference, d - 2) : fmt(difference, d),
    tolerance: `按表中列示的${percent ? Math.max(0, p.decimals - 2) : p.decimals}位小数比较`,
    settings: check.settings,
  };
}

function hiddenResult(check: ComputedCheck): RuleResult {
  const p = check.printed;
  const percent = !!p.percent;
  const d = Math.max(check.settingDecimals, p.decimals);
  const expected = shownAt(check.expected, d, percent);
  const stored = shownAt(p.value, d, percent);
  const difference = roundHalfUp(p.value, d).minus(roundHalfUp(check.expected, d));
  return {
    cell: p.address,
    cells: check.cells,
    message: `${check.describe(expected, `${stored}（存储值）`)}；单元格显示为 ${shown(p)}，差异被显示格式掩盖`,
    expected,
    actual: stored,
    difference: percent ? fmtPercent(difference, d - 2) : fmt(difference, d),
    tolerance: `按设置的${percent ? d - 2 : d}位小数比较存储值`,
    settings: check.settings,
    severity: "warning",
  };
}

/* ------------------------------------------------------ shared by rules */

/** Σ 分值 of everything scored: the indicators, plus the 资金 block's 执行率 unless a 预算执行率 line repeats it. */
export function weightTerms(ctx: EvaluationContext): {
  all: AmountCell[];
  indicatorsOnly: AmountCell[];
  execution?: Decimal;
} {
  const indicatorsOnly = ctx.model.indicators.map((i) => i.weight).filter(usable);
  const all = [...indicatorsOnly];
  let execution: Decimal | undefined;
  if (!ctx.executionLine && ctx.execution?.weightCell) {
    all.unshift(ctx.execution.weightCell);
    execution = ctx.execution.weightCell.value;
  }
  return { all, indicatorsOnly, ...(execution ? { execution } : {}) };
}

/** Does the 总分 row cover the 执行率 points? (Sichuan can print a 合计 of the 90 indicator points only.) */
export function totalCoversExecution(ctx: EvaluationContext): boolean {
  const { indicatorsOnly, execution } = weightTerms(ctx);
  const tw = ctx.model.totalWeight;
  if (!execution || !usable(tw)) return true;
  const withoutExecution = sum(indicatorsOnly.map((c) => c.value));
  return !(tw.displayed.eq(withoutExecution) && !withoutExecution.plus(execution).eq(tw.displayed));
}

/** Every printed score that makes up the 总分. */
export function scoreTerms(ctx: EvaluationContext): AmountCell[] {
  const scores = ctx.model.indicators.map((i) => i.score).filter(usable);
  if (!ctx.executionLine && ctx.execution?.score && totalCoversExecution(ctx)) scores.unshift(ctx.execution.score);
  return scores;
}

/** The total a grade is read from: the printed 总分, else the sum of the scores. */
export function totalForGrade(ctx: EvaluationContext): { value: Decimal; text: string } | null {
  const ts = ctx.model.totalScore;
  if (usable(ts)) return { value: ts.displayed, text: shown(ts) };
  const parts = scoreTerms(ctx);
  if (parts.length === 0) return null;
  const total = sum(parts.map((p) => p.displayed));
  return { value: total, text: plain(total) };
}

/** Indicator rows whose printed score the rules recompute (a score over its weight or below 0 is P6's error). */
export function scoredIndicators(ctx: EvaluationContext): (IndicatorRow & { weight: AmountCell; score: AmountCell })[] {
  return ctx.model.indicators.filter(
    (i): i is IndicatorRow & { weight: AmountCell; score: AmountCell } =>
      !i.isExecutionRate && usable(i.weight) && usable(i.score) && !i.score.value.gt(i.weight.value) && !i.score.value.lt(0),
  );
}

/** What the 执行率得分 checks (P3, S3) share: the readings of the rate and how it is shown. */
export function executionScoreBasis(ctx: EvaluationContext): {
  exec: ExecutionFacts;
  rates: Decimal[];
  rateText: string;
  capNote: string;
} | null {
  const exec = ctx.execution;
  if (!exec || !exec.rate || !exec.rateStored) return null;
  const rateDecimals = ctx.settings.percentDecimals + 2;
  const rates = [exec.rate, exec.rateStored, roundHalfUp(exec.rate, rateDecimals)];
  if (exec.rateCell) rates.push(exec.rateCell.displayed);
  const rateText = fmtPercent(roundHalfUp(exec.rate, rateDecimals), ctx.settings.percentDecimals);
  const capNote = exec.rate.gt(1) ? "（执行率超过100%按100%计，得分最高不得超过分值）" : "";
  return { exec, rates, rateText, capNote };
}
