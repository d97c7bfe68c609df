import { indicatorName, SELF_EVALUATION_KINDS, shown, usable, type EvaluationRule, type RuleResult } from "./context";

export const P9: EvaluationRule = {
  id: "P9",
  severity: "warning",
  reads: SELF_EVALUATION_KINDS,
  statement: "得分低于分值时须填写偏差原因分析及改进措施；满分却写“未完成”自相矛盾",
  check(ctx) {
    const out: RuleResult[] = [];
    const term = ctx.term("indicators", "deviation", "偏差原因分析及改进措施");
    for (const i of ctx.model.indicators) {
      if (!i.deviation || !usable(i.weight) || !usable(i.score)) continue;
      const text = i.deviation.text.trim();
      const missing = /^[-—–－/、无]*$/.test(text.replace(/\s+/g, ""));
      if (i.score.displayed.lt(i.weight.displayed) && missing) {
        out.push({
          cell: i.deviation.address,
          cells: [i.deviation.address, i.score.address, i.weight.address],
          message: `${indicatorName(i)}得分 ${shown(i.score)} 低于分值 ${shown(i.weight)}，${term}（${i.deviation.address}）未填写`,
          expected: null,
          actual: null,
        });
      } else if (i.score.displayed.eq(i.weight.displayed) && /未(完成|达成|达到|实现)|没有完成/.test(text)) {
        out.push({
          cell: i.deviation.address,
          cells: [i.deviation.address, i.score.address],
          message: `${indicatorName(i)}得满分 ${shown(i.score)}，但${term}（${i.deviation.address}）写有“未完成”类说明，前后矛盾`,
          expected: null,
          actual: null,
        });
      }
    }
    return out;
  },
};
