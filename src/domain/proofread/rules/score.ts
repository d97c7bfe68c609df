/** NARR.SCORE: 得分 against 总分 and 等级, the scores a "其中" list names, the score of 预算执行率. */
import { Decimal, HUNDRED, roundHalfUp } from "../../decimal";
import { GRADE_BANDS, gradeBandIndex, gradeWordBandIndex } from "../../format";
import { makeFinding } from "../finding";
import type { ProofreadFinding } from "../types";
import type { NarrRule, ProofreadContext } from "./rule";
import { checkListSums } from "./sum";

function checkScores(ctx: ProofreadContext): ProofreadFinding[] {
  const out: ProofreadFinding[] = [];
  const { doc } = ctx;
  // 等级 vs 总分
  for (const m of doc.masked.matchAll(/(?:等级|级别|评级|评价结果|等次)(?:为|是|：|:)?\s*[“"「『]?(优秀|优|良好|良|中等|中|合格|一般|较差|差|不合格)[”"」』]?(?![的项个])/g)) {
    const at = m.index!;
    const paragraph = doc.paragraphs.find((p) => at >= p.start && at < p.end);
    if (!paragraph) continue;
    const total = [...ctx.claims]
      .reverse()
      .find((c) => c.paragraph === paragraph && c.start < at && c.unit === "分" && c.measure === "score" && /得分|总分|分数|评分/.test(c.segment));
    if (!total) continue;
    const stated = gradeWordBandIndex(m[1]);
    const band = gradeBandIndex(total.value);
    if (stated === undefined || stated === band) continue;
    const expected = GRADE_BANDS[band];
    const clauseEnd = doc.text.slice(at).search(/[，；。]/);
    out.push(
      makeFinding(doc, {
        rule: "NARR.SCORE",
        severity: "error",
        span: { start: at, end: clauseEnd < 0 ? at + m[0].length : at + clauseEnd },
        message: `总分${total.printed}分对应的等级为“${expected.beijing}”（优≥90，良80–90，中60–80，差<60），文中为“${m[1]}”。`,
        expected: expected.beijing,
        actual: m[1],
      }),
    );
  }
  // 预算执行率 vs its score
  const rate = ctx.claims.find((c) => c.unit === "%" && !c.bound && /执行率/.test(c.segment) && !/权重|分值|设置/.test(doc.masked.slice(c.sentence.start, c.sentence.end)));
  const weightClaim = ctx.claims.find((c) => c.unit === "分" && c.measure === "weight" && /预算执行率/.test(c.segment));
  const scoreClaim = ctx.claims.find((c) => c.unit === "分" && c.measure === "score" && /预算执行/.test(c.segment));
  if (rate && scoreClaim) {
    const weight = weightClaim?.value ?? new Decimal(10);
    const capped = Decimal.min(rate.value.div(HUNDRED), 1);
    const expected = capped.times(weight);
    const shown = roundHalfUp(expected, scoreClaim.decimals);
    if (!shown.eq(scoreClaim.value)) {
      out.push(
        makeFinding(doc, {
          rule: "NARR.SCORE",
          severity: "warning",
          span: { start: scoreClaim.clause.start, end: scoreClaim.clause.end },
          message: `预算执行率为${rate.printed}%，按 min(执行率,100%) × ${weight.toString()}分 应得${roundHalfUp(expected, 2).toString()}分，文中为${scoreClaim.printed}分，请核对。`,
          expected: roundHalfUp(expected, 2).toString(),
          actual: scoreClaim.printed,
        }),
      );
    }
  }
  return out;
}

export const SCORE: NarrRule = {
  meta: {
    id: "NARR.SCORE",
    statement: "等级与总分相符（优≥90，良80–90，中60–80，差<60）；“其中”所列各项得分之和与总分相符；预算执行率得分 = min(执行率,100%) × 权重",
    severity: "error",
    policy: "等级与总分不符、分项得分之和大于总分或列全而不等：错误；执行率得分不符、列出两项以上而和小于总分：警告；舍位范围内：提示",
    reads: [],
  },
  pass: "text",
  check: (ctx) => [...checkListSums(ctx, false), ...checkScores(ctx)],
};
