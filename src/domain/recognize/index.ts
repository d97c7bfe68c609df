/**
 * Recognition: workbook snapshot → standard tables with every labelled cell mapped.
 * Titles decide the kind (never sheet names, order or 表号), headers decide the columns (never
 * positions), labels and codes decide the rows. Several tables on one sheet are found separately.
 * Linear in the number of cells.
 */
import { ZERO } from "../decimal";
import type { Finding } from "../findings";
import { qualify } from "../address";
import { toA1, type SheetSnapshot, type WorkbookSnapshot, type RangeBox, boxToA1 } from "../grid";
import { LAYOUTS, type LayoutSpec } from "../layouts";
import { threePublicItem } from "../layouts/three-public-expenses";
import { findSelfEvaluationTables } from "../layouts/self-evaluation";
import type { AmountCell, MoneyUnit, RecognizedTable, TableColumn, TableRow, TextCell, Variant } from "../model";
import { displayedValue, readNumber } from "../numbers";
import { normalizeLabel, stripOrdinal } from "../text";
import { SheetView } from "./sheet-view";

export interface RecognitionResult {
  tables: RecognizedTable[];
  findings: Finding[];
}

/** Words that make a row a header row in any layout. */
const GENERIC_HEADER_WORDS = new Set(
  ["项目", "科目编码", "科目名称", "功能分类科目编码", "经济分类科目编码", "支出功能分类科目", "类", "款", "项", "金额", "决算数", "预算数", "行次", "栏次", "收入", "支出", "合计", "小计", "编码", "名称", "科目", "单位:万元", "单位:元"].map((w) => w),
);

const NOTE_RE = /^(注|说明|备注|附注)\d*[:：.、]|^本表(反映|无数据)|^注[:：]?$/;
const SIGNATURE_RE = /^(单位负责人|财务负责人|主管会计|制表人|填报人|审核人|联系电话)/;
const META_RE = /(单位[:：]|部门[:：]|编制单位|填报单位|单位名称[:：]|公开\d+表|^[(]?\d{4}年度?[)]?$|^表[一二三四五六七八九十\d]+$)/;

/** Title text cleaned for matching: no spaces, no 表号 / year / ordinal decorations. */
export function cleanTitle(text: string): string {
  let t = normalizeLabel(text);
  t = t.replace(/公开\d+表/g, "");
  for (let i = 0; i < 3; i++) t = t.replace(/[([][^()[\]]*[)\]]$/, "");
  // unit name and year before the title: "北京市某中心2023年度收入决算表" → "收入决算表"
  t = t.replace(/^.*?(?:19|20)\d{2}年(?:度)?(?:部门|单位)?(?=.{4,}$)/, "");
  t = t.replace(/^(?:(?:附表|表)[一二三四五六七八九十\d]+[、.:\-]?|[一二三四五六七八九十\d]+[、.:\-])/, "");
  return t;
}

function layoutForTitle(text: string): LayoutSpec | undefined {
  const norm = normalizeLabel(text);
  if (norm.length < 4 || norm.length > 64) return undefined;
  const t = cleanTitle(text);
  if (!t.endsWith("表")) return undefined;
  if (/绩效|自评|目录|说明$/.test(t)) return undefined;
  return LAYOUTS.find((l) => l.matchesTitle(t));
}

interface TitleCandidate {
  row: number;
  col: number;
  text: string;
  layout: LayoutSpec;
  /** the title is the sheet's name: no title row on the sheet */
  fromSheetName?: boolean;
}

function findTitleCandidates(view: SheetView): TitleCandidate[] {
  const out: TitleCandidate[] = [];
  for (let r = 0; r < view.rowCount; r++) {
    const texts = view.rowTexts(r);
    if (texts.length === 0 || texts.length > 6) continue;
    for (const { col, text } of texts) {
      const layout = layoutForTitle(text);
      // several titles on one row: tables standing side by side
      if (layout) out.push({ row: r, col, text, layout });
    }
  }
  return out;
}

function isNumericText(view: SheetView, r: number, c: number): boolean {
  const read = readNumber(view.cell(r, c));
  return read.kind === "number";
}

type RowClass = "blank" | "meta" | "header" | "column-numbers" | "body";

/** "1 2 3 … n" (at least three, consecutive from 1): column numbers, never amounts. */
function isSerial(norms: string[]): boolean {
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
  const headerWords = new Set([...GENERIC_HEADER_WORDS, ...layout.headerWords.map(normalizeLabel)]);
  const isHeaderWord = (n: string) => headerWords.has(n) || headerWords.has(n.replace(/[(（][^)）]*[)）]/g, "")) || /^(本年|年初|年末)/.test(n) || /(支出|收入|经费|费|数|金额|单位|名称|数量)$/.test(n) && n.length <= 16 && !/^[一二三四五六七八九十]+、/.test(n);
  if (norms.some((n) => META_RE.test(n)) && !norms.some(isHeaderWord)) return "meta";
  if (norms.some((n) => /^\d{3}(\d{2}){0,2}$/.test(n))) return "body";
  if (norms.some(isHeaderWord) && !norms.some((n) => /^[一二三四五六七八九十]+、/.test(n) || /^(合计|总计)$/.test(n) && texts.length <= 2)) return "header";
  return "body";
}

const LABEL_LEAF = /^((收入|支出)项目(\(按功能分类\))?|项目|科目名称|名称|项目名称|支出功能分类科目|科目|功能分类科目名称|经济分类科目名称|项目\(按功能分类\)|项目\(按经济分类\)|支出功能分类科目名称|部门预算支出经济分类科目名称)$/;
const CODE_LEAF = /(编码|代码)$|^(类|款|项)$/;

type ColumnRole = { kind: "label" } | { kind: "code" } | { kind: "amount"; key: string } | { kind: "skip" };

interface Segment {
  group?: string;
  labelCols: number[];
  codeCols: number[];
  amountCols: { col: number; key: string; header: string }[];
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

function amountCell(view: SheetView, r: number, c: number): AmountCell {
  const cell = view.cell(r, c);
  const read = readNumber(cell);
  const address = toA1(r, c);
  const text = cell?.t ?? "";
  if (read.kind === "number") {
    // percentages are kept as percentage numbers (12.3 for "12.3%"), shown with their own decimals
    const value = read.percent ? read.value.times(100) : read.value;
    const shownDecimals = read.percent ? Math.max(0, read.decimals - 2) : read.decimals;
    return { row: r, col: c, address, value, displayed: displayedValue(value, shownDecimals), decimals: shownDecimals, blank: false, text };
  }
  if (read.kind === "blank") return { row: r, col: c, address, value: ZERO, displayed: ZERO, decimals: 2, blank: true, text };
  return { row: r, col: c, address, value: ZERO, displayed: ZERO, decimals: 2, blank: false, text, notANumber: true };
}

const DIGITS = /^\d+$/;
const isDigit = (code: number) => code >= 48 && code <= 57;

function splitCodeFromLabel(label: string): { code?: string; name: string } {
  const m = /^(\d{3}(?:[\s\-.]?\d{2}){0,2})[\s\-.、]*(.*)$/.exec(label.trim());
  if (m && m[2]) return { code: m[1].replace(/\D/g, ""), name: m[2] };
  return { name: label };
}

interface ReadTable {
  table: RecognizedTable;
  problems: Finding[];
}

function readTable(view: SheetView, cand: TitleCandidate, limit: number): ReadTable | null {
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
  // A note right under the headers: the body is blank (an empty 三公 row, an empty table kept with its 说明).
  const noteAtBodyStart = bodyStart < limit && NOTE_RE.test(normalizeLabel(view.rowTexts(bodyStart)[0]?.text ?? ""));
  if (bodyStart >= limit && limit - 1 <= lastHeader) return null;

  // Column box from the header rows (merges extend it).
  let left = Infinity;
  let right = -1;
  for (const hr of headerRows) {
    for (const t of view.rowTexts(hr)) {
      left = Math.min(left, t.col);
      right = Math.max(right, view.mergeRight(hr, t.col));
    }
  }
  if (!Number.isFinite(left)) return null;
  // Meta texts that sit on header rows (unit line in the right corner) are read too.
  for (const hr of headerRows) for (const t of view.rowTexts(hr)) if (META_RE.test(normalizeLabel(t.text))) metaTexts.push(t.text);

  // Columns → roles → segments.
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

  // Body rows.
  const rows: TableRow[] = [];
  const problems: Finding[] = [];
  const rowKeys = new Set<string>();
  const columnKeys = new Set(columns.map((c) => (c.group ? `${c.group}:${c.key}` : c.key)));
  const seenBySegment = segments.map(() => new Set<string>());
  const lastCodes = segments.map(() => ({ cls: "", section: "" }));
  let lastBodyRow = bodyStart;
  let blankRun = 0;
  const notes: TextCell[] = [];
  let end = limit;
  let codeRows = 0;
  for (let rr = bodyStart; rr < limit; rr++) {
    const texts = view.rowTexts(rr, left, right);
    if (texts.length === 0) {
      if (view.rowTexts(rr).length > 0) {
        // content outside the table's columns: a note or unrelated text ends the table
        const first = normalizeLabel(view.rowTexts(rr)[0].text);
        if (NOTE_RE.test(first) || SIGNATURE_RE.test(first)) {
          end = rr;
          break;
        }
        continue;
      }
      blankRun++;
      if (blankRun >= 3) {
        end = rr;
        break;
      }
      continue;
    }
    blankRun = 0;
    const firstNorm = normalizeLabel(texts[0].text);
    if (NOTE_RE.test(firstNorm) || SIGNATURE_RE.test(firstNorm)) {
      end = rr;
      break;
    }
    if (firstNorm === "栏次" || (texts.length > 1 && texts.some((t) => t.text.includes("栏") && normalizeLabel(t.text) === "栏次"))) continue;
    if (rr === bodyStart && texts.length >= 3 && isSerial(texts.map((t) => normalizeLabel(t.text)))) continue;
    let rowHadContent = false;
    let lastEntryThisRow: TableRow | undefined;
    segments.forEach((seg, si) => {
      const labelParts: string[] = [];
      let codeDigits: string[] = [];
      for (const c of seg.codeCols) {
        const raw = view.text(rr, c);
        if (!raw) continue;
        if (DIGITS.test(raw)) {
          codeDigits.push(raw);
          continue;
        }
        const t = normalizeLabel(raw);
        if (!t) continue;
        if (/^\d+$/.test(t.replace(/[\-.]/g, ""))) codeDigits.push(t.replace(/\D/g, ""));
        else labelParts.push(raw.trim());
      }
      for (const c of seg.labelCols) {
        const t = view.text(rr, c).trim();
        if (t) labelParts.push(t);
      }
      let printed = labelParts.join("");
      let code: string | undefined;
      if (seg.codeCols.length > 1 && codeDigits.length > 0) {
        // split codes: 类 | 款 | 项, blanks inherit from the rows above
        const byCol = seg.codeCols.map((c) => normalizeLabel(view.text(rr, c)).replace(/\D/g, ""));
        const [cls, sec, item] = [byCol[0] ?? "", byCol[1] ?? "", byCol[2] ?? ""];
        const lc = lastCodes[si];
        if (cls.length >= 3) code = cls + (cls.length === 3 ? sec : "") + (cls.length === 3 && sec ? item : "");
        else if (sec) code = lc.cls + sec + item;
        else if (item) code = lc.section + item;
        codeDigits = [];
      } else if (codeDigits.length > 0) {
        code = codeDigits.join("");
      }
      if (!code && printed && isDigit(printed.trimStart().charCodeAt(0))) {
        const split = splitCodeFromLabel(printed);
        if (split.code) {
          code = split.code;
          printed = split.name;
        }
      }
      if (code && !/^\d{3}(\d{2}){0,2}$/.test(code)) code = undefined;
      if (code) {
        const lc = lastCodes[si];
        if (code.length === 3) lc.cls = code;
        if (code.length === 5) {
          lc.cls = code.slice(0, 3);
          lc.section = code;
        }
        if (code.length === 7) lc.section = code.slice(0, 5);
      }
      const cells: Record<string, AmountCell> = {};
      let anyAmount = false;
      for (const a of seg.amountCols) {
        const cell = amountCell(view, rr, a.col);
        cells[a.key] = cell;
        if (!cell.blank) anyAmount = true;
        if (cell.notANumber) {
          problems.push({
            rule: "READ.NUMBER",
            severity: "warning",
            sheet: view.name,
            cell: cell.address,
            cells: [qualify(view.name, cell.address)],
            message: `${view.name} ${cell.address}（${printed || a.header}）应为金额，表中为“${cell.text}”，无法读作数字，已按空值处理，请核对。`,
            expected: "数字",
            actual: cell.text,
            table: null,
          });
        }
      }
      if (!printed && !code && !anyAmount) return;
      // A label merged across column groups ("公用经费合计" over D:H) owns the amounts of the last group.
      if (!printed && !code && lastEntryThisRow && Object.values(lastEntryThisRow.cells).every((c) => c.blank)) {
        lastEntryThisRow.cells = cells;
        return;
      }
      const label = stripOrdinal(normalizeLabel(printed));
      const vertical = layout.kind === "three-public-expenses" && seg.amountCols.some((a) => a.key.startsWith("*."));
      const assignment =
        layout.kind === "three-public-expenses"
          ? vertical
            ? { key: `label:${label}` }
            : anyAmount || rows.length === 0
              ? { key: "data" }
              : null
          : layout.rowKey({ label, printed, code, group: seg.group, seen: seenBySegment[si] });
      if (layout.kind === "three-public-expenses" && !vertical && (rows.some((x) => x.key === "data") || !anyAmount)) {
        if (!anyAmount) return;
        if (rows.some((x) => x.key === "data" && Object.values(x.cells).some((c) => !c.blank))) return;
        const i = rows.findIndex((x) => x.key === "data");
        if (i >= 0) rows.splice(i, 1);
      }
      const key = assignment?.key ?? (label ? `label:${label}` : code ? `code:${code}` : "");
      if (!key) return;
      rowHadContent = true;
      seenBySegment[si].add(key);
      rowKeys.add(seg.group ? `${seg.group}:${key}` : key);
      if (key.startsWith("code:")) codeRows++;
      const labelCol = seg.labelCols[seg.labelCols.length - 1] ?? seg.codeCols[0] ?? left;
      lastEntryThisRow = {
        key,
        label: printed.trim(),
        code: assignment?.code ?? code,
        level: assignment?.level,
        group: assignment?.group ?? seg.group,
        row: rr,
        labelCell: { row: rr, col: labelCol, address: toA1(rr, labelCol), text: printed.trim() },
        cells,
      };
      rows.push(lastEntryThisRow);
    });
    if (rowHadContent) lastBodyRow = rr;
  }
  // Notes right under the table.
  for (let nr = end; nr < Math.min(limit, end + 4); nr++) {
    const texts = view.rowTexts(nr);
    if (texts.length === 0) continue;
    const t = normalizeLabel(texts[0].text);
    if (NOTE_RE.test(t) || /本表无数据|故本表/.test(t)) notes.push({ row: nr, col: texts[0].col, address: toA1(nr, texts[0].col), text: texts[0].text });
    else break;
  }

  if (layout.kind === "three-public-expenses") foldVerticalThreePublic(rows, columns, columnKeys, rowKeys);
  if (!layout.accept({ columnKeys, rowKeys, codeRows })) return null;

  if (noteAtBodyStart || rows.length === 0) {
    // blank body rows between the headers and the note still belong to the table
    lastBodyRow = Math.max(lastHeader, Math.min(bodyStart, end) - 1);
    if (layout.kind === "three-public-expenses" && lastBodyRow > lastHeader && rows.length === 0) {
      const dataRow = lastHeader + 1;
      const cells: Record<string, AmountCell> = {};
      for (const c of columns) cells[c.key] = amountCell(view, dataRow, c.col);
      rows.push({ key: "data", label: "", row: dataRow, labelCell: { row: dataRow, col: left, address: toA1(dataRow, left), text: "" }, cells });
      rowKeys.add("data");
    }
  }
  const top = cand.fromSheetName ? cand.row + 1 : cand.row;
  const box: RangeBox = { top, left, bottom: Math.max(lastBodyRow, lastHeader), right };
  const range = boxToA1(box);
  const allMeta = [cand.text, ...metaTexts].map(normalizeLabel);
  const unit = unitOf(allMeta, columns.map((c) => c.header));
  const year = yearOf([cand.text, ...metaTexts]);
  const unitName = unitNameOf(cand.text, metaTexts);
  const tableNumber = allMeta.map((m) => /公开\d+表/.exec(m)?.[0]).find(Boolean);
  const splitCodes = segments.some((s) => s.codeCols.length > 1);
  const variant: Variant = /^C\d{2}/i.test(view.name) ? "beijing" : tableNumber ? (/部门[:：]/.test(allMeta.join()) && unit === "元" ? "central" : "guangdong") : splitCodes ? "shanghai" : "generic";
  const empty = rows.every((row) => Object.values(row.cells).every((c) => c.blank || c.value.isZero()));
  const table: RecognizedTable = {
    id: `${view.name}!${range}`,
    kind: layout.kind,
    title: layout.title,
    printedTitle: cand.text.trim(),
    sheet: view.name,
    range,
    box,
    titleCell: { row: top, col: cand.col, address: toA1(top, cand.col), text: cand.text },
    unit,
    year,
    unitName,
    tableNumber,
    variant,
    columns,
    rows,
    notes,
    empty,
  };
  for (const p of problems) p.table = table.id;
  return { table, problems };
}

/**
 * The 三公 table printed vertically (items as rows, 预算数 | 决算数 as columns): fold it into the one
 * "data" row the rules read, keyed item.measure like the horizontal forms.
 */
function foldVerticalThreePublic(rows: TableRow[], columns: TableColumn[], columnKeys: Set<string>, rowKeys: Set<string>): void {
  const measureCols = columns.filter((c) => c.key.startsWith("*."));
  if (measureCols.length === 0) return;
  const cells: Record<string, AmountCell> = {};
  let first: TableRow | undefined;
  const seen = new Set<string>();
  for (const row of rows) {
    const label = stripOrdinal(normalizeLabel(row.label));
    // Yunnan prints counts under the amounts ("国内公务接待人次（人）", "因公出国（境）团组数（个）"): not money
    if (/(人次|人数|团组|批次|辆|台|\((人|个|次|辆|台|批)\))/.test(label)) continue;
    const item = threePublicItem(label);
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

function unitOf(meta: string[], headers: string[]): MoneyUnit | null {
  for (const m of [...meta, ...headers]) {
    const u = /单位[:：]?(万元|元)/.exec(m) ?? /[(（](万元|元)[)）]/.exec(m);
    if (u) return u[1] as MoneyUnit;
  }
  return null;
}

function yearOf(texts: string[]): number | null {
  for (const t of texts) {
    const m = /((?:19|20)\d{2})\s*年/.exec(normalizeLabel(t));
    if (m) return Number(m[1]);
  }
  return null;
}

const ORG_RE = /(中心|局|委员会|委|院|会|所|站|馆|办公室|办|处|部|学校|校|协会|队|厅|室|政府|街道|公司|医院|集团|管委会)$/;

function unitNameOf(title: string, meta: string[]): string | null {
  for (const m of meta) {
    const norm = m.replace(/\s+/g, " ").trim();
    const hit = /(?:^|\s)(?:部门|编制单位|填报单位|单位名称|部门\(单位\)名称|部门（单位）名称)\s*[:：]\s*(.+?)(?:\s{2,}|\s+金额单位|\s+单位[:：]|$)/.exec(norm);
    if (hit && hit[1].trim() && !/^(万元|元)$/.test(hit[1].trim())) return hit[1].trim();
  }
  const t = normalizeLabel(title);
  const prefix = /^(.{2,40}?)(?:(?:19|20)\d{2}年度?)/.exec(t)?.[1];
  if (prefix && ORG_RE.test(prefix)) return prefix;
  return null;
}

function recognizeSheet(sheet: SheetSnapshot): ReadTable[] {
  const view = new SheetView(sheet);
  const candidates = findTitleCandidates(view);
  // No title printed on the sheet, but the sheet is named after the table ("C05 一般公共预算财政拨款支出决算表"):
  // the table starts at the first non-empty row, read as if the title stood just above it.
  const sheetNameLayout = candidates.length === 0 ? layoutForTitle(sheet.name.replace(/^[A-Za-z]?\d{1,3}[\s._-]*/, "")) : undefined;
  if (sheetNameLayout) {
    let first = 0;
    while (first < view.rowCount && view.rowTexts(first).length === 0) first++;
    if (first < view.rowCount) candidates.push({ row: first - 1, col: view.rowTexts(first)[0].col, text: sheet.name, layout: sheetNameLayout, fromSheetName: true });
  }
  const out: ReadTable[] = [];
  candidates.sort((a, b) => a.row - b.row || a.col - b.col);
  for (let i = 0; i < candidates.length; i++) {
    const cand = candidates[i];
    const below = candidates.find((c) => c.row > cand.row);
    const limit = below ? below.row : view.rowCount;
    const sameRow = candidates.filter((c) => c.row === cand.row);
    const at = sameRow.indexOf(cand);
    // tables side by side: each reads only the columns up to the next title on its row
    const columnView = sameRow.length > 1 ? view.windowed(at === 0 ? 0 : cand.col, at + 1 < sameRow.length ? sameRow[at + 1].col - 1 : Infinity) : view;
    const read = readTable(columnView, cand, limit);
    if (read) out.push(read);
  }
  return out;
}

/**
 * Year and unit name from a cover sheet ("上海市某某区绿化和市容管理局" above "2024年度部门决算"),
 * for forms whose tables print neither (Shanghai).
 */
export function coverInfo(snapshot: WorkbookSnapshot): { year: number | null; unitName: string | null } {
  for (const sheet of snapshot.sheets) {
    const view = new SheetView(sheet);
    for (let r = 0; r < Math.min(view.rowCount, 40); r++) {
      for (const { text } of view.rowTexts(r)) {
        const norm = normalizeLabel(text);
        const m = /^(.{0,40}?)((?:19|20)\d{2})年度?(?:部门|单位)?(?:决算|部门决算|单位决算)(?:公开|报告|情况说明)?$/.exec(norm);
        if (!m) continue;
        let unitName: string | null = m[1] && ORG_RE.test(m[1]) ? m[1] : null;
        for (let up = r - 1; up >= Math.max(0, r - 4) && !unitName; up--) {
          const above = view.rowTexts(up).map((t) => normalizeLabel(t.text)).find((t) => t.length >= 4 && t.length <= 40 && ORG_RE.test(t));
          if (above) unitName = above;
        }
        return { year: Number(m[2]), unitName };
      }
    }
  }
  return { year: null, unitName: null };
}

/** Year and unit name are printed on some tables only: fill the rest from the workbook's majority, then the cover. */
function fillWorkbookDefaults(tables: RecognizedTable[], fileName?: string, cover: { year: number | null; unitName: string | null } = { year: null, unitName: null }): void {
  const majority = <T>(values: (T | null)[]): T | null => {
    const counts = new Map<T, number>();
    for (const v of values) if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
    let best: T | null = null;
    let n = 0;
    for (const [v, c] of counts) if (c > n) [best, n] = [v, c];
    return best;
  };
  const core = tables.filter((t) => t.kind !== "project-self-evaluation" && t.kind !== "department-self-evaluation");
  const year = majority(core.map((t) => t.year)) ?? cover.year ?? (fileName ? yearOf([fileName]) : null);
  const unitName = majority(core.map((t) => t.unitName)) ?? cover.unitName;
  const unit = majority(core.map((t) => t.unit));
  for (const t of core) {
    t.year ??= year;
    t.unitName ??= unitName;
    t.unit ??= unit;
  }
}

export function recognizeWorkbook(snapshot: WorkbookSnapshot): RecognitionResult {
  const tables: RecognizedTable[] = [];
  const findings: Finding[] = [];
  for (const sheet of snapshot.sheets) {
    try {
      for (const { table, problems } of recognizeSheet(sheet)) {
        tables.push(table);
        findings.push(...problems);
      }
      tables.push(...findSelfEvaluationTables(sheet));
    } catch (e) {
      // A sheet that breaks the reader must not stop the others.
      findings.push({
        rule: "READ.SHEET",
        severity: "warning",
        sheet: sheet.name,
        cell: null,
        cells: [],
        message: `工作表“${sheet.name}”无法读取（${(e as Error).message}），已跳过，其他工作表照常检查。`,
        expected: null,
        actual: null,
      });
    }
  }
  fillWorkbookDefaults(tables, snapshot.fileName, coverInfo(snapshot));
  if (tables.length === 0) {
    findings.push({
      rule: "RECOGNIZE.NONE",
      severity: "warning",
      sheet: null,
      cell: null,
      cells: [],
      message: "未识别到标准决算公开表或绩效自评表。请确认表格带有标准表名（如“收入支出决算总表”“项目支出绩效自评表”）和表头。",
      expected: null,
      actual: null,
    });
  }
  return { tables, findings };
}

