/** The 项目资金 / 部门(单位)总体资金 block of a 自评表: fund rows, the 执行率 columns and the 原因 cell. */
import { Decimal } from "../decimal";
import type { AmountCell, EvaluationModel, TableRow, TextCell } from "../model";
import { normalizeLabel, stripOrdinal } from "../text";
import type { HeaderRow } from "./header";
import type { SheetReader } from "./sheet-reader";
import { FUND_ROW_LABELS, fundRowKey, indicatorColumnKey, isSectionLabel, splitWeightLabel, textKey, type FundColumnKey } from "./vocabulary";

export interface FundsBlock {
  rows: TableRow[];
  lastRow: number;
  reason?: TextCell;
}

const AMOUNT_KEYS: FundColumnKey[] = ["initial-budget", "annual-budget", "executed", "weight", "rate", "score"];

export function readFunds(reader: SheetReader, header: HeaderRow<FundColumnKey>, limit: number): FundsBlock {
  const valueCols = AMOUNT_KEYS.filter((k) => header.cols.has(k)).map((k) => header.cols.get(k) as number);
  const firstValueCol = Math.min(...valueCols, header.cols.get("reason") ?? Infinity);
  const rows: TableRow[] = [];
  let lastRow = header.row;
  let reason: TextCell | undefined;
  let blanks = 0;
  for (let r = header.row + 1; r <= limit; r++) {
    const label = fundLabel(reader, r, firstValueCol, header.row);
    if (reader.rowTexts(r).some((t) => isSectionLabel(t.norm) || textKey(t.norm))) break;
    if (label && indicatorColumnKey(label.norm) === "level1") break; // the indicator header itself
    const hasValue = valueCols.some((c) => reader.ownText(r, c) !== "");
    if (!label && !hasValue) {
      if (++blanks > 2) break;
      continue;
    }
    blanks = 0;
    const key = label ? fundRowKey(label.norm) : rows.length === 0 ? "total" : null;
    if (!key && !hasValue) break; // a labelled row without amounts: the block is over
    const cells: Record<string, AmountCell> = {};
    for (const k of AMOUNT_KEYS) {
      const col = header.cols.get(k);
      if (col === undefined) continue;
      const headerText = normalizeLabel(header.headers.get(k) ?? "");
      cells[k] = reader.amountCell(r, col, { percentHeader: k === "rate" && /%/.test(headerText), rateColumn: k === "rate" });
    }
    const labelText = label ? stripOrdinal(label.text).replace(/^其中[:：]?/, "") : "";
    const finalKey = key ?? `label:${labelText}`;
    rows.push({
      key: finalKey,
      label: labelText || (key ? FUND_ROW_LABELS[key] : ""),
      ...(finalKey === "total" ? { level: "total" as const } : {}),
      group: "funds",
      row: r,
      labelCell: label ? reader.textCell(r, label.col, label.text) : reader.textCell(r, Math.max(0, firstValueCol - 1), ""),
      cells,
    });
    const reasonCol = header.cols.get("reason");
    if (reasonCol !== undefined && !reason) {
      const text = reader.text(r, reasonCol);
      if (finalKey === "total" || text) reason = reader.textCell(r, reasonCol, text);
    }
    lastRow = r;
  }
  return { rows, lastRow, ...(reason ? { reason } : {}) };
}

/** The row label: the rightmost own text left of the amounts, skipping the block's label (a merge opened in the header row). */
function fundLabel(reader: SheetReader, row: number, firstValueCol: number, headerRow: number): { col: number; text: string; norm: string } | null {
  for (let c = Math.min(firstValueCol, reader.colCount) - 1; c >= 0; c--) {
    const m = reader.mergeAt(row, c);
    if (m && m.top <= headerRow) continue;
    const text = reader.ownText(row, c);
    if (!text) continue;
    const norm = normalizeLabel(text);
    if (/资金.*万元|总体资金|^项目资金|^预算执行情况|^资金来源/.test(norm) && !fundRowKey(norm)) continue;
    return { col: c, text: text.replace(/\s+/g, ""), norm };
  }
  return null;
}

/** "分值(10分)" in the 资金 header, or "预算执行情况(10分)" beside it. */
export function executionWeightLabel(reader: SheetReader, header: HeaderRow<FundColumnKey>): Pick<EvaluationModel, "executionWeightLabel"> {
  const candidates: { col: number; text: string }[] = [];
  const weightCol = header.cols.get("weight");
  if (weightCol !== undefined) candidates.push({ col: weightCol, text: header.headers.get("weight") ?? "" });
  for (const t of reader.rowTexts(header.row)) if (/预算执行|资金/.test(t.norm)) candidates.push({ col: t.col, text: t.text });
  for (const c of candidates) {
    const { name, weight } = splitWeightLabel(c.text);
    if (weight) {
      return { executionWeightLabel: { name, stated: new Decimal(weight), cell: reader.textCell(header.row, c.col, c.text), source: "label" } };
    }
  }
  return {};
}
