import { SELF_EVALUATION_KINDS, shown, usable, type EvaluationRule } from "./context";

export const S1: EvaluationRule = {
  id: "S1",
  severity: "warning",
  reads: SELF_EVALUATION_KINDS,
  statement: "预算执行率原则上 10 分（财预〔2020〕10号）；各一级指标分值以表中为准",
  check(ctx) {
    const line = ctx.executionLine;
    const cell = line && usable(line.weight) ? line.weight : ctx.execution?.weightCell;
    if (!cell || cell.value.eq(10)) return [];
    return [
      {
        cell: cell.address,
        cells: [cell.address],
        message: `预算执行率分值（${cell.address}）为 ${shown(cell)}，财预〔2020〕10号原则上设为 10 分`,
        expected: "10",
        actual: shown(cell),
        severity: "info",
      },
    ];
  },
};
