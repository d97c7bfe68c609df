/** The .docx export: a valid zip whose word/document.xml holds every paragraph, styled, placeholders highlighted. */
import JSZip from "jszip";
import { generateNarrative } from "../../src/domain/narrative";
import { narrativeToDocx } from "../../src/export/docx";
import { isDocx, readDocxText, readNarrativeText } from "../../src/export/read-text";
import { buildTables, xicheng2022, xicheng2023 } from "../narrative/build-tables";

const doc = generateNarrative(buildTables(xicheng2023()), { previous: buildTables(xicheng2022()) });

function xmlText(xml: string): string {
  // text of all w:t runs, per paragraph
  return xml
    .split("</w:p>")
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(""))
    .filter((t) => t !== "")
    .join("\n")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"');
}

describe("narrativeToDocx", () => {
  let bytes: Uint8Array;
  let xml: string;

  beforeAll(async () => {
    bytes = await narrativeToDocx(doc);
    const zip = await JSZip.loadAsync(bytes);
    xml = await zip.file("word/document.xml")!.async("string");
  });

  it("produces a zip (PK) with the Word parts", async () => {
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect([bytes[0], bytes[1], bytes[2], bytes[3]]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    const zip = await JSZip.loadAsync(bytes);
    expect(Object.keys(zip.files)).toEqual(expect.arrayContaining(["[Content_Types].xml", "word/document.xml", "word/styles.xml"]));
  });

  it("holds the title, every heading line and every paragraph, in order", () => {
    const expected = [doc.title, ...doc.paragraphs.flatMap((p) => [...(p.heading ? p.heading.split("\n") : []), p.text])];
    expect(xmlText(xml).split("\n")).toEqual(expected);
  });

  it("sets 仿宋_GB2312 16pt body, 黑体 headings, 方正小标宋 title and a two-character first-line indent", () => {
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toContain('w:eastAsia="黑体"');
    expect(xml).toContain('w:eastAsia="方正小标宋简体"');
    expect(xml).toContain('<w:sz w:val="32"/>');
    expect(xml).toMatch(/w:firstLineChars="200"/);
  });

  it("highlights each placeholder in yellow", () => {
    const placeholders = doc.paragraphs.reduce((n, p) => n + p.placeholders.length, 0);
    expect(placeholders).toBeGreaterThan(0);
    const highlighted = [...xml.matchAll(/<w:r>(?:(?!<\/w:r>).)*<w:highlight w:val="yellow"\/>(?:(?!<\/w:r>).)*<w:t[^>]*>([^<]*)<\/w:t>/gs)].map((m) => m[1]);
    expect(highlighted).toHaveLength(placeholders);
    expect(highlighted.every((t) => /^【.*】$/.test(t))).toBe(true);
  });

  it("reads back as the same paragraphs through mammoth (read-text)", async () => {
    expect(isDocx(bytes)).toBe(true);
    const text = await readDocxText(bytes);
    expect(text.split("\n")).toEqual([doc.title, ...doc.paragraphs.flatMap((p) => [...(p.heading ? p.heading.split("\n") : []), p.text])]);
    expect(await readNarrativeText(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer, "说明.docx")).toBe(text);
  });
});

describe("template heading levels and warnings", () => {
  const shanghai = generateNarrative(buildTables(xicheng2023()), {
    template: "shanghai-2024",
    unbalanced: [{ table: "收入支出决算总表", count: 2 }],
  });
  let xml: string;
  beforeAll(async () => {
    const zip = await JSZip.loadAsync(await narrativeToDocx(shanghai));
    xml = await zip.file("word/document.xml")!.async("string");
  });

  /** the run font of the paragraph holding `text` */
  function fontOf(text: string): string | undefined {
    const paragraph = xml.split("</w:p>").find((p) => p.includes(`>${text}</w:t>`));
    return paragraph ? /w:eastAsia="([^"]+)"/.exec(paragraph)?.[1] : undefined;
  }

  it("sets parts and 一级 headings in 黑体, 二级 in 楷体, body in 仿宋", () => {
    expect(fontOf("第三部分 北京市西城区科技协作中心2023年度部门决算情况说明")).toBe("黑体");
    expect(fontOf("五、一般公共预算财政拨款支出决算情况说明")).toBe("黑体");
    expect(fontOf("（一）一般公共预算财政拨款支出决算总体情况")).toBe("楷体_GB2312");
    const body = shanghai.paragraphs.find((p) => p.section === "basic")!.text;
    expect(fontOf(body)).toBe("仿宋_GB2312");
  });

  it("opens with the warning about unbalanced totals, in red", () => {
    const first = xml.split("</w:p>")[0];
    expect(first).toContain("注意：本工作簿的勾稽关系有2处错误（收入支出决算总表2处）");
    expect(first).toContain('<w:color w:val="C00000"/>');
  });
});

describe("readNarrativeText for plain text", () => {
  it("decodes UTF-8, drops a BOM and normalises line ends", async () => {
    const bytes = new TextEncoder().encode("\uFEFF一、收入\r\n本年收入合计123.78万元。\r\n");
    expect(isDocx(bytes, "说明.txt")).toBe(false);
    expect(await readNarrativeText(bytes, "说明.txt")).toBe("一、收入\n本年收入合计123.78万元。\n");
  });
});
