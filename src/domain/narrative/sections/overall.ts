/** 收入支出决算总体情况说明: T1 总计 against last year. */
import { KIND_TITLES } from "../../kinds";
import { previousFigure } from "../context";
import { writeChange, writeMissingTable, writeReason, writeYearPrefix } from "../sentences";
import type { SectionTemplate } from "./section";

export const overall: SectionTemplate = {
  id: "overall",
  title: "收入支出决算总体情况说明",
  write(ctx) {
    const b = ctx.paragraph();
    const kind = "income-expenditure-summary";
    const current = ctx.current.get(kind, "grand-total", "amount", "income") ?? ctx.current.get(kind, "grand-total", "amount", "expenditure");
    if (!current) return [writeMissingTable(b, KIND_TITLES["income-expenditure-summary"])];
    const shanghai = ctx.options.style === "shanghai";
    const what = shanghai ? "收入支出总计" : "收、支总计";
    const previous = previousFigure(
      ctx,
      "overall",
      what,
      ctx.previous?.get(kind, "grand-total", "amount", "income") ?? ctx.previous?.get(kind, "grand-total", "amount", "expenditure"),
    );
    const fact = { key: "previous.overall", what };
    if (shanghai) {
      writeYearPrefix(b, ctx, true).add(`${what}`).amount(current).add(`${ctx.unit}。`);
    } else {
      writeYearPrefix(b, ctx, false).add(what).amount(current).add(`${ctx.unit}，`);
    }
    const change = writeChange(b, ctx, what, { current, previous, fact });
    b.add("。");
    writeReason(b, ctx, change, "overall", what);
    return [b];
  },
};
