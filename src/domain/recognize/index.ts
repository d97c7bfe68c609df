/**
 * Recognition: workbook snapshot → standard tables with every labelled cell mapped.
 * Titles decide the kind (never sheet names, order or 表号), headers decide the columns (never
 * positions), labels and codes decide the rows. Several tables on one sheet are found separately.
 * Linear in the number of cells. One table is read in stages: title (titles.ts), header scan
 * (header-scan.ts), column grouping (columns.ts), row reading (rows.ts), metadata (metadata.ts);
 * what a single layout needs beyond that lives in its layout module. The 绩效自评表 are forms, read by
 * their own module (../self-evaluation).
 */
import type { Finding } from "../findings";
import { qualify } from "../address";
import { boxToA1, toA1, type RangeBox, type WorkbookSnapshot } from "../grid";
import type { AmountCell, RecognizedTable, TableKind } from "../model";
import { numberKind } from "../numbers";
import { findSelfEvaluationTables } from "../self-evaluation";
import { normalizeLabel } from "../text";
import { groupColumns, headerBox } from "./columns";
import { META_RE, scanHeader } from "./header-scan";
import { coverInfo, fillWorkbookDefaults, tableMeta } from "./metadata";
import { packageFindings } from "./package";
import { amountCell, readBody } from "./rows";
import { SheetView } from "./sheet-view";
import { findTitleCandidates, layoutForTitle, type TitleCandidate } from "./titles";

export { cleanTitle } from "./titles";

export interface RecognitionResult {
  tables: RecognizedTable[];
  findings: Finding[];
  /** sheets holding a standard table whose rows could not be read (TABLE.UNREADABLE): matched, not checked */
  unreadableSheets: string[];
}

interface ReadTable {
  /** null: the title and headers were found but the rows could not be read (TABLE.UNREADABLE in `problems`) */
  table: RecognizedTable | null;
  kind: TableKind;
  problems: Finding[];
  unreadable?: boolean;
}

/**
 * Merged areas over the body that cover amount cells on two rows or more and hold something that is not one
 * amount (a column pasted from a PDF into one cell, "详见附件" over the rows): the rows under them cannot be
 * read one by one. A blank or dashed area merged over rows, or one amount merged over a two-line label, is
 * readable and not one of them.
 */
function blockingMerges(view: SheetView, top: number, bottom: number, left: number, right: number, amountCols: ReadonlySet<number>): RangeBox[] {
  const out: RangeBox[] = [];
  for (const m of view.sheet.merges) {
    if (m.bottom === m.top || m.bottom < top || m.top > bottom || m.right < left || m.left > right) continue;
    if (numberKind(view.sheet.cells[m.top]?.[m.left]) !== "not-a-number") continue;
    for (let c = Math.max(m.left, left); c <= Math.min(m.right, right); c++) {
      if (amountCols.has(c)) {
        out.push(m);
        break;
      }
    }
  }
  return out;
}

function unreadableFinding(view: SheetView, title: string, tableRange: string, blocks: RangeBox[]): Finding {
  const first = blocks[0];
  const top = Math.min(...blocks.map((b) => b.top));
  const bottom = Math.max(...blocks.map((b) => b.bottom));
  const merged = blocks.map((b) => boxToA1(b)).join("、");
  return {
    rule: "TABLE.UNREADABLE",
    severity: "warning",
    sheet: view.name,
    cell: toA1(first.top, first.left),
    cells: blocks.map((b) => qualify(view.name, toA1(b.top, b.left))),
    message: `${title}（${view.name}!${tableRange}）第 ${top + 1}–${bottom + 1} 行的数据在合并单元格 ${merged} 中，无法逐行读取，这些行未复核。请取消合并，每行每项各占一格后重新检查。`,
    expected: null,
    actual: null,
  };
}

function readTable(view: SheetView, cand: TitleCandidate, limit: number): ReadTable | null {
  const { layout } = cand;
  const scan = scanHeader(view, cand, limit);
  if (!scan) return null;
  const { headerRows, lastHeader, bodyStart, metaTexts, noteAtBodyStart } = scan;
  const box0 = headerBox(view, headerRows);
  if (!box0) return null;
  const { left, right } = box0;
  // Meta texts that sit on header rows (unit line in the right corner) are read too.
  for (const hr of headerRows) for (const t of view.rowTexts(hr)) if (META_RE.test(normalizeLabel(t.text))) metaTexts.push(t.text);

  const grouping = groupColumns(view, layout, headerRows, left, right);
  const { columns } = grouping;
  const columnKeys = new Set(columns.map((c) => (c.group ? `${c.group}:${c.key}` : c.key)));
  const body = readBody(view, layout, grouping, bodyStart, limit);
  const { rows, rowKeys, codeRows, end, notes, problems } = body;
  let { lastBodyRow } = body;

  // Amounts under a merged block cannot be read row by row: the table is reported, not checked on a guess
  // (its rows would be missing from every cross-table identity).
  const amountCols = new Set(grouping.segments.flatMap((s) => s.amountCols.map((a) => a.col)));
  const blocks = blockingMerges(view, bodyStart, Math.max(bodyStart, end - 1, lastBodyRow), left, right, amountCols);
  if (blocks.length > 0) {
    const top = cand.fromSheetName ? cand.row + 1 : cand.row;
    const bottom = Math.max(lastBodyRow, lastHeader, ...blocks.map((b) => b.bottom));
    return { table: null, kind: layout.kind, problems: [unreadableFinding(view, layout.title, boxToA1({ top, left, bottom, right }), blocks)], unreadable: true };
  }

  layout.body?.finish?.(rows, columns, columnKeys, rowKeys);
  if (!layout.accept({ columnKeys, rowKeys, codeRows })) return null;

  if (noteAtBodyStart || rows.length === 0) {
    // blank body rows between the headers and the note still belong to the table
    lastBodyRow = Math.max(lastHeader, Math.min(bodyStart, end) - 1);
    const blankKey = layout.body?.blankBodyRowKey;
    if (blankKey && lastBodyRow > lastHeader && rows.length === 0) {
      const dataRow = lastHeader + 1;
      const cells: Record<string, AmountCell> = {};
      for (const c of columns) cells[c.key] = amountCell(view, dataRow, c.col);
      rows.push({ key: blankKey, label: "", row: dataRow, labelCell: { row: dataRow, col: left, address: toA1(dataRow, left), text: "" }, cells });
      rowKeys.add(blankKey);
    }
  }
  const top = cand.fromSheetName ? cand.row + 1 : cand.row;
  const box: RangeBox = { top, left, bottom: Math.max(lastBodyRow, lastHeader), right };
  const range = boxToA1(box);
  const meta = tableMeta(view.name, cand.text, metaTexts, columns.map((c) => c.header), grouping.segments);
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
    unit: meta.unit,
    year: meta.year,
    unitName: meta.unitName,
    tableNumber: meta.tableNumber,
    variant: meta.variant,
    columns,
    rows,
    notes,
    empty,
  };
  for (const p of problems) p.table = table.id;
  return { table, kind: layout.kind, problems };
}

function recognizeSheet(view: SheetView): ReadTable[] {
  const { sheet } = view;
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
 * A 绩效自评表 is found by a title (or sheet name) that says 绩效; a sheet with no 绩 anywhere cannot hold one,
 * so the form reader, which walks every cell again, is not run on it. Normalising never produces 绩.
 */
function mentionsPerformance(view: SheetView): boolean {
  if (view.sheet.name.includes("绩")) return true;
  for (let r = 0; r < view.sheet.cells.length; r++) if (view.rowMentions(r, "绩")) return true;
  return false;
}

export function recognizeWorkbook(snapshot: WorkbookSnapshot): RecognitionResult {
  const tables: RecognizedTable[] = [];
  const findings: Finding[] = [];
  const unreadableKinds = new Set<TableKind>();
  const unreadableSheets = new Set<string>();
  for (const sheet of snapshot.sheets) {
    try {
      const view = new SheetView(sheet);
      for (const { table, kind, problems, unreadable } of recognizeSheet(view)) {
        if (table) tables.push(table);
        findings.push(...problems);
        if (unreadable) {
          unreadableKinds.add(kind);
          unreadableSheets.add(sheet.name);
        }
      }
      if (mentionsPerformance(view)) tables.push(...findSelfEvaluationTables(sheet));
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
  findings.push(...packageFindings({ tables, unreadableKinds }));
  if (tables.length === 0 && unreadableKinds.size === 0) {
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
  return { tables, findings, unreadableSheets: [...unreadableSheets] };
}

