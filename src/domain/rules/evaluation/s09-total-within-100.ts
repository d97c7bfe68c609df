import { Decimal } from "../../decimal";
import { plain, SELF_EVALUATION_KINDS, shown, usable, type EvaluationRule } from "./context";

export const S9: EvaluationRule = {
  id: "S9",
  severity: "error",
  reads: SELF_EVALUATION_KINDS,
  statement: "总分不超过 100（及总分分值）",
  check(ctx) {
    const ts = ctx.model.totalScore;
    if (!usable(ts)) return [];
    const tw = ctx.model.totalWeight;
    const cap = usable(tw) && tw.displayed.lt(100) ? tw.displayed : new Decimal(100);
    if (!ts.displayed.gt(cap)) return [];
    return [
      {
        cell: ts.address,
        cells: [ts.address, ...(usable(tw) ? [tw.address] : [])],
        message: `总分（${ts.address}）${shown(ts)} 超过满分 ${plain(cap)}`,
        expected: `≤${plain(cap)}`,
        actual: shown(ts),
        difference: plain(ts.displayed.minus(cap)),
      },
    ];
  },
};
