import { Decimal, sum } from "../../decimal";
import { plain, SELF_EVALUATION_KINDS, shown, totalCoversExecution, usable, weightTerms, type EvaluationRule } from "./context";

export const P5: EvaluationRule = {
  id: "P5",
  severity: "error",
  reads: SELF_EVALUATION_KINDS,
  statement: "预算执行率分值 + 各项指标分值之和 = 100",
  check(ctx) {
    const { all } = weightTerms(ctx);
    if (all.length === 0) return [];
    const total = sum(all.map((c) => c.value));
    const tw = ctx.model.totalWeight;
    const target = usable(tw) ? tw : all[all.length - 1];
    const hundred = new Decimal(100);
    if (!total.eq(hundred)) {
      const execPart = ctx.executionLine ? "" : ctx.execution?.weightCell ? `执行率分值 ${plain(ctx.execution.weightCell.value)} + ` : "";
      const indicators = sum(
        ctx.model.indicators
          .map((i) => i.weight)
          .filter(usable)
          .map((c) => c.value),
      );
      return [
        {
          cell: target.address,
          cells: all.map((c) => c.address),
          message: `分值合计应为 100：${execPart}各项指标分值 ${plain(indicators)} = ${plain(total)}${usable(tw) ? `（总分分值 ${tw.address} 列为 ${shown(tw)}）` : ""}`,
          expected: "100",
          actual: plain(total),
          difference: plain(total.minus(hundred)),
          tolerance: null,
        },
      ];
    }
    if (usable(tw) && !tw.displayed.eq(total) && totalCoversExecution(ctx)) {
      return [
        {
          cell: tw.address,
          cells: [tw.address, ...all.map((c) => c.address)],
          message: `总分分值（${tw.address}）应为 各项分值之和 ${plain(total)}，表中为 ${shown(tw)}`,
          expected: plain(total),
          actual: shown(tw),
          difference: plain(tw.displayed.minus(total)),
          tolerance: null,
        },
      ];
    }
    return [];
  },
};
