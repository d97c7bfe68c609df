/**
 * The identity catalogue (listed in docs/rules.md), declared once, as data, in the 审核公式 style
 * "左 = 右". The evaluator (engine.ts) reads these declarations; no identity has its own loop.
 * Hard identities are errors when broken beyond rounding; soft ones are warnings.
 */
import type { TableKind } from "../../model";
import type { ColumnKey, KeyedKind, RowKey } from "../../layouts/keys";
import { CORE_TABLES } from "../../kinds";

type Level = "class" | "section" | "item";

/** One cell: the row with this key (in this group) and this column (the evaluator's view; declarations are typed below). */
export interface CellRef {
  table?: TableKind;
  row: string;
  col: string;
  group?: string;
  sign?: 1 | -1;
  /** the identity is skipped when this cell is not printed (instead of reading it as 0) */
  required?: boolean;
}

/** Several rows of one column: by keys, or the top-level code rows under some prefixes, or every row of a level. */
export interface RowsRef {
  table?: TableKind;
  rows: { keys?: readonly string[]; level?: Level; group?: string; codePrefixes?: readonly string[] };
  col: string;
  sign?: 1 | -1;
}

export type Term = CellRef | RowsRef;

interface Base {
  id: string;
  /** the identity in the 左 = 右 form a reviewer reads */
  statement: string;
  /** hard identities are errors when broken beyond rounding; soft ones (≥ plausibility checks) warnings */
  severity: "error" | "warning";
  /** the table whose cell is marked */
  kind: TableKind;
}

/** left (=, ≥) Σ right, once per table (or pair of tables when a term names another table). */
export interface SumIdentity extends Base {
  form: "sum";
  left: CellRef;
  right: readonly Term[];
  relation?: "=" | ">=";
  /** a second accepted right side (a regional 口径): no finding when the left equals either */
  alternative?: readonly Term[];
}

/** On every row (optionally of one group / some keys): column `left` = Σ columns `right`. */
export interface RowIdentity extends Base {
  form: "each-row";
  left: string;
  right: readonly string[];
  group?: string;
  /** signs of the right columns (default +) */
  signs?: readonly (1 | -1)[];
}

/** 合计 = Σ 类, 类 = Σ 款, 款 = Σ 项 on every amount column, by code. */
export interface HierarchyIdentity extends Base {
  form: "hierarchy";
}

/** Rows with the same code in two tables agree (or the left is ≥ the right). */
export interface ByCodeIdentity extends Base {
  form: "by-code";
  left: { col: string; group?: string; level?: Level };
  other: TableKind;
  right: { col: string; group?: string };
  relation?: "=" | ">=";
}

export type Identity = SumIdentity | RowIdentity | HierarchyIdentity | ByCodeIdentity;

/* Declarations are checked against the keys each layout declares (keys.ts): a cell of the home table K
   uses K's keys; a cell of another table names it and uses its keys. A renamed key is a compile error here. */
interface CellKeys<K extends KeyedKind> {
  row: RowKey<K>;
  col: ColumnKey<K>;
  group?: string;
  sign?: 1 | -1;
  required?: boolean;
}
type CellOf<K extends KeyedKind> = CellKeys<K> & { table?: undefined };
type OtherCell = { [T in KeyedKind]: CellKeys<T> & { table: T } }[KeyedKind];
interface RowsKeys<K extends KeyedKind> {
  rows: { keys?: readonly RowKey<K>[]; level?: Level; group?: string; codePrefixes?: readonly string[] };
  col: ColumnKey<K>;
  sign?: 1 | -1;
}
type RowsOf<K extends KeyedKind> = RowsKeys<K> & { table?: undefined };
type OtherRows = { [T in KeyedKind]: RowsKeys<T> & { table: T } }[KeyedKind];
type TermOf<K extends KeyedKind> = CellOf<K> | OtherCell | RowsOf<K> | OtherRows;

interface Declared<K extends KeyedKind> {
  id: string;
  statement: string;
  severity: "error" | "warning";
  kind: K;
}
type DeclaredOn<K extends KeyedKind> =
  | (Declared<K> & { form: "sum"; left: CellOf<K>; right: readonly TermOf<K>[]; relation?: "=" | ">="; alternative?: readonly TermOf<K>[] })
  | (Declared<K> & { form: "each-row"; left: ColumnKey<K>; right: readonly ColumnKey<K>[]; group?: string; signs?: readonly (1 | -1)[] })
  | (Declared<K> & { form: "hierarchy" })
  | {
      [T in KeyedKind]: Declared<K> & {
        form: "by-code";
        left: { col: ColumnKey<K>; group?: string; level?: Level };
        other: T;
        right: { col: ColumnKey<T>; group?: string };
        relation?: "=" | ">=";
      };
    }[KeyedKind];

/** An identity as declared: its cells named by the keys the layouts declare. */
export type DeclaredIdentity = { [K in KeyedKind]: DeclaredOn<K> }[KeyedKind];

const { T1, T2, T3, T4, T5, T6, T7, T8, T9 } = CORE_TABLES;

const INCOME_SOURCES = ["general-budget", "government-fund", "state-capital", "fiscal", "superior-subsidy", "business", "operating", "affiliated", "other"] as const;
const FUNDS = ["general-budget", "government-fund", "state-capital"] as const;
const FUND_NAMES: Record<(typeof FUNDS)[number], string> = { "general-budget": "一般公共预算", "government-fund": "政府性基金", "state-capital": "国有资本经营" };
const T4_COLUMNS = ["total", ...FUNDS] as const;

/** A cell of the 收入 side (column "amount"), of the home table or of `table`. */
function inc<R extends string>(row: R): { table: undefined; row: R; col: "amount"; group: string };
function inc<R extends string, T extends KeyedKind>(row: R, table: T): { table: T; row: R; col: "amount"; group: string };
function inc(row: string, table?: KeyedKind) {
  return { table, row, col: "amount", group: "income" };
}

/** A cell of the 支出 side, of the home table or of `table`. */
function exp<R extends string>(row: R): { table: undefined; row: R; col: "amount"; group: string };
function exp<R extends string, C extends string>(row: R, col: C): { table: undefined; row: R; col: C; group: string };
function exp<R extends string, C extends string, T extends KeyedKind>(row: R, col: C, table: T): { table: T; row: R; col: C; group: string };
function exp(row: string, col = "amount", table?: KeyedKind) {
  return { table, row, col, group: "expenditure" };
}

/** A cell of the 合计 row of the 政府性基金 or the 国有资本经营 table (one layout, the same keys). */
function fundTotal(table: typeof T8 | typeof T9, col: ColumnKey<typeof T8>): OtherCell {
  return table === T8 ? { table, row: "total", col } : { table, row: "total", col };
}

function fundTable(kind: typeof T8 | typeof T9, id: "T8" | "T9"): DeclaredIdentity[] {
  return [
    { id: `${id}.1`, kind, form: "each-row", severity: "error", statement: "每行：本年支出合计 = 基本支出 + 项目支出", left: "total", right: ["basic", "project"] },
    {
      id: `${id}.2`,
      kind,
      form: "each-row",
      severity: "error",
      statement: "年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出",
      left: "closing-balance",
      right: ["opening-balance", "income", "total"],
      signs: [1, 1, -1],
    },
    { id: `${id}.3`, kind, form: "hierarchy", severity: "error", statement: "合计 = Σ 类，类 = Σ 款，款 = Σ 项（每个金额列）" },
  ];
}

export const IDENTITIES: readonly DeclaredIdentity[] = [
  // T1 收入支出决算总表
  { id: "T1.1", kind: T1, form: "sum", severity: "error", statement: "本年收入合计 = 收入各项（一…八）之和", left: inc("total-this-year"), right: [{ rows: { keys: INCOME_SOURCES, group: "income" }, col: "amount" }] },
  { id: "T1.2", kind: T1, form: "sum", severity: "error", statement: "本年支出合计 = 各功能分类类级支出之和", left: exp("total-this-year"), right: [{ rows: { level: "class", group: "expenditure" }, col: "amount" }] },
  { id: "T1.3", kind: T1, form: "sum", severity: "error", statement: "收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余", left: inc("grand-total"), right: [inc("total-this-year"), inc("non-fiscal-balance-used"), inc("opening-balance")] },
  { id: "T1.4", kind: T1, form: "sum", severity: "error", statement: "支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余", left: exp("grand-total"), right: [exp("total-this-year"), exp("balance-distribution"), exp("closing-balance")] },
  { id: "T1.5", kind: T1, form: "sum", severity: "error", statement: "收入总计 = 支出总计", left: inc("grand-total"), right: [exp("grand-total")] },
  // T2 收入决算表
  { id: "T2.1", kind: T2, form: "each-row", severity: "error", statement: "每行：本年收入合计 = 财政拨款收入 + 上级补助收入 + 事业收入 + 经营收入 + 附属单位上缴收入 + 其他收入", left: "total", right: ["fiscal", "superior-subsidy", "business", "operating", "affiliated", "other"] },
  { id: "T2.2", kind: T2, form: "hierarchy", severity: "error", statement: "合计 = Σ 类，类 = Σ 款，款 = Σ 项（每个金额列）" },
  // T3 支出决算表
  { id: "T3.1", kind: T3, form: "each-row", severity: "error", statement: "每行：本年支出合计 = 基本支出 + 项目支出 + 上缴上级支出 + 经营支出 + 对附属单位补助支出", left: "total", right: ["basic", "project", "to-superior", "operating", "to-affiliated"] },
  { id: "T3.2", kind: T3, form: "hierarchy", severity: "error", statement: "合计 = Σ 类，类 = Σ 款，款 = Σ 项（每个金额列）" },
  // T4 财政拨款收入支出决算总表
  { id: "T4.1", kind: T4, form: "each-row", severity: "error", group: "expenditure", statement: "支出每行：合计 = 一般公共预算财政拨款 + 政府性基金预算财政拨款 + 国有资本经营预算财政拨款", left: "total", right: [...FUNDS] },
  { id: "T4.2", kind: T4, form: "sum", severity: "error", statement: "本年收入合计 = 一般公共预算 + 政府性基金预算 + 国有资本经营预算财政拨款", left: inc("total-this-year"), right: FUNDS.map((f) => inc(f)) },
  { id: "T4.3", kind: T4, form: "sum", severity: "error", statement: "年初财政拨款结转和结余 = 其下三类资金之和", left: inc("opening-balance"), right: FUNDS.map((f) => inc(`opening-${f}` as const)) },
  { id: "T4.4", kind: T4, form: "sum", severity: "error", statement: "收入总计 = 本年收入合计 + 年初财政拨款结转和结余", left: inc("grand-total"), right: [inc("total-this-year"), inc("opening-balance")] },
  ...T4_COLUMNS.map(
    (col): DeclaredIdentity => ({ id: "T4.5", kind: T4, form: "sum", severity: "error", statement: "支出总计 = 本年支出合计 + 年末财政拨款结转和结余（每列）", left: exp("grand-total", col), right: [exp("total-this-year", col), exp("closing-balance", col)] }),
  ),
  { id: "T4.6", kind: T4, form: "sum", severity: "error", statement: "收入总计 = 支出总计", left: inc("grand-total"), right: [exp("grand-total", "total")] },
  ...FUNDS.map(
    (f): DeclaredIdentity => ({
      id: "T4.7",
      kind: T4,
      form: "sum",
      severity: "error",
      statement: `${FUND_NAMES[f]}：年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出`,
      left: exp("closing-balance", f),
      right: [{ ...inc(`opening-${f}` as const), required: true }, inc(f), { ...exp("total-this-year", f), sign: -1 }],
    }),
  ),
  ...T4_COLUMNS.map(
    (col): DeclaredIdentity => ({ id: "T4.8", kind: T4, form: "sum", severity: "error", statement: "本年支出合计 = 各功能分类类级支出之和（每列）", left: exp("total-this-year", col), right: [{ rows: { level: "class", group: "expenditure" }, col }] }),
  ),
  // T5 一般公共预算财政拨款支出决算表
  { id: "T5.1", kind: T5, form: "each-row", severity: "error", statement: "每行：合计 = 基本支出 + 项目支出", left: "total", right: ["basic", "project"] },
  { id: "T5.2", kind: T5, form: "hierarchy", severity: "error", statement: "合计 = Σ 类，类 = Σ 款，款 = Σ 项（每个金额列）" },
  // T6 基本支出
  { id: "T6.1", kind: T6, form: "hierarchy", severity: "error", statement: "经济分类 类 = Σ 其下各款" },
  { id: "T6.2", kind: T6, form: "sum", severity: "error", statement: "人员经费合计 = 工资福利支出(301) + 对个人和家庭的补助(303)", left: { row: "personnel-total", col: "amount" }, right: [{ rows: { codePrefixes: ["301", "303"] }, col: "amount" }] },
  { id: "T6.3", kind: T6, form: "sum", severity: "error", statement: "公用经费合计 = 商品和服务支出(302) + 资本性支出(310)（及 307/309/399）", left: { row: "public-total", col: "amount" }, right: [{ rows: { codePrefixes: ["302", "307", "309", "310", "399"] }, col: "amount" }] },
  // T7 三公
  ...(["budget", "actual"] as const).flatMap((m): DeclaredIdentity[] => [
    { id: "T7.1", kind: T7, form: "sum", severity: "error", statement: `公务用车购置及运行费（${m === "budget" ? "预算数" : "决算数"}）= 公务用车购置费 + 公务用车运行费`, left: { row: "data", col: `vehicle.${m}` }, right: [{ row: "data", col: `vehicle-purchase.${m}` }, { row: "data", col: `vehicle-operation.${m}` }] },
    {
      id: "T7.2",
      kind: T7,
      form: "sum",
      severity: "error",
      statement: `"三公"经费合计（${m === "budget" ? "预算数" : "决算数"}）= 因公出国（境）费 + 公务用车购置及运行费 + 公务接待费（陕西表含会议费、培训费时，两种合计口径均可）`,
      left: { row: "data", col: `total.${m}` },
      right: [{ row: "data", col: `abroad.${m}` }, { row: "data", col: `vehicle.${m}` }, { row: "data", col: `reception.${m}` }],
      alternative: [{ row: "data", col: `abroad.${m}` }, { row: "data", col: `vehicle.${m}` }, { row: "data", col: `reception.${m}` }, { row: "data", col: `meeting.${m}`, required: true }, { row: "data", col: `training.${m}` }],
    },
  ]),
  // T8 / T9
  ...fundTable(T8, "T8"),
  ...fundTable(T9, "T9"),
  // Between tables
  { id: "X1", kind: T1, form: "sum", severity: "error", statement: "收入支出决算总表 本年收入合计 = 收入决算表 合计·本年收入合计", left: inc("total-this-year"), right: [{ table: T2, row: "total", col: "total" }] },
  { id: "X2", kind: T1, form: "sum", severity: "error", statement: "收入支出决算总表 本年支出合计 = 支出决算表 合计·本年支出合计", left: exp("total-this-year"), right: [{ table: T3, row: "total", col: "total" }] },
  { id: "X3", kind: T2, form: "sum", severity: "error", statement: "收入决算表 合计·财政拨款收入 = 收入支出决算总表 财政拨款收入（一 + 二 + 三）", left: { row: "total", col: "fiscal" }, right: [{ table: T1, rows: { keys: ["general-budget", "government-fund", "state-capital", "fiscal"], group: "income" }, col: "amount" }] },
  ...(["superior-subsidy", "business", "operating", "affiliated", "other"] as const).map(
    (key): DeclaredIdentity => ({ id: "X3", kind: T2, form: "sum", severity: "error", statement: "收入决算表 合计各收入列 = 收入支出决算总表 对应收入行", left: { row: "total", col: key }, right: [inc(key, T1)] }),
  ),
  { id: "X4", kind: T1, form: "by-code", severity: "error", statement: "收入支出决算总表 各类支出 = 支出决算表 同类 本年支出合计", left: { col: "amount", group: "expenditure", level: "class" }, other: T3, right: { col: "total" } },
  { id: "X5", kind: T4, form: "sum", severity: "error", statement: "财政拨款收入支出决算总表 本年收入合计 = 收入决算表 合计·财政拨款收入", left: inc("total-this-year"), right: [{ table: T2, row: "total", col: "fiscal" }] },
  ...FUNDS.map((f): DeclaredIdentity => ({ id: "X6", kind: T4, form: "sum", severity: "error", statement: `财政拨款收入支出决算总表 ${FUND_NAMES[f]}收入 = 收入支出决算总表 同项收入`, left: inc(f), right: [inc(f, T1)] })),
  { id: "X7", kind: T4, form: "sum", severity: "error", statement: "财政拨款收入支出决算总表 本年支出合计·一般公共预算 = 一般公共预算财政拨款支出决算表 合计", left: exp("total-this-year", "general-budget"), right: [{ table: T5, row: "total", col: "total" }] },
  { id: "X7", kind: T4, form: "by-code", severity: "error", statement: "财政拨款收入支出决算总表 各类支出·一般公共预算 = 一般公共预算财政拨款支出决算表 同类 合计", left: { col: "general-budget", group: "expenditure", level: "class" }, other: T5, right: { col: "total" } },
  { id: "X8", kind: T5, form: "sum", severity: "error", statement: "一般公共预算财政拨款支出决算表 合计·基本支出 = 基本支出决算表 人员经费合计 + 公用经费合计", left: { row: "total", col: "basic" }, right: [{ table: T6, row: "personnel-total", col: "amount" }, { table: T6, row: "public-total", col: "amount" }] },
  ...(
    [
      ["X9", "government-fund", T8],
      ["X10", "state-capital", T9],
    ] as const
  ).flatMap(([id, fund, table]): DeclaredIdentity[] => [
    { id, kind: T4, form: "sum", severity: "error", statement: `财政拨款收入支出决算总表 本年支出合计·${FUND_NAMES[fund]} = ${fund === "government-fund" ? "政府性基金" : "国有资本经营"}预算财政拨款支出决算表 合计·本年支出`, left: exp("total-this-year", fund), right: [fundTotal(table, "total")] },
    { id, kind: T4, form: "sum", severity: "error", statement: `财政拨款收入支出决算总表 ${FUND_NAMES[fund]}收入 = 对应决算表 合计·本年收入`, left: inc(fund), right: [fundTotal(table, "income")] },
    { id, kind: T4, form: "sum", severity: "error", statement: `财政拨款收入支出决算总表 年初结转和结余·${FUND_NAMES[fund]} = 对应决算表 合计·年初结转和结余`, left: inc(`opening-${fund}` as const), right: [fundTotal(table, "opening-balance")] },
    { id, kind: T4, form: "sum", severity: "error", statement: `财政拨款收入支出决算总表 年末结转和结余·${FUND_NAMES[fund]} = 对应决算表 合计·年末结转和结余`, left: exp("closing-balance", fund), right: [fundTotal(table, "closing-balance")] },
  ]),
  { id: "X12", kind: T3, form: "by-code", severity: "warning", relation: ">=", statement: "支出决算表 各科目 基本支出 ≥ 一般公共预算财政拨款支出决算表 同科目 基本支出", left: { col: "basic" }, other: T5, right: { col: "basic" } },
  { id: "X12", kind: T3, form: "by-code", severity: "warning", relation: ">=", statement: "支出决算表 各科目 项目支出 ≥ 一般公共预算财政拨款支出决算表 同科目 项目支出", left: { col: "project" }, other: T5, right: { col: "project" } },
  { id: "X13", kind: T1, form: "sum", severity: "warning", relation: ">=", statement: "收入支出决算总表 年初结转和结余 ≥ 财政拨款收入支出决算总表 年初财政拨款结转和结余", left: inc("opening-balance"), right: [inc("opening-balance", T4)] },
  { id: "X13", kind: T1, form: "sum", severity: "warning", relation: ">=", statement: "收入支出决算总表 年末结转和结余 ≥ 财政拨款收入支出决算总表 年末财政拨款结转和结余", left: exp("closing-balance"), right: [exp("closing-balance", "total", T4)] },
  ...(
    [
      ["abroad", "30212", "因公出国（境）费用"],
      ["reception", "30217", "公务接待费"],
      ["vehicle-operation", "30231", "公务用车运行维护费"],
      ["vehicle-purchase", "31013", "公务用车购置"],
    ] as const
  ).map(
    ([item, code, name]): DeclaredIdentity => ({ id: "X14", kind: T7, form: "sum", severity: "warning", relation: ">=", statement: `"三公"经费 ${name} 决算数 ≥ 基本支出决算表 ${code} ${name}（基本支出只是三公的一部分）`, left: { row: "data", col: `${item}.actual` }, right: [{ table: T6, row: `code:${code}`, col: "amount" }] }),
  ),
  { id: "X16", kind: T3, form: "sum", severity: "warning", relation: ">=", statement: "支出决算表 合计·本年支出合计 ≥ 财政拨款收入支出决算总表 本年支出合计（财政拨款是全部支出的一部分）", left: { row: "total", col: "total" }, right: [exp("total-this-year", "total", T4)] },
];
