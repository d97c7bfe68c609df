/**
 * T7 财政拨款"三公"经费支出决算表: one data row; columns are item × measure, interleaved
 * (Shanghai: 合计/预算数, 合计/决算数, …) or in blocks (central: 预算数/合计 … 决算数/合计 …).
 * The item and measure are read from the header path, never from positions.
 */
import { KIND_TITLES } from "../kinds";
import type { AmountCell, TableColumn, TableRow } from "../model";
import { normalizeLabel, stripOrdinal } from "../text";
import { keysOf, rowByLabel, type LayoutBody, type LayoutSpec } from "./spec";

/** Header segment or row label → item, first match wins; later (deeper) header segments refine earlier ones. */
const ITEMS = [
  [/公务用车购置及运行/, "vehicle"],
  [/公务用车购置(费)?$|^车辆购置/, "vehicle-purchase"],
  [/公务用车运行/, "vehicle-operation"],
  [/因公出国/, "abroad"],
  // Shaanxi adds 会议费 and 培训费 beside the three items
  [/会议费/, "meeting"],
  [/培训费/, "training"],
  [/公务接待/, "reception"],
  [/^(合计|"三公"经费合计|三公经费合计|"三公"经费|三公经费|"三公"经费支出合计)$/, "total"],
] as const;

/** Header segment → measure: a segment naming the one and not the other (nor a 表 title). */
const MEASURES = [
  ["budget", /预算/, /决算/],
  ["actual", /决算/, /预算|表/],
] as const;

/** The one data row the rules read. */
const DATA = "data";

const itemOf = (segment: string) => rowByLabel(ITEMS, segment);

/** `item.measure`, or `*.measure` for the vertical form (items as rows). */
type ThreePublicColumnKey = `${(typeof ITEMS)[number][1] | "*"}.${(typeof MEASURES)[number][0]}`;

function threePublicColumnKey(path: string): ThreePublicColumnKey | null {
  let item: (typeof ITEMS)[number][1] | undefined;
  let measure: (typeof MEASURES)[number][0] | undefined;
  for (const segment of path.split("/")) {
    const found = itemOf(segment);
    if (found) item = found;
    const named = MEASURES.find(([, names, not]) => names.test(segment) && !not.test(segment));
    if (named) measure = named[0];
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
    if (rows.some((x) => x.key === DATA && Object.values(x.cells).some((c) => !c.blank))) return null;
    const i = rows.findIndex((x) => x.key === DATA);
    if (i >= 0) rows.splice(i, 1);
    return { key: DATA };
  },
  finish: foldVertical,
  blankBodyRowKey: DATA,
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
  rows.splice(0, rows.length, { ...first, key: DATA, label: "", cells });
  rowKeys.clear();
  rowKeys.add(DATA);
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
  rowKey: () => ({ key: DATA }),
  accept: ({ columnKeys }) => columnKeys.has("total.actual") || columnKeys.has("total.budget"),
  body,
};

/** The keys of this layout: one data row; columns item.measure (the rule catalogue is typed by them). */
export const THREE_PUBLIC_EXPENSES_KEYS = {
  rows: [DATA],
  items: keysOf(ITEMS),
  measures: MEASURES.map(([m]) => m),
} as const;
