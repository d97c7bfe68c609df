import { sameUnit } from "../../indicator-value";
import { indicatorName, SELF_EVALUATION_KINDS, type EvaluationRule, type RuleResult } from "./context";

export const S7: EvaluationRule = {
  id: "S7",
  severity: "warning",
  reads: SELF_EVALUATION_KINDS,
  statement: "完成值远超指标值（2倍及以上）：指标值可能设定偏低，应按偏离度扣分",
  check(ctx) {
    const out: RuleResult[] = [];
    for (const i of ctx.model.indicators) {
      const { target, actual } = i;
      if (i.isExecutionRate || !target?.number || !actual?.number || !sameUnit(target.unit, actual.unit)) continue;
      if (!(target.nature === ">=" || target.nature === ">" || target.nature === "=") || target.number.lte(0) || target.unit === "%") continue;
      if (actual.number.lt(target.number.times(2))) continue;
      out.push({
        cell: actual.cell.address,
        cells: [actual.cell.address, target.cell.address],
        message: `${indicatorName(i)}实际完成值 ${actual.raw.trim()} 达到年度指标值 ${target.raw.trim()} 的 2 倍以上，指标值可能设定偏低（财预〔2020〕10号：偏离度较大的应酌情扣分）`,
        expected: null,
        actual: null,
        severity: "info",
      });
    }
    return out;
  },
};
