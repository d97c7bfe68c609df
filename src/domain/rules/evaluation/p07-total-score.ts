import { toleranceSetting } from "../../findings";
import { fmt, judgeSum, scoreTerms, SELF_EVALUATION_KINDS, shown, usable, type EvaluationRule } from "./context";

export const P7: EvaluationRule = {
  id: "P7",
  severity: "error",
  reads: SELF_EVALUATION_KINDS,
  statement: "总分 = 执行率得分 + 各项指标得分之和",
  check(ctx) {
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
        settings: [toleranceSetting(ctx.settings)],
        ...(j.status === "rounding" ? { severity: "info" as const } : {}),
      },
    ];
  },
};
