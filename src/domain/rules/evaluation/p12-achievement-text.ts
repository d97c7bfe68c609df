import { Decimal, roundHalfUp } from "../../decimal";
import { toHalfWidth } from "../../text";
import { fmt, fmtPercent, SELF_EVALUATION_KINDS, shown, type EvaluationRule, type RuleResult } from "./context";

export const P12: EvaluationRule = {
  id: "P12",
  severity: "warning",
  reads: SELF_EVALUATION_KINDS,
  statement: "年度总体目标“实际完成情况”中的执行金额、执行率与资金表一致",
  check(ctx) {
    const e = ctx.execution;
    const achievement = ctx.model.texts?.find((t) => t.key === "achievement");
    if (!e || !achievement) return [];
    const text = toHalfWidth(achievement.cell.text).replace(/\s+/g, "");
    const out: RuleResult[] = [];
    // "共完成预算资金89.97万元", "全年执行资金1268.72万元" (not "完成投资500万元": no 资金/预算/经费/支出 word)
    const amount = /(完成|执行|支出|使用|拨付)[^。；;，,\d]{0,10}?(\d+(?:\.\d+)?)万元/.exec(text);
    if (amount && /资金|预算|经费|支出/.test(amount[0]) && ctx.table.unit !== "元") {
      const said = new Decimal(amount[2]);
      const decimals = amount[2].includes(".") ? amount[2].split(".")[1].length : 0;
      const expected = roundHalfUp(e.executed.value, decimals);
      if (!expected.eq(said) && !roundHalfUp(e.executed.displayed, decimals).eq(said)) {
        out.push({
          cell: achievement.cell.address,
          cells: [achievement.cell.address, e.executed.address],
          message: `${achievement.label}（${achievement.cell.address}）写“${amount[0]}”，与${e.executedTerm}（${e.executed.address}）${shown(e.executed)}万元不一致`,
          expected: fmt(e.executed.value, decimals),
          actual: amount[2],
          difference: fmt(said.minus(expected), decimals),
        });
      }
    }
    // the budget execution rate only: "预算执行率95%", "，执行率95%" (not "政府采购执行率78%")
    const rate = /(?:预算执行率|资金执行率|(?:^|[，,。；;：:、（(])执行率)(?:为|达|达到|是)?(\d+(?:\.\d+)?)%/.exec(text);
    if (rate && e.rate) {
      const said = new Decimal(rate[1]).div(100);
      const decimals = (rate[1].includes(".") ? rate[1].split(".")[1].length : 0) + 2;
      if (!roundHalfUp(e.rate, decimals).eq(said) && !(e.rateStored && roundHalfUp(e.rateStored, decimals).eq(said))) {
        out.push({
          cell: achievement.cell.address,
          cells: [achievement.cell.address, e.executed.address, e.budget.address],
          message: `${achievement.label}（${achievement.cell.address}）写执行率 ${rate[1]}%，按资金表应为 ${fmtPercent(roundHalfUp(e.rate, decimals), decimals - 2)}`,
          expected: fmtPercent(roundHalfUp(e.rate, decimals), decimals - 2),
          actual: `${rate[1]}%`,
        });
      }
    }
    return out;
  },
};
