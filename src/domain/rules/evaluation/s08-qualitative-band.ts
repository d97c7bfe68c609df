import { inBand, qualitativeBand } from "../../scoring";
import { indicatorName, plain, SELF_EVALUATION_KINDS, shown, usable, type EvaluationRule, type RuleResult } from "./context";

export const S8: EvaluationRule = {
  id: "S8",
  severity: "warning",
  reads: SELF_EVALUATION_KINDS,
  statement: "定性指标按完成程度计分：达成 [80%, 100%]×分值；部分达成 [60%, 80%)；未达成 [0, 60%)",
  check(ctx) {
    const out: RuleResult[] = [];
    for (const i of ctx.model.indicators) {
      if (i.isExecutionRate || !usable(i.weight) || !usable(i.score) || !i.actual) continue;
      const quantitative = i.target && i.target.nature !== "qualitative" && i.actual.nature !== "qualitative";
      if (quantitative) continue;
      if (i.score.value.gt(i.weight.value) || i.score.value.lt(0)) continue; // P6
      const band = qualitativeBand(i.actual.raw, i.weight.value);
      if (!band || inBand(i.score.value, band)) continue;
      const range = `[${plain(band.min)}, ${plain(band.max)}${band.maxInclusive ? "]" : ")"}`;
      out.push({
        cell: i.score.address,
        cells: [i.score.address, i.actual.cell.address, i.weight.address],
        message: `${indicatorName(i)}实际完成值为“${i.actual.raw.trim()}”（${band.label}），得分应在 ${range} 之间，表中为 ${shown(i.score)}（${i.score.address}）`,
        expected: range,
        actual: shown(i.score),
      });
    }
    return out;
  },
};
