/**
 * The direct .xlsx reader on hand-written packages: what Excel and WPS write that ExcelJS never
 * writes (inline rich text, phonetic guides, zh-CN built-in date formats, the 1904 system, prefixed
 * namespaces, rows and cells without addresses, chartsheets), and hostile packages.
 */
import { zipSync, strToU8 } from "fflate";
import { readXlsxSnapshot, shiftFormula } from "../../src/xlsx/ooxml-reader";
import { readWorkbookBuffer, UnreadableWorkbookError } from "../../src/xlsx/read-workbook";
import { PackageLimitError } from "../../src/xlsx/zip-parts";

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

interface Pkg {
  sheets: { name: string; xml: string; state?: string; chart?: boolean }[];
  shared?: string[];
  styles?: string;
  date1904?: boolean;
}

function pkg(p: Pkg): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  // every real package has its content types; the input guard refuses a zip without them as "not a workbook"
  files["[Content_Types].xml"] = strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  files["_rels/.rels"] = strToU8(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  const sheetTags = p.sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"${s.state ? ` state="${s.state}"` : ""}/>`).join("");
  files["xl/workbook.xml"] = strToU8(`<workbook ${NS}>${p.date1904 ? '<workbookPr date1904="1"/>' : ""}<sheets>${sheetTags}</sheets></workbook>`);
  const rels = p.sheets.map((s, i) =>
    s.chart
      ? `<Relationship Id="rId${i + 1}" Type="${REL}/chartsheet" Target="chartsheets/sheet${i + 1}.xml"/>`
      : `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="/xl/worksheets/s${i + 1}.xml"/>`,
  );
  rels.push(`<Relationship Id="rS" Type="${REL}/sharedStrings" Target="strings.xml"/>`, `<Relationship Id="rT" Type="${REL}/styles" Target="styles.xml"/>`);
  files["xl/_rels/workbook.xml.rels"] = strToU8(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`);
  p.sheets.forEach((s, i) => (files[s.chart ? `xl/chartsheets/sheet${i + 1}.xml` : `xl/worksheets/s${i + 1}.xml`] = strToU8(s.xml)));
  if (p.shared) files["xl/strings.xml"] = strToU8(`<sst ${NS}>${p.shared.join("")}</sst>`);
  if (p.styles) files["xl/styles.xml"] = strToU8(p.styles);
  return zipSync(files);
}

const sheet = (data: string, extra = "") => `<?xml version="1.0" encoding="UTF-8"?>\r\n<worksheet ${NS}><sheetData>${data}</sheetData>${extra}</worksheet>`;

describe("readXlsxSnapshot", () => {
  it("reads shared, inline and rich strings, phonetic guides left out, escapes decoded", () => {
    const snap = readXlsxSnapshot(
      pkg({
        shared: [
          "<si><t>收入</t><rPh sb=\"0\" eb=\"2\"><t>しゅうにゅう</t></rPh><phoneticPr fontId=\"1\"/></si>",
          "<si><r><rPr><b/></rPr><t>一般公共</t></r><r><t xml:space=\"preserve\"> 预算</t></r></si>",
          "<si><t>第一行_x000D_\r\n第二行 &amp; &#x4e00;</t></si>",
        ],
        sheets: [
          {
            name: "表",
            xml: sheet(
              '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>' +
                '<row r="2"><c r="A2" t="inlineStr"><is><t>内联</t></is></c><c r="B2" t="inlineStr"><is><r><t>富</t></r><r><t>文本</t></r></is></c></row>',
            ),
          },
        ],
      }),
    );
    const cells = snap.sheets[0].cells;
    expect(cells[0].map((c) => c?.v)).toEqual(["收入", "一般公共 预算", "第一行\r\n第二行 & 一"]);
    expect(cells[1].map((c) => c?.t)).toEqual(["内联", "富文本"]);
  });

  it("resolves number formats by id (custom, built-in, zh-CN built-in dates) and reads 1904 dates", () => {
    const styles = `<styleSheet ${NS}><numFmts count="1"><numFmt numFmtId="176" formatCode="#,##0.00_);\\(#,##0.00\\)"/></numFmts>
      <cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
      <cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="176"><alignment horizontal="center"/></xf><xf numFmtId="10"/><xf numFmtId="31"/><xf numFmtId="14"/></cellXfs></styleSheet>`;
    const data = '<row r="1"><c r="A1" s="1"><v>-1234.5</v></c><c r="B1" s="2"><v>0.1234</v></c><c r="C1" s="3"><v>45000</v></c><c r="D1" s="4"><v>0</v></c></row>';
    const s1900 = readXlsxSnapshot(pkg({ styles, sheets: [{ name: "a", xml: sheet(data) }] })).sheets[0];
    expect(s1900.cells[0][0]).toEqual({ v: -1234.5, t: "(1,234.50)", f: "#,##0.00_);(#,##0.00)" });
    expect(s1900.cells[0][1]).toEqual({ v: 0.1234, t: "12.34%", f: "0.00%" });
    expect(s1900.cells[0][2]).toEqual({ v: "2023-03-15", t: "2023-03-15", f: 'yyyy"年"m"月"d"日"' });
    expect(s1900.cells[0][3]?.v).toBe("1899-12-30");
    const s1904 = readXlsxSnapshot(pkg({ styles, date1904: true, sheets: [{ name: "a", xml: sheet(data) }] })).sheets[0];
    expect(s1904.cells[0][2]?.v).toBe("2027-03-16");
    expect(s1904.cells[0][3]?.v).toBe("1904-01-01");
  });

  it("keeps errors, booleans, formula results (0 included) and shifts shared formulas", () => {
    const s = readXlsxSnapshot(
      pkg({
        sheets: [
          {
            name: "a",
            xml: sheet(
              '<row r="1"><c r="A1" t="e"><v>#DIV/0!</v></c><c r="B1" t="b"><v>1</v></c><c r="C1"><f>B1*0</f><v>0</v></c><c r="D1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c></row>' +
                '<row r="2"><c r="A2"><f t="shared" ref="A2:A4" si="0">SUM(B2:C2)+$D$1+"B2"</f><v>1</v></c></row>' +
                '<row r="4"><c r="A4"><f t="shared" si="0"/><v>3</v></c></row>',
            ),
          },
        ],
      }),
    ).sheets[0];
    expect(s.cells[0][0]).toEqual({ v: "#DIV/0!", t: "#DIV/0!", error: true });
    expect(s.cells[0][1]).toEqual({ v: true, t: "true" });
    expect(s.cells[0][2]).toEqual({ v: 0, t: "0", formula: "B1*0" });
    expect(s.cells[0][3]).toEqual({ v: "ab", t: "ab", formula: '"a"&"b"' });
    expect(s.cells[3][0]?.formula).toBe('SUM(B4:C4)+$D$1+"B2"');
    expect(shiftFormula("LOG10(A1)+Sheet2!B2", 1, 1)).toBe("LOG10(B2)+Sheet2!C3");
  });

  it("reads merges (slaves blank), hidden rows, columns and sheets, protection, prefixed tags, rows and cells without addresses; skips chartsheets", () => {
    const xml = `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:cols><x:col min="2" max="3" hidden="1"/></x:cols><x:sheetData>
      <x:row><x:c t="inlineStr"><x:is><x:t>标题</x:t></x:is></x:c><x:c><x:v>9</x:v></x:c></x:row>
      <x:row hidden="1"><x:c><x:v>1</x:v></x:c><x:c><x:v>2</x:v></x:c></x:row></x:sheetData>
      <x:sheetProtection sheet="1"/><x:mergeCells><x:mergeCell ref="A1:B1"/></x:mergeCells></x:worksheet>`;
    const snap = readXlsxSnapshot(pkg({ sheets: [{ name: "图", xml: "<chartsheet/>", chart: true }, { name: "隐藏", xml, state: "hidden" }] }));
    expect(snap.sheets).toHaveLength(1);
    const s = snap.sheets[0];
    expect(s).toMatchObject({ name: "隐藏", index: 0, hidden: true, protected: true, rowCount: 2, colCount: 2, hiddenRows: [1], hiddenCols: [1, 2] });
    expect(s.cells[0][0]?.v).toBe("标题");
    expect(s.cells[0][1]).toBeUndefined();
    expect(s.cells[1].map((c) => c?.v)).toEqual([1, 2]);
  });

  it("bounds memory on hostile packages: huge declared parts are refused, whole-sheet merges cost nothing", async () => {
    const bomb = pkg({ sheets: [{ name: "a", xml: sheet('<row r="1"><c r="A1"><v>1</v></c></row>') }] });
    // Declare 3 GB for the sheet part in the central directory.
    const dv = new DataView(bomb.buffer, bomb.byteOffset, bomb.byteLength);
    const text = new TextDecoder("latin1").decode(bomb);
    let cd = text.indexOf("PK\x01\x02");
    let patched = false;
    while (cd >= 0) {
      const nameLen = dv.getUint16(cd + 28, true);
      if (text.slice(cd + 46, cd + 46 + nameLen) === "xl/worksheets/s1.xml") {
        dv.setUint32(cd + 24, 3_000_000_000, true);
        patched = true;
      }
      cd = text.indexOf("PK\x01\x02", cd + 4);
    }
    expect(patched).toBe(true);
    expect(() => readXlsxSnapshot(bomb)).toThrow(PackageLimitError);
    await expect(readWorkbookBuffer(bomb, "炸弹.xlsx")).rejects.toThrow(/炸弹\.xlsx：文件解压后过大/);

    const merge = readXlsxSnapshot(
      pkg({ sheets: [{ name: "a", xml: sheet('<row r="1"><c r="A1"><v>1</v></c><c r="C1"><v>2</v></c></row><row r="1048576" hidden="1"/>', '<mergeCells><mergeCell ref="A1:XFD1048576"/></mergeCells>') }] }),
    ).sheets[0];
    expect(merge.rowCount).toBe(1);
    expect(merge.cells[0]).toHaveLength(1);
    expect(merge.merges).toEqual([{ top: 0, left: 0, bottom: 1048575, right: 16383 }]);
  });

  it("turns a broken package into a zh-CN message naming the file", async () => {
    const broken = pkg({ sheets: [{ name: "a", xml: "<worksheet><sheetData><row><c><v>1</v" }] });
    await expect(readWorkbookBuffer(broken, "坏.xlsx")).rejects.toBeInstanceOf(UnreadableWorkbookError);
    await expect(readWorkbookBuffer(broken, "坏.xlsx")).rejects.toThrow(/坏\.xlsx：文件已损坏/);
  });
});
