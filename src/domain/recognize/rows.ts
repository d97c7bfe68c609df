/**
 * Stage 4 of recognition: the body rows under the headers, each segment's label and code read and keyed by
 * the layout, every amount cell read exactly; the table ends at a note, a signature line or three blank rows.
 */
import { ZERO } from "../decimal";
import type { Finding } from "../findings";
import { qualify } from "../address";
import { toA1 } from "../grid";
import type { LayoutSpec, RowAssignment } from "../layouts";
import type { AmountCell, TableRow, TextCell } from "../model";
import { displayedValue, readNumber } from "../numbers";
import { normalizeLabel, stripOrdinal } from "../text";
import type { ColumnGrouping } from "./columns";
import { isSerial, NOTE_RE, SIGNATURE_RE } from "./header-scan";
import type { SheetView } from "./sheet-view";

export function amountCell(view: SheetView, r: number, c: number): AmountCell {
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

export interface Body {
  rows: TableRow[];
  /** READ.NUMBER findings (cells that should be amounts) */
  problems: Finding[];
  rowKeys: Set<string>;
  codeRows: number;
  /** last row that carried a body entry */
  lastBodyRow: number;
  /** row where the table ended (a note, a signature, blank rows), or the limit */
  end: number;
  /** note lines right under the table */
  notes: TextCell[];
}

export function readBody(view: SheetView, layout: LayoutSpec, grouping: ColumnGrouping, bodyStart: number, limit: number): Body {
  const { left, right, segments } = grouping;
  const rows: TableRow[] = [];
  const problems: Finding[] = [];
  const rowKeys = new Set<string>();
  // one ungrouped segment sees exactly the table's keys so far: one Set for both, not two of 100,000 keys
  const seenBySegment = segments.length === 1 && !segments[0].group ? [rowKeys] : segments.map(() => new Set<string>());
  const lastCodes = segments.map(() => ({ cls: "", section: "" }));
  let lastBodyRow = bodyStart;
  let blankRun = 0;
  const notes: TextCell[] = [];
  let end = limit;
  let codeRows = 0;
  for (let rr = bodyStart; rr < limit; rr++) {
    // the row's first text decides most rows; its full list of texts is built only where 栏次 or a serial row may be
    const firstText = view.firstText(rr, left, right);
    if (firstText === undefined) {
      const outside = view.firstText(rr);
      if (outside !== undefined) {
        // content outside the table's columns: a note or unrelated text ends the table
        const first = normalizeLabel(outside);
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
    const firstNorm = normalizeLabel(firstText);
    if (NOTE_RE.test(firstNorm) || SIGNATURE_RE.test(firstNorm)) {
      end = rr;
      break;
    }
    if (firstNorm === "栏次") continue;
    if (rr === bodyStart || view.rowMentions(rr, "栏")) {
      const texts = view.passingRowTexts(rr, left, right);
      if (texts.length > 1 && texts.some((t) => t.text.includes("栏") && normalizeLabel(t.text) === "栏次")) continue;
      if (rr === bodyStart && texts.length >= 3 && isSerial(texts.map((t) => normalizeLabel(t.text)))) continue;
    }
    let rowHadContent = false;
    let lastEntryThisRow: TableRow | undefined;
    // a plain loop over the segments: this runs once per body row (100,000 times on a large table)
    for (let si = 0; si < segments.length; si++) {
      const seg = segments[si];
      // label and code texts joined as they are met (a lone part stays the cell's own string, shared with the sheet)
      let printed = "";
      let codeDigits = "";
      for (const c of seg.codeCols) {
        const raw = view.text(rr, c);
        if (!raw) continue;
        if (DIGITS.test(raw)) {
          codeDigits += raw;
          continue;
        }
        const t = normalizeLabel(raw);
        if (!t) continue;
        if (/^\d+$/.test(t.replace(/[\-.]/g, ""))) codeDigits += t.replace(/\D/g, "");
        else printed += raw.trim();
      }
      for (const c of seg.labelCols) {
        const t = view.text(rr, c).trim();
        if (t) printed += t;
      }
      let code: string | undefined;
      if (seg.codeCols.length > 1 && codeDigits !== "") {
        // split codes: 类 | 款 | 项, blanks inherit from the rows above
        const byCol = seg.codeCols.map((c) => normalizeLabel(view.text(rr, c)).replace(/\D/g, ""));
        const [cls, sec, item] = [byCol[0] ?? "", byCol[1] ?? "", byCol[2] ?? ""];
        const lc = lastCodes[si];
        if (cls.length >= 3) code = cls + (cls.length === 3 ? sec : "") + (cls.length === 3 && sec ? item : "");
        else if (sec) code = lc.cls + sec + item;
        else if (item) code = lc.section + item;
      } else if (codeDigits !== "") {
        code = codeDigits;
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
      if (!printed && !code && !anyAmount) continue;
      // A label merged across column groups ("公用经费合计" over D:H) owns the amounts of the last group.
      if (!printed && !code && lastEntryThisRow && Object.values(lastEntryThisRow.cells).every((c) => c.blank)) {
        lastEntryThisRow.cells = cells;
        continue;
      }
      const label = stripOrdinal(normalizeLabel(printed));
      let assignment: RowAssignment | null;
      if (layout.body) {
        // a layout that places its rows itself (the 三公 table's one data row)
        assignment = layout.body.placeRow(rows, { label, anyAmount, amountKeys: seg.amountCols.map((a) => a.key) });
        if (!assignment) continue;
      } else {
        assignment = layout.rowKey({ label, printed, code, group: seg.group, seen: seenBySegment[si] });
      }
      const key = assignment?.key ?? (label ? `label:${label}` : code ? `code:${code}` : "");
      if (!key) continue;
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
    }
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
  return { rows, problems, rowKeys, codeRows, lastBodyRow, end, notes };
}
