/** NARR.COMPLETION: a 完成（执行）率 against the 决算数 and 预算数 before it. */
import { inWan, isMoney } from "../claims";
import { makeFinding } from "../finding";
import type { ProofreadFinding } from "../types";
import type { NarrRule, ProofreadContext } from "./rule";
import { approx, ratioRange, reportPercent } from "./rounding";
import { dependsOnWrong } from "./support";

function checkCompletion(ctx: ProofreadContext): ProofreadFinding[] {
  const out: ProofreadFinding[] = [];
  for (const c of ctx.claims) {
    if (c.measure !== "completion" || c.bound) continue;
    const scope = ctx.claims.filter((o) => o.paragraph === c.paragraph && o.start < c.start && (o.sentence === c.sentence || o.sentence.index === c.sentence.index - 1));
    const actual = [...scope].reverse().find((o) => isMoney(o) && o.measure === "actual");
    const budget = [...scope].reverse().find((o) => isMoney(o) && o.measure === "budget");
    if (!actual || !budget) continue;
    // each completion rate has its own budget: one already used by an earlier rate is not this item's
    if (scope.some((o) => o.measure === "completion" && o.start > budget.start)) continue;
    if (actual.binding === "explicit" && budget.binding === "explicit" && actual.indicator !== budget.indicator) continue;
    if (inWan(budget).isZero()) {
      out.push(
        makeFinding(ctx.doc, {
          rule: "NARR.COMPLETION",
          severity: "error",
          span: { start: c.clause.start, end: c.clause.end },
          message: "预算数为0，不能计算完成（执行）率。",
          expected: null,
          actual: `${c.printed}%`,
        }),
      );
      continue;
    }
    if (dependsOnWrong(ctx, c, actual, budget)) continue;
    reportPercent(
      ctx,
      out,
      c,
      inWan(actual).div(inWan(budget)),
      "NARR.COMPLETION",
      "完成率 = 决算数 ÷ 预算数",
      `${actual.printed} ÷ ${budget.printed}`,
      true,
      undefined,
      ratioRange(approx(actual), approx(budget)),
    );
  }
  return out;
}

export const COMPLETION: NarrRule = {
  meta: {
    id: "NARR.COMPLETION",
    statement: "完成（执行）率 = 决算数 ÷ 预算数；预算数为0时不计算",
    severity: "error",
    policy: "预算数为0、完成率按舍入后的文中数字也不可能得出：错误；可能得出：提示",
    reads: [],
  },
  pass: "text",
  check: checkCompletion,
};
