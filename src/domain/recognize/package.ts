/**
 * What a 部门决算公开 package lacks: the standard tables that are missing from the workbook and the
 * recognized tables that hold no data. Only a workbook that is a package is checked for missing tables —
 * a lone 绩效自评表, a 三公 table sent on its own or a few tables copied beside each other are not.
 */
import type { Finding } from "../findings";
import { qualify } from "../address";
import { KIND_TITLES } from "../kinds";
import type { RecognizedTable, TableKind } from "../model";
import { normalizeLabel } from "../text";

/**
 * The tables every 部门决算公开 package publishes, with data. The 政府性基金 and 国有资本经营 tables are not
 * among them: a unit without such money prints them empty with "本表无数据", and older or local forms leave
 * them out (Guangdong 2016, Anhui, Jiangxi print eight tables).
 */
const REQUIRED: readonly TableKind[] = [
  "income-expenditure-summary",
  "income",
  "expenditure",
  "fiscal-summary",
  "general-budget-expenditure",
  "general-budget-basic-expenditure",
  "three-public-expenses",
];

/** A workbook with at least this many required tables is a package. */
const PACKAGE_MIN = 3;

const SELF_EVALUATION: ReadonlySet<TableKind> = new Set(["project-self-evaluation", "department-self-evaluation"]);

/** "本表无数据", "本单位无政府性基金收支，故本表为空表" … */
const NO_DATA_NOTE = /本表无数据|无数据|为空表|空表|无(相关|此类|该项|政府性基金|国有资本经营)?.{0,12}(收入|支出|收支|经费)|未(发生|安排)/;

export interface PackageCheck {
  /** tables read from the workbook */
  tables: readonly RecognizedTable[];
  /** kinds whose title was found but whose rows could not be read (reported as TABLE.UNREADABLE, not as missing) */
  unreadableKinds: ReadonlySet<TableKind>;
}

export function packageFindings({ tables, unreadableKinds }: PackageCheck): Finding[] {
  const findings: Finding[] = [];
  const present = new Set<TableKind>([...tables.map((t) => t.kind), ...unreadableKinds]);
  const required = REQUIRED.filter((k) => present.has(k)).length;
  if (required >= PACKAGE_MIN) {
    for (const kind of REQUIRED) {
      if (present.has(kind)) continue;
      findings.push(missing(kind, `未找到${KIND_TITLES[kind]}：本工作簿识别到 ${required} 张部门决算公开表，缺少这张必须公开的表。如果它在别的文件里或表名不标准，请核对；否则请补上。`));
    }
  }
  for (const table of tables) {
    if (hasData(table)) continue;
    const finding = emptyFinding(table);
    if (finding) findings.push(finding);
  }
  return findings;
}

function missing(kind: TableKind, message: string): Finding {
  return { rule: "TABLE.MISSING", severity: "warning", sheet: null, cell: null, cells: [], message, expected: KIND_TITLES[kind], actual: null };
}

/** A table has data when one amount cell holds a number (0 included: a 三公 table of zeros is filled in). */
function hasData(table: RecognizedTable): boolean {
  if (SELF_EVALUATION.has(table.kind)) return !table.empty;
  return table.rows.some((row) => Object.values(row.cells).some((cell) => !cell.blank));
}

function emptyFinding(table: RecognizedTable): Finding | null {
  const note = table.notes.find((n) => NO_DATA_NOTE.test(normalizeLabel(n.text)));
  const where = `${table.sheet}!${table.range}`;
  const optional = !REQUIRED.includes(table.kind) && !SELF_EVALUATION.has(table.kind);
  // an optional table kept empty with the template's note is what the template asks for
  if (optional && note) return null;
  let severity: Finding["severity"] = "warning";
  let message = `${table.title}（${where}）只有表头，没有任何数据行。请填写数据；如确无数据，请在表下注明“本表无数据”及原因。`;
  if (note) {
    severity = "info";
    message = `${table.title}（${where}）没有数据，表下注明：“${note.text.trim()}”。请确认本单位确无此项数据。`;
  } else if (optional) {
    severity = "info";
    message = `${table.title}（${where}）没有数据，也未注明“本表无数据”。本单位如无此类收支，请在表下注明。`;
  }
  return {
    rule: "TABLE.EMPTY",
    severity,
    sheet: table.sheet,
    cell: table.titleCell.address,
    cells: [qualify(table.sheet, table.titleCell.address)],
    message,
    expected: null,
    actual: null,
    table: table.id,
  };
}
