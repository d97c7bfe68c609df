import { gradeBand, gradeOf, normalizeGrade } from "../../scoring";
import { SELF_EVALUATION_KINDS, totalForGrade, type EvaluationRule } from "./context";

export const P8: EvaluationRule = {
  id: "P8",
  severity: "error",
  reads: SELF_EVALUATION_KINDS,
  statement: "等级由总分确定：90（含）以上优，80（含）–90 良，60（含）–80 中，60 以下差（优秀/良好/一般/较差、优/良/合格/不合格同义）",
  check(ctx) {
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
