/**
 * What the command says when a workbook cannot be read: one wording for check, narrative and proofread --tables.
 * The reader's own errors already carry a zh-CN message; anything else is a parse failure inside a library,
 * whose English text is kept for --verbose only.
 */
import { basename } from "node:path";

export function readErrorMessage(file: string, e: unknown): string {
  const err = e as Error;
  if (err?.name === "UnreadableWorkbookError") return err.message;
  if (err?.name === "InputLimitError") return `${basename(file)}：${err.message}`;
  return `${basename(file)}：文件内容无法解析（可能已损坏）。请在 Excel 或 WPS 中打开并“另存为 .xlsx”后再检查。`;
}

/** The technical detail behind a read error (library text, stack), printed only with --verbose. */
export function readErrorDetail(e: unknown): string {
  const err = e as Error & { detail?: string };
  return err?.detail ?? err?.stack ?? String(e);
}
