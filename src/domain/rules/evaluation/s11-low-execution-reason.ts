import { roundHalfUp } from "../../decimal";
import { toA1 } from "../../grid";
import { fmtPercent, SELF_EVALUATION_KINDS, type EvaluationRule } from "./context";

export const S11: EvaluationRule = {
  id: "S11",
  severity: "warning",
  reads: SELF_EVALUATION_KINDS,
  statement: "预算执行率低于 90% 须说明原因（表中有“原因”栏时）",
  check(ctx) {
    const e = ctx.execution;
    const reason = ctx.model.texts?.find((t) => t.key === "execution-reason");
    const reasonCol = ctx.table.columns.find((c) => c.group === "funds" && c.key === "reason");
    if (!e?.rate || !reasonCol || !e.rate.lt("0.9")) return [];
    if (reason && reason.cell.text.trim() !== "") return [];
    const address = reason?.cell.address ?? toA1(e.row.row, reasonCol.col);
    return [
      {
        cell: address,
        cells: [address, e.executed.address, e.budget.address],
        message: `预算执行率 ${fmtPercent(roundHalfUp(e.rate, ctx.settings.percentDecimals + 2), ctx.settings.percentDecimals)} 低于 90%，${reasonCol.header}（${address}）未填写原因`,
        expected: null,
        actual: null,
      },
    ];
  },
};
