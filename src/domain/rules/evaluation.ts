/**
 * 绩效自评表 rules (domain README §9.3 S1–S12, §9.4 P1–P12), each declared once as data: id, strength,
 * description and an evaluate function over the recognized model. Hard rules are errors, soft ones
 * warnings; a result may lower itself to info (舍位差异, a table printed in integers, notes such as S1/S7).
 * Numbers are compared as displayed, because that is what the reader checks.
 */
import { Decimal, roundHalfUp, sum, ZERO } from "../decimal";
import { formatAmount, formatPercent } from "../format";
import { qualify, toA1 } from "../grid";
import type { CheckSettings, Finding, Severity } from "../findings";
import type { AmountCell, EvaluationModel, EvaluationText, IndicatorRow, RecognizedTable, TableRow, TextCell } from "../model";
import { sameUnit } from "../indicator-value";
import {
  executionRate,
  executionScore,
  gradeBand,
  gradeOf,
  inBand,
  normalizeGrade,
  qualitativeBand,
  quantitativeScore,
} from "../scoring";
import { toHalfWidth } from "../text";

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

export interface EvaluationRule {
  id: string;
  /** hard ⇒ error, soft ⇒ warning */
  strength: "hard" | "soft";
  description: string;
  /** forms the rule applies to (all when absent) */
  forms?: readonly EvaluationModel["form"][];
  evaluate(ctx: EvaluationContext): RuleResult[];
}

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
interface ComputedCheck {
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
  computed(): ComputedCheck[];
}

function buildContext(table: RecognizedTable, model: EvaluationModel, settings: CheckSettings): EvaluationContext {
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
    computed: () => {
      if (!cache) cache = computedChecks(ctx);
      return cache;
    },
  };
  let cache: ComputedCheck[] | undefined;
  const execution = executionFacts(model, executionLine, term);
  if (execution) ctx.execution = execution;
  return ctx;
}

function budgetOf(row: TableRow): AmountCell | undefined {
  const annual = row.cells["annual-budget"];
  const initial = row.cells["initial-budget"];
  if (annual && !annual.blank && !annual.notANumber) return annual;
  if (initial && !initial.blank && !initial.notANumber) return initial;
  return annual ?? initial;
}

function executionFacts(
  model: EvaluationModel,
  line: IndicatorRow | undefined,
  term: EvaluationContext["term"],
): ExecutionFacts | undefined {
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
const fmt = (d: Decimal, decimals: number): string => formatAmount(d, Math.max(0, decimals), false);
const fmtPercent = (fraction: Decimal, percentDecimals: number): string => formatPercent(fraction, Math.max(0, percentDecimals));

/** A cell as the reader sees it. */
function shown(c: AmountCell): string {
  if (c.percent) return fmtPercent(c.displayed, c.decimals - 2);
  return fmt(c.displayed, c.decimals);
}

function shownAt(value: Decimal, decimals: number, percent: boolean): string {
  return percent ? fmtPercent(roundHalfUp(value, decimals), decimals - 2) : fmt(value, decimals);
}

/** Weights and scores: as few decimals as they need ("10", "4.8", "3.85"). */
function plain(d: Decimal): string {
  return d.toFixed();
}

function usable(c: AmountCell | undefined): c is AmountCell {
  return !!c && !c.blank && !c.notANumber;
}

function indicatorName(i: IndicatorRow): string {
  const n = i.name.length > 24 ? `${i.name.slice(0, 22)}…` : i.name;
  return `“${n}”`;
}

function toleranceLabel(settings: CheckSettings): string {
  const t = settings.tolerance;
  if (t.kind === "envelope") return "容差=舍位包络";
  if (t.kind === "strict") return "容差=严格";
  return `容差=固定${t.amount}`;
}

/* ----------------------------------------------------------- comparisons */

type Judgement = "ok" | "rounded" | "hidden" | "mismatch";

/**
 * A recomputed number against its printed cell. "mismatch": the reader sees a wrong number. "rounded": the
 * table prints fewer decimals than the setting (a typed "9" for 8.62) — a note. "hidden": the cell shows
 * the right number only because its format hides a wrong stored value (0.9954 under "0%" shows 100%).
 */
function judge(check: ComputedCheck): Judgement {
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

/** printed = Σ parts, displayed values, with the tolerance policy of the settings (README §5.4). */
function judgeSum(printed: AmountCell, parts: AmountCell[], settings: CheckSettings): SumJudgement {
  const total = sum(parts.map((p) => p.displayed));
  const decimals = Math.max(printed.decimals, ...parts.map((p) => p.decimals), 0);
  const difference = printed.displayed.minus(total);
  if (roundHalfUp(total, Math.max(0, printed.decimals)).eq(printed.displayed)) {
    return { status: "ok", total, decimals, difference: ZERO, tolerance: null };
  }
  const t = settings.tolerance;
  if (t.kind === "strict") return { status: "mismatch", total, decimals, difference, tolerance: "0（严格）" };
  if (t.kind === "fixed") {
    const amount = new Decimal(t.amount);
    return { status: difference.abs().lte(amount) ? "rounding" : "mismatch", total, decimals, difference, tolerance: `±${t.amount}（固定容差）` };
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

/* --------------------------------------------------------- computed checks */

function computedChecks(ctx: EvaluationContext): ComputedCheck[] {
  const { model, settings } = ctx;
  const out: ComputedCheck[] = [];
  const rateDecimals = settings.percentDecimals + 2;
  const scoreDecimals = settings.scoreDecimals;
  const percentSetting = `百分比小数位=${settings.percentDecimals}`;
  const scoreSetting = `得分小数位=${scoreDecimals}`;
  const exec = ctx.execution;

  // P2 执行率 of every 资金 row that prints one
  for (const row of model.funds) {
    const rateCell = row.cells.rate;
    const executed = row.cells.executed;
    const budget = budgetOf(row);
    if (!usable(rateCell) || !executed || !budget) continue;
    const rate = executionRate(executed.displayed, budget.displayed);
    const stored = executionRate(executed.value, budget.value);
    if (!rate || !stored) continue;
    const budgetTerm = ctx.term("funds", budget === row.cells["annual-budget"] ? "annual-budget" : "initial-budget", "全年预算数");
    const executedTerm = ctx.term("funds", "executed", "全年执行数");
    const prefix = row.key === "total" ? "" : `${row.label} `;
    out.push({
      rule: "P2",
      printed: rateCell,
      expected: rate,
      alternatives: [stored],
      settingDecimals: rateDecimals,
      settings: [percentSetting],
      cells: [rateCell.address, executed.address, budget.address],
      describe: (e, a) => `${prefix}执行率（${rateCell.address}）应为 ${executedTerm} ${shown(executed)} ÷ ${budgetTerm} ${shown(budget)} = ${e}，表中为 ${a}`,
    });
  }

  // P3 执行率得分 = min(执行率, 100%) × 分值, on the 资金 block; S3 the same on a 预算执行率 indicator line
  if (exec && exec.rate && exec.rateStored) {
    const rates = [exec.rate, exec.rateStored, roundHalfUp(exec.rate, rateDecimals)];
    if (exec.rateCell) rates.push(exec.rateCell.displayed);
    const rateText = fmtPercent(roundHalfUp(exec.rate, rateDecimals), settings.percentDecimals);
    const capNote = exec.rate.gt(1) ? "（执行率超过100%按100%计，得分最高不得超过分值）" : "";
    const scoreTerm = ctx.term("funds", "score", "得分");
    const settingsUsed = [scoreSetting, percentSetting, ...(exec.weightNote ? [exec.weightNote] : [])];
    if (exec.score) {
      const score = exec.score;
      out.push({
        rule: "P3",
        printed: score,
        expected: executionScore(exec.rate, exec.weight),
        alternatives: rates.map((r) => executionScore(r, exec.weight)),
        settingDecimals: scoreDecimals,
        settings: settingsUsed,
        cells: [score.address, exec.executed.address, exec.budget.address, ...(exec.weightCell ? [exec.weightCell.address] : [])],
        describe: (e, a) =>
          `执行率${scoreTerm === "得分" ? "得分" : scoreTerm.replace(/^执行率/, "")}（${score.address}）应为 min(执行率 ${rateText}, 100%) × 分值 ${plain(exec.weight)} = ${e}，表中为 ${a}${capNote}`,
      });
    }
    const line = ctx.executionLine;
    if (line && usable(line.score) && usable(line.weight)) {
      const score = line.score;
      const weight = line.weight.value;
      out.push({
        rule: "S3",
        printed: score,
        expected: executionScore(exec.rate, weight),
        alternatives: rates.map((r) => executionScore(r, weight)),
        settingDecimals: scoreDecimals,
        settings: [scoreSetting, percentSetting],
        cells: [score.address, line.weight.address, exec.executed.address, exec.budget.address],
        describe: (e, a) =>
          `指标“预算执行率”得分（${score.address}）应为 min(执行率 ${rateText}, 100%) × 分值 ${plain(weight)} = ${e}，表中为 ${a}${capNote}`,
      });
    }
  }

  for (const i of model.indicators) {
    if (i.isExecutionRate || !usable(i.weight) || !usable(i.score)) continue;
    const weight = i.weight.value;
    const score = i.score;
    if (score.value.gt(weight) || score.value.lt(0)) continue; // P6 reports it as an error

    // P6 (Chongqing) 指标得分 = 得分系数 × 指标权重
    if (usable(i.coefficient)) {
      const coefficient = i.coefficient;
      out.push({
        rule: "P6",
        printed: score,
        expected: coefficient.value.times(weight),
        alternatives: [coefficient.displayed.times(weight)],
        settingDecimals: scoreDecimals,
        settings: [scoreSetting],
        cells: [score.address, coefficient.address, i.weight.address],
        describe: (e, a) =>
          `${indicatorName(i)}${ctx.term("indicators", "score", "得分")}（${score.address}）应为 ${ctx.term("indicators", "coefficient", "得分系数")} ${shown(coefficient)} × ${ctx.term("indicators", "weight", "权重")} ${plain(weight)} = ${e}，表中为 ${a}`,
      });
    }

    // S4–S6 quantitative indicators
    const target = i.target;
    const actual = i.actual;
    if (!target || !actual || target.nature === "qualitative" || actual.nature === "qualitative") continue;
    if (!target.number || !actual.number || !sameUnit(target.unit, actual.unit)) continue;
    const nature = target.nature;
    const { rule, score: expected } = quantitativeScore(nature, target.number, actual.number, weight, settings.reverseFormula);
    const A = target.number;
    const B = actual.number;
    const unit = target.unit ?? actual.unit ?? "";
    const targetTerm = ctx.term("indicators", "target", "年度指标值");
    const actualTerm = ctx.term("indicators", "actual", "实际完成值");
    const how = explainQuantitative(rule, nature, A, B, weight, unit, settings.reverseFormula, targetTerm, actualTerm);
    out.push({
      rule,
      printed: score,
      expected,
      alternatives: [],
      settingDecimals: scoreDecimals,
      settings: rule === "S5" ? [`反向指标公式=${settings.reverseFormula}`, scoreSetting] : [scoreSetting],
      cells: [score.address, target.cell.address, actual.cell.address, i.weight.address],
      describe: (e, a) => `${indicatorName(i)}得分（${score.address}）${how} = ${e}，表中为 ${a}（各地计分公式不一，请核实）`,
    });
  }
  return out;
}

function explainQuantitative(
  rule: "S4" | "S5" | "S6",
  nature: string,
  A: Decimal,
  B: Decimal,
  w: Decimal,
  unit: string,
  formula: CheckSettings["reverseFormula"],
  targetTerm: string,
  actualTerm: string,
): string {
  const a = `${plain(A)}${unit}`;
  const b = `${plain(B)}${unit}`;
  if (rule === "S4" || (rule === "S6" && !A.isZero())) {
    const kind = rule === "S4" ? "正向指标" : "等于型指标";
    if (B.gte(A)) return `按${kind}应为满分（${actualTerm} ${b} 达到${targetTerm} ${nature === "=" ? "" : nature}${a}）${plain(w)}`;
    return `按${kind}应为 ${actualTerm} ${b} ÷ ${targetTerm} ${a} × 分值 ${plain(w)}`;
  }
  if (rule === "S6") return `按等于型指标（${targetTerm} 0：${actualTerm} ≤ 0 满分，否则 0）应为`;
  if (B.lte(A)) return `按反向指标应为满分（${actualTerm} ${b} 未超过${targetTerm} ${a}）${plain(w)}`;
  if (formula === "ratio") return `按反向指标应为 ${targetTerm} ${a} ÷ ${actualTerm} ${b} × 分值 ${plain(w)}`;
  if (A.lte(0) || B.gte(A.times(2))) return `按反向指标（${actualTerm} 达到${targetTerm}的2倍及以上得0分）应为`;
  return `按反向指标应为 (1 − (${actualTerm} ${b} − ${targetTerm} ${a}) ÷ ${a}) × 分值 ${plain(w)}`;
}

/** Findings of the computed checks of one rule id (a hidden stored-value difference is at most a warning). */
function computedResults(ctx: EvaluationContext, rule: string): RuleResult[] {
  const out: RuleResult[] = [];
  for (const check of ctx.computed()) {
    if (check.rule !== rule) continue;
    const j = judge(check);
    if (j === "mismatch") out.push(computedResult(check));
    else if (j === "hidden") out.push(hiddenResult(check));
  }
  return out;
}

function computedResult(check: ComputedCheck, decimals?: number): RuleResult {
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

/* ----------------------------------------------------------------- rules */

const P1: EvaluationRule = {
  id: "P1",
  strength: "hard",
  description: "年度资金总额 = 其中各项之和（当年财政拨款 + 上年结转资金 + 其他资金；部门整体：基本支出 + 项目支出），逐列",
  evaluate(ctx) {
    const total = ctx.model.funds.find((r) => r.key === "total");
    if (!total) return [];
    const sourceKeys = ["fiscal", "carryover", "special-account", "unit", "other"];
    const useKeys = ["basic", "project"];
    const partitions: TableRow[][] = [];
    const sources = ctx.model.funds.filter((r) => sourceKeys.includes(r.key));
    const uses = ctx.model.funds.filter((r) => useKeys.includes(r.key));
    if (uses.length > 0) {
      // 部门整体 (Guizhou): 基本支出 + 项目支出 (+ 其他 when it is the only source-like row)
      const extra = sources.length === 1 && sources[0].key === "other" ? sources : [];
      partitions.push([...uses, ...extra]);
      if (extra.length === 0 && sources.length > 0) partitions.push(sources);
    } else if (sources.length > 0) partitions.push(sources);
    const out: RuleResult[] = [];
    for (const parts of partitions) {
      for (const key of ["initial-budget", "annual-budget", "executed"]) {
        const printed = total.cells[key];
        if (!printed || printed.notANumber) continue;
        const cells = parts.map((r) => r.cells[key]).filter((c): c is AmountCell => !!c && !c.notANumber);
        // 其中 rows left blank altogether are not a breakdown; a blank total over filled rows is
        if (cells.length === 0 || cells.every((c) => c.blank)) continue;
        const j = judgeSum(printed, cells, ctx.settings);
        if (j.status === "ok") continue;
        const term = ctx.term("funds", key, key);
        const expr = parts.map((r, idx) => `${r.label} ${shown(cells[idx] ?? printed)}`).join(" + ");
        const expected = fmt(j.total, j.decimals);
        const actual = shown(printed);
        out.push({
          cell: printed.address,
          cells: [printed.address, ...cells.map((c) => c.address)],
          message:
            `${total.label} ${term}（${printed.address}）应为 ${expr} = ${expected}，表中为 ${shown(printed)}` +
            (j.status === "rounding" ? "（舍位差异）" : ""),
          expected,
          actual,
          difference: fmt(j.difference, j.decimals),
          tolerance: j.tolerance,
          settings: [toleranceLabel(ctx.settings)],
          ...(j.status === "rounding" ? { severity: "info" as const } : {}),
        });
      }
    }
    return out;
  },
};

const P2: EvaluationRule = {
  id: "P2",
  strength: "hard",
  description: "执行率 = 全年执行数 ÷ 全年预算数（四川：预算执行数 ÷ 调整后预算数；贵州：全年执行数(B) ÷ 年初预算数(A)）",
  evaluate: (ctx) => computedResults(ctx, "P2"),
};

const P3: EvaluationRule = {
  id: "P3",
  strength: "hard",
  description: "执行率得分 = min(执行率, 100%) × 分值（最高不得超过分值上限）",
  evaluate: (ctx) => computedResults(ctx, "P3"),
};

const P4: EvaluationRule = {
  id: "P4",
  strength: "hard",
  description: "各一级（二级）指标下三级指标分值之和 = 标签中标明的分值（如“产出指标（50分）”）",
  evaluate(ctx) {
    const { model } = ctx;
    const out: RuleResult[] = [];
    const regular = model.indicators.filter((i) => !i.isExecutionRate);
    const check = (label: { name: string; stated: Decimal; cell: TextCell; source?: string }, rows: IndicatorRow[], what: string) => {
      if (label.source !== "label" || rows.length === 0) return;
      const weights = rows.map((i) => i.weight).filter(usable);
      const total = sum(weights.map((w) => w.value));
      if (total.eq(label.stated)) return;
      out.push({
        cell: label.cell.address,
        cells: [label.cell.address, ...weights.map((w) => w.address)],
        message: `${label.name}（${label.cell.address}）标明 ${plain(label.stated)} 分，其下${what}分值合计为 ${plain(total)}，两者应相等`,
        expected: plain(label.stated),
        actual: plain(total),
        difference: plain(total.minus(label.stated)),
        tolerance: null,
      });
    };
    for (const l1 of model.level1Weights) check(l1, regular.filter((i) => i.level1 === l1.name), "三级指标");
    for (const l2 of model.level2Weights) {
      check(l2, regular.filter((i) => i.level2 === l2.name && (l2.parent === undefined || i.level1 === l2.parent)), "三级指标");
    }
    if (model.indicatorsWeight) check(model.indicatorsWeight, regular, "各项绩效指标");
    return out;
  },
};

/** Σ 分值 of everything scored: the indicators, plus the 资金 block's 执行率 unless a 预算执行率 line repeats it. */
function weightTerms(ctx: EvaluationContext): { all: AmountCell[]; indicatorsOnly: AmountCell[]; execution?: Decimal } {
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
function totalCoversExecution(ctx: EvaluationContext): boolean {
  const { indicatorsOnly, execution } = weightTerms(ctx);
  const tw = ctx.model.totalWeight;
  if (!execution || !usable(tw)) return true;
  const withoutExecution = sum(indicatorsOnly.map((c) => c.value));
  return !(tw.displayed.eq(withoutExecution) && !withoutExecution.plus(execution).eq(tw.displayed));
}

const P5: EvaluationRule = {
  id: "P5",
  strength: "hard",
  description: "预算执行率分值 + 各项指标分值之和 = 100",
  evaluate(ctx) {
    const { all } = weightTerms(ctx);
    if (all.length === 0) return [];
    const total = sum(all.map((c) => c.value));
    const tw = ctx.model.totalWeight;
    const target = usable(tw) ? tw : all[all.length - 1];
    const hundred = new Decimal(100);
    if (!total.eq(hundred)) {
      const execPart = ctx.executionLine ? "" : ctx.execution?.weightCell ? `执行率分值 ${plain(ctx.execution.weightCell.value)} + ` : "";
      const indicators = sum(ctx.model.indicators.map((i) => i.weight).filter(usable).map((c) => c.value));
      return [
        {
          cell: target.address,
          cells: all.map((c) => c.address),
          message: `分值合计应为 100：${execPart}各项指标分值 ${plain(indicators)} = ${plain(total)}${usable(tw) ? `（总分分值 ${tw.address} 列为 ${shown(tw)}）` : ""}`,
          expected: "100",
          actual: plain(total),
          difference: plain(total.minus(hundred)),
          tolerance: null,
        },
      ];
    }
    if (usable(tw) && !tw.displayed.eq(total) && totalCoversExecution(ctx)) {
      return [
        {
          cell: tw.address,
          cells: [tw.address, ...all.map((c) => c.address)],
          message: `总分分值（${tw.address}）应为 各项分值之和 ${plain(total)}，表中为 ${shown(tw)}`,
          expected: plain(total),
          actual: shown(tw),
          difference: plain(tw.displayed.minus(total)),
          tolerance: null,
        },
      ];
    }
    return [];
  },
};

const P6: EvaluationRule = {
  id: "P6",
  strength: "hard",
  description: "各项得分不超过其分值、不为负；重庆表 指标得分 = 得分系数 × 指标权重",
  evaluate(ctx) {
    const out: RuleResult[] = [];
    const rows: { name: string; weight?: AmountCell; score?: AmountCell }[] = ctx.model.indicators.map((i) => ({
      name: indicatorName(i),
      ...(i.weight ? { weight: i.weight } : {}),
      ...(i.score ? { score: i.score } : {}),
    }));
    if (ctx.execution?.weightCell && ctx.execution.score) rows.unshift({ name: "执行率", weight: ctx.execution.weightCell, score: ctx.execution.score });
    for (const r of rows) {
      if (!usable(r.weight) || !usable(r.score)) continue;
      const { weight, score } = r;
      if (score.value.gt(weight.value)) {
        out.push({
          cell: score.address,
          cells: [score.address, weight.address],
          message: `${r.name}得分（${score.address}）为 ${shown(score)}，超过分值 ${shown(weight)}（${weight.address}）`,
          expected: `≤${shown(weight)}`,
          actual: shown(score),
          difference: plain(score.displayed.minus(weight.displayed)),
          tolerance: null,
        });
      } else if (score.value.lt(0)) {
        out.push({
          cell: score.address,
          cells: [score.address],
          message: `${r.name}得分（${score.address}）为负数 ${shown(score)}`,
          expected: "≥0",
          actual: shown(score),
          tolerance: null,
        });
      }
    }
    return [...out, ...computedResults(ctx, "P6")];
  },
};

/** Every printed score that makes up the 总分. */
function scoreTerms(ctx: EvaluationContext): AmountCell[] {
  const scores = ctx.model.indicators.map((i) => i.score).filter(usable);
  if (!ctx.executionLine && ctx.execution?.score && totalCoversExecution(ctx)) scores.unshift(ctx.execution.score);
  return scores;
}

const P7: EvaluationRule = {
  id: "P7",
  strength: "hard",
  description: "总分 = 执行率得分 + 各项指标得分之和",
  evaluate(ctx) {
    const ts = ctx.model.totalScore;
    if (!usable(ts)) return [];
    const parts = scoreTerms(ctx);
    if (parts.length === 0) return [];
    const j = judgeSum(ts, parts, ctx.settings);
    if (j.status === "ok") return [];
    const expected = fmt(j.total, j.decimals);
    const execNote = ctx.executionLine || !ctx.execution?.score ? "" : "（含执行率得分）";
    return [
      {
        cell: ts.address,
        cells: [ts.address, ...parts.map((p) => p.address)],
        message: `总分得分（${ts.address}）应为 各项得分之和${execNote} ${expected}，表中为 ${shown(ts)}${j.status === "rounding" ? "（舍位差异）" : ""}`,
        expected,
        actual: shown(ts),
        difference: fmt(j.difference, j.decimals),
        tolerance: j.tolerance,
        settings: [toleranceLabel(ctx.settings)],
        ...(j.status === "rounding" ? { severity: "info" as const } : {}),
      },
    ];
  },
};

/** The total a grade is read from: the printed 总分, else the sum of the scores. */
function totalForGrade(ctx: EvaluationContext): { value: Decimal; text: string } | null {
  const ts = ctx.model.totalScore;
  if (usable(ts)) return { value: ts.displayed, text: shown(ts) };
  const parts = scoreTerms(ctx);
  if (parts.length === 0) return null;
  const total = sum(parts.map((p) => p.displayed));
  return { value: total, text: plain(total) };
}

const P8: EvaluationRule = {
  id: "P8",
  strength: "hard",
  description: "等级由总分确定：90（含）以上优，80（含）–90 良，60（含）–80 中，60 以下差（优秀/良好/一般/较差、优/良/合格/不合格同义）",
  evaluate(ctx) {
    const grade = ctx.model.grade;
    if (!grade) return [];
    const printed = normalizeGrade(grade.text);
    const total = totalForGrade(ctx);
    if (!printed || !total) return [];
    const expected = gradeOf(total.value);
    if (expected === printed) return [];
    return [
      {
        cell: grade.address,
        cells: [grade.address, ...(ctx.model.totalScore ? [ctx.model.totalScore.address] : [])],
        message: `等级（${grade.address}）应为 ${expected}（总分 ${total.text}，${gradeBand(expected)} 为${expected}），表中为 ${grade.text.trim()}`,
        expected,
        actual: grade.text.trim(),
        tolerance: null,
      },
    ];
  },
};

const P9: EvaluationRule = {
  id: "P9",
  strength: "soft",
  description: "得分低于分值时须填写偏差原因分析及改进措施；满分却写“未完成”自相矛盾",
  evaluate(ctx) {
    const out: RuleResult[] = [];
    const term = ctx.term("indicators", "deviation", "偏差原因分析及改进措施");
    for (const i of ctx.model.indicators) {
      if (!i.deviation || !usable(i.weight) || !usable(i.score)) continue;
      const text = i.deviation.text.trim();
      const missing = /^[-—–－/、无]*$/.test(text.replace(/\s+/g, ""));
      if (i.score.displayed.lt(i.weight.displayed) && missing) {
        out.push({
          cell: i.deviation.address,
          cells: [i.deviation.address, i.score.address, i.weight.address],
          message: `${indicatorName(i)}得分 ${shown(i.score)} 低于分值 ${shown(i.weight)}，${term}（${i.deviation.address}）未填写`,
          expected: null,
          actual: null,
        });
      } else if (i.score.displayed.eq(i.weight.displayed) && /未(完成|达成|达到|实现)|没有完成/.test(text)) {
        out.push({
          cell: i.deviation.address,
          cells: [i.deviation.address, i.score.address],
          message: `${indicatorName(i)}得满分 ${shown(i.score)}，但${term}（${i.deviation.address}）写有“未完成”类说明，前后矛盾`,
          expected: null,
          actual: null,
        });
      }
    }
    return out;
  },
};

const P10: EvaluationRule = {
  id: "P10",
  strength: "soft",
  description: "全年执行数一般不超过全年预算数（执行率超过100%须核实）",
  evaluate(ctx) {
    const e = ctx.execution;
    if (!e || e.budget.blank || !e.executed.displayed.gt(e.budget.displayed) || !e.rate) return [];
    return [
      {
        cell: e.executed.address,
        cells: [e.executed.address, e.budget.address],
        message: `${e.executedTerm}（${e.executed.address}）${shown(e.executed)} 大于 ${e.budgetTerm}（${e.budget.address}）${shown(e.budget)}，执行率 ${fmtPercent(roundHalfUp(e.rate, ctx.settings.percentDecimals + 2), ctx.settings.percentDecimals)}，请核实`,
        expected: `≤${shown(e.budget)}`,
        actual: shown(e.executed),
        difference: fmt(e.executed.displayed.minus(e.budget.displayed), Math.max(e.executed.decimals, e.budget.decimals)),
      },
    ];
  },
};

const TEXT_CAPS: Partial<Record<EvaluationText["key"], number>> = {
  goal: 100,
  achievement: 100,
  "execution-reason": 100,
  conclusion: 200,
  problems: 200,
  improvements: 200,
};

function charCount(text: string): number {
  return [...text.replace(/\s+/g, "")].length;
}

const P11: EvaluationRule = {
  id: "P11",
  strength: "soft",
  forms: ["sichuan"],
  description: "四川表文字字数上限：年度目标、完成情况、执行原因 100 字；评价结论、存在问题、改进措施 200 字",
  evaluate(ctx) {
    const out: RuleResult[] = [];
    for (const t of ctx.model.texts ?? []) {
      const cap = TEXT_CAPS[t.key];
      if (!cap) continue;
      const n = charCount(t.cell.text);
      if (n <= cap) continue;
      out.push({
        cell: t.cell.address,
        cells: [t.cell.address],
        message: `${t.label}（${t.cell.address}）共 ${n} 字，超过表中规定的 ${cap} 字`,
        expected: String(cap),
        actual: String(n),
        difference: String(n - cap),
      });
    }
    return out;
  },
};

const P12: EvaluationRule = {
  id: "P12",
  strength: "soft",
  description: "年度总体目标“实际完成情况”中的执行金额、执行率与资金表一致",
  evaluate(ctx) {
    const e = ctx.execution;
    const achievement = ctx.model.texts?.find((t) => t.key === "achievement");
    if (!e || !achievement) return [];
    const text = toHalfWidth(achievement.cell.text).replace(/\s+/g, "");
    const out: RuleResult[] = [];
    // "共完成预算资金89.97万元", "全年执行资金1268.72万元" (not "完成投资500万元": no 资金/预算/经费/支出 word)
    const amount = /(完成|执行|支出|使用|拨付)[^。；;，,\d]{0,10}?(\d+(?:\.\d+)?)万元/.exec(text);
    if (amount && /资金|预算|经费|支出/.test(amount[0]) && ctx.table.unit !== "元") {
      const said = new Decimal(amount[2]);
      const decimals = amount[2].includes(".") ? amount[2].split(".")[1].length : 0;
      const expected = roundHalfUp(e.executed.value, decimals);
      if (!expected.eq(said) && !roundHalfUp(e.executed.displayed, decimals).eq(said)) {
        out.push({
          cell: achievement.cell.address,
          cells: [achievement.cell.address, e.executed.address],
          message: `${achievement.label}（${achievement.cell.address}）写“${amount[0]}”，与${e.executedTerm}（${e.executed.address}）${shown(e.executed)}万元不一致`,
          expected: fmt(e.executed.value, decimals),
          actual: amount[2],
          difference: fmt(said.minus(expected), decimals),
        });
      }
    }
    // the budget execution rate only: "预算执行率95%", "，执行率95%" (not "政府采购执行率78%")
    const rate = /(?:预算执行率|资金执行率|(?:^|[，,。；;：:、（(])执行率)(?:为|达|达到|是)?(\d+(?:\.\d+)?)%/.exec(text);
    if (rate && e.rate) {
      const said = new Decimal(rate[1]).div(100);
      const decimals = (rate[1].includes(".") ? rate[1].split(".")[1].length : 0) + 2;
      if (!roundHalfUp(e.rate, decimals).eq(said) && !(e.rateStored && roundHalfUp(e.rateStored, decimals).eq(said))) {
        out.push({
          cell: achievement.cell.address,
          cells: [achievement.cell.address, e.executed.address, e.budget.address],
          message: `${achievement.label}（${achievement.cell.address}）写执行率 ${rate[1]}%，按资金表应为 ${fmtPercent(roundHalfUp(e.rate, decimals), decimals - 2)}`,
          expected: fmtPercent(roundHalfUp(e.rate, decimals), decimals - 2),
          actual: `${rate[1]}%`,
        });
      }
    }
    return out;
  },
};

const S1: EvaluationRule = {
  id: "S1",
  strength: "soft",
  description: "预算执行率原则上 10 分（财预〔2020〕10号）；各一级指标分值以表中为准",
  evaluate(ctx) {
    const line = ctx.executionLine;
    const cell = line && usable(line.weight) ? line.weight : ctx.execution?.weightCell;
    if (!cell || cell.value.eq(10)) return [];
    return [
      {
        cell: cell.address,
        cells: [cell.address],
        message: `预算执行率分值（${cell.address}）为 ${shown(cell)}，财预〔2020〕10号原则上设为 10 分`,
        expected: "10",
        actual: shown(cell),
        severity: "info",
      },
    ];
  },
};

const S2: EvaluationRule = {
  id: "S2",
  strength: "soft",
  description: "“预算执行率”指标的实际完成值 = 资金表计算的执行率",
  evaluate(ctx) {
    const line = ctx.executionLine;
    const e = ctx.execution;
    const actual = line?.actual;
    if (!line || !e?.rate || !actual?.number || actual.unit !== "%") return [];
    const written = actual.raw.replace(/[^\d.]/g, "");
    const decimals = (written.includes(".") ? written.split(".")[1].length : 0) + 2;
    const said = actual.number.div(100);
    const candidates = [e.rate, e.rateStored ?? e.rate];
    if (candidates.some((r) => roundHalfUp(r, decimals).eq(said))) return [];
    const expected = fmtPercent(roundHalfUp(e.rate, decimals), decimals - 2);
    return [
      {
        cell: actual.cell.address,
        cells: [actual.cell.address, e.executed.address, e.budget.address],
        message: `指标“预算执行率”实际完成值（${actual.cell.address}）应为 ${e.executedTerm} ${shown(e.executed)} ÷ ${e.budgetTerm} ${shown(e.budget)} = ${expected}，表中为 ${actual.raw.trim()}`,
        expected,
        actual: actual.raw.trim(),
      },
    ];
  },
};

const S3: EvaluationRule = {
  id: "S3",
  strength: "hard",
  description: "“预算执行率”指标行的得分 = min(执行率, 100%) × 分值",
  evaluate: (ctx) => computedResults(ctx, "S3"),
};

const S4: EvaluationRule = {
  id: "S4",
  strength: "soft",
  description: "正向指标（≥、>）：完成值 ≥ 指标值得满分，否则 完成值 ÷ 指标值 × 分值",
  evaluate: (ctx) => computedResults(ctx, "S4"),
};

const S5: EvaluationRule = {
  id: "S5",
  strength: "soft",
  description: "反向指标（≤、<）：完成值 ≤ 指标值得满分；pmkpi：(1 − (完成值 − 指标值) ÷ 指标值) × 分值，2倍及以上 0 分；ratio：指标值 ÷ 完成值 × 分值",
  evaluate: (ctx) => computedResults(ctx, "S5"),
};

const S6: EvaluationRule = {
  id: "S6",
  strength: "soft",
  description: "等于型指标（=）：指标值为 0 时完成值 ≤ 0 得满分、否则 0 分；指标值大于 0 时按正向计分",
  evaluate: (ctx) => computedResults(ctx, "S6"),
};

const S7: EvaluationRule = {
  id: "S7",
  strength: "soft",
  description: "完成值远超指标值（2倍及以上）：指标值可能设定偏低，应按偏离度扣分",
  evaluate(ctx) {
    const out: RuleResult[] = [];
    for (const i of ctx.model.indicators) {
      const { target, actual } = i;
      if (i.isExecutionRate || !target?.number || !actual?.number || !sameUnit(target.unit, actual.unit)) continue;
      if (!(target.nature === ">=" || target.nature === ">" || target.nature === "=") || target.number.lte(0) || target.unit === "%") continue;
      if (actual.number.lt(target.number.times(2))) continue;
      out.push({
        cell: actual.cell.address,
        cells: [actual.cell.address, target.cell.address],
        message: `${indicatorName(i)}实际完成值 ${actual.raw.trim()} 达到年度指标值 ${target.raw.trim()} 的 2 倍以上，指标值可能设定偏低（财预〔2020〕10号：偏离度较大的应酌情扣分）`,
        expected: null,
        actual: null,
        severity: "info",
      });
    }
    return out;
  },
};

const S8: EvaluationRule = {
  id: "S8",
  strength: "soft",
  description: "定性指标按完成程度计分：达成 [80%, 100%]×分值；部分达成 [60%, 80%)；未达成 [0, 60%)",
  evaluate(ctx) {
    const out: RuleResult[] = [];
    for (const i of ctx.model.indicators) {
      if (i.isExecutionRate || !usable(i.weight) || !usable(i.score) || !i.actual) continue;
      const quantitative = i.target && i.target.nature !== "qualitative" && i.actual.nature !== "qualitative";
      if (quantitative) continue;
      if (i.score.value.gt(i.weight.value) || i.score.value.lt(0)) continue; // P6
      const band = qualitativeBand(i.actual.raw, i.weight.value);
      if (!band || inBand(i.score.value, band)) continue;
      const range = `[${plain(band.min)}, ${plain(band.max)}${band.maxInclusive ? "]" : ")"}`;
      out.push({
        cell: i.score.address,
        cells: [i.score.address, i.actual.cell.address, i.weight.address],
        message: `${indicatorName(i)}实际完成值为“${i.actual.raw.trim()}”（${band.label}），得分应在 ${range} 之间，表中为 ${shown(i.score)}（${i.score.address}）`,
        expected: range,
        actual: shown(i.score),
      });
    }
    return out;
  },
};

const S9: EvaluationRule = {
  id: "S9",
  strength: "hard",
  description: "总分不超过 100（及总分分值）",
  evaluate(ctx) {
    const ts = ctx.model.totalScore;
    if (!usable(ts)) return [];
    const tw = ctx.model.totalWeight;
    const cap = usable(tw) && tw.displayed.lt(100) ? tw.displayed : new Decimal(100);
    if (!ts.displayed.gt(cap)) return [];
    return [
      {
        cell: ts.address,
        cells: [ts.address, ...(usable(tw) ? [tw.address] : [])],
        message: `总分（${ts.address}）${shown(ts)} 超过满分 ${plain(cap)}`,
        expected: `≤${plain(cap)}`,
        actual: shown(ts),
        difference: plain(ts.displayed.minus(cap)),
      },
    ];
  },
};

const S10: EvaluationRule = {
  id: "S10",
  strength: "soft",
  description: "等级应写作 优/良/中/差（或 优秀/良好/一般/较差、优/良/合格/不合格）",
  evaluate(ctx) {
    const grade = ctx.model.grade;
    if (!grade || normalizeGrade(grade.text) || grade.text.trim() === "") return [];
    return [
      {
        cell: grade.address,
        cells: [grade.address],
        message: `等级（${grade.address}）“${grade.text.trim()}”不是 优/良/中/差 之一，无法与总分核对`,
        expected: null,
        actual: grade.text.trim(),
      },
    ];
  },
};

const S11: EvaluationRule = {
  id: "S11",
  strength: "soft",
  description: "预算执行率低于 90% 须说明原因（表中有“原因”栏时）",
  evaluate(ctx) {
    const e = ctx.execution;
    const reason = ctx.model.texts?.find((t) => t.key === "execution-reason");
    const reasonCol = ctx.table.columns.find((c) => c.group === "funds" && c.key === "reason");
    if (!e?.rate || !reasonCol || !e.rate.lt("0.9")) return [];
    if (reason && reason.cell.text.trim() !== "") return [];
    const address = reason?.cell.address ?? toA1(e.row.row, reasonCol.col);
    return [
      {
        cell: address,
        cells: [address, e.executed.address, e.budget.address],
        message: `预算执行率 ${fmtPercent(roundHalfUp(e.rate, ctx.settings.percentDecimals + 2), ctx.settings.percentDecimals)} 低于 90%，${reasonCol.header}（${address}）未填写原因`,
        expected: null,
        actual: null,
      },
    ];
  },
};

const S12: EvaluationRule = {
  id: "S12",
  strength: "soft",
  description: "得分、执行率按表中列示的小数位比较；表中按整数列示（8.62 → 9，86.2% → 86%）只作提示",
  evaluate(ctx) {
    const out: RuleResult[] = [];
    for (const check of ctx.computed()) {
      if (judge(check) !== "rounded") continue;
      const r = computedResult(check, check.settingDecimals);
      const d = check.printed.percent ? check.printed.decimals - 2 : check.printed.decimals;
      const how = d <= 0 ? "表中按整数列示" : `表中按${d}位小数列示`;
      out.push({ ...r, message: `${r.message}（${how}，与${check.rule}一致）`, severity: "info", settings: check.settings });
    }
    return out;
  },
};

/** The catalogue, in the order findings are reported. */
export const EVALUATION_RULES: readonly EvaluationRule[] = [P1, P2, P3, P4, P5, P6, P7, P8, P9, P10, P11, P12, S1, S2, S3, S4, S5, S6, S7, S8, S9, S10, S11, S12];

/** Findings of every 绩效自评 rule on one recognized 自评表. */
export function evaluationRules(table: RecognizedTable, settings: CheckSettings): Finding[] {
  const model = table.evaluation;
  if (!model) return [];
  const ctx = buildContext(table, model, settings);
  const findings: Finding[] = [];
  for (const rule of EVALUATION_RULES) {
    if (rule.forms && !rule.forms.includes(model.form)) continue;
    for (const r of rule.evaluate(ctx)) {
      findings.push({
        rule: rule.id,
        severity: r.severity ?? (rule.strength === "hard" ? "error" : "warning"),
        sheet: table.sheet,
        cell: r.cell,
        cells: [...new Set(r.cells)].map((a) => qualify(table.sheet, a)),
        message: r.message,
        expected: r.expected,
        actual: r.actual,
        difference: r.difference ?? null,
        tolerance: r.tolerance ?? null,
        table: table.id,
        ...(r.settings ? { settings: r.settings } : {}),
      });
    }
  }
  return findings;
}
