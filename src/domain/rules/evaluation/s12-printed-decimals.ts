import {
  computedResult,
  judge,
  scoredIndicators,
  SELF_EVALUATION_KINDS,
  type ComputedCheck,
  type EvaluationContext,
  type EvaluationRule,
  type RuleResult,
} from "./context";
import { executionRateChecks } from "./p02-execution-rate";
import { executionScoreChecks } from "./p03-execution-score";
import { coefficientCheck } from "./p06-score-within-weight";
import { quantitativeCheck } from "./quantitative";
import { executionLineScoreChecks } from "./s03-execution-line-score";

/** Every printed number the rules recompute, in reading order (P2, P3, S3, then each indicator's P6 and S4–S6). */
function recomputedChecks(ctx: EvaluationContext): ComputedCheck[] {
  const perIndicator = scoredIndicators(ctx).flatMap((i) =>
    [coefficientCheck(ctx, i), quantitativeCheck(ctx, i)].filter((c): c is ComputedCheck => c !== null),
  );
  return [...executionRateChecks(ctx), ...executionScoreChecks(ctx), ...executionLineScoreChecks(ctx), ...perIndicator];
}

export const S12: EvaluationRule = {
  id: "S12",
  severity: "warning",
  reads: SELF_EVALUATION_KINDS,
  statement: "得分、执行率按表中列示的小数位比较；表中按整数列示（8.62 → 9，86.2% → 86%）只作提示",
  check(ctx) {
    const out: RuleResult[] = [];
    for (const check of recomputedChecks(ctx)) {
      if (judge(check) !== "rounded") continue;
      const r = computedResult(check, check.settingDecimals);
      const d = check.printed.percent ? check.printed.decimals - 2 : check.printed.decimals;
      const how = d <= 0 ? "表中按整数列示" : `表中按${d}位小数列示`;
      out.push({
        ...r,
        message: `${r.message}（${how}，与${check.rule}一致）`,
        severity: "info",
        settings: check.settings,
      });
    }
    return out;
  },
};
