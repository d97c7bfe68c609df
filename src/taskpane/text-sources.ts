/**
 * Where a 说明 can be read from inside the workbook: sheets holding paragraphs of Chinese text
 * (a 说明 sheet, or text pasted into cells). Each paragraph remembers its cell, so a fix the user
 * clicks can be written back to exactly that cell.
 */
import { toA1, type WorkbookSnapshot } from "../domain/grid";

export interface TextCellSource {
  address: string;
  text: string;
}

export interface TextSheetSource {
  sheet: string;
  cells: TextCellSource[];
  /** total characters, to offer the likeliest sheet first */
  length: number;
}

const PROSE = /[\u4e00-\u9fff].*[，。；：]/;

export function textSourcesOf(snapshot: WorkbookSnapshot): TextSheetSource[] {
  const out: TextSheetSource[] = [];
  for (const sheet of snapshot.sheets) {
    const cells: TextCellSource[] = [];
    sheet.cells.forEach((row, r) =>
      row?.forEach((cell, c) => {
        const text = cell && typeof cell.v === "string" ? cell.v : "";
        if (text.length >= 12 && PROSE.test(text)) cells.push({ address: toA1(r, c), text });
      }),
    );
    if (cells.length > 0) out.push({ sheet: sheet.name, cells, length: cells.reduce((n, c) => n + c.text.length, 0) });
  }
  return out.sort((a, b) => b.length - a.length);
}

/** A text built from cells, one paragraph per line, with each cell's span in it. */
export interface JoinedText {
  sheet: string;
  text: string;
  spans: { address: string; start: number; end: number }[];
}

export function joinSource(source: TextSheetSource): JoinedText {
  const spans: JoinedText["spans"] = [];
  let text = "";
  source.cells.forEach((cell, i) => {
    if (i > 0) text += "\n";
    spans.push({ address: cell.address, start: text.length, end: text.length + cell.text.length });
    text += cell.text;
  });
  return { sheet: source.sheet, text, spans };
}

/** The cell an excerpt lies in, and that cell's text with the excerpt replaced — null when it spans cells. */
export function replacementFor(joined: JoinedText, start: number, end: number, replacement: string): { address: string; cellText: string } | null {
  const span = joined.spans.find((s) => start >= s.start && end <= s.end);
  if (!span) return null;
  const cell = joined.text.slice(span.start, span.end);
  return { address: span.address, cellText: cell.slice(0, start - span.start) + replacement + cell.slice(end - span.start) };
}
