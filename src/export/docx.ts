/**
 * The generated 说明 as a Word document, in the layout of a 党政机关公文: title in 方正小标宋 (二号); the
 * template's heading levels — parts (第一部分) centred in 黑体, 一级 (一、) 黑体, 二级 (（一）) 楷体_GB2312;
 * body in 仿宋_GB2312 三号 (16pt), first-line indent of two characters, fixed 28pt line spacing. Unfilled
 * placeholders are highlighted yellow and warnings (unbalanced totals …) open the document in red, so the
 * user finds both before publishing. Works in node and browser.
 */
import { AlignmentType, Document, LineRuleType, Packer, Paragraph, TextRun } from "docx";
import type { NarrativeDocument, NarrativeParagraph } from "../domain/narrative/types";

export interface DocxOptions {
  titleFont?: string;
  /** 一级 headings and parts */
  headingFont?: string;
  /** 二级 headings */
  subheadingFont?: string;
  bodyFont?: string;
  /** body font size in points (三号 = 16) */
  bodySizePt?: number;
  /** title font size in points (二号 = 22) */
  titleSizePt?: number;
}

const DEFAULTS: Required<DocxOptions> = {
  titleFont: "方正小标宋简体",
  headingFont: "黑体",
  subheadingFont: "楷体_GB2312",
  bodyFont: "仿宋_GB2312",
  bodySizePt: 16,
  titleSizePt: 22,
};

function font(name: string): { ascii: string; eastAsia: string; hAnsi: string; cs: string } {
  return { ascii: name, eastAsia: name, hAnsi: name, cs: name };
}

/** Body runs: text, with every placeholder span in its own highlighted run. */
function paragraphRuns(p: NarrativeParagraph, options: Required<DocxOptions>): TextRun[] {
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

/** Level of a heading line: from the template when known, else from its numbering. */
function headingLevel(line: string, given?: number): number {
  if (given !== undefined) return given;
  if (/^第[一二三四五六七八九十]+部分/.test(line)) return 0;
  if (/^[一二三四五六七八九十]+、/.test(line)) return 1;
  if (/^[（(][一二三四五六七八九十]+[）)]/.test(line)) return 2;
  return 3;
}

export async function narrativeToDocx(doc: NarrativeDocument, options: DocxOptions = {}): Promise<Uint8Array> {
  const o: Required<DocxOptions> = { ...DEFAULTS, ...options };
  const indent = { firstLineChars: 200, firstLine: o.bodySizePt * 2 * 20 };
  const spacing = { line: 560, lineRule: LineRuleType.EXACT };
  const children: Paragraph[] = [
    ...(doc.warnings ?? []).map(
      (w) => new Paragraph({ spacing, children: [new TextRun({ text: w, font: font(o.bodyFont), size: o.bodySizePt * 2, bold: true, color: "C00000" })] }),
    ),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 320 },
      children: [new TextRun({ text: doc.title, font: font(o.titleFont), size: o.titleSizePt * 2 })],
    }),
  ];
  for (const p of doc.paragraphs) {
    (p.heading ? p.heading.split("\n") : []).forEach((line, i) => {
      const level = headingLevel(line, p.headingLevels?.[i]);
      const face = level <= 1 ? o.headingFont : level === 2 ? o.subheadingFont : o.bodyFont;
      children.push(
        new Paragraph({
          ...(level === 0 ? { alignment: AlignmentType.CENTER } : { indent }),
          spacing,
          keepNext: true,
          children: [new TextRun({ text: line, font: font(face), size: o.bodySizePt * 2, bold: level >= 3 })],
        }),
      );
    });
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
