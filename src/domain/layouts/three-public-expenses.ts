/**
 * T7 财政拨款"三公"经费支出决算表: one data row; columns are item × measure, interleaved
 * (Shanghai: 合计/预算数, 合计/决算数, …) or in blocks (central: 预算数/合计 … 决算数/合计 …).
 * The item and measure are read from the header path, never from positions.
 */
import { KIND_TITLES } from "../kinds";
import type { AmountCell, TableColumn, TableRow } from "../model";
import { normalizeLabel, stripOrdinal } from "../text";
import type { LayoutBody, LayoutSpec } from "./spec";

/** Item named by a header segment or a row label; later (deeper) segments refine earlier ones. */
function itemOf(segment: string): string | undefined {
  if (/公务用车购置及运行/.test(segment)) return "vehicle";
  if (/公务用车购置(费)?$/.test(segment) || /^车辆购置/.test(segment)) return "vehicle-purchase";
  if (/公务用车运行/.test(segment)) return "vehicle-operation";
  if (/因公出国/.test(segment)) return "abroad";
  // Shaanxi adds 会议费 and 培训费 beside the three items
  if (/会议费/.test(segment)) return "meeting";
  if (/培训费/.test(segment)) return "training";
  if (/公务接待/.test(segment)) return "reception";
  if (/^(合计|"三公"经费合计|三公经费合计|"三公"经费|三公经费|"三公"经费支出合计)$/.test(segment)) return "total";
  return undefined;
}

export function threePublicColumnKey(path: string): string | null {
  let item: string | undefined;
  let measure: string | undefined;
  for (const segment of path.split("/")) {
    const found = itemOf(segment);
    if (found) item = found;
    if (/预算/.test(segment) && !/决算/.test(segment)) measure = "budget";
    else if (/决算/.test(segment) && !/预算/.test(segment) && !/表/.test(segment)) measure = "actual";
  }
  if (!measure) return null;
  // no item in the header: the vertical form, items are rows (folded into one row by the reader)
  if (!item) return path.split("/").every((seg) => /^(预算数?|决算数?|全年预算数|项目|金额|[(（]?万元[)）]?)$/.test(seg) || seg === "") ? `*.${measure}` : null;
  return `${item}.${measure}`;
}

/**
 * One data row: the first row with amounts (a blank row read first gives way to it); the vertical form's
 * item rows are read by label, then folded into that one row.
 */
const body: LayoutBody = {
  placeRow(rows, { label, anyAmount, amountKeys }) {
    if (amountKeys.some((k) => k.startsWith("*."))) return { key: `label:${label}` };
    if (!anyAmount) return null;
    if (rows.some((x) => x.key === "data" && Object.values(x.cells).some((c) => !c.blank))) return null;
    const i = rows.findIndex((x) => x.key === "data");
    if (i >= 0) rows.splice(i, 1);
    return { key: "data" };
  },
  finish: foldVertical,
  blankBodyRowKey: "data",
};

/**
 * The 三公 table printed vertically (items as rows, 预算数 | 决算数 as columns): fold it into the one
 * "data" row the rules read, keyed item.measure like the horizontal forms.
 */
function foldVertical(rows: TableRow[], columns: TableColumn[], columnKeys: Set<string>, rowKeys: Set<string>): void {
  const measureCols = columns.filter((c) => c.key.startsWith("*."));
  if (measureCols.length === 0) return;
  const cells: Record<string, AmountCell> = {};
  let first: TableRow | undefined;
  const seen = new Set<string>();
  for (const row of rows) {
    const label = stripOrdinal(normalizeLabel(row.label));
    // Yunnan prints counts under the amounts ("国内公务接待人次（人）", "因公出国（境）团组数（个）"): not money
    if (/(人次|人数|团组|批次|辆|台|\((人|个|次|辆|台|批)\))/.test(label)) continue;
    const item = itemOf(label);
    if (!item || seen.has(item)) continue;
    seen.add(item);
    first ??= row;
    for (const c of measureCols) {
      const cell = row.cells[c.key];
      if (cell) cells[`${item}.${c.key.slice(2)}`] = cell;
    }
  }
  if (!first) return;
  rows.splice(0, rows.length, { ...first, key: "data", label: "", cells });
  rowKeys.clear();
  rowKeys.add("data");
  columns.splice(0, columns.length, ...Object.entries(cells).map(([key, cell]) => ({ key, col: cell.col, header: key })));
  columnKeys.clear();
  for (const k of Object.keys(cells)) columnKeys.add(k);
}

export const threePublicExpenses: LayoutSpec = {
  kind: "three-public-expenses",
  title: KIND_TITLES["three-public-expenses"],
  matchesTitle: (t) => /"?三公"?经费.*(支出)?(决算|情况)表$/.test(t) || /三公经费/.test(t) && /表$/.test(t),
  headerWords: ["合计", "小计", "预算数", "决算数", "因公出国(境)费", "公务接待费", "公务用车购置及运行维护费", "公务用车购置及运行费", "公务用车购置费", "公务用车运行维护费", "公务用车运行费"],
  columnKey: threePublicColumnKey,
  rowKey: () => ({ key: "data" }),
  accept: ({ columnKeys }) => columnKeys.has("total.actual") || columnKeys.has("total.budget"),
  body,
};

/** The keys of this layout: one data row; columns item.measure (the rule catalogue is typed by them). */
export const THREE_PUBLIC_EXPENSES_KEYS = {
  rows: ["data"],
  items: ["total", "abroad", "vehicle", "vehicle-purchase", "vehicle-operation", "reception", "meeting", "training"],
  measures: ["budget", "actual"],
} as const;
