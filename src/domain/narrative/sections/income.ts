/** 二、收入决算情况说明: T2 合计 row (T1 收入 side when T2 is absent). */
import { KIND_TITLES } from "../../kinds";
import type { ColumnKey, RowKey } from "../../layouts/keys";
import type { Figure } from "../builder";
import { previousFigure } from "../context";
import { writeMissingTable } from "../sentences";
import { writeBreakdown } from "./breakdown";
import type { SectionTemplate } from "./section";

const T2_PARTS: [ColumnKey<"income">, string][] = [
  ["fiscal", "财政拨款收入"],
  ["superior-subsidy", "上级补助收入"],
  ["business", "事业收入"],
  ["operating", "经营收入"],
  ["affiliated", "附属单位上缴收入"],
  ["other", "其他收入"],
];

const T1_PARTS: [RowKey<"income-expenditure-summary">, string][] = [
  ["general-budget", "一般公共预算财政拨款收入"],
  ["government-fund", "政府性基金预算财政拨款收入"],
  ["state-capital", "国有资本经营预算财政拨款收入"],
  ["fiscal", "财政拨款收入"],
  ["superior-subsidy", "上级补助收入"],
  ["business", "事业收入"],
  ["operating", "经营收入"],
  ["affiliated", "附属单位上缴收入"],
  ["other", "其他收入"],
];

export const income: SectionTemplate = {
  id: "income",
  title: "收入决算情况说明",
  write(ctx) {
    const t2 = ctx.current.find("income");
    const fromWorkbook =
      ctx.previous?.get("income", "total", "total") ?? ctx.previous?.get("income-expenditure-summary", "total-this-year", "amount", "income");
    const previous = previousFigure(ctx, "income", "本年收入合计", fromWorkbook);
    let total: Figure | undefined;
    let parts: { label: string; figure: Figure }[] = [];
    if (t2 && ctx.current.figure(t2, "total", "total")) {
      total = ctx.current.figure(t2, "total", "total");
      parts = T2_PARTS.flatMap(([key, label]) => {
        const figure = ctx.current.figure(t2, "total", key);
        return figure ? [{ label, figure }] : [];
      });
    } else {
      const t1 = ctx.current.find("income-expenditure-summary");
      total = ctx.current.figure(t1, "total-this-year", "amount", "income");
      parts = T1_PARTS.flatMap(([key, label]) => {
        const figure = ctx.current.figure(t1, key, "amount", "income");
        return figure ? [{ label, figure }] : [];
      });
    }
    if (!total) return [writeMissingTable(ctx.paragraph(), KIND_TITLES["income"])];
    return [writeBreakdown(ctx, { totalLabel: "本年收入合计", total, previous, parts, denominatorPhrase: "收入合计的", slot: "income" })];
  },
};
