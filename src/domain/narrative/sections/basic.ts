/** 六、一般公共预算财政拨款基本支出决算情况说明: 人员经费 / 公用经费 and their non-zero 款. */
import { CORE_TABLES, KIND_TITLES } from "../../kinds";
import { keyedCell, type KindTable } from "../../layouts/keys";
import { sumFigures, type Figure } from "../builder";
import type { NarrativeContext } from "../context";
import { cellFigure, isZero } from "../source";
import { writeMissingTable, writeNothing, writeYearPrefix } from "../sentences";
import type { TableRow } from "../../model";
import type { SectionTemplate } from "./section";

const { T6 } = CORE_TABLES;

/** Economic-code rows of one group, at 款 level when the table prints 款 (else 类), in table order. */
function economicRows(table: KindTable<typeof T6>, group: "personnel" | "public"): TableRow[] {
  const rows = table.rows.filter((r) => r.group === group && r.code && /^\d+$/.test(r.code));
  const sections = rows.filter((r) => r.code!.length === 5);
  return sections.length > 0 ? sections : rows.filter((r) => r.code!.length === 3);
}

/** Names of the non-zero 款 of a group: the "主要包括" list. */
function nonZeroNames(table: KindTable<typeof T6>, group: "personnel" | "public"): string[] {
  return economicRows(table, group)
    .filter((r) => {
      const cell = keyedCell(table, r, "amount");
      return cell && !cell.displayed.isZero();
    })
    .map((r) => r.label);
}

function groupTotal(ctx: NarrativeContext, table: KindTable<typeof T6>, group: "personnel" | "public"): Figure | undefined {
  const key = group === "personnel" ? "personnel-total" : "public-total";
  const stated = ctx.current.figure(table, key, "amount", group) ?? ctx.current.figure(table, key, "amount");
  if (stated) return stated;
  const cells = table.rows.filter((r) => r.group === group && r.code?.length === 3).flatMap((r) => keyedCell(table, r, "amount") ?? []);
  if (cells.length === 0) return undefined;
  return sumFigures(
    cells.map((cell) => cellFigure(table, cell)),
    ctx.unit,
  );
}

export const basic: SectionTemplate = {
  id: "basic",
  title: "一般公共预算财政拨款基本支出决算情况说明",
  write(ctx) {
    const b = ctx.paragraph();
    const t6 = ctx.current.find(T6);
    if (!t6) return [writeMissingTable(b, KIND_TITLES["general-budget-basic-expenditure"])];
    const personnel = groupTotal(ctx, t6, "personnel");
    const publicTotal = groupTotal(ctx, t6, "public");
    const total =
      ctx.current.get("general-budget-expenditure", "total", "basic") ??
      ctx.current.figure(t6, "total", "amount") ??
      (personnel && publicTotal ? sumFigures([personnel, publicTotal], ctx.unit) : undefined);
    if (!total) return [writeMissingTable(b, KIND_TITLES["general-budget-basic-expenditure"])];
    if (isZero(total)) return [writeNothing(b, ctx, "一般公共预算财政拨款基本支出")];
    const shanghai = ctx.options.style === "shanghai";
    writeYearPrefix(b, ctx, shanghai).add("一般公共预算财政拨款基本支出").amount(total).add(ctx.unit);
    b.add(shanghai ? "。其中：" : "，其中：");
    const groups: { label: string; figure: Figure | undefined; names: string[] }[] = [
      { label: "人员经费", figure: personnel, names: nonZeroNames(t6, "personnel") },
      { label: "公用经费", figure: publicTotal, names: nonZeroNames(t6, "public") },
    ];
    const present = groups.filter((g): g is { label: string; figure: Figure; names: string[] } => !isZero(g.figure));
    present.forEach((g, i) => {
      if (i > 0) b.add("；");
      b.add(g.label).amount(g.figure).add(ctx.unit);
      if (g.names.length > 0) b.add(`，主要包括：${g.names.join("、")}`);
    });
    b.add("。");
    return [b];
  },
};
