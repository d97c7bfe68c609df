/**
 * What the add-in changed in a WPS workbook, kept with the workbook so that 清除标记 restores the exact
 * original fills after the file was saved, closed and reopened.
 *
 * Where: one custom XML part (Workbook.CustomXMLParts, namespace STORE_NAMESPACE), saved inside the
 * .xlsx/.et file, invisible in the grid and not a sheet — so the engine never reads it as data, the user
 * cannot edit or delete it by accident, and sheet counts and positions stay the user's. Rejected: a very
 * hidden sheet (it is a sheet: it shifts sheet indices, travels with 移动或复制 and shows in the VBA
 * project), and Application.PluginStorage (per WPS process only — the typings say its data is not
 * persisted — so marks could not be cleared after reopening the file).
 * A host without CustomXMLParts keeps the store in memory for the session and the pane says so.
 */
import type { EtCustomXMLParts, EtWorkbook } from "./et";

export const STORE_NAMESPACE = "urn:juesuan:wps-marks:1";

/** A cell's fill as ET reports it: Interior.Pattern (xlNone = No Fill), Color and PatternColor as BGR. */
export interface EtFill {
  pattern: number;
  color: number;
  patternColor?: number;
}

export interface StoredMark {
  sheet: string;
  /** the sheet's CodeName when marked, to find it again after the tab was renamed */
  code?: string;
  /** A1, upper case, no "$" */
  address: string;
  /** the fill before the add-in first marked this cell */
  original: EtFill;
}

export interface WpsMarkStore {
  cells: StoredMark[];
  /** sheets the add-in created (the 说明 sheet): the only sheets it may write over */
  textSheets: string[];
}

function emptyStore(): WpsMarkStore {
  return { cells: [], textSheets: [] };
}

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const unescapeXml = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

function storeToXml(store: WpsMarkStore): string {
  const json = JSON.stringify({
    v: 1,
    c: store.cells.map((m) => [m.sheet, m.address, m.original.pattern, m.original.color, m.original.patternColor ?? null, m.code ?? null]),
    t: store.textSheets,
  });
  return `<?xml version="1.0" encoding="UTF-8"?><juesuan xmlns="${STORE_NAMESPACE}">${escapeXml(json)}</juesuan>`;
}

/** Tolerant: anything unreadable counts as "no previous marks" rather than blocking a check. */
function storeFromXml(xml: unknown): WpsMarkStore {
  const store = emptyStore();
  if (typeof xml !== "string") return store;
  const m = /<juesuan\b[^>]*>([\s\S]*)<\/juesuan>/.exec(xml);
  if (!m) return store;
  try {
    const data = JSON.parse(unescapeXml(m[1])) as { v?: unknown; c?: unknown; t?: unknown };
    if (data.v !== 1) return store;
    for (const row of Array.isArray(data.c) ? (data.c as unknown[]) : []) {
      if (!Array.isArray(row) || typeof row[0] !== "string" || typeof row[1] !== "string" || typeof row[2] !== "number" || typeof row[3] !== "number") continue;
      const original: EtFill = { pattern: row[2], color: row[3] };
      if (typeof row[4] === "number") original.patternColor = row[4];
      const mark: StoredMark = { sheet: row[0], address: row[1].toUpperCase(), original };
      if (typeof row[5] === "string" && row[5] !== "") mark.code = row[5];
      store.cells.push(mark);
    }
    for (const name of Array.isArray(data.t) ? (data.t as unknown[]) : []) if (typeof name === "string") store.textSheets.push(name);
  } catch {
    return emptyStore();
  }
  return store;
}

/** Reads and writes the store; falls back to memory when the host has no custom XML parts. */
export class StoreAccess {
  private memory: WpsMarkStore = emptyStore();
  /** the host refused custom XML parts: the store lives only as long as the pane */
  inMemory = false;

  load(workbook: EtWorkbook): WpsMarkStore {
    const parts = this.parts(workbook);
    if (!parts) return cloneStore(this.memory);
    const found = parts.SelectByNamespace(STORE_NAMESPACE);
    return found.Count > 0 ? storeFromXml(found.Item(1).XML) : emptyStore();
  }

  save(workbook: EtWorkbook, store: WpsMarkStore): void {
    const parts = this.parts(workbook);
    if (!parts) {
      this.memory = cloneStore(store);
      return;
    }
    const found = parts.SelectByNamespace(STORE_NAMESPACE);
    // Delete from the end: the collection renumbers as parts go.
    for (let i = found.Count; i >= 1; i--) found.Item(i).Delete();
    if (store.cells.length > 0 || store.textSheets.length > 0) parts.Add(storeToXml(store));
  }

  private parts(workbook: EtWorkbook): EtCustomXMLParts | undefined {
    if (this.inMemory) return undefined;
    try {
      const parts = workbook.CustomXMLParts;
      if (parts) return parts;
    } catch {
      /* older ET builds: no custom XML parts */
    }
    this.inMemory = true;
    return undefined;
  }
}

function cloneStore(store: WpsMarkStore): WpsMarkStore {
  return { cells: store.cells.map((c) => ({ ...c, original: { ...c.original } })), textSheets: [...store.textSheets] };
}
