/** Where a claim's indicator lives in the recognized tables (key vocabulary of model.ts). */
import { Decimal } from "../decimal";
import { qualify } from "../address";
import type { AmountCell, MoneyUnit, RecognizedTable, TableKind, TableRow } from "../model";
import type { Measure } from "./claims";
import { normalizeItemName } from "./vocabulary";
import { CORE_TABLES } from "../kinds";
import type { ColumnKey, KeyedKind, RowKey } from "../layouts/keys";
import type { THREE_PUBLIC_EXPENSES_KEYS } from "../layouts/three-public-expenses";

export interface TableValue {
  /** displayed value, in the table's unit */
  displayed: Decimal;
  /** exact stored value */
  exact: Decimal;
  unit: MoneyUnit;
  ref: string;
  /** "支出决算表 合计·基本支出" */
  where: string;
}

/** A cell of a core table by the keys its layout declares (a misspelt key does not compile). */
export type TablePath = { [K in KeyedKind]: readonly [kind: K, row: RowKey<K>, column: ColumnKey<K>, group?: string] }[KeyedKind];

const { T1, T2, T3, T4, T5, T6, T7, T8, T9 } = CORE_TABLES;

/** The expenditure tables whose coded rows a 类/款/项 chain names, in the order they are searched. */
const CHAIN_TABLES = [T5, T8, T9, T3] as const;
/** Columns every one of them has. */
type ChainColumn = ColumnKey<typeof T5> & ColumnKey<typeof T8> & ColumnKey<typeof T3>;
const T6_AMOUNT: ColumnKey<typeof T6> = "amount";

const ACTUAL: Record<string, readonly TablePath[]> = {
  "grand-total": [
    [T1, "grand-total", "amount", "income"],
    [T1, "grand-total", "amount", "expenditure"],
    // 收、支总计 is used loosely for 本年收入合计 / 本年支出合计: accept either reading
    [T1, "total-this-year", "amount", "income"],
    [T1, "total-this-year", "amount", "expenditure"],
  ],
  "fiscal-grand-total": [
    [T4, "grand-total", "amount", "income"],
    [T4, "grand-total", "total", "expenditure"],
  ],
  "income-total": [
    [T2, "total", "total"],
    [T1, "total-this-year", "amount", "income"],
  ],
  "expenditure-total": [
    [T3, "total", "total"],
    [T1, "total-this-year", "amount", "expenditure"],
  ],
  "fiscal-income": [
    [T2, "total", "fiscal"],
    [T1, "fiscal", "amount", "income"],
    [T4, "total-this-year", "amount", "income"],
  ],
  "general-budget-income": [
    [T1, "general-budget", "amount", "income"],
    [T4, "general-budget", "amount", "income"],
  ],
  "government-fund-income": [
    [T1, "government-fund", "amount", "income"],
    [T4, "government-fund", "amount", "income"],
    [T8, "total", "income"],
  ],
  "state-capital-income": [
    [T1, "state-capital", "amount", "income"],
    [T4, "state-capital", "amount", "income"],
    [T9, "total", "income"],
  ],
  "superior-subsidy": [
    [T2, "total", "superior-subsidy"],
    [T1, "superior-subsidy", "amount", "income"],
  ],
  "business-income": [
    [T2, "total", "business"],
    [T1, "business", "amount", "income"],
  ],
  "operating-income": [
    [T2, "total", "operating"],
    [T1, "operating", "amount", "income"],
  ],
  "affiliated-income": [
    [T2, "total", "affiliated"],
    [T1, "affiliated", "amount", "income"],
  ],
  "other-income": [
    [T2, "total", "other"],
    [T1, "other", "amount", "income"],
  ],
  "non-fiscal-balance-used": [[T1, "non-fiscal-balance-used", "amount", "income"]],
  "opening-balance": [[T1, "opening-balance", "amount", "income"]],
  "closing-balance": [[T1, "closing-balance", "amount", "expenditure"]],
  basic: [
    [T3, "total", "basic"],
    [T5, "total", "basic"],
  ],
  project: [
    [T3, "total", "project"],
    [T5, "total", "project"],
  ],
  "to-superior": [[T3, "total", "to-superior"]],
  "operating-expenditure": [[T3, "total", "operating"]],
  "to-affiliated": [[T3, "total", "to-affiliated"]],
  "general-budget-expenditure": [
    [T5, "total", "total"],
    [T4, "total-this-year", "general-budget", "expenditure"],
  ],
  "general-budget:basic": [[T5, "total", "basic"]],
  "general-budget:project": [[T5, "total", "project"]],
  "government-fund:basic": [[T8, "total", "basic"]],
  "government-fund:project": [[T8, "total", "project"]],
  "state-capital:basic": [[T9, "total", "basic"]],
  "state-capital:project": [[T9, "total", "project"]],
  "government-fund-expenditure": [
    [T8, "total", "total"],
    [T4, "total-this-year", "government-fund", "expenditure"],
  ],
  "state-capital-expenditure": [
    [T9, "total", "total"],
    [T4, "total-this-year", "state-capital", "expenditure"],
  ],
  personnel: [[T6, "personnel-total", "amount"]],
  public: [[T6, "public-total", "amount"]],
};

const THREE_PUBLIC_ITEMS: Record<string, (typeof THREE_PUBLIC_EXPENSES_KEYS)["items"][number]> = {
  "three-public": "total",
  "general-budget:three-public": "total",
  abroad: "abroad",
  vehicle: "vehicle",
  "vehicle-purchase": "vehicle-purchase",
  "vehicle-operation": "vehicle-operation",
  reception: "reception",
};

export const ECONOMIC_CLASSES: readonly { code: string; names: readonly string[] }[] = [
  { code: "301", names: ["工资福利支出"] },
  { code: "302", names: ["商品和服务支出"] },
  { code: "303", names: ["对个人和家庭的补助", "对个人和家庭补助", "对个人和家庭的补助支出", "对个人和家庭补助支出"] },
  { code: "310", names: ["资本性支出"] },
];

export class TableLookup {
  readonly unit: MoneyUnit | null;
  readonly year: number | null;

  constructor(readonly tables: readonly RecognizedTable[]) {
    const main = tables.find((t) => t.kind === T1) ?? tables.find((t) => t.unit !== null);
    this.unit = main?.unit ?? null;
    this.year = (tables.find((t) => t.kind === T1) ?? tables.find((t) => t.year !== null))?.year ?? null;
  }

  table(kind: TableKind): RecognizedTable | undefined {
    const all = this.tables.filter((t) => t.kind === kind);
    return all.find((t) => !t.empty) ?? all[0];
  }

  private value(table: RecognizedTable, row: TableRow, cell: AmountCell, column: string): TableValue {
    return {
      displayed: cell.displayed,
      exact: cell.value,
      unit: table.unit ?? "万元",
      ref: qualify(table.sheet, cell.address),
      where: `${table.title} ${row.label}·${table.columns.find((c) => c.key === column)?.header ?? column}`,
    };
  }

  private path([kind, rowKey, column, group]: TablePath): TableValue | undefined {
    const table = this.table(kind);
    const row = table?.rows.find((r) => r.key === rowKey && (group === undefined || r.group === group));
    const cell = row?.cells[column];
    return table && row && cell ? this.value(table, row, cell, column) : undefined;
  }

  /** Candidate cells for an indicator key and measure (empty when the tables do not carry it). */
  candidates(key: string, measure: Measure): TableValue[] {
    if (key in THREE_PUBLIC_ITEMS) {
      if (measure !== "actual" && measure !== "budget") return [];
      const item = THREE_PUBLIC_ITEMS[key];
      const found = this.path([T7, "data", `${item}.${measure}` as const]);
      return found ? [found] : [];
    }
    if (measure === "budget") {
      if (key === "general-budget-expenditure") {
        const found = this.path([T5, "total", "initial-budget"]);
        return found ? [found] : [];
      }
      return [];
    }
    if (measure !== "actual") return [];
    return (ACTUAL[key] ?? []).map((p) => this.path(p)).filter((v): v is TableValue => !!v);
  }

  /** The row a 类/款/项 chain names, in T5 (then T8, T9, T3). */
  chain(names: readonly string[], measure: Measure): TableValue[] {
    const column: ColumnKey<typeof T5> | null = measure === "budget" ? "initial-budget" : measure === "actual" ? "total" : null;
    if (!column) return [];
    const found = this.chainRow(names);
    const cell = found?.row.cells[column];
    return found && cell ? [this.value(found.table, found.row, cell, column)] : [];
  }

  /** 基本支出 / 项目支出 of the row a chain names, when its table splits them. */
  chainSplit(names: readonly string[]): { basic: TableValue; project: TableValue; label: string } | undefined {
    const found = this.chainRow(names);
    if (!found) return undefined;
    const { table, row } = found;
    const [basicKey, projectKey]: ChainColumn[] = ["basic", "project"];
    const basic = row.cells[basicKey];
    const project = row.cells[projectKey];
    if (!basic || !project) return undefined;
    return { basic: this.value(table, row, basic, basicKey), project: this.value(table, row, project, projectKey), label: row.label };
  }

  /** Names of the coded rows (类/款/项) of the expenditure tables, with their level. */
  codedLabels(): { label: string; level: TableRow["level"] }[] {
    const out: { label: string; level: TableRow["level"] }[] = [];
    for (const kind of CHAIN_TABLES) {
      for (const row of this.table(kind)?.rows ?? []) if (row.code) out.push({ label: row.label, level: row.level });
    }
    return out;
  }

  private chainRow(names: readonly string[]): { table: RecognizedTable; row: TableRow } | undefined {
    for (const kind of CHAIN_TABLES) {
      const table = this.table(kind);
      if (!table) continue;
      const coded = table.rows.filter((r) => r.code);
      const last = normalizeItemName(names[names.length - 1]);
      const matches = coded.filter((r) => {
        if (normalizeItemName(r.label) !== last) return false;
        // earlier names must be the row's ancestors
        return names.slice(0, -1).every((n) => coded.some((a) => r.code!.startsWith(a.code!) && a.code!.length < r.code!.length && normalizeItemName(a.label) === normalizeItemName(n)));
      });
      if (matches.length !== 1) continue;
      return { table, row: matches[0] };
    }
    return undefined;
  }

  /** Coded rows (T5, T6, T3) whose printed name ends the words before a number ("住房公积金3.58元"). */
  byLabel(segment: string): TableValue[] {
    const words = normalizeItemName(segment.replace(/[\s□]/g, "").replace(/(?:支出)?(?:决算数?|预算数?)?(?:为|是|共|合计)?$/, ""));
    if (words.length < 3) return [];
    const found: TableValue[] = [];
    for (const kind of [T5, T6, T3] as TableKind[]) {
      const table = this.table(kind);
      if (!table) continue;
      for (const row of table.rows) {
        const label = normalizeItemName(row.label);
        const column = kind === T6 ? T6_AMOUNT : ("total" satisfies ColumnKey<typeof T5> & ColumnKey<typeof T3>);
        if (!row.code || label.length < 3 || !words.endsWith(label) || !row.cells[column]) continue;
        found.push(this.value(table, row, row.cells[column], column));
      }
    }
    return found;
  }

  /** T6 款 rows of a group or of an economic class, in table order, with their displayed amounts. */
  economicItems(scope: { group?: "personnel" | "public"; classCode?: string }): { name: string; zero: boolean }[] | undefined {
    const t6 = this.table(T6);
    if (!t6) return undefined;
    const rows = t6.rows.filter(
      (r) =>
        r.code &&
        /^\d{5}$/.test(r.code) &&
        r.cells[T6_AMOUNT] &&
        (scope.group === undefined || r.group === scope.group) &&
        (scope.classCode === undefined || r.code.startsWith(scope.classCode)),
    );
    if (rows.length === 0) return undefined;
    return rows.map((r) => ({ name: r.label, zero: r.cells[T6_AMOUNT].displayed.isZero() }));
  }
}
