import { normalizeGrade } from "../../scoring";
import { SELF_EVALUATION_KINDS, type EvaluationRule } from "./context";

export const S10: EvaluationRule = {
  id: "S10",
  severity: "warning",
  reads: SELF_EVALUATION_KINDS,
  statement: "等级应写作 优/良/中/差（或 优秀/良好/一般/较差、优/良/合格/不合格）",
  check(ctx) {
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
