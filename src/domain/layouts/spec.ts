/**
 * What a standard layout declares so the generic reader (src/domain/recognize) can map it:
 * its title aliases, the tokens of its header, how a column header maps to a column key and how a
 * row label or code maps to a row key. One module per kind implements this; nothing about a
 * layout lives anywhere else.
 */
import type { TableColumn, TableKind, TableRow } from "../model";

interface RowContext {
  /** label text, normalised (half-width, no spaces), ordinal prefix removed */
  label: string;
  /** label as printed */
  printed: string;
  /** classification code (digits only) when the row carries one */
  code?: string;
  /** segment group ("income" / "expenditure" / undefined) */
  group?: string;
  /** keys already assigned in this segment (for labels that repeat, e.g. T4's 一/二/三 fund rows) */
  seen: ReadonlySet<string>;
}

export interface RowAssignment {
  key: string;
  level?: "total" | "class" | "section" | "item";
  group?: string;
  code?: string;
}

export interface LayoutSpec {
  kind: TableKind;
  /** canonical title */
  title: string;
  /** does this normalised title (year/unit prefix and 表号 suffix already removed) name this kind? */
  matchesTitle(title: string): boolean;
  /** is this normalised header cell text a header word of this layout (besides the generic ones)? */
  headerWords: readonly string[];
  /** group of a segment (two-sided tables): from the segment's header path and its index */
  segmentGroup?(headerPath: string, index: number): string | undefined;
  /** key of an amount column from its flattened, normalised header path ("支出/一般公共预算财政拨款") */
  columnKey(headerPath: string, group: string | undefined): string | null;
  /** key of a body row; null = keep as `label:` row */
  rowKey(ctx: RowContext): RowAssignment | null;
  /** the table carries the minimum structure of this kind (rejects 目录 entries and prose) */
  accept(info: { columnKeys: ReadonlySet<string>; rowKeys: ReadonlySet<string>; codeRows: number }): boolean;
  /** a layout whose body rows are not keyed one by one (the 三公 table's single data row) reads them itself */
  body?: LayoutBody;
}

/** What the generic row reader hands a layout that places its body rows itself. */
interface BodyRow {
  /** label, normalised, ordinal removed */
  label: string;
  /** the row has a non-blank amount in this segment */
  anyAmount: boolean;
  /** the column keys of the segment's amount columns */
  amountKeys: readonly string[];
}

export interface LayoutBody {
  /** key of a body row, or null to skip it; may drop a row of `rows` it supersedes */
  placeRow(rows: TableRow[], row: BodyRow): RowAssignment | null;
  /** after the body is read, before `accept`: restructure rows and columns in place */
  finish?(rows: TableRow[], columns: TableColumn[], columnKeys: Set<string>, rowKeys: Set<string>): void;
  /** headers then blank rows (an empty table kept with its note): the key of the one blank row read under the headers */
  blankBodyRowKey?: string;
}

/** Common code-row assignment: 3/5/7-digit function codes (or 3/5 economic codes). */
export function codeRow(code: string | undefined, group?: string): RowAssignment | null {
  if (!code) return null;
  const level = code.length <= 3 ? "class" : code.length <= 5 ? "section" : "item";
  return { key: `code:${code}`, level, code, group };
}

/**
 * Header words → column key, as data: entries are tried in order and the first whose words the
 * flattened header path contains decides (key null: not an amount column, e.g. 行次).
 */
type ColumnWords = readonly (readonly [key: string | null, words: readonly string[]])[];

/** Row label → row key, as data: the first pattern the normalised label matches decides. */
type RowLabels = readonly (readonly [pattern: RegExp, key: string])[];

/** The keys a words or labels table declares (its type is the union of them, so a misspelt key does not compile). */
type KeyOf<T extends readonly (readonly [unknown, unknown, ...unknown[]])[]> = T extends ColumnWords
  ? Exclude<T[number][0], null>
  : T extends RowLabels
    ? T[number][1]
    : never;

export function columnByWords<const T extends ColumnWords>(table: T, path: string): KeyOf<T> | null {
  for (const [key, words] of table) if (has(path, ...words)) return key as KeyOf<T> | null;
  return null;
}

export function rowByLabel<const T extends RowLabels>(table: T, label: string): KeyOf<T> | undefined {
  for (const [pattern, key] of table) if (pattern.test(label)) return key as KeyOf<T>;
  return undefined;
}

/** The keys of a table, once each, in declaration order. */
export function keysOf<const T extends ColumnWords>(table: T): KeyOf<T>[];
export function keysOf<const T extends RowLabels>(table: T): KeyOf<T>[];
export function keysOf(table: ColumnWords | RowLabels): string[] {
  const keys = table.map((entry) => (typeof entry[0] === "string" || entry[0] === null ? entry[0] : entry[1]) as string | null);
  return [...new Set(keys.filter((k): k is string => k !== null))];
}

/** A header path contains any of these tokens. */
export function has(path: string, ...tokens: string[]): boolean {
  return tokens.some((t) => path.includes(t));
}

export function isTotalLabel(label: string): boolean {
  return /^(合计|总计|小计|支出合计|收入合计)$/.test(label);
}
