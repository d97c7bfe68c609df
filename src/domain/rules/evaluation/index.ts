/**
 * The 绩效自评表 rules (P1–P12, S1–S12), one module each, in the order findings are reported.
 */
import { toFinding, type CheckSettings, type Finding, type RuleFinding } from "../../findings";
import type { RecognizedTable } from "../../model";
import { buildContext, type EvaluationRule } from "./context";
import { P1 } from "./p01-fund-total";
import { P2 } from "./p02-execution-rate";
import { P3 } from "./p03-execution-score";
import { P4 } from "./p04-level-weights";
import { P5 } from "./p05-weights-total";
import { P6 } from "./p06-score-within-weight";
import { P7 } from "./p07-total-score";
import { P8 } from "./p08-grade";
import { P9 } from "./p09-deviation-reason";
import { P10 } from "./p10-executed-within-budget";
import { P11 } from "./p11-text-length";
import { P12 } from "./p12-achievement-text";
import { S1 } from "./s01-execution-weight";
import { S2 } from "./s02-execution-line-actual";
import { S3 } from "./s03-execution-line-score";
import { S4 } from "./s04-positive-indicator";
import { S5 } from "./s05-reverse-indicator";
import { S6 } from "./s06-equality-indicator";
import { S7 } from "./s07-target-set-low";
import { S8 } from "./s08-qualitative-band";
import { S9 } from "./s09-total-within-100";
import { S10 } from "./s10-grade-wording";
import { S11 } from "./s11-low-execution-reason";
import { S12 } from "./s12-printed-decimals";

export const EVALUATION_RULES: readonly EvaluationRule[] = [
  P1,
  P2,
  P3,
  P4,
  P5,
  P6,
  P7,
  P8,
  P9,
  P10,
  P11,
  P12,
  S1,
  S2,
  S3,
  S4,
  S5,
  S6,
  S7,
  S8,
  S9,
  S10,
  S11,
  S12,
];

/** Findings of every 绩效自评 rule on one recognized 自评表, as the engine keeps them. */
export function evaluationFindings(table: RecognizedTable, settings: CheckSettings): RuleFinding[] {
  const model = table.evaluation;
  if (!model) return [];
  const ctx = buildContext(table, model, settings);
  const on = (address: string) => ({ sheet: table.sheet, address });
  const findings: RuleFinding[] = [];
  for (const rule of EVALUATION_RULES) {
    if (rule.forms && !rule.forms.includes(model.form)) continue;
    for (const r of rule.check(ctx)) {
      findings.push({
        rule: rule.id,
        severity: r.severity ?? rule.severity,
        at: on(r.cell),
        cells: r.cells.map(on),
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

/** The public findings of every 绩效自评 rule on one recognized 自评表. */
export function evaluationRules(table: RecognizedTable, settings: CheckSettings): Finding[] {
  return evaluationFindings(table, settings).map(toFinding);
}
