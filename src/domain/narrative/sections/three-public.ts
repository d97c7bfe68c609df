/** 七、财政拨款"三公"经费支出决算情况说明: budget vs final, change vs last year, shares, details. */
import { KIND_TITLES } from "../../kinds";
import { ParagraphBuilder, inUnit, sumFigures, type Figure } from "../builder";
import { isZero } from "../source";
import {
  writeChange,
  writeList,
  writeMissingTable,
  writeNothing,
  writeReason,
  writeShare,
  writeYear,
  writeYearPrefix,
  type Change,
} from "../sentences";
import { directionOf, PLACEHOLDERS } from "../../format";
import type { TableSource } from "../source";
import type { SectionTemplate } from "./section";

const T7 = "three-public-expenses";
export const THREE_PUBLIC = "“三公”经费";

export const THREE_PUBLIC_ITEMS = [
  { item: "abroad", label: "因公出国（境）费" },
  { item: "vehicle", label: "公务用车购置及运行维护费" },
  { item: "reception", label: "公务接待费" },
] as const;

function figure(source: TableSource | null | undefined, item: string, measure: "budget" | "actual", unit: ParagraphBuilder["unit"]): Figure | undefined {
  if (!source) return undefined;
  const direct = source.get(T7, "data", `${item}.${measure}`);
  if (direct || item !== "vehicle") return direct;
  const purchase = source.get(T7, "data", `vehicle-purchase.${measure}`);
  const operation = source.get(T7, "data", `vehicle-operation.${measure}`);
  return purchase && operation ? sumFigures([purchase, operation], unit) : undefined;
}

export const threePublic: SectionTemplate = {
  id: "three-public",
  title: "财政拨款“三公”经费支出决算情况说明",
  write(ctx) {
    const u = ctx.unit;
    const t7 = ctx.current.find(T7);
    if (!t7) return [writeMissingTable(new ParagraphBuilder(u), KIND_TITLES["three-public-expenses"])];
    const actual = figure(ctx.current, "total", "actual", u);
    const budget = figure(ctx.current, "total", "budget", u);
    if (!actual) return [writeMissingTable(new ParagraphBuilder(u), KIND_TITLES["three-public-expenses"])];
    if (isZero(actual) && isZero(budget)) return [writeNothing(new ParagraphBuilder(u), ctx, `${THREE_PUBLIC}财政拨款支出`)];
    const items = THREE_PUBLIC_ITEMS.map((i) => ({
      ...i,
      actual: figure(ctx.current, i.item, "actual", u),
      budget: figure(ctx.current, i.item, "budget", u),
      previous: figure(ctx.previous, i.item, "actual", u),
    }));
    const involved = items.filter((i) => !isZero(i.actual) || !isZero(i.budget));
    const paragraphs: ParagraphBuilder[] = [];

    // (一) 预算与决算
    const p1 = new ParagraphBuilder(u);
    writeYearPrefix(p1, ctx, false).add(`${THREE_PUBLIC}财政拨款支出年初预算为`);
    if (budget) {
      const bv = inUnit(budget, u);
      p1.amount(budget).add(`${u}，支出决算为`).amount(actual).add(u);
      if (!bv.isZero()) {
        p1.add("，完成预算的");
        writeShare(p1, ctx, actual, budget);
      }
    } else {
      p1.placeholder(PLACEHOLDERS.initialBudget).add(`${u}，支出决算为`).amount(actual).add(`${u}，完成预算的`);
      p1.placeholder(PLACEHOLDERS.completion).add("%");
    }
    const withActual = involved.filter((i) => i.actual);
    if (withActual.length > 0) {
      p1.add("，其中：");
      writeList(p1, withActual, (i) => {
        p1.add(`${i.label}支出决算为`).amount(i.actual!).add(u);
        if (i.budget && !inUnit(i.budget, u).isZero()) {
          p1.add("，完成预算的");
          writeShare(p1, ctx, i.actual!, i.budget);
        }
      });
    }
    p1.add("。");
    if (budget) {
      const direction = directionOf(inUnit(actual, u), inUnit(budget, u));
      if (direction === "flat") p1.add("决算数与预算数基本持平。");
      else {
        writeYear(p1, ctx).add(`年度${THREE_PUBLIC}支出决算数${direction === "increase" ? "大于" : "小于"}预算数的主要原因：`);
        p1.placeholder(PLACEHOLDERS.reason).add("。");
      }
    } else {
      p1.add("决算数").placeholder(PLACEHOLDERS.compare).add("预算数的主要原因：").placeholder(PLACEHOLDERS.reason).add("。");
    }
    paragraphs.push(p1);

    // (二) 与上年比较
    const p2 = new ParagraphBuilder(u);
    writeYearPrefix(p2, ctx, false).add(`${THREE_PUBLIC}财政拨款支出决算数`);
    const change: Change = writeChange(
      p2,
      ctx,
      `${THREE_PUBLIC}财政拨款支出决算数`,
      { current: actual, previous: figure(ctx.previous, "total", "actual", u) },
      "compact",
    );
    const compared = ctx.previous ? involved.filter((i) => i.actual && i.previous) : [];
    if (compared.length > 0) {
      p2.add("，其中：");
      writeList(p2, compared, (i) => {
        p2.add(`${i.label}支出决算`);
        writeChange(p2, ctx, `${i.label}支出决算`, { current: i.actual!, previous: i.previous }, "bare");
      });
    }
    p2.add("。");
    writeReason(p2, change);
    paragraphs.push(p2);

    // (三) 结构
    const nonZero = withActual.filter((i) => !isZero(i.actual));
    if (nonZero.length > 0 && !isZero(actual)) {
      const p3 = new ParagraphBuilder(u);
      p3.add(`${THREE_PUBLIC}财政拨款支出决算中，`);
      writeList(p3, nonZero, (i) => {
        p3.add(`${i.label}支出决算`).amount(i.actual!).add(`${u}，占`);
        writeShare(p3, ctx, i.actual!, actual);
      });
      p3.add("。");
      paragraphs.push(p3);
    }

    // (四) 具体情况: what the tables cannot say is left for the user
    for (const i of nonZero) {
      const p = new ParagraphBuilder(u);
      if (i.item === "abroad") {
        p.add(`${i.label}支出决算`).amount(i.actual!).add(`${u}，全年安排因公出国（境）团组`).placeholder(PLACEHOLDERS.groups);
        p.add("个，累计").placeholder(PLACEHOLDERS.persons).add("人次。");
      } else if (i.item === "vehicle") {
        const purchase = figure(ctx.current, "vehicle-purchase", "actual", u);
        const operation = figure(ctx.current, "vehicle-operation", "actual", u);
        p.add(`${i.label}支出决算`).amount(i.actual!).add(u);
        if (purchase && operation) {
          const parts = [
            { label: "公务用车购置费", figure: purchase },
            { label: "公务用车运行维护费", figure: operation },
          ];
          const nonZeroParts = parts.filter((x) => !isZero(x.figure));
          if (nonZeroParts.length > 0) {
            p.add("，其中：");
            writeList(p, nonZeroParts, (x) => p.add(x.label).amount(x.figure).add(u), "，");
          }
          for (const x of parts.filter((y) => isZero(y.figure))) p.add(`，无${x.label}支出`);
        }
        p.add("。");
        writeYear(p, ctx).add("年末公务用车保有量").placeholder(PLACEHOLDERS.vehicleCount).add("辆。");
      } else {
        p.add(`${i.label}支出决算`).amount(i.actual!).add(`${u}，全年国内公务接待`).placeholder(PLACEHOLDERS.batches);
        p.add("批次，").placeholder(PLACEHOLDERS.persons).add("人次。");
      }
      paragraphs.push(p);
    }
    return paragraphs;
  },
};

