/** 一、收入支出决算总体情况说明: T1 总计 against last year. */
import { KIND_TITLES } from "../../kinds";
import { ParagraphBuilder } from "../builder";
import { writeChange, writeMissingTable, writeReason, writeYearPrefix } from "../sentences";
import type { SectionTemplate } from "./section";

export const overall: SectionTemplate = {
  id: "overall",
  title: "收入支出决算总体情况说明",
  write(ctx) {
    const b = new ParagraphBuilder(ctx.unit);
    const kind = "income-expenditure-summary";
    const current = ctx.current.get(kind, "grand-total", "amount", "income") ?? ctx.current.get(kind, "grand-total", "amount", "expenditure");
    if (!current) return [writeMissingTable(b, KIND_TITLES["income-expenditure-summary"])];
    const previous = ctx.previous?.get(kind, "grand-total", "amount", "income") ?? ctx.previous?.get(kind, "grand-total", "amount", "expenditure");
    if (ctx.options.style === "shanghai") {
      writeYearPrefix(b, ctx, true).add("收入支出总计").amount(current).add(`${ctx.unit}。`);
      const change = writeChange(b, ctx, "收入支出总计", { current, previous });
      b.add("。");
      writeReason(b, change);
    } else {
      writeYearPrefix(b, ctx, false).add("收、支总计").amount(current).add(`${ctx.unit}，`);
      const change = writeChange(b, ctx, "收、支总计", { current, previous });
      b.add("。");
      writeReason(b, change);
    }
    return [b];
  },
};
