/**
 * 财政拨款"三公"经费支出决算情况说明: the "无" sentence when there is none; （一）总体: budget against
 * final for the total and each item, then the change against last year with one reason per changed item;
 * （二）具体: shares, then each item — 因公出国（境） with 团组/人次, 公务用车 with 购置 and 运行维护 separately,
 * 公务接待 with 批次/人次 — and the template's "无…支出" sentence for an item that is zero.
 */
import { CORE_TABLES, KIND_TITLES } from "../../kinds";
import type { THREE_PUBLIC_EXPENSES_KEYS } from "../../layouts/three-public-expenses";
import { directionOf, WORDS } from "../../format";
import { inUnit, sumFigures, type Figure, type ParagraphBuilder } from "../builder";
import { previousFigure, writeAmountFact, writeCount, writeText, type NarrativeContext } from "../context";
import { isZero, type TableSource } from "../source";
import { writeChange, writeList, writeMissingTable, writeNothing, writeShare, writeYear, writeYearPrefix, type Change } from "../sentences";
import type { SectionTemplate } from "./section";

const { T7 } = CORE_TABLES;
const THREE_PUBLIC = "“三公”经费";

export const THREE_PUBLIC_ITEMS = [
  { item: "abroad", label: "因公出国（境）费" },
  { item: "vehicle", label: "公务用车购置及运行维护费" },
  { item: "reception", label: "公务接待费" },
] as const;

type Item = (typeof THREE_PUBLIC_EXPENSES_KEYS)["items"][number];
type Measure = (typeof THREE_PUBLIC_EXPENSES_KEYS)["measures"][number];

function figure(source: TableSource | null | undefined, item: Item, measure: Measure, unit: ParagraphBuilder["unit"]): Figure | undefined {
  if (!source) return undefined;
  const direct = source.get(T7, "data", `${item}.${measure}` as const);
  if (direct || item !== "vehicle") return direct;
  const purchase = source.get(T7, "data", `vehicle-purchase.${measure}` as const);
  const operation = source.get(T7, "data", `vehicle-operation.${measure}` as const);
  return purchase && operation ? sumFigures([purchase, operation], unit) : undefined;
}

interface Data {
  actual: Figure;
  budget: Figure | undefined;
  items: { item: string; label: string; actual: Figure | undefined; budget: Figure | undefined; previous: Figure | undefined }[];
}

/** The 三公 figures, or null when there is nothing to describe (no table, or all zero: the "无" sentence says so). */
function data(ctx: NarrativeContext): Data | null {
  const u = ctx.unit;
  const actual = figure(ctx.current, "total", "actual", u);
  const budget = figure(ctx.current, "total", "budget", u);
  if (!actual || (isZero(actual) && isZero(budget))) return null;
  const items = THREE_PUBLIC_ITEMS.map((i) => ({
    ...i,
    actual: figure(ctx.current, i.item, "actual", u),
    budget: figure(ctx.current, i.item, "budget", u),
    previous: previousFigure(ctx, `three-public.${i.item}`, `${i.label}支出决算`, figure(ctx.previous, i.item, "actual", u)),
  }));
  return { actual, budget, items };
}

/** Under the section heading: the table is missing, or there is no 三公 at all ("无" sentence); else nothing. */
export const threePublicNone: SectionTemplate = {
  id: "three-public",
  title: "财政拨款“三公”经费支出决算情况说明",
  write(ctx) {
    const t7 = ctx.current.find(T7);
    if (!t7 || !figure(ctx.current, "total", "actual", ctx.unit)) return [writeMissingTable(ctx.paragraph(), KIND_TITLES["three-public-expenses"])];
    if (data(ctx)) return [];
    return [writeNothing(ctx.paragraph(), ctx, `${THREE_PUBLIC}财政拨款支出`)];
  },
};

export const threePublicOverall: SectionTemplate = {
  id: "three-public-overall",
  title: "“三公”经费财政拨款支出决算总体情况说明",
  write(ctx) {
    const d = data(ctx);
    if (!d) return [];
    const u = ctx.unit;
    const { actual, budget, items } = d;
    // items not involved at all (no budget, no spending) are not listed (不涉及的不列)
    const withActual = items.filter((i) => i.actual && (!isZero(i.actual) || !isZero(i.budget)));

    // budget against final
    const p1 = ctx.paragraph();
    p1.add(`${THREE_PUBLIC}财政拨款支出年初预算为`);
    if (budget) p1.amount(budget);
    else writeAmountFact(p1, ctx, "initialBudgets.three-public", `${THREE_PUBLIC}财政拨款支出年初预算数（${u}）`);
    p1.add(`${u}，支出决算为`).amount(actual).add(u);
    if (budget && !inUnit(budget, u).isZero()) {
      p1.add("，完成预算的");
      writeShare(p1, ctx, actual, budget, true);
    }
    if (withActual.length > 0) {
      p1.add("，其中：");
      writeList(p1, withActual, (i) => {
        p1.add(`${i.label}${i.item === "abroad" ? "" : "支出"}决算为`).amount(i.actual!).add(u);
        if (i.budget && !inUnit(i.budget, u).isZero()) {
          p1.add("，完成预算的");
          writeShare(p1, ctx, i.actual!, i.budget, true);
        }
      });
    }
    p1.add("。");
    if (budget) {
      const direction = directionOf(inUnit(actual, u), inUnit(budget, u));
      if (direction === "flat") p1.add("决算数与预算数基本持平。");
      else {
        writeYear(p1, ctx).add(`年度${THREE_PUBLIC}支出决算数${WORDS.compare[direction]}预算数的主要原因：`);
        writeText(p1, ctx, "reasons.three-public-budget", `${THREE_PUBLIC}支出决算数${WORDS.compare[direction]}预算数的主要原因`).add("。");
      }
    }

    // against last year: the total, each item, one reason per changed item
    const p2 = ctx.paragraph();
    writeYearPrefix(p2, ctx, false).add(`${THREE_PUBLIC}财政拨款支出决算数`);
    const totalPrevious = previousFigure(ctx, "three-public.total", `${THREE_PUBLIC}财政拨款支出决算数`, figure(ctx.previous, "total", "actual", u));
    const what = `${THREE_PUBLIC}财政拨款支出决算数`;
    writeChange(p2, ctx, what, { current: actual, previous: totalPrevious, fact: { key: "previous.three-public.total", what } }, "compact");
    const changes: { label: string; item: string; change: Change }[] = [];
    const compared = withActual;
    if (compared.length > 0) {
      p2.add("，其中：");
      writeList(p2, compared, (i) => {
        p2.add(`${i.label}支出决算`);
        const change = writeChange(
          p2,
          ctx,
          `${i.label}支出决算`,
          { current: i.actual!, previous: i.previous, fact: { key: `previous.three-public.${i.item}`, what: `${i.label}支出决算` } },
          "bare",
        );
        changes.push({ label: i.label, item: i.item, change });
      });
    }
    p2.add("。");
    for (const c of changes.filter((x) => x.change.direction !== "flat")) {
      const d = c.change.direction;
      const verb = d === "increase" || d === "decrease" ? WORDS.amount[d] : "增减";
      p2.add(`${c.label}支出${verb}的主要原因是`);
      writeText(p2, ctx, `reasons.three-public.${c.item}`, `${c.label}支出${verb}的主要原因`).add("。");
    }
    return [p1, p2];
  },
};

export const threePublicDetail: SectionTemplate = {
  id: "three-public-detail",
  title: "“三公”经费财政拨款支出决算具体情况说明",
  write(ctx) {
    const d = data(ctx);
    if (!d) return [];
    const u = ctx.unit;
    const { actual, items } = d;
    const paragraphs: ParagraphBuilder[] = [];
    const nonZero = items.filter((i) => !isZero(i.actual));
    const p3 = ctx.paragraph();
    p3.add(`${THREE_PUBLIC}财政拨款支出决算中，`);
    writeList(p3, nonZero, (i) => {
      p3.add(`${i.label}支出决算`).amount(i.actual!).add(`${u}，占`);
      writeShare(p3, ctx, i.actual!, actual);
    });
    p3.add("。具体情况如下：");
    paragraphs.push(p3);
    const mark = ctx.conventions.itemMark;
    items.forEach((i, index) => {
      const p = ctx.paragraph();
      p.add(`${index + 1}${mark}`);
      if (isZero(i.actual)) {
        writeYearPrefix(p, ctx, false).add(`无${i.label}支出。`);
        paragraphs.push(p);
        return;
      }
      if (i.item === "abroad") {
        p.add(`${i.label}支出`).amount(i.actual!).add(`${u}。全年安排因公出国（境）团组`);
        writeCount(p, ctx, "threePublic.abroadGroups").add("个、累计");
        writeCount(p, ctx, "threePublic.abroadPersons").add("人次。开支内容包括：");
        writeText(p, ctx, "threePublic.abroadContent").add("。");
        paragraphs.push(p);
      } else if (i.item === "vehicle") {
        p.add(`${i.label}支出`).amount(i.actual!).add(`${u}。其中：`);
        paragraphs.push(p);
        const purchase = figure(ctx.current, "vehicle-purchase", "actual", u);
        const operation = figure(ctx.current, "vehicle-operation", "actual", u);
        const pp = ctx.paragraph();
        if (purchase && !isZero(purchase)) {
          pp.add("公务用车购置支出为").amount(purchase).add(`${u}。主要用于`);
          writeText(pp, ctx, "threePublic.vehiclePurchasePurpose").add("，购置公务用车");
          writeCount(pp, ctx, "threePublic.vehiclesPurchased").add("辆。");
        } else if (purchase) {
          writeYearPrefix(pp, ctx, false).add("无公务用车购置支出。");
        } else pp.add("公务用车购置支出未在“三公”经费表中单列，请在表中分列购置费和运行维护费。");
        paragraphs.push(pp);
        const po = ctx.paragraph();
        if (operation && !isZero(operation)) {
          po.add("公务用车运行维护支出").amount(operation).add(`${u}。主要用于`);
          writeText(po, ctx, "threePublic.vehicleOperationPurpose").add("。");
        } else if (operation) writeYearPrefix(po, ctx, false).add("无公务用车运行维护支出。");
        writeYear(po, ctx).add(`年，${ctx.unitName ?? "本部门"}开支财政拨款的公务用车保有量为`);
        writeCount(po, ctx, "threePublic.vehicleCount").add("辆。");
        paragraphs.push(po);
      } else {
        p.add(`${i.label}支出`).amount(i.actual!).add(`${u}。其中：`);
        paragraphs.push(p);
        const pr = ctx.paragraph();
        pr.add("国内公务接待支出").amount(i.actual!).add(`${u}（含外宾接待支出`);
        writeAmountFact(pr, ctx, "threePublic.foreignReception", `外宾接待支出（${u}）`).add(`${u}）。主要用于`);
        writeText(pr, ctx, "threePublic.receptionPurpose").add("，共接待");
        writeCount(pr, ctx, "threePublic.receptionBatches").add("批次、");
        writeCount(pr, ctx, "threePublic.receptionPersons").add("人次，其中：接待外宾");
        writeCount(pr, ctx, "threePublic.foreignBatches").add("批次、");
        writeCount(pr, ctx, "threePublic.foreignPersons").add("人次。");
        paragraphs.push(pr);
      }
    });
    return paragraphs;
  },
};
