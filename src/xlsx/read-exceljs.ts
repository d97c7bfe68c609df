/**
 * .xlsx → WorkbookSnapshot through ExcelJS: the reader the project used before ooxml-reader.ts. Kept
 * as the reference the differential test (test/xlsx/differential.test.ts) and the benchmark compare
 * the fast reader with; the product reads through read-workbook.ts. Displayed text is computed from
 * the stored value and its number format (ExcelJS keeps raw values).
 */
import ExcelJS from "exceljs";
import type { CellSnapshot, RangeBox, SheetSnapshot, WorkbookSnapshot } from "../domain/grid";
import { a1ToBox } from "../domain/grid";
import { formatNumber } from "../domain/number-format";

/** Parses with ExcelJS and converts its document model; throws ExcelJS's own errors. */
export async function readWorkbookBufferExcelJS(bytes: Uint8Array, fileName?: string): Promise<WorkbookSnapshot> {
  const workbook = new ExcelJS.Workbook();
  // ExcelJS accepts Buffer in node and ArrayBuffer in the browser.
  const input: unknown = typeof Buffer !== "undefined" ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) : bytes.buffer;
  await workbook.xlsx.load(input as ArrayBuffer);
  return snapshotFromExcelJS(workbook, fileName);
}

/** Raw value and formula of an ExcelJS cell value, whatever its shape. */
function unwrap(value: ExcelJS.CellValue): { v: CellSnapshot["v"]; formula?: string; error?: boolean; text?: string } {
  if (value === null || value === undefined) return { v: null };
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return { v: value };
  if (value instanceof Date) return { v: value.toISOString().slice(0, 10), text: value.toISOString().slice(0, 10) };
  const o = value as unknown as Record<string, unknown>;
  if ("error" in o) return { v: String(o.error), error: true };
  if ("richText" in o && Array.isArray(o.richText)) return { v: (o.richText as { text: string }[]).map((r) => r.text).join("") };
  if ("formula" in o || "sharedFormula" in o) {
    const inner = unwrap((o.result ?? null) as ExcelJS.CellValue);
    return { ...inner, formula: String(o.formula ?? o.sharedFormula) };
  }
  if ("text" in o) return { v: String(o.text) };
  return { v: String(value) };
}

export function snapshotFromExcelJS(workbook: ExcelJS.Workbook, fileName?: string): WorkbookSnapshot {
  const sheets: SheetSnapshot[] = [];
  workbook.worksheets.forEach((ws, index) => sheets.push(sheetSnapshot(ws, index)));
  return { fileName, sheets };
}

function sheetSnapshot(ws: ExcelJS.Worksheet, index: number): SheetSnapshot {
  const cells: (CellSnapshot | null | undefined)[][] = [];
  let rowCount = 0;
  let colCount = 0;
  const hiddenRows: number[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    if (row.hidden) hiddenRows.push(r);
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      // Merged slave cells repeat the master's value in ExcelJS; Excel shows them blank.
      if (cell.isMerged && cell.master !== cell) return;
      const c = colNumber - 1;
      const { v, formula, error, text } = unwrap(cell.value);
      if (v === null && !formula) return;
      const f = cell.numFmt || undefined;
      const t = text ?? (typeof v === "number" ? formatNumber(v, f) : v === null ? "" : String(v));
      const snap: CellSnapshot = { v, t };
      if (f && f !== "General") snap.f = f;
      if (formula) snap.formula = formula;
      if (error) snap.error = true;
      (cells[r] ??= [])[c] = snap;
      rowCount = Math.max(rowCount, r + 1);
      colCount = Math.max(colCount, c + 1);
    });
  });
  const hiddenCols: number[] = [];
  (ws.columns ?? []).forEach((col, i) => {
    if (col && col.hidden) hiddenCols.push(i);
  });
  const merges: RangeBox[] = [];
  const model = ws.model as unknown as { merges?: string[] };
  for (const m of model.merges ?? []) {
    try {
      merges.push(a1ToBox(m));
    } catch {
      /* a malformed merge reference is ignored: it only affects header spans */
    }
  }
  for (let r = 0; r < rowCount; r++) cells[r] ??= [];
  return {
    name: ws.name,
    index,
    cells,
    rowCount,
    colCount,
    merges,
    hiddenRows,
    hiddenCols,
    hidden: ws.state === "hidden" || ws.state === "veryHidden",
    protected: !!(ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet,
  };
}
