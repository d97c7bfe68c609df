/**
 * Stage 3 of recognition: the header rows flattened per column ("支出/基本支出"), each column given a role
 * (label, code, amount with its key, skipped) and the columns grouped into segments — a two-sided table
 * (收入 | 支出) has one segment per side, each with its own label, code and amount columns.
 */
import type { LayoutSpec } from "../layouts";
import type { RangeBox } from "../grid";
import type { TableColumn } from "../model";
import { normalizeLabel } from "../text";
import type { SheetView } from "./sheet-view";

const LABEL_LEAF = /^((收入|支出)项目(\(按功能分类\))?|项目|科目名称|名称|项目名称|支出功能分类科目|科目|功能分类科目名称|经济分类科目名称|项目\(按功能分类\)|项目\(按经济分类\)|支出功能分类科目名称|部门预算支出经济分类科目名称)$/;
const CODE_LEAF = /(编码|代码)$|^(类|款|项)$/;

type ColumnRole = { kind: "label" } | { kind: "code" } | { kind: "amount"; key: string } | { kind: "skip" };

export interface Segment {
  group?: string;
  labelCols: number[];
  codeCols: number[];
  amountCols: { col: number; key: string; header: string }[];
}

export interface ColumnGrouping {
  /** leftmost and rightmost column of the header rows (merges extend them) */
  left: number;
  right: number;
  segments: Segment[];
  columns: TableColumn[];
}

function flattenHeader(view: SheetView, headerRows: number[], col: number): string {
  const parts: string[] = [];
  for (const r of headerRows) {
    const text = normalizeLabel(view.mergedText(r, col)).replace(/[(（](万元|元)[)）]$/, "");
    if (text && parts[parts.length - 1] !== text) parts.push(text);
  }
  return parts.join("/");
}

function roleOf(path: string, layout: LayoutSpec, group: string | undefined): ColumnRole {
  if (/行次|栏次/.test(path)) return { kind: "skip" };
  const leaf = path.split("/").pop() ?? "";
  if (CODE_LEAF.test(leaf) || /科目编码|功能分类科目编码|经济分类科目编码/.test(leaf)) return { kind: "code" };
  if (LABEL_LEAF.test(leaf) || /科目名称$/.test(leaf) || /(采购单位|单位名称|项目名称|服务内容|事项|类别|序号|目录)$/.test(leaf)) return { kind: "label" };
  const key = layout.columnKey(path, group);
  return key ? { kind: "amount", key } : { kind: "skip" };
}

/** Column box of the header rows (merges extend it), or null when they hold no text. */
export function headerBox(view: SheetView, headerRows: number[]): Pick<RangeBox, "left" | "right"> | null {
  let left = Infinity;
  let right = -1;
  for (const hr of headerRows) {
    for (const t of view.rowTexts(hr)) {
      left = Math.min(left, t.col);
      right = Math.max(right, view.mergeRight(hr, t.col));
    }
  }
  return Number.isFinite(left) ? { left, right } : null;
}

export function groupColumns(view: SheetView, layout: LayoutSpec, headerRows: number[], left: number, right: number): ColumnGrouping {
  const segments: Segment[] = [];
  const columns: TableColumn[] = [];
  let current: Segment | null = null;
  let lastWasAmount = true;
  let segIndex = 0;
  for (let c = left; c <= right; c++) {
    const path = flattenHeader(view, headerRows, c);
    const provisional = roleOf(path, layout, undefined);
    if ((provisional.kind === "label" || provisional.kind === "code") && (lastWasAmount || !current)) {
      current = { labelCols: [], codeCols: [], amountCols: [], group: layout.segmentGroup?.(path, segIndex) };
      segIndex++;
      segments.push(current);
    }
    if (!current) {
      current = { labelCols: [], codeCols: [], amountCols: [], group: layout.segmentGroup?.(path, segIndex) };
      segIndex++;
      segments.push(current);
    }
    const role = roleOf(path, layout, current.group);
    if (role.kind === "label") current.labelCols.push(c);
    else if (role.kind === "code") current.codeCols.push(c);
    else if (role.kind === "amount") {
      current.amountCols.push({ col: c, key: role.key, header: path });
      columns.push({ key: role.key, group: current.group, col: c, header: path });
    }
    lastWasAmount = role.kind === "amount" || role.kind === "skip";
    if (role.kind === "label" || role.kind === "code") lastWasAmount = false;
  }
  return { left, right, segments, columns };
}
