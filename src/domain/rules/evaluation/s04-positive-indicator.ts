import { SELF_EVALUATION_KINDS, type EvaluationRule } from "./context";
import { quantitativeResults } from "./quantitative";

export const S4: EvaluationRule = {
  id: "S4",
  severity: "warning",
  reads: SELF_EVALUATION_KINDS,
  statement: "正向指标（≥、>）：完成值 ≥ 指标值得满分，否则 完成值 ÷ 指标值 × 分值",
  check: (ctx) => quantitativeResults(ctx, "S4"),
};
