/**
 * Every registered rule — each identity id, each structural and each 绩效自评 rule — fires on a real
 * fixture broken at one place and is silent on the clean fixture. The cells to change are found through
 * recognition (table kind and row/column keys, or the 自评表 model), never by hard-coded addresses; a rule
 * added to a registry without a case here fails the first test.
 */
import { Decimal } from "../../src/domain/decimal";
import { checkWorkbook } from "../../src/domain/engine";
import { severityRank, type Severity } from "../../src/domain/findings";
import { fromA1, type WorkbookSnapshot } from "../../src/domain/grid";
import type { AmountCell, EvaluationModel, RecognizedTable } from "../../src/domain/model";
import { formatNumber } from "../../src/domain/number-format";
import { EVALUATION_RULES, IDENTITIES, STRUCTURAL_RULES } from "../../src/domain/rules";
import { loadFixture } from "../support/fixtures";
import { BJ, CASES as IDENTITY_CASES, locate, SH } from "./identity-cases";

/** A cell typed anew: a number (keeping the cell's number format unless one is given) or a text. */
interface Edit {
  sheet: string;
  address: string;
  value: number | string;
  format?: string;
}

interface RuleCase {
  rule: string;
  fixture: string;
  /** the severity the broken workbook must show */
  severity: Severity;
  edits(tables: RecognizedTable[]): Edit[];
  /**
   * "workbook" (default): the clean fixture has no finding of this rule at this severity at all;
   * "cell": the broken workbook flags a cell the clean one does not (the clean fixture has true findings elsewhere)
   */
  silent?: "workbook" | "cell";
}

const PROJECT = "self-eval-project-2024";
const SICHUAN = "self-eval-sichuan-2023";
const CHONGQING = "self-eval-department-chongqing-2021";

function applyEdits(snapshot: WorkbookSnapshot, edits: readonly Edit[]): WorkbookSnapshot {
  const sheets = snapshot.sheets.map((s) => {
    const mine = edits.filter((e) => e.sheet === s.name);
    if (mine.length === 0) return s;
    const cells = s.cells.map((r) => (r ? [...r] : r));
    for (const e of mine) {
      const { row, col } = fromA1(e.address);
      const old = cells[row]?.[col];
      const f = e.format ?? old?.f;
      (cells[row] ??= [])[col] = typeof e.value === "number" ? { v: e.value, t: formatNumber(e.value, f), ...(f ? { f } : {}) } : { v: e.value, t: e.value };
    }
    return { ...s, cells };
  });
  return { ...snapshot, sheets };
}

/** The one 自评表 of a fixture and its model. */
function selfEvaluation(tables: RecognizedTable[]): { table: RecognizedTable; model: EvaluationModel } {
  const table = tables.find((t) => t.evaluation);
  if (!table?.evaluation) throw new Error("no 自评表 recognized");
  return { table, model: table.evaluation };
}

/** Edits on the 自评表's sheet, from its model. */
const onSelfEvaluation =
  (pick: (m: EvaluationModel) => [AmountCell | { address: string } | undefined, number | string, string?][]) =>
  (tables: RecognizedTable[]): Edit[] => {
    const { table, model } = selfEvaluation(tables);
    return pick(model).map(([cell, value, format]) => {
      if (!cell) throw new Error(`cell to change not recognized on ${table.sheet}`);
      return { sheet: table.sheet, address: cell.address, value, ...(format ? { format } : {}) };
    });
  };

const fund = (m: EvaluationModel, key: string) => m.funds.find((r) => r.key === key)?.cells;
const indicator = (m: EvaluationModel, name: string) => {
  const i = m.indicators.find((x) => x.name.startsWith(name));
  if (!i) throw new Error(`no indicator ${name}`);
  return i;
};
const text = (m: EvaluationModel, key: string) => m.texts?.find((t) => t.key === key)?.cell;

/** Identity and structural cases of identities.test.ts: one amount changed by, or to, a value. */
const identityCases: RuleCase[] = IDENTITY_CASES.map((c) => ({
  rule: c.rule,
  fixture: c.fixture,
  severity: c.severity ?? "error",
  edits: (tables) => {
    const at = locate(tables, c.change);
    const value = c.change.to !== undefined ? new Decimal(c.change.to) : at.value.plus(c.change.by!);
    return [{ sheet: at.table.sheet, address: at.address, value: value.toNumber() }];
  },
}));

const CASES: RuleCase[] = [
  ...identityCases,
  // the Shanghai-form 国资 table prints 年初/收入/支出/年末: a 年末 that does not follow from the others
  { rule: "T9.2", fixture: SH, severity: "error", edits: (t) => [cellOf(t, "state-capital", "total", "closing-balance", 5)] },
  // the 政府性基金 table has money that the 财政拨款收入支出决算总表 does not show
  { rule: "X11", fixture: BJ, severity: "error", edits: (t) => [cellOf(t, "government-fund", "total", "income", 12)] },

  { rule: "P1", fixture: PROJECT, severity: "error", edits: onSelfEvaluation((m) => [[fund(m, "carryover")?.executed, 5]]) },
  { rule: "P2", fixture: CHONGQING, severity: "error", edits: onSelfEvaluation((m) => [[fund(m, "total")?.rate, 0.9]]) },
  { rule: "P3", fixture: CHONGQING, severity: "error", edits: onSelfEvaluation((m) => [[fund(m, "total")?.score, 9.2]]) },
  { rule: "P4", fixture: SICHUAN, severity: "error", edits: onSelfEvaluation((m) => [[indicator(m, "整治村庄数量").weight, 16]]) },
  { rule: "P5", fixture: CHONGQING, severity: "error", edits: onSelfEvaluation((m) => [[indicator(m, "财政供养人员控制率").weight, 11]]) },
  { rule: "P6", fixture: CHONGQING, severity: "error", edits: onSelfEvaluation((m) => [[indicator(m, "财政供养人员控制率").score, 11]]) },
  { rule: "P7", fixture: CHONGQING, severity: "error", edits: onSelfEvaluation((m) => [[m.totalScore, 90, "0.00"]]) },
  { rule: "P8", fixture: CHONGQING, severity: "error", edits: onSelfEvaluation((m) => [[m.grade, "优"]]) },
  // full marks, yet the 偏差原因 says "未完成"; the clean Sichuan table already (rightly) lacks a reason on another row
  { rule: "P9", fixture: SICHUAN, severity: "warning", silent: "cell", edits: onSelfEvaluation((m) => [[{ address: indicator(m, "整治村庄数量").deviation!.address }, "年度任务未完成"]]) },
  { rule: "P10", fixture: CHONGQING, severity: "warning", edits: onSelfEvaluation((m) => [[fund(m, "total")?.executed, 2500]]) },
  { rule: "P11", fixture: SICHUAN, severity: "warning", edits: onSelfEvaluation((m) => [[text(m, "conclusion"), "项目总体完成年度绩效目标，农村人居环境明显改善。".repeat(9)]]) },
  { rule: "P12", fixture: CHONGQING, severity: "warning", edits: onSelfEvaluation((m) => [[text(m, "achievement"), "机构运转正常，预算执行率90%，政府采购执行率78%。"]]) },
  { rule: "S1", fixture: SICHUAN, severity: "info", edits: onSelfEvaluation((m) => [[fund(m, "total")?.weight, 12]]) },
  { rule: "S2", fixture: PROJECT, severity: "warning", edits: onSelfEvaluation((m) => [[m.indicators.find((i) => i.isExecutionRate)?.actual?.cell, "90%"]]) },
  { rule: "S3", fixture: PROJECT, severity: "error", edits: onSelfEvaluation((m) => [[m.indicators.find((i) => i.isExecutionRate)?.score, 9]]) },
  { rule: "S4", fixture: PROJECT, severity: "warning", edits: onSelfEvaluation((m) => [[indicator(m, "活动实际签到率").score, 4.5]]) },
  { rule: "S5", fixture: PROJECT, severity: "warning", edits: onSelfEvaluation((m) => [[indicator(m, "预算金额").score, 8]]) },
  { rule: "S6", fixture: PROJECT, severity: "warning", edits: onSelfEvaluation((m) => [[indicator(m, "方案执行率").score, 3]]) },
  { rule: "S7", fixture: SICHUAN, severity: "info", edits: onSelfEvaluation((m) => [[indicator(m, "整治村庄数量").actual?.cell, "30"]]) },
  { rule: "S8", fixture: PROJECT, severity: "warning", edits: onSelfEvaluation((m) => [[indicator(m, "工作实际开展时间").score, 9.5]]) },
  { rule: "S9", fixture: CHONGQING, severity: "error", edits: onSelfEvaluation((m) => [[m.totalScore, 101]]) },
  { rule: "S10", fixture: CHONGQING, severity: "warning", edits: onSelfEvaluation((m) => [[m.grade, "很好"]]) },
  // 执行率 83% without a reason in the (blank) 偏差原因 cell
  { rule: "S11", fixture: CHONGQING, severity: "warning", edits: onSelfEvaluation((m) => [[fund(m, "total")?.executed, 2000]]) },
  // 9.65 typed as 9 shown as an integer: the table prints fewer decimals than the setting
  { rule: "S12", fixture: CHONGQING, severity: "info", edits: onSelfEvaluation((m) => [[fund(m, "total")?.score, 10, "0"]]) },
];

function cellOf(tables: RecognizedTable[], kind: RecognizedTable["kind"], row: string, col: string, value: number): Edit {
  const at = locate(tables, { kind, row, col });
  return { sheet: at.table.sheet, address: at.address, value };
}

it("every registered rule has a breaking case", () => {
  const registered = new Set([...IDENTITIES.map((i) => i.id), ...STRUCTURAL_RULES.map((r) => r.id), ...EVALUATION_RULES.map((r) => r.id)]);
  const covered = new Set(CASES.map((c) => c.rule));
  expect([...registered].filter((id) => !covered.has(id))).toEqual([]);
  expect([...covered].filter((id) => !registered.has(id))).toEqual([]);
});

describe.each(CASES)("$rule on $fixture", (c) => {
  it(`fires (${c.severity}) once broken, and is silent on the clean workbook`, async () => {
    const snapshot = await loadFixture(c.fixture);
    const before = checkWorkbook(snapshot);
    const after = checkWorkbook(applyEdits(snapshot, c.edits(before.recognized)));
    const hits = after.findings.filter((f) => f.rule === c.rule && f.severity === c.severity);
    expect(hits.length).toBeGreaterThan(0);
    // silent: nothing of this rule at this severity or worse (舍位差异 infos of an identity do not count)
    const loud = before.findings.filter((f) => f.rule === c.rule && severityRank(f.severity) <= severityRank(c.severity));
    if (c.silent === "cell") {
      const flagged = new Set(loud.map((f) => `${f.sheet}\u0000${f.cell}`));
      expect(hits.filter((h) => !flagged.has(`${h.sheet}\u0000${h.cell}`))).not.toEqual([]);
    } else expect(loud).toEqual([]);
  });
});
