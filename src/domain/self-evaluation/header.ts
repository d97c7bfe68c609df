/** A header row of a 自评表 block: the first column of each key, found by its words. */
import type { SheetReader } from "./sheet-reader";

export interface HeaderRow<K extends string> {
  row: number;
  /** last row of the header: `row`, or the row below it when the header is printed on two rows */
  last: number;
  /** first column of each key (left to right) */
  cols: Map<K, number>;
  headers: Map<K, string>;
}

export interface HeaderOptions<K extends string> {
  /** a later cell of the same key replaces the first one (a specific "调整后预算数" over a block label "年度预算数（万元）") */
  prefer?(key: K, current: string, candidate: string): boolean;
  /**
   * the header may continue on the next row (Yunnan: 绩效指标 | 年度指标值 | 分值 | 得分 over 一级 | 二级 | 三级 | 指标性质 | 指标值 | 度量单位):
   * keys of the lower row win, the upper row fills the rest
   */
  twoRows?: boolean;
}

function keysOfRow<K extends string>(reader: SheetReader, r: number, keyOf: (norm: string) => K | null, opts: HeaderOptions<K>): { cols: Map<K, number>; headers: Map<K, string> } {
  const cols = new Map<K, number>();
  const headers = new Map<K, string>();
  for (const { col, text, norm } of reader.rowTexts(r)) {
    const key = keyOf(norm);
    if (!key) continue;
    const flat = text.replace(/\s+/g, "");
    if (!cols.has(key) || opts.prefer?.(key, headers.get(key) ?? "", flat)) {
      cols.set(key, col);
      headers.set(key, flat);
    }
  }
  return { cols, headers };
}

/** Header row inside [from, to] whose cells map to the wanted keys. */
export function findHeader<K extends string>(
  reader: SheetReader,
  from: number,
  to: number,
  keyOf: (norm: string) => K | null,
  accept: (keys: ReadonlySet<K>) => boolean,
  opts: HeaderOptions<K> = {},
): HeaderRow<K> | null {
  for (let r = from; r <= to; r++) {
    const { cols, headers } = keysOfRow(reader, r, keyOf, opts);
    if (accept(new Set(cols.keys()))) return { row: r, last: r, cols, headers };
    if (!opts.twoRows || r + 1 > to || cols.size < 2) continue;
    const lower = keysOfRow(reader, r + 1, keyOf, opts);
    if (lower.cols.size < 2) continue;
    const both = new Map(lower.cols);
    const bothHeaders = new Map(lower.headers);
    for (const [key, col] of cols) {
      if (both.has(key)) continue;
      both.set(key, col);
      bothHeaders.set(key, headers.get(key) ?? "");
    }
    if (accept(new Set(both.keys()))) {
      // left to right, like a one-row header
      const order = [...both.entries()].sort((a, b) => a[1] - b[1]);
      return { row: r, last: r + 1, cols: new Map(order), headers: new Map(order.map(([k]) => [k, bothHeaders.get(k) ?? ""])) };
    }
  }
  return null;
}
