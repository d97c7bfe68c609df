/**
 * The generated 说明 as a Word document, in the layout of a 党政机关公文: title in 方正小标宋 (二号),
 * headings in 黑体, body in 仿宋_GB2312 三号 (16pt), first-line indent of two characters, fixed 28pt line
 * spacing. Unfilled placeholders are highlighted yellow so the user finds them. Works in node and browser.
 */
import { AlignmentType, Document, LineRuleType, Packer, Paragraph, TextRun } from "docx";
import type { NarrativeDocument, NarrativeParagraph } from "../domain/narrative/types";

export interface DocxOptions {
  titleFont?: string;
  headingFont?: string;
  bodyFont?: string;
  /** body font size in points (三号 = 16) */
  bodySizePt?: number;
  /** title font size in points (二号 = 22) */
  titleSizePt?: number;
}

const DEFAULTS: Required<DocxOptions> = {
  titleFont: "方正小标宋简体",
  headingFont: "黑体",
  bodyFont: "仿宋_GB2312",
  bodySizePt: 16,
  titleSizePt: 22,
};

function font(name: string): { ascii: string; eastAsia: string; hAnsi: string; cs: string } {
  return { ascii: name, eastAsia: name, hAnsi: name, cs: name };
}

/** Body runs: text, with every placeholder span in its own highlighted run. */
export function paragraphRuns(p: NarrativeParagraph, options: Required<DocxOptions>): TextRun[] {
  const size = options.bodySizePt * 2;
  const runs: TextRun[] = [];
  let at = 0;
  const placeholders = [...p.placeholders].sort((a, b) => a.start - b.start);
  for (const ph of placeholders) {
    if (ph.start < at) continue;
    if (ph.start > at) runs.push(new TextRun({ text: p.text.slice(at, ph.start), font: font(options.bodyFont), size }));
    runs.push(new TextRun({ text: p.text.slice(ph.start, ph.end), font: font(options.bodyFont), size, highlight: "yellow" }));
    at = ph.end;
  }
  if (at < p.text.length) runs.push(new TextRun({ text: p.text.slice(at), font: font(options.bodyFont), size }));
  return runs;
}

export async function narrativeToDocx(doc: NarrativeDocument, options: DocxOptions = {}): Promise<Uint8Array> {
  const o: Required<DocxOptions> = { ...DEFAULTS, ...options };
  const indent = { firstLineChars: 200, firstLine: o.bodySizePt * 2 * 20 };
  const spacing = { line: 560, lineRule: LineRuleType.EXACT };
  const children: Paragraph[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 320 },
      children: [new TextRun({ text: doc.title, font: font(o.titleFont), size: o.titleSizePt * 2 })],
    }),
  ];
  for (const p of doc.paragraphs) {
    for (const line of p.heading ? p.heading.split("\n") : []) {
      children.push(
        new Paragraph({
          indent,
          spacing,
          keepNext: true,
          children: [new TextRun({ text: line, font: font(o.headingFont), size: o.bodySizePt * 2 })],
        }),
      );
    }
    children.push(new Paragraph({ indent, spacing, alignment: AlignmentType.JUSTIFIED, children: paragraphRuns(p, o) }));
  }
  const document = new Document({
    creator: "决算助手",
    title: doc.title,
    styles: { default: { document: { run: { font: font(o.bodyFont), size: o.bodySizePt * 2 } } } },
    sections: [
      {
        properties: {
          // A4, 公文 margins: top 37mm, bottom 35mm, left 28mm, right 26mm (in twips)
          page: { size: { width: 11906, height: 16838 }, margin: { top: 2098, bottom: 1984, left: 1587, right: 1474 } },
        },
        children,
      },
    ],
  });
  const buffer = await Packer.toArrayBuffer(document);
  return new Uint8Array(buffer);
}
