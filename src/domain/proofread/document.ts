/**
 * The 说明 cut into paragraphs (lines), sentences and clauses, every piece keeping its UTF-16 offset
 * into the original text. Unfilled placeholders (【待填：…】) are masked so that nothing inside them is
 * read as a number or a residue.
 */
import { PLACEHOLDER_PATTERN } from "../format";

export interface Span {
  start: number;
  end: number;
  /** verbatim text of the original */
  text: string;
}

export interface Clause extends Span {
  sentence: Sentence;
  index: number;
}

export interface Sentence extends Span {
  paragraph: Paragraph;
  index: number;
  clauses: Clause[];
}

export interface Paragraph extends Span {
  index: number;
  /** heading line (一、… （一）… 第一部分 …) */
  heading: boolean;
  /** index of the heading-delimited section the paragraph belongs to */
  section: number;
  sentences: Sentence[];
}

export interface TextDocument {
  text: string;
  /** same length as text; placeholders replaced by □ */
  masked: string;
  paragraphs: Paragraph[];
  placeholders: Span[];
}

const SENTENCE_END = /[。！？!?]/;
/** ，；。 (and their ASCII slips ; and a comma not inside a number) end a clause. */
function isClauseBreak(text: string, i: number): boolean {
  const ch = text[i];
  if ("，；。！？;!?".includes(ch)) return true;
  if (ch === ",") return !(/\d/.test(text[i - 1] ?? "") && /\d/.test(text[i + 1] ?? ""));
  return false;
}

const HEADING = /^\s*(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）])/;

function isHeadingLine(line: string): boolean {
  const t = line.trim();
  return HEADING.test(t) && t.length <= 40 && !/[，；]/.test(t) && !/。./.test(t);
}

function trimSpan(text: string, start: number, end: number): Span | null {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  return s < e ? { start: s, end: e, text: text.slice(s, e) } : null;
}

function maskPlaceholders(text: string): { masked: string; placeholders: Span[] } {
  const placeholders: Span[] = [];
  const masked = text.replace(new RegExp(PLACEHOLDER_PATTERN.source, "g"), (m: string, offset: number) => {
    placeholders.push({ start: offset, end: offset + m.length, text: m });
    return "□".repeat(m.length);
  });
  return { masked, placeholders };
}

export function parseDocument(text: string): TextDocument {
  const { masked, placeholders } = maskPlaceholders(text);
  const paragraphs: Paragraph[] = [];
  let section = 0;
  let lineStart = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && text[i] !== "\n" && text[i] !== "\r") continue;
    const span = trimSpan(text, lineStart, i);
    lineStart = i + 1;
    if (!span) continue;
    const heading = isHeadingLine(span.text);
    if (heading) section++;
    const paragraph: Paragraph = { ...span, index: paragraphs.length, heading, section, sentences: [] };
    let sentenceStart = span.start;
    for (let j = span.start; j <= span.end; j++) {
      if (j < span.end && !SENTENCE_END.test(masked[j])) continue;
      const sentenceEnd = j < span.end ? j + 1 : j;
      const s = trimSpan(text, sentenceStart, sentenceEnd);
      sentenceStart = sentenceEnd;
      if (!s) continue;
      const sentence: Sentence = { ...s, paragraph, index: paragraph.sentences.length, clauses: [] };
      let clauseStart = s.start;
      for (let k = s.start; k <= s.end; k++) {
        if (k < s.end && !isClauseBreak(masked, k)) continue;
        const c = trimSpan(text, clauseStart, k);
        clauseStart = k + 1;
        if (c) sentence.clauses.push({ ...c, sentence, index: sentence.clauses.length });
      }
      paragraph.sentences.push(sentence);
    }
    paragraphs.push(paragraph);
  }
  return { text, masked, paragraphs, placeholders };
}

export function clauseAt(doc: TextDocument, offset: number): Clause | undefined {
  for (const p of doc.paragraphs) {
    if (offset < p.start || offset >= p.end) continue;
    for (const s of p.sentences) for (const c of s.clauses) if (offset >= c.start && offset < c.end) return c;
  }
  return undefined;
}
