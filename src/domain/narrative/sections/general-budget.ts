/** 五、一般公共预算财政拨款支出决算情况说明: （一）总体 （二）结构 （三）具体. */
import { KIND_TITLES } from "../../kinds";
import { ParagraphBuilder, type Figure } from "../builder";
import type { NarrativeContext } from "../context";
import { cellFigure, codeRows, isZero, leafRows, userFigure } from "../source";
import {
  writeBudgetComparison,
  writeChange,
  writeList,
  writeMissingTable,
  writeReason,
  writeShare,
  writeYearPrefix,
} from "../sentences";
import { PLACEHOLDERS } from "../../format";
import type { RecognizedTable, TableRow } from "../../model";
import type { SectionTemplate } from "./section";

const PARENT = { id: "general-budget", title: "一般公共预算财政拨款支出决算情况说明" };
const T5 = "general-budget-expenditure";

export function generalBudgetTotal(ctx: NarrativeContext): Figure | undefined {
  return ctx.current.get(T5, "total", "total") ?? ctx.current.get("fiscal-summary", "total-this-year", "general-budget", "expenditure");
}

function previousGeneralBudgetTotal(ctx: NarrativeContext): Figure | undefined {
  return ctx.previous?.get(T5, "total", "total") ?? ctx.previous?.get("fiscal-summary", "total-this-year", "general-budget", "expenditure");
}

function expenditureTotal(ctx: NarrativeContext): Figure | undefined {
  return ctx.current.get("expenditure", "total", "total") ?? ctx.current.get("income-expenditure-summary", "total-this-year", "amount", "expenditure");
}

export const generalBudgetOverall: SectionTemplate = {
  id: "general-budget-overall",
  title: "一般公共预算财政拨款支出决算总体情况",
  parent: PARENT,
  write(ctx) {
    const b = new ParagraphBuilder(ctx.unit);
    const total = generalBudgetTotal(ctx);
    if (!total) return [writeMissingTable(b, KIND_TITLES["general-budget-expenditure"])];
    const denominator = expenditureTotal(ctx);
    const shanghai = ctx.options.style === "shanghai";
    writeYearPrefix(b, ctx, shanghai).add("一般公共预算财政拨款支出").amount(total).add(ctx.unit);
    if (denominator) {
      b.add("，占本年支出合计的");
      writeShare(b, ctx, total, denominator);
    }
    b.add(shanghai ? "。" : "，");
    const change = writeChange(b, ctx, "一般公共预算财政拨款支出", { current: total, previous: previousGeneralBudgetTotal(ctx) });
    b.add("。");
    writeReason(b, change);
    return [b];
  },
};

function classRows(table: RecognizedTable): TableRow[] {
  const rows = codeRows(table);
  const shortest = Math.min(...rows.map((r) => r.code!.length));
  return rows.filter((r) => r.code!.length === shortest);
}

export const generalBudgetStructure: SectionTemplate = {
  id: "general-budget-structure",
  title: "一般公共预算财政拨款支出决算结构情况",
  parent: PARENT,
  write(ctx) {
    const b = new ParagraphBuilder(ctx.unit);
    const t5 = ctx.current.find(T5);
    const total = ctx.current.figure(t5, "total", "total");
    if (!t5 || !total) return [writeMissingTable(b, KIND_TITLES["general-budget-expenditure"])];
    const classes = classRows(t5)
      .map((row) => ({ row, figure: row.cells.total ? cellFigure(t5, row.cells.total) : undefined }))
      .filter((c): c is { row: TableRow; figure: Figure } => !isZero(c.figure));
    writeYearPrefix(b, ctx, ctx.options.style === "shanghai").add("一般公共预算财政拨款支出").amount(total).add(ctx.unit);
    if (classes.length > 0) {
      b.add("，主要用于以下方面：");
      writeList(b, classes, (c) => {
        b.add(`${c.row.label}（类）`).amount(c.figure).add(`${ctx.unit}，占`);
        writeShare(b, ctx, c.figure, total);
      });
    }
    b.add("。");
    return [b];
  },
};

/** "{类名}（类）{款名}（款）{项名}（项）" for a leaf row, names as printed in the table. */
export function codeChain(table: RecognizedTable, leaf: TableRow): string {
  const rows = codeRows(table);
  const code = leaf.code!;
  const levels: [number, string][] = [
    [3, "类"],
    [5, "款"],
    [7, "项"],
  ];
  const parts: string[] = [];
  for (const [length, level] of levels) {
    if (code.length < length) break;
    const row = code.length === length ? leaf : rows.find((r) => r.code === code.slice(0, length));
    if (row) parts.push(`${row.label}（${level}）`);
  }
  return parts.length > 0 ? parts.join("") : leaf.label;
}

/** 年初预算 of a code: user input first, else the table's own 年初预算数 column. */
export function initialBudget(ctx: NarrativeContext, table: RecognizedTable, row: TableRow): Figure | undefined {
  const entered = row.code !== undefined ? ctx.options.initialBudgets?.[row.code] : undefined;
  if (entered !== undefined) return userFigure(entered, ctx.unit, `年初预算数（${row.code}）`);
  const cell = row.cells["initial-budget"];
  return cell ? cellFigure(table, cell) : undefined;
}

function totalInitialBudget(ctx: NarrativeContext, table: RecognizedTable): Figure | undefined {
  const entered = ctx.options.initialBudgets?.total ?? ctx.options.initialBudgets?.["合计"];
  if (entered !== undefined) return userFigure(entered, ctx.unit, "年初预算数（合计）");
  const total = table.rows.find((r) => r.key === "total");
  const cell = total?.cells["initial-budget"];
  return cell ? cellFigure(table, cell) : undefined;
}

/** One numbered paragraph per non-zero leaf (项), in table order. */
export function writeLeafItems(ctx: NarrativeContext, table: RecognizedTable, column: string): ParagraphBuilder[] {
  const items = leafRows(table).filter((r) => r.cells[column] && !r.cells[column].displayed.isZero());
  const numberMark = ctx.options.style === "shanghai" ? "、" : ".";
  return items.map((row, i) => {
    const b = new ParagraphBuilder(ctx.unit);
    b.add(`${i + 1}${numberMark}${codeChain(table, row)}。主要用于：`).placeholder(PLACEHOLDERS.purpose).add("。");
    writeBudgetComparison(b, ctx, initialBudget(ctx, table, row), cellFigure(table, row.cells[column]));
    return b;
  });
}

export const generalBudgetDetail: SectionTemplate = {
  id: "general-budget-detail",
  title: "一般公共预算财政拨款支出决算具体情况",
  parent: PARENT,
  write(ctx) {
    const b = new ParagraphBuilder(ctx.unit);
    const t5 = ctx.current.find(T5);
    const total = ctx.current.figure(t5, "total", "total");
    if (!t5 || !total) return [writeMissingTable(b, KIND_TITLES["general-budget-expenditure"])];
    writeYearPrefix(b, ctx, ctx.options.style === "shanghai").add("一般公共预算财政拨款支出");
    writeBudgetComparison(b, ctx, totalInitialBudget(ctx, t5), total);
    const items = writeLeafItems(ctx, t5, "total");
    if (items.length > 0) b.add("其中：");
    return [b, ...items];
  },
};
