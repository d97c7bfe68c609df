/**
 * What the findings list shows, as plain data (no React): one entry per marked cell with every rule it
 * breaks (groupFindingsByCell, shared with the HTML report), entries grouped under the table of their
 * most severe finding — worst group first, then workbook order.
 */
import type { TableSummary } from "../domain/engine";
import type { CellFindingGroup } from "../domain/finding-groups";
import type { Severity } from "../domain/findings";
import { S } from "./strings";

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export interface TableFindingGroup {
  key: string;
  title: string;
  cells: CellFindingGroup[];
}

export function groupForPane(cells: readonly CellFindingGroup[], tables: readonly TableSummary[]): TableFindingGroup[] {
  const tableIndex = new Map(tables.map((t, i) => [t.id, i]));
  const groups = new Map<string, TableFindingGroup & { order: number; worst: number }>();
  for (const cell of cells) {
    const lead = cell.findings[0];
    const table = lead.table ? tables.find((t) => t.id === lead.table) : undefined;
    const key = table ? table.id : (lead.table ?? "");
    let group = groups.get(key);
    if (!group) {
      group = {
        key,
        title: table ? `${table.sheet} · ${S.kinds[table.kind] ?? table.title}` : (lead.table ?? S.finding.workbookGroup),
        cells: [],
        order: table ? (tableIndex.get(table.id) ?? tables.length) : tables.length + 1,
        worst: RANK[cell.severity],
      };
      groups.set(key, group);
    }
    group.cells.push(cell);
    group.worst = Math.min(group.worst, RANK[cell.severity]);
  }
  // Array.prototype.sort is stable: cells keep groupFindingsByCell's order (severity, then engine order).
  return [...groups.values()].sort((a, b) => a.worst - b.worst || a.order - b.order).map(({ key, title, cells: c }) => ({ key, title, cells: c }));
}
