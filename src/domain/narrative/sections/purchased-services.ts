/** 政府购买服务支出说明 (Beijing): the year's total, a fact unless the workbook has the 政府购买服务 table. */
import { writeAmountFact } from "../context";
import { writeYearPrefix } from "../sentences";
import type { SectionTemplate } from "./section";

export const purchasedServices: SectionTemplate = {
  id: "purchased-services",
  title: "政府购买服务支出说明",
  write(ctx) {
    const b = ctx.paragraph();
    writeYearPrefix(b, ctx, false).add("政府购买服务决算");
    writeAmountFact(b, ctx, "purchasedServices.total").add(`${ctx.unit}。`);
    return [b];
  },
};
