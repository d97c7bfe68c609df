/**
 * 机关运行经费 (§7.10(一)): for 行政单位 and 参公事业单位 it is the 日常公用经费 of the 一般公共预算财政拨款
 * 基本支出, i.e. the 基本支出表's 公用经费合计 — the rule is stated in the text. A 事业单位 (facts profile.unitType)
 * has none, and says so with the template's sentence.
 */
import { factText } from "../facts";
import { previousFigure } from "../context";
import { cellFigure } from "../source";
import { writeChange, writeMissingTable, writeNothing, writeReason, writeYear } from "../sentences";
import { KIND_TITLES } from "../../kinds";
import { keyedCell, keyedRow } from "../../layouts/keys";
import type { Figure } from "../builder";
import type { NarrativeContext } from "../context";
import type { TableSource } from "../source";
import type { SectionTemplate } from "./section";

function publicTotal(source: TableSource | null): Figure | undefined {
  const t6 = source?.find("general-budget-basic-expenditure");
  if (!source || !t6) return undefined;
  const cell = keyedCell(t6, keyedRow(t6, "public-total"), "amount");
  return cell ? cellFigure(t6, cell) : undefined;
}

const RUNNING_COST_RULE = "按一般公共预算财政拨款基本支出决算表中的公用经费合计计算";

export const runningCosts: SectionTemplate = {
  id: "running-costs",
  title: "机关运行经费支出情况",
  write(ctx: NarrativeContext) {
    const b = ctx.paragraph();
    const unitType = factText(ctx.facts, "profile.unitType");
    if (unitType === "事业单位") return [writeNothing(b, ctx, "机关运行经费支出")];
    const current = publicTotal(ctx.current);
    if (!current) return [writeMissingTable(b, KIND_TITLES["general-budget-basic-expenditure"])];
    if (current.value.isZero()) return [writeNothing(b, ctx, "机关运行经费支出")];
    const what = "机关运行经费支出";
    const previous = previousFigure(ctx, "running-costs", what, publicTotal(ctx.previous));
    if (ctx.options.style === "beijing") {
      writeYear(b, ctx).add("年度使用财政拨款安排的基本支出中的日常公用经费支出，合计").amount(current).add(`${ctx.unit}（${RUNNING_COST_RULE}），`);
    } else {
      b.add(`机关运行经费支出`).amount(current).add(`${ctx.unit}（${RUNNING_COST_RULE}），`);
    }
    const change = writeChange(b, ctx, what, { current, previous, fact: { key: "previous.running-costs", what } }, "compact");
    b.add("。");
    writeReason(b, ctx, change, "running-costs", what, "主要原因是");
    return [b];
  },
};
