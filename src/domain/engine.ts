/**
 * The engine facade every host calls: snapshot in, recognized tables and findings out.
 * One engine for the add-in, the demo and the CLI.
 */
import type { WorkbookSnapshot } from "./grid";
import type { RecognizedTable, MoneyUnit, TableKind } from "./model";
import { compareFindings, DEFAULT_SETTINGS, type CheckSettings, type Finding } from "./findings";
import { recognizeWorkbook, type RecognitionResult } from "./recognize";
import { runRules } from "./rules";

/** The public per-table summary (CLI JSON "tables" entries). */
export interface TableSummary {
  id: string;
  sheet: string;
  kind: TableKind;
  title: string;
  range: string;
  unit: MoneyUnit | null;
  year: number | null;
  unitName: string | null;
}

export interface CheckResult {
  tables: TableSummary[];
  recognized: RecognizedTable[];
  findings: Finding[];
  /** names of the sheets on which no standard table was recognized (covers, 目录, notes, unknown layouts) */
  unrecognizedSheets: string[];
  /** engine milliseconds (recognition, rules) — measured, for the benches and the pane */
  timings: { recognizeMs: number; rulesMs: number };
}

export function summarize(t: RecognizedTable): TableSummary {
  return { id: t.id, sheet: t.sheet, kind: t.kind, title: t.title, range: t.range, unit: t.unit, year: t.year, unitName: t.unitName };
}

export function checkWorkbook(snapshot: WorkbookSnapshot, settings: CheckSettings = DEFAULT_SETTINGS): CheckResult {
  const t0 = now();
  const recognition = recognizeWorkbook(snapshot);
  return checkRecognized(snapshot, recognition, settings, now() - t0);
}

/**
 * The rules over an existing recognition of `snapshot` (checkWorkbook's second half; the live re-check in
 * recheck.ts patches a previous recognition instead of recognizing again).
 */
export function checkRecognized(snapshot: WorkbookSnapshot, recognition: RecognitionResult, settings: CheckSettings, recognizeMs = 0): CheckResult {
  const t1 = now();
  const ruleFindings = runRules(recognition.tables, settings);
  const t2 = now();
  const findings = [...recognition.findings, ...ruleFindings].sort(compareFindings);
  return {
    tables: recognition.tables.map(summarize),
    recognized: recognition.tables,
    findings,
    unrecognizedSheets: unrecognizedSheets(snapshot, recognition.tables, recognition.unreadableSheets),
    timings: { recognizeMs, rulesMs: t2 - t1 },
  };
}

function unrecognizedSheets(snapshot: WorkbookSnapshot, tables: readonly RecognizedTable[], unreadable: readonly string[]): string[] {
  // a sheet whose table was found but could not be read is reported by TABLE.UNREADABLE, not as matching nothing
  const withTables = new Set([...tables.map((table) => table.sheet), ...unreadable]);
  return snapshot.sheets.map((sheet) => sheet.name).filter((name) => !withTables.has(name));
}

function now(): number {
  return typeof performance !== "undefined" ? performance.now() : Date.now();
}
