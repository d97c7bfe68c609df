/** 概况: 主要职能, 单位构成 / 机构设置, 决算单位构成 — text the tables do not hold, entered once as facts. */
import type { ParagraphBuilder } from "../builder";
import { writeText, type NarrativeContext } from "../context";
import { writeYear } from "../sentences";
import type { SectionTemplate } from "./section";

export const functions: SectionTemplate = {
  id: "functions",
  title: "主要职能",
  write(ctx) {
    const b = ctx.paragraph();
    writeText(b, ctx, "profile.functions");
    if (!/[。！；]$/.test(b.written)) b.add("。");
    return [b];
  },
};

export const composition: SectionTemplate = {
  id: "composition",
  title: "部门决算单位构成",
  write(ctx) {
    const b = ctx.paragraph();
    writeText(b, ctx, "profile.composition");
    if (!/[。！；]$/.test(b.written)) b.add("。");
    const paragraphs = [b];
    // the Shanghai form lists the units of the 部门决算 after the sentence; Beijing has its own heading for it
    if (ctx.template.region !== "beijing") paragraphs.push(...unitList(ctx));
    return paragraphs;
  },
};

function unitList(ctx: NarrativeContext): ParagraphBuilder[] {
  const b = ctx.paragraph();
  b.add(`纳入${ctx.unitName ?? "本部门"}`);
  writeYear(b, ctx).add("年度部门决算编制范围的单位包括：");
  writeText(b, ctx, "profile.units", undefined, "list").add("。");
  return [b];
}

/** Beijing （三）部门决算单位构成: "本次公开数据是{units}数据。" */
export const units: SectionTemplate = {
  id: "units",
  title: "部门决算单位构成",
  write(ctx) {
    const b = ctx.paragraph();
    b.add("本次公开数据是");
    writeText(b, ctx, "profile.units", undefined, "list").add("数据。");
    return [b];
  },
};
