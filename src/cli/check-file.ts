/**
 * Check one workbook file: read (through the input guard), recognize, run the rules, optionally write
 * the annotated copy to a target the main thread has already cleared (safe-output.ts).
 * Used inside worker threads (worker.ts) and in-process, so both give the same result.
 */
import { checkWorkbook, type TableSummary } from "../domain/engine";
import { qualify } from "../domain/address";
import type { CheckSettings, Finding } from "../domain/findings";
import { DEFAULT_SETTINGS } from "../domain/findings";
import { readWorkbookBuffer } from "../xlsx/read-workbook";
import { inspectWorkbookFile, strayCells } from "../xlsx/input-limits";
import { describeFsError, sha256, writeFileAtomic } from "./safe-output";

/** The public per-file JSON object of `juesuan check --json` (README "JSON 输出"). */
export interface FileReport {
  file: string;
  tables: Pick<TableSummary, "sheet" | "kind" | "range" | "unit" | "year" | "unitName">[];
  findings: Finding[];
  /** sheets on which no standard table was recognized */
  unrecognizedSheets: string[];
  /** zh-CN reason when the file could not be read (then tables and findings are empty) */
  error?: string;
  /** annotated copy written with --out */
  annotated?: string;
  /** engine milliseconds (recognition + rules) and parse milliseconds */
  timings?: { parseMs: number; engineMs: number };
}

export interface CheckFileOptions {
  settings?: CheckSettings;
  /** where to write the annotated copy (already claimed by the main thread), if --out was given */
  annotatedTarget?: string;
}

/** A report plus what only the main thread needs: the written copy's hash, the English details for --verbose. */
export interface CheckOutcome {
  report: FileReport;
  written?: { path: string; sha256: string };
  detail?: string;
}

export async function checkFileOutcome(file: string, options: CheckFileOptions = {}): Promise<CheckOutcome> {
  const t0 = performance.now();
  const name = file.split(/[\\/]/).pop() ?? file;
  const unreadable = (error: string, detail?: string): CheckOutcome => ({ report: { file, tables: [], findings: [], unrecognizedSheets: [], error }, detail });
  const read = await inspectWorkbookFile(file, { content: false }); // readWorkbookBuffer inspects the content
  if (!read.ok) return unreadable(`${name}：${read.problem.message}`, read.problem.detail);
  let snapshot;
  try {
    snapshot = await readWorkbookBuffer(read.bytes, name);
  } catch (e) {
    const err = e as Error & { detail?: string };
    // the reader's own errors are zh-CN; anything else is a library failing on a malformed file
    const known = err.name === "UnreadableWorkbookError" || err.name === "InputLimitError";
    return unreadable(known ? (err.name === "InputLimitError" ? `${name}：${err.message}` : err.message) : `${name}：文件内容无法解析（可能已损坏）。请在 Excel 或 WPS 中打开并“另存为 .xlsx”后再检查。`, err.detail ?? err.stack ?? err.message);
  }
  const t1 = performance.now();
  const result = checkWorkbook(snapshot, options.settings ?? DEFAULT_SETTINGS);
  const findings: Finding[] = [...result.findings];
  for (const stray of strayCells(snapshot)) {
    findings.push({
      rule: "READ.STRAY",
      severity: "warning",
      sheet: stray.sheet,
      cell: stray.cells[0],
      cells: stray.cells.map((c) => qualify(stray.sheet, c)),
      message: `远离表格的孤立单元格 ${stray.cells.slice(0, 5).join("、")}${stray.cells.length > 5 ? " 等" : ""} 未参与识别和复核（可能是误输入，请检查后删除）。`,
      expected: null,
      actual: null,
    });
  }
  const report: FileReport = {
    file,
    tables: result.tables.map(({ sheet, kind, range, unit, year, unitName }) => ({ sheet, kind, range, unit, year, unitName })),
    findings,
    unrecognizedSheets: result.unrecognizedSheets,
    timings: { parseMs: round(t1 - t0), engineMs: round(result.timings.recognizeMs + result.timings.rulesMs) },
  };
  if (!options.annotatedTarget) return { report };
  try {
    // ExcelJS (writing only) is loaded when a copy is asked for, not on every check.
    const { annotatedCopyBytes } = await import("../xlsx/annotate");
    const { bytes } = await annotatedCopyBytes(read.bytes, findings);
    await writeFileAtomic(options.annotatedTarget, bytes);
    report.annotated = options.annotatedTarget;
    return { report, written: { path: options.annotatedTarget, sha256: sha256(bytes) } };
  } catch (e) {
    report.findings = [
      ...report.findings,
      { rule: "OUT.ANNOTATE", severity: "warning", sheet: null, cell: null, cells: [], message: `无法写出标注副本：${describeFsError(e, options.annotatedTarget)}`, expected: null, actual: null },
    ];
    return { report, detail: (e as Error).message };
  }
}

export async function checkFile(file: string, options: CheckFileOptions = {}): Promise<FileReport> {
  return (await checkFileOutcome(file, options)).report;
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
