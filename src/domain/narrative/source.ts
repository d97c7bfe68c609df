/** Looking figures up in recognized tables by the key vocabulary of model.ts. */
import { qualify } from "../address";
import type { AmountCell, RecognizedTable, TableKind, TableRow } from "../model";
import { keyedCell, keyedRow, type ColumnKey, type KeyedKind, type KindTable, type RowKey } from "../layouts/keys";
import { normalizeLabel } from "../text";
import type { Figure } from "./builder";

export function cellFigure(table: RecognizedTable, cell: AmountCell): Figure {
  const ref = qualify(table.sheet, cell.address);
  return { value: cell.displayed, unit: table.unit ?? "万元", sources: [ref], formula: `=${ref}` };
}

export class TableSource {
  constructor(readonly tables: readonly RecognizedTable[]) {}

  /** The table of a kind (the first one with data when a workbook holds several). */
  find<K extends TableKind>(kind: K): KindTable<K> | undefined {
    const all = this.tables.filter((t): t is KindTable<K> => t.kind === kind);
    return all.find((t) => !t.empty) ?? all[0];
  }

  all(kind: TableKind): RecognizedTable[] {
    return this.tables.filter((t) => t.kind === kind);
  }

  /** A cell by the keys its table's layout declares (a misspelt key does not compile). */
  figure<K extends KeyedKind>(table: KindTable<K> | undefined, key: RowKey<K>, column: ColumnKey<K>, group?: string): Figure | undefined {
    if (!table) return undefined;
    const cell = keyedCell(table, keyedRow(table, key, group), column);
    return cell ? cellFigure(table, cell) : undefined;
  }

  get<K extends KeyedKind>(kind: K, key: RowKey<K>, column: ColumnKey<K>, group?: string): Figure | undefined {
    return this.figure(this.find(kind), key, column, group);
  }

  /** The same row of last year's table: by key, else by code, else by label. */
  matching(kind: TableKind, row: TableRow, column: string): Figure | undefined {
    const table = this.find(kind);
    if (!table) return undefined;
    const found =
      table.rows.find((r) => r.key === row.key && r.group === row.group) ??
      (row.code ? table.rows.find((r) => r.code === row.code && r.group === row.group) : undefined) ??
      table.rows.find((r) => normalizeLabel(r.label) === normalizeLabel(row.label) && r.group === row.group);
    const cell = found?.cells[column];
    return cell ? cellFigure(table, cell) : undefined;
  }
}

/** Function-code rows of a table (类/款/项), in table order. */
export function codeRows(table: RecognizedTable): TableRow[] {
  return table.rows.filter((r) => r.code !== undefined && /^\d+$/.test(r.code));
}

/** Rows with no child code under them: the 项 (or the deepest level the table prints). */
export function leafRows(table: RecognizedTable): TableRow[] {
  const rows = codeRows(table);
  return rows.filter((r) => !rows.some((o) => o !== r && o.code!.length > r.code!.length && o.code!.startsWith(r.code!)));
}

export function isZero(figure: Figure | undefined): boolean {
  return !figure || figure.value.isZero();
}
