/**
 * The annotated copy the CLI writes with --out: the same fills and notes as the add-in
 * (marks.ts), on a copy; the original file is never written.
 */
import ExcelJS from "exceljs";
import type { Finding } from "../domain/findings";
import { marksFromFindings, MARK_FILL } from "../domain/marks";

export async function annotateWorkbook(workbook: ExcelJS.Workbook, findings: readonly Finding[]): Promise<number> {
  const marks = marksFromFindings(findings);
  let marked = 0;
  for (const mark of marks) {
    const ws = workbook.getWorksheet(mark.sheet);
    if (!ws) continue;
    const cell = ws.getCell(mark.address);
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${MARK_FILL[mark.severity].slice(1)}` } };
    cell.note = mark.note;
    marked++;
  }
  return marked;
}

export async function writeAnnotatedCopy(source: string, target: string, findings: readonly Finding[]): Promise<number> {
  if (source === target) throw new Error("标注副本不能覆盖原文件");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(source);
  const marked = await annotateWorkbook(workbook, findings);
  await workbook.xlsx.writeFile(target);
  return marked;
}
