/**
 * Qualified cell addresses ("收入决算表!D7", "'Sheet 1'!D7"): the one place that writes and reads them.
 * Inside the engine a cell stays a { sheet, address } pair; it is written as text only for the public
 * outputs (Finding.cells, provenance) and read back only where a host hands one over (Excel, the pane).
 */

/** A cell on a named sheet; `address` is A1, upper-case, without "$". */
export interface CellAddress {
  sheet: string;
  address: string;
}

/** Qualified reference as Excel writes it: 'Sheet 1'!B7 (quotes only when needed, ' doubled inside). */
const quotedCache = new Map<string, boolean>();

export function qualify(sheet: string, a1: string): string {
  // asked once per cell of every finding; a workbook has a handful of sheet names
  let needsQuotes = quotedCache.get(sheet);
  if (needsQuotes === undefined) {
    needsQuotes = !/^[A-Za-z_\u4e00-\u9fff][A-Za-z0-9_.\u4e00-\u9fff]*$/.test(sheet);
    if (quotedCache.size < 1024) quotedCache.set(sheet, needsQuotes);
  }
  return needsQuotes ? `'${sheet.replace(/'/g, "''")}'!${a1}` : `${sheet}!${a1}`;
}

export function formatAddress(cell: CellAddress): string {
  return qualify(cell.sheet, cell.address);
}

/** "'My Sheet'!B3:C4" → { sheet: "My Sheet", range: "B3:C4" }; an unqualified "B3" → { sheet: null, range: "B3" }. */
export function splitSheet(ref: string): { sheet: string | null; range: string } {
  const bang = ref.lastIndexOf("!");
  if (bang < 0) return { sheet: null, range: ref };
  let sheet = ref.slice(0, bang);
  if (sheet.length >= 2 && sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, range: ref.slice(bang + 1) };
}

/**
 * "'My Sheet'!$B$3" → { sheet: "My Sheet", address: "B3" }; a range yields its first cell ("C7:D9" → "C7").
 * null when there is no sheet or no A1 cell.
 */
export function parseAddress(ref: string): CellAddress | null {
  const { sheet, range } = splitSheet(ref);
  const address = range.split(":")[0].replace(/\$/g, "").toUpperCase();
  if (!sheet || !/^[A-Z]{1,3}\d+$/.test(address)) return null;
  return { sheet, address };
}
