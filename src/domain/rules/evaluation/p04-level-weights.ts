import { Decimal, sum } from "../../decimal";
import type { IndicatorRow, TextCell } from "../../model";
import { plain, SELF_EVALUATION_KINDS, usable, type EvaluationRule, type RuleResult } from "./context";

export const P4: EvaluationRule = {
  id: "P4",
  severity: "error",
  reads: SELF_EVALUATION_KINDS,
  statement: "各一级（二级）指标下三级指标分值之和 = 标签中标明的分值（如“产出指标（50分）”）",
  check(ctx) {
    const { model } = ctx;
    const out: RuleResult[] = [];
    const regular = model.indicators.filter((i) => !i.isExecutionRate);
    const check = (label: { name: string; stated: Decimal; cell: TextCell; source?: string }, rows: IndicatorRow[], what: string) => {
      if (label.source !== "label" || rows.length === 0) return;
      const weights = rows.map((i) => i.weight).filter(usable);
      const total = sum(weights.map((w) => w.value));
      if (total.eq(label.stated)) return;
      out.push({
        cell: label.cell.address,
        cells: [label.cell.address, ...weights.map((w) => w.address)],
        message: `${label.name}（${label.cell.address}）标明 ${plain(label.stated)} 分，其下${what}分值合计为 ${plain(total)}，两者应相等`,
        expected: plain(label.stated),
        actual: plain(total),
        difference: plain(total.minus(label.stated)),
        tolerance: null,
      });
    };
    for (const l1 of model.level1Weights)
      check(
        l1,
        regular.filter((i) => i.level1 === l1.name),
        "三级指标",
      );
    for (const l2 of model.level2Weights) {
      check(
        l2,
        regular.filter((i) => i.level2 === l2.name && (l2.parent === undefined || i.level1 === l2.parent)),
        "三级指标",
      );
    }
    if (model.indicatorsWeight) check(model.indicatorsWeight, regular, "各项绩效指标");
    return out;
  },
};
