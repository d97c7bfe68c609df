/** A header row of a 自评表 block: the first column of each key, found by its words. */
import type { SheetReader } from "./sheet-reader";

export interface HeaderRow<K extends string> {
  row: number;
  /** first column of each key (left to right) */
  cols: Map<K, number>;
  headers: Map<K, string>;
}

/** Header row inside [from, to] whose cells map to the wanted keys. */
export function findHeader<K extends string>(
  reader: SheetReader,
  from: number,
  to: number,
  keyOf: (norm: string) => K | null,
  accept: (keys: ReadonlySet<K>) => boolean,
): HeaderRow<K> | null {
  for (let r = from; r <= to; r++) {
    const cols = new Map<K, number>();
    const headers = new Map<K, string>();
    for (const { col, text, norm } of reader.rowTexts(r)) {
      const key = keyOf(norm);
      if (key && !cols.has(key)) {
        cols.set(key, col);
        headers.set(key, text.replace(/\s+/g, ""));
      }
    }
    if (accept(new Set(cols.keys()))) return { row: r, cols, headers };
  }
  return null;
}
