/**
 * The scanner reads a large part piece by piece (ZipParts.xmlPiecesOf): wherever the pieces are cut — inside
 * a tag, a quoted `>`, an entity, a comment, CDATA, a DOCTYPE or a Chinese character's text — it must give
 * exactly the tokens it gives for the whole text, and detach() must keep the text unchanged.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { unzipSync, zipSync } from "fflate";
import { detach, Tok, XmlScanner, type XmlSource } from "../../src/xlsx/xml-scan";
import { PIECE_BYTES, ZipParts } from "../../src/xlsx/zip-parts";

const FIXTURES = join(__dirname, "..", "fixtures", "xlsx");

/** Every token with its name, attributes and decoded text, as the reader sees them. */
function tokens(input: string | XmlSource): string[] {
  const x = new XmlScanner(input);
  const out: string[] = [];
  try {
    while (x.next() !== Tok.End) {
      if (x.tok === Tok.Text) out.push(`T:${x.text()}`);
      else if (x.tok === Tok.Close) out.push(`/${x.name}`);
      else {
        const attrs: string[] = [];
        while (x.nextAttr()) attrs.push(`${x.attrName}=${x.attrValue}`);
        out.push(`<${x.name}${x.selfClosing ? "/" : ""} ${attrs.join(" ")}`);
      }
    }
  } catch (e) {
    out.push(`error: ${(e as Error).message}`);
  }
  return out;
}

function piecesAt(text: string, cuts: number[]): XmlSource {
  const pieces: string[] = [];
  let from = 0;
  for (const c of [...cuts, text.length]) {
    pieces.push(text.slice(from, c));
    from = c;
  }
  let i = 0;
  return () => (i < pieces.length ? pieces[i++] : undefined);
}

const TRICKY =
  '<?xml version="1.0" encoding="UTF-8"?>\r\n<!DOCTYPE x [<!ENTITY a "b">]><worksheet xmlns:x="u">' +
  '<!-- a comment with <c> inside --><sheetData><row r="1"><c r="A1" t="str"><f>IF(A2&gt;0,"&lt;&amp;&#x4E00;&#20108;",0)</f>' +
  '<v>一般公共预算财政拨款收入 &amp; 其他</v></c><c r="B1" x:t="inlineStr"><is><t xml:space="preserve"> 二 </t></is></c>' +
  '<c r="C1" s="a&gt;b" t=\'x"y\'/><c r="D1"><v><![CDATA[a<b]]]]></v></c></row></sheetData></worksheet>';

describe("XmlScanner over pieces", () => {
  test("a text cut in two at every position gives the tokens of the whole text", () => {
    const whole = tokens(TRICKY);
    expect(whole).toContain("T:IF(A2>0,\"<&一二\",0)");
    expect(whole).toContain("T:a<b]]");
    for (let cut = 0; cut <= TRICKY.length; cut++) expect(tokens(piecesAt(TRICKY, [cut]))).toEqual(whole);
  });

  test("many small pieces (every 3 to 7 characters) give the same tokens", () => {
    const whole = tokens(TRICKY);
    for (let step = 3; step <= 7; step++) {
      const cuts: number[] = [];
      for (let c = step; c < TRICKY.length; c += step) cuts.push(c);
      expect(tokens(piecesAt(TRICKY, cuts))).toEqual(whole);
    }
  });

  test("an unterminated tag or CDATA is still an error at the end of the last piece", () => {
    for (const bad of ['<a><b x="1', "<a><![CDATA[abc", "<a><!-- x", "<a><?pi"]) {
      const whole = tokens(bad);
      expect(whole[whole.length - 1]).toMatch(/^error: unterminated/);
      for (let cut = 0; cut <= bad.length; cut++) expect(tokens(piecesAt(bad, [cut]))).toEqual(whole);
    }
  });

  test("detach keeps every string as it is", () => {
    for (const s of ["", "a", "SUM(C5:C100)", "SUM(C5:C1000)", "一般公共预算财政拨款收入合计", TRICKY.slice(40, 400)]) expect(detach(s)).toBe(s);
  });
});

describe("ZipParts.xmlPiecesOf", () => {
  const files = readdirSync(FIXTURES).filter((f) => f.endsWith(".xlsx"));

  test("the pieces of every part of every fixture (each smaller than a few pieces) join to the part's text and scan to the same tokens", () => {
    for (const f of files) {
      const bytes = new Uint8Array(readFileSync(join(FIXTURES, f)));
      const names = Object.keys(unzipSync(bytes, { filter: (e) => /\.xml$/.test(e.name) }));
      for (const name of names) {
        const text = new ZipParts(bytes).textOf(name) ?? "";
        const source = new ZipParts(bytes).xmlPiecesOf(name);
        const pieces: string[] = [];
        for (let p = source?.(); p !== undefined; p = source?.()) pieces.push(p);
        expect(pieces.join("")).toBe(text);
        pieces.slice(1).forEach((p) => expect(p[0]).toBe("<"));
        expect(tokens(new ZipParts(bytes).xmlPiecesOf(name) as XmlSource)).toEqual(tokens(text));
      }
    }
  });

  test("a large part with Chinese text is cut into pieces that decode alike; UTF-16 parts come whole", () => {
    const rows: string[] = [];
    for (let r = 1; rows.join("").length < PIECE_BYTES * 4; r++) rows.push(`<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>一般公共服务支出${r}</t></is></c></row>`);
    const xml = `<?xml version="1.0" encoding="UTF-8"?><worksheet><sheetData>${rows.join("")}</sheetData></worksheet>`;
    const utf8 = new TextEncoder().encode(`\ufeff${xml}`);
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Uint16Array.from(xml, (ch) => ch.charCodeAt(0)).buffer)]);
    const zip = zipSync({ "a.xml": utf8, "b.xml": utf16 });
    for (const name of ["a.xml", "b.xml"]) {
      const source = new ZipParts(zip).xmlPiecesOf(name);
      const pieces: string[] = [];
      for (let p = source?.(); p !== undefined; p = source?.()) pieces.push(p);
      expect(pieces.join("")).toBe(xml);
      expect(pieces.length > 1).toBe(name === "a.xml");
      expect(tokens(new ZipParts(zip).xmlPiecesOf(name) as XmlSource)).toEqual(tokens(xml));
    }
  });
});
