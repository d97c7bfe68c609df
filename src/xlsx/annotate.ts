/**
 * The annotated copy the CLI writes with --out: the same fills and notes as the add-in
 * (marks.ts), on a copy; the original file is never written. A note the user already had on a
 * flagged cell is kept: the explanation is appended after it, as the add-in does.
 */
import ExcelJS from "exceljs";
import type { Finding } from "../domain/findings";
import { marksFromFindings, MARK_FILL, NOTE_PREFIX } from "../domain/marks";

/** Plain text of an ExcelJS note, whichever shape it was stored in. */
function noteText(note: ExcelJS.Cell["note"] | undefined): string {
  if (!note) return "";
  if (typeof note === "string") return note;
  const texts = (note as { texts?: { text?: string }[] }).texts;
  return Array.isArray(texts) ? texts.map((t) => t.text ?? "").join("") : "";
}

export async function annotateWorkbook(workbook: ExcelJS.Workbook, findings: readonly Finding[]): Promise<number> {
  const marks = marksFromFindings(findings);
  let marked = 0;
  for (const mark of marks) {
    const ws = workbook.getWorksheet(mark.sheet);
    if (!ws) continue;
    const cell = ws.getCell(mark.address);
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${MARK_FILL[mark.severity].slice(1)}` } };
    // the user's own note stays first; an explanation of ours from an earlier copy is replaced, not repeated
    const existing = noteText(cell.note);
    const own = existing.includes(NOTE_PREFIX) ? existing.slice(0, existing.indexOf(NOTE_PREFIX)).trimEnd() : existing.trimEnd();
    cell.note = own ? `${own}\n\n${mark.note}` : mark.note;
    marked++;
  }
  return marked;
}

/** The annotated copy's bytes, from the original's bytes (the caller writes them where it may). */
export async function annotatedCopyBytes(source: Uint8Array, findings: readonly Finding[]): Promise<{ bytes: Uint8Array; marked: number }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(source.buffer, source.byteOffset, source.byteLength) as unknown as ArrayBuffer);
  const marked = await annotateWorkbook(workbook, findings);
  return { bytes: new Uint8Array(await workbook.xlsx.writeBuffer()), marked };
}

export async function writeAnnotatedCopy(source: string, target: string, findings: readonly Finding[]): Promise<number> {
  if (source === target) throw new Error("标注副本不能覆盖原文件");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(source);
  const marked = await annotateWorkbook(workbook, findings);
  await workbook.xlsx.writeFile(target);
  return marked;
}
