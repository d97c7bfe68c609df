import { SELF_EVALUATION_KINDS, type EvaluationRule } from "./context";
import { quantitativeResults } from "./quantitative";

export const S6: EvaluationRule = {
  id: "S6",
  severity: "warning",
  reads: SELF_EVALUATION_KINDS,
  statement: "等于型指标（=）：指标值为 0 时完成值 ≤ 0 得满分、否则 0 分；指标值大于 0 时按正向计分",
  check: (ctx) => quantitativeResults(ctx, "S6"),
};
