/** 五、一般公共预算财政拨款支出决算情况说明: （一）总体 （二）结构 （三）具体. */
import { CORE_TABLES, KIND_TITLES } from "../../kinds";
import { keyedCell, keyedRow, type ColumnKey, type KindTable } from "../../layouts/keys";
import { sumFigures, type Figure, type ParagraphBuilder } from "../builder";
import { factFigure, previousFigure, writeText, type NarrativeContext } from "../context";
import { cellFigure, codeRows, isZero, leafRows } from "../source";
import {
  writeBudgetComparison,
  writeChange,
  writeList,
  writeMissingTable,
  writeReason,
  writeShare,
  writeYearPrefix,
} from "../sentences";
import { formatAmount } from "../../format";
import type { RecognizedTable, TableRow } from "../../model";
import type { SectionTemplate } from "./section";

const PARENT = { id: "general-budget", title: "一般公共预算财政拨款支出决算情况说明" };
const { T5 } = CORE_TABLES;

/** The tables whose 项 rows get a paragraph each (T5, and T8/T9 for the funds), and the columns they share. */
type LeafKind = typeof T5 | "government-fund" | "state-capital";
type LeafColumn = ColumnKey<typeof T5> & ColumnKey<"government-fund">;
/** 年初预算数: T5 only (the fund tables take it from the facts). */
const INITIAL_BUDGET: ColumnKey<typeof T5> = "initial-budget";

function generalBudgetTotal(ctx: NarrativeContext): Figure | undefined {
  return ctx.current.get(T5, "total", "total") ?? ctx.current.get("fiscal-summary", "total-this-year", "general-budget", "expenditure");
}

function previousGeneralBudgetTotal(ctx: NarrativeContext): Figure | undefined {
  return previousFigure(
    ctx,
    "general-budget",
    "一般公共预算财政拨款支出",
    ctx.previous?.get(T5, "total", "total") ?? ctx.previous?.get("fiscal-summary", "total-this-year", "general-budget", "expenditure"),
  );
}

function expenditureTotal(ctx: NarrativeContext): Figure | undefined {
  return ctx.current.get("expenditure", "total", "total") ?? ctx.current.get("income-expenditure-summary", "total-this-year", "amount", "expenditure");
}

export const generalBudgetOverall: SectionTemplate = {
  id: "general-budget-overall",
  title: "一般公共预算财政拨款支出决算总体情况",
  parent: PARENT,
  write(ctx) {
    const b = ctx.paragraph();
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
    const what = "一般公共预算财政拨款支出";
    const change = writeChange(b, ctx, what, { current: total, previous: previousGeneralBudgetTotal(ctx), fact: { key: "previous.general-budget", what } });
    b.add("。");
    writeReason(b, ctx, change, "general-budget", what);
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
    const b = ctx.paragraph();
    const t5 = ctx.current.find(T5);
    const total = ctx.current.figure(t5, "total", "total");
    if (!t5 || !total) return [writeMissingTable(b, KIND_TITLES["general-budget-expenditure"])];
    const classes = classRows(t5)
      .map((row) => {
        const cell = keyedCell(t5, row, "total");
        return { row, figure: cell ? cellFigure(t5, cell) : undefined };
      })
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

/** 年初预算 of a code: the facts set first, else the table's own 年初预算数 column. */
export function initialBudget(ctx: NarrativeContext, table: KindTable<LeafKind>, row: TableRow, prefix = ""): Figure | undefined {
  const label = `${codeChain(table, row)}（${row.code}）年初预算数`;
  const entered = row.code !== undefined ? factFigure(ctx, `initialBudgets.${prefix}${row.code}`, label) : undefined;
  if (entered) return entered;
  const cell = row.cells[INITIAL_BUDGET];
  return cell ? cellFigure(table, cell) : undefined;
}

/**
 * 年初预算 合计: as given, else the table's own column, else the sum of the items when every item is known.
 * A given total that differs from the items, and a code that matches no 项, are warned about.
 */
function totalInitialBudget(ctx: NarrativeContext, table: KindTable<LeafKind>, column: LeafColumn, prefix = ""): Figure | undefined {
  const leaves = leafRows(table).filter((r) => r.cells[column] && !r.cells[column].displayed.isZero());
  const itemBudgets = leaves.map((r) => initialBudget(ctx, table, r, prefix));
  const known = itemBudgets.every((f): f is Figure => f !== undefined) && itemBudgets.length > 0;
  const itemsSum = known ? sumFigures(itemBudgets as Figure[], ctx.unit, `各项年初预算数之和：${(itemBudgets as Figure[]).map((f) => formatAmount(f.value)).join(" + ")}`) : undefined;
  const given = factFigure(ctx, `initialBudgets.${prefix}total`, `${prefix ? "政府性基金/国有资本经营" : "一般公共预算财政拨款支出"}年初预算数合计（${ctx.unit}）`);
  const bag = (prefix ? undefined : ctx.facts.initialBudgets) ?? {};
  if (!prefix) {
    const codes = new Set(codeRows(table).map((r) => r.code));
    for (const code of Object.keys(bag)) {
      if (code !== "total" && code !== "合计" && /^\d+$/.test(code) && !codes.has(code)) {
        ctx.warnings.push(`补充信息中的年初预算科目编码 ${code} 在一般公共预算财政拨款支出决算表中没有对应的科目，未使用。`);
      }
    }
  }
  if (given) {
    if (itemsSum && !itemsSum.value.equals(given.value)) {
      ctx.warnings.push(
        `补充信息中的年初预算数合计 ${formatAmount(given.value)} 与各项年初预算数之和 ${formatAmount(itemsSum.value)} 不等，说明按填写的合计 ${formatAmount(given.value)} 书写，请核对。`,
      );
    }
    return given;
  }
  const total = keyedRow(table, "total");
  const cell = total?.cells[INITIAL_BUDGET];
  if (cell) return cellFigure(table, cell);
  return itemsSum;
}

/** One numbered paragraph per non-zero leaf (项), in table order. */
export function writeLeafItems(ctx: NarrativeContext, table: KindTable<LeafKind>, column: LeafColumn, prefix = ""): ParagraphBuilder[] {
  const items = leafRows(table).filter((r) => r.cells[column] && !r.cells[column].displayed.isZero());
  const numberMark = ctx.conventions.itemMark;
  return items.map((row, i) => {
    const b = ctx.paragraph();
    const chain = codeChain(table, row);
    b.add(`${i + 1}${numberMark}${chain}。主要用于：`);
    writeText(b, ctx, `purposes.${prefix}${row.code}`, `${chain}（${row.code}）的主要用途`).add("。");
    writeBudgetComparison(b, ctx, initialBudget(ctx, table, row, prefix), cellFigure(table, row.cells[column]), {
      budgetKey: `initialBudgets.${prefix}${row.code}`,
      budgetLabel: `${chain}（${row.code}）年初预算数`,
      reasonSlot: `${prefix}${row.code}`,
      reasonWhat: `${row.label}（${row.code}）决算数`,
    });
    return b;
  });
}

export const generalBudgetDetail: SectionTemplate = {
  id: "general-budget-detail",
  title: "一般公共预算财政拨款支出决算具体情况",
  parent: PARENT,
  write(ctx) {
    const b = ctx.paragraph();
    const t5 = ctx.current.find(T5);
    const total = ctx.current.figure(t5, "total", "total");
    if (!t5 || !total) return [writeMissingTable(b, KIND_TITLES["general-budget-expenditure"])];
    writeYearPrefix(b, ctx, ctx.options.style === "shanghai").add("一般公共预算财政拨款支出");
    const budgetTotal = totalInitialBudget(ctx, t5, "total");
    writeBudgetComparison(b, ctx, budgetTotal, total, {
      budgetKey: "initialBudgets.total",
      budgetLabel: "一般公共预算财政拨款支出年初预算数合计",
      reasonSlot: "general-budget-detail",
      reasonWhat: "一般公共预算财政拨款支出决算数",
    });
    const items = writeLeafItems(ctx, t5, "total");
    if (items.length > 0) b.add("其中：");
    return [b, ...items];
  },
};
