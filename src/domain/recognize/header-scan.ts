/**
 * Stage 2 of recognition: the rows under a title, classified as meta (unit, 表号, 部门), header, 栏次 or body,
 * until the first body row.
 */
import type { LayoutSpec } from "../layouts";
import { numberKind } from "../numbers";
import { normalizeLabel } from "../text";
import type { SheetView } from "./sheet-view";
import type { TitleCandidate } from "./titles";

/** Words that make a row a header row in any layout. */
const GENERIC_HEADER_WORDS = new Set(
  ["项目", "科目编码", "科目名称", "功能分类科目编码", "经济分类科目编码", "支出功能分类科目", "类", "款", "项", "金额", "决算数", "预算数", "行次", "栏次", "收入", "支出", "合计", "小计", "编码", "名称", "科目", "单位:万元", "单位:元"].map((w) => w),
);

export const NOTE_RE = /^(注|说明|备注|附注)\d*[:：.、]|^本表(反映|无数据)|^注[:：]?$/;
export const SIGNATURE_RE = /^(单位负责人|财务负责人|主管会计|制表人|填报人|审核人|联系电话)/;
export const META_RE = /(单位[:：]|部门[:：]|编制单位|填报单位|单位名称[:：]|公开\d+表|^[(]?\d{4}年度?[)]?$|^表[一二三四五六七八九十\d]+$)/;

type RowClass = "blank" | "meta" | "header" | "column-numbers" | "body";

function isNumericText(view: SheetView, r: number, c: number): boolean {
  return numberKind(view.cell(r, c)) === "number";
}

/** Header words of a layout with the generic ones, built once per layout (classifyRow runs for every scanned row). */
const headerWordSets = new WeakMap<LayoutSpec, Set<string>>();

function headerWordsOf(layout: LayoutSpec): Set<string> {
  let words = headerWordSets.get(layout);
  if (!words) headerWordSets.set(layout, (words = new Set([...GENERIC_HEADER_WORDS, ...layout.headerWords.map(normalizeLabel)])));
  return words;
}

/** "1 2 3 … n" (at least three, consecutive from 1): column numbers, never amounts. */
export function isSerial(norms: string[]): boolean {
  const nums = norms.filter((n) => /^\d{1,2}$/.test(n)).map(Number);
  return nums.length >= 3 && nums.length === norms.length && nums.every((n, i) => n === i + 1);
}

function classifyRow(view: SheetView, r: number, layout: LayoutSpec): RowClass {
  const texts = view.rowTexts(r);
  if (texts.length === 0) return "blank";
  const norms = texts.map((t) => normalizeLabel(t.text));
  // a 栏次 row ("栏次 | 1 | 2 | …") or a bare serial row under blocked headers ("1 | 2 | … | 12"): not amounts
  if (norms.every((n) => /^(栏次|\d{1,2}|—|-)$/.test(n)) && (norms.includes("栏次") || isSerial(norms))) return "column-numbers";
  const numeric = texts.filter((t) => isNumericText(view, r, t.col));
  if (numeric.length > 0) return "body";
  if (norms.every((n) => META_RE.test(n) || /^[:：]?$/.test(n))) return "meta";
  if (texts.length === 1 && /^(合计|总计)$/.test(norms[0])) return "body";
  const headerWords = headerWordsOf(layout);
  const isHeaderWord = (n: string) => headerWords.has(n) || headerWords.has(n.replace(/[(（][^)）]*[)）]/g, "")) || /^(本年|年初|年末)/.test(n) || /(支出|收入|经费|费|数|金额|单位|名称|数量)$/.test(n) && n.length <= 16 && !/^[一二三四五六七八九十]+、/.test(n);
  if (norms.some((n) => META_RE.test(n)) && !norms.some(isHeaderWord)) return "meta";
  if (norms.some((n) => /^\d{3}(\d{2}){0,2}$/.test(n))) return "body";
  if (norms.some(isHeaderWord) && !norms.some((n) => /^[一二三四五六七八九十]+、/.test(n) || /^(合计|总计)$/.test(n) && texts.length <= 2)) return "header";
  return "body";
}

export interface HeaderScan {
  headerRows: number[];
  lastHeader: number;
  /** first body row (`limit` when the table ends under its headers) */
  bodyStart: number;
  /** texts of the title row, the 表号 above it and the meta rows (unit, 部门, year) */
  metaTexts: string[];
  /** a note right under the headers: the body is blank (an empty 三公 row, an empty table kept with its 说明) */
  noteAtBodyStart: boolean;
}

export function scanHeader(view: SheetView, cand: TitleCandidate, limit: number): HeaderScan | null {
  const { layout } = cand;
  // a unit or 表号 printed on the title row itself ("收入决算表 …… 单位：万元")
  const metaTexts: string[] = cand.fromSheetName ? [] : view.rowTexts(cand.row).filter((t) => t.col !== cand.col).map((t) => t.text);
  // 表号 printed above the title, top-right ("公开01表")
  if (!cand.fromSheetName && cand.row > 0) for (const t of view.rowTexts(cand.row - 1)) if (/公开\d+表|公開\d+表/.test(normalizeLabel(t.text))) metaTexts.push(t.text);
  const headerRows: number[] = [];
  let r = cand.row + 1;
  let bodyStart = -1;
  const scanEnd = Math.min(limit, cand.row + 14);
  for (; r < scanEnd; r++) {
    const cls = classifyRow(view, r, layout);
    if (cls === "blank") continue;
    if (cls === "meta") {
      for (const t of view.rowTexts(r)) metaTexts.push(t.text);
      continue;
    }
    if (cls === "header") {
      headerRows.push(r);
      // a unit line may share the header row's far right cell
      continue;
    }
    if (cls === "column-numbers") continue;
    bodyStart = r;
    break;
  }
  if (headerRows.length === 0) return null;
  const lastHeader = headerRows[headerRows.length - 1];
  if (bodyStart < 0) bodyStart = Math.min(r, limit);
  const noteAtBodyStart = bodyStart < limit && NOTE_RE.test(normalizeLabel(view.rowTexts(bodyStart)[0]?.text ?? ""));
  if (bodyStart >= limit && limit - 1 <= lastHeader) return null;
  return { headerRows, lastHeader, bodyStart, metaTexts, noteAtBodyStart };
}
