/** 财政拨款收入支出决算总体情况说明: T4 总计 against last year. */
import { KIND_TITLES } from "../../kinds";
import { previousFigure } from "../context";
import { writeChange, writeMissingTable, writeReason, writeYearPrefix } from "../sentences";
import type { SectionTemplate } from "./section";

export const fiscalOverall: SectionTemplate = {
  id: "fiscal-overall",
  title: "财政拨款收入支出决算总体情况说明",
  write(ctx) {
    const b = ctx.paragraph();
    const kind = "fiscal-summary";
    const current = ctx.current.get(kind, "grand-total", "amount", "income") ?? ctx.current.get(kind, "grand-total", "total", "expenditure");
    if (!current) return [writeMissingTable(b, KIND_TITLES["fiscal-summary"])];
    const shanghai = ctx.options.style === "shanghai";
    const what = shanghai ? "财政拨款收入支出总计" : "财政拨款收、支总计";
    const previous = previousFigure(
      ctx,
      "fiscal-overall",
      what,
      ctx.previous?.get(kind, "grand-total", "amount", "income") ?? ctx.previous?.get(kind, "grand-total", "total", "expenditure"),
    );
    if (shanghai) writeYearPrefix(b, ctx, true).add(what).amount(current).add(`${ctx.unit}。`);
    else writeYearPrefix(b, ctx, false).add(what).amount(current).add(`${ctx.unit}，`);
    const change = writeChange(b, ctx, what, { current, previous, fact: { key: "previous.fiscal-overall", what } });
    b.add("。");
    writeReason(b, ctx, change, "fiscal-overall", what);
    return [b];
  },
};
