/** 四、财政拨款收入支出决算总体情况说明: T4 总计 against last year. */
import { KIND_TITLES } from "../../kinds";
import { ParagraphBuilder } from "../builder";
import { writeChange, writeMissingTable, writeReason, writeYearPrefix } from "../sentences";
import type { SectionTemplate } from "./section";

export const fiscalOverall: SectionTemplate = {
  id: "fiscal-overall",
  title: "财政拨款收入支出决算总体情况说明",
  write(ctx) {
    const b = new ParagraphBuilder(ctx.unit);
    const kind = "fiscal-summary";
    const current = ctx.current.get(kind, "grand-total", "amount", "income") ?? ctx.current.get(kind, "grand-total", "total", "expenditure");
    if (!current) return [writeMissingTable(b, KIND_TITLES["fiscal-summary"])];
    const previous = ctx.previous?.get(kind, "grand-total", "amount", "income") ?? ctx.previous?.get(kind, "grand-total", "total", "expenditure");
    if (ctx.options.style === "shanghai") {
      writeYearPrefix(b, ctx, true).add("财政拨款收入支出总计").amount(current).add(`${ctx.unit}。`);
      const change = writeChange(b, ctx, "财政拨款收入支出总计", { current, previous });
      b.add("。");
      writeReason(b, change);
    } else {
      writeYearPrefix(b, ctx, false).add("财政拨款收、支总计").amount(current).add(`${ctx.unit}，`);
      const change = writeChange(b, ctx, "财政拨款收、支总计", { current, previous });
      b.add("。");
      writeReason(b, change);
    }
    return [b];
  },
};
