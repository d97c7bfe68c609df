import { SELF_EVALUATION_KINDS, type EvaluationRule } from "./context";
import { quantitativeResults } from "./quantitative";

export const S5: EvaluationRule = {
  id: "S5",
  severity: "warning",
  reads: SELF_EVALUATION_KINDS,
  statement: "反向指标（≤、<）：完成值 ≤ 指标值得满分；pmkpi：(1 − (完成值 − 指标值) ÷ 指标值) × 分值，2倍及以上 0 分；ratio：指标值 ÷ 完成值 × 分值",
  check: (ctx) => quantitativeResults(ctx, "S5"),
};
