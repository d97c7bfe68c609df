/** 政府采购支出情况 (§7.10(二)): the figures are facts; the template's sentences around them. */
import { writeAmountFact } from "../context";
import { writeYearPrefix } from "../sentences";
import type { SectionTemplate } from "./section";

export const procurement: SectionTemplate = {
  id: "procurement",
  title: "政府采购支出情况",
  write(ctx) {
    const u = ctx.unit;
    const b = ctx.paragraph();
    writeYearPrefix(b, ctx, ctx.options.style === "shanghai").add("政府采购金额（以合同签订为准）为");
    writeAmountFact(b, ctx, "procurement.total").add(`${u}，其中：货物采购金额`);
    writeAmountFact(b, ctx, "procurement.goods").add(`${u}、工程采购金额`);
    writeAmountFact(b, ctx, "procurement.works").add(`${u}、服务采购金额`);
    writeAmountFact(b, ctx, "procurement.services").add(`${u}。`);
    const s = ctx.paragraph();
    writeYearPrefix(s, ctx, false).add("本部门面向中小企业预留政府采购项目预算金额");
    writeAmountFact(s, ctx, "procurement.smeReserved").add(`${u}，面向小微企业预留政府采购项目预算金额`);
    writeAmountFact(s, ctx, "procurement.smallReserved").add(`${u}。在面向中小企业预留的政府采购项目中，由中小企业供应商中标或成交的，采购金额`);
    writeAmountFact(s, ctx, "procurement.smeAwardedReserved").add(`${u}；在面向小微企业预留政府采购项目中，由小微企业供应商中标或成交的，采购金额`);
    writeAmountFact(s, ctx, "procurement.smallAwardedReserved").add(`${u}；在其他政府采购项目中，由中小企业供应商中标或成交的，采购金额`);
    writeAmountFact(s, ctx, "procurement.smeAwardedOther").add(`${u}。`);
    return [b, s];
  },
};
