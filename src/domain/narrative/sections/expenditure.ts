/** 三、支出决算情况说明: T3 合计 row (T1 支出 side when T3 is absent). */
import { KIND_TITLES } from "../../kinds";
import type { ColumnKey } from "../../layouts/keys";
import type { Figure } from "../builder";
import { previousFigure } from "../context";
import { writeMissingTable } from "../sentences";
import { writeBreakdown } from "./breakdown";
import type { SectionTemplate } from "./section";

const T3_PARTS: [ColumnKey<"expenditure">, string][] = [
  ["basic", "基本支出"],
  ["project", "项目支出"],
  ["to-superior", "上缴上级支出"],
  ["operating", "经营支出"],
  ["to-affiliated", "对附属单位补助支出"],
];

export const expenditure: SectionTemplate = {
  id: "expenditure",
  title: "支出决算情况说明",
  write(ctx) {
    const t3 = ctx.current.find("expenditure");
    const fromWorkbook =
      ctx.previous?.get("expenditure", "total", "total") ??
      ctx.previous?.get("income-expenditure-summary", "total-this-year", "amount", "expenditure");
    const previous = previousFigure(ctx, "expenditure", "本年支出合计", fromWorkbook);
    let total: Figure | undefined = ctx.current.figure(t3, "total", "total");
    let parts: { label: string; figure: Figure }[] = [];
    if (total && t3) {
      parts = T3_PARTS.flatMap(([key, label]) => {
        const figure = ctx.current.figure(t3, "total", key);
        return figure ? [{ label, figure }] : [];
      });
    } else {
      total = ctx.current.get("income-expenditure-summary", "total-this-year", "amount", "expenditure");
    }
    if (!total) return [writeMissingTable(ctx.paragraph(), KIND_TITLES["expenditure"])];
    return [writeBreakdown(ctx, { totalLabel: "本年支出合计", total, previous, parts, denominatorPhrase: "支出合计的", slot: "expenditure" })];
  },
};
