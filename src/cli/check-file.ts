/**
 * Check one workbook file: read, recognize, run the rules, optionally write the annotated copy.
 * Used in-process and inside worker threads (worker.ts), so both give the same result.
 */
import { basename, join } from "node:path";
import { checkWorkbook, type TableSummary } from "../domain/engine";
import type { CheckSettings, Finding } from "../domain/findings";
import { DEFAULT_SETTINGS } from "../domain/findings";
import { readWorkbookFile } from "../xlsx/read-workbook";

/** The public per-file JSON object of `juesuan check --json` (README "JSON 输出"). */
export interface FileReport {
  file: string;
  tables: Pick<TableSummary, "sheet" | "kind" | "range" | "unit" | "year" | "unitName">[];
  findings: Finding[];
  /** zh-CN reason when the file could not be read (then tables and findings are empty) */
  error?: string;
  /** annotated copy written with --out */
  annotated?: string;
  /** engine milliseconds (recognition + rules) and parse milliseconds */
  timings?: { parseMs: number; engineMs: number };
}

export interface CheckFileOptions {
  settings?: CheckSettings;
  outDir?: string;
}

export async function checkFile(file: string, options: CheckFileOptions = {}): Promise<FileReport> {
  const t0 = performance.now();
  let snapshot;
  try {
    snapshot = await readWorkbookFile(file);
  } catch (e) {
    return { file, tables: [], findings: [], error: (e as Error).message };
  }
  const t1 = performance.now();
  const result = checkWorkbook(snapshot, options.settings ?? DEFAULT_SETTINGS);
  const report: FileReport = {
    file,
    tables: result.tables.map(({ sheet, kind, range, unit, year, unitName }) => ({ sheet, kind, range, unit, year, unitName })),
    findings: result.findings,
    timings: { parseMs: round(t1 - t0), engineMs: round(result.timings.recognizeMs + result.timings.rulesMs) },
  };
  if (options.outDir) {
    const target = join(options.outDir, basename(file).replace(/\.xlsx$/i, "") + ".已标注.xlsx");
    try {
      // ExcelJS (writing only) is loaded when a copy is asked for, not on every check.
      const { writeAnnotatedCopy } = await import("../xlsx/annotate");
      await writeAnnotatedCopy(file, target, result.findings);
      report.annotated = target;
    } catch (e) {
      report.findings = [
        ...report.findings,
        { rule: "OUT.ANNOTATE", severity: "warning", sheet: null, cell: null, cells: [], message: `无法写出标注副本：${(e as Error).message}`, expected: null, actual: null },
      ];
    }
  }
  return report;
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
