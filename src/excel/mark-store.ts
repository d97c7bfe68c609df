/**
 * What the add-in changed, kept inside the workbook so that 清除标记 restores the exact original fills
 * even after the file was saved, closed and reopened (or opened on another computer).
 *
 * Stored as one workbook setting (ExcelApi 1.4; saved with the file, private to this add-in) holding JSON.
 * A custom XML part was the other candidate, but reading one takes two round trips
 * (getByNamespace → getXml) where a setting is read in the same sync as everything else.
 */

export const STORE_KEY = "juesuan.marks.v1";

/**
 * A cell's fill as Excel reports it. No Fill reads back as colour "#FFFFFF" — the same as a white fill
 * (office-js #4900/#6218) — so the pattern ("None" = no fill) is what tells them apart.
 */
export interface FillRecord {
  pattern: string;
  color: string;
  patternColor?: string;
}

export interface StoredCell {
  /** worksheet id (survives renames) and name (fallback when the id is unknown on this host) */
  sheetId: string;
  sheet: string;
  address: string;
  /** fill before the add-in first marked this cell */
  original: FillRecord;
}

export interface MarkStore {
  version: 1;
  cells: StoredCell[];
}

export const EMPTY_STORE: MarkStore = { version: 1, cells: [] };

/** Compact JSON: { v:1, s:[{ i:id, n:name, c:[[address, pattern, color, patternColor?]] }] }. */
export function serializeStore(store: MarkStore): string {
  const bySheet = new Map<string, { i: string; n: string; c: (string | undefined)[][] }>();
  for (const cell of store.cells) {
    const key = `${cell.sheetId}\u0000${cell.sheet}`;
    let entry = bySheet.get(key);
    if (!entry) {
      entry = { i: cell.sheetId, n: cell.sheet, c: [] };
      bySheet.set(key, entry);
    }
    const row: (string | undefined)[] = [cell.address, cell.original.pattern, cell.original.color];
    if (cell.original.patternColor) row.push(cell.original.patternColor);
    entry.c.push(row);
  }
  return JSON.stringify({ v: 1, s: [...bySheet.values()] });
}

/** Tolerant: anything unreadable counts as "no previous marks" rather than blocking a new check. */
export function parseStore(raw: unknown): MarkStore {
  if (typeof raw !== "string" || raw === "") return { version: 1, cells: [] };
  try {
    const data = JSON.parse(raw) as { v?: unknown; s?: unknown };
    if (data.v !== 1 || !Array.isArray(data.s)) return { version: 1, cells: [] };
    const cells: StoredCell[] = [];
    for (const sheet of data.s as { i?: unknown; n?: unknown; c?: unknown }[]) {
      if (typeof sheet?.n !== "string" || !Array.isArray(sheet.c)) continue;
      for (const row of sheet.c as unknown[]) {
        if (!Array.isArray(row) || typeof row[0] !== "string" || typeof row[1] !== "string" || typeof row[2] !== "string") continue;
        const original: FillRecord = { pattern: row[1], color: row[2] };
        if (typeof row[3] === "string") original.patternColor = row[3];
        cells.push({ sheetId: typeof sheet.i === "string" ? sheet.i : "", sheet: sheet.n, address: row[0].toUpperCase(), original });
      }
    }
    return { version: 1, cells };
  } catch {
    return { version: 1, cells: [] };
  }
}
