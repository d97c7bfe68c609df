/**
 * The reader matches the common cell and string-item shapes whole with a sticky regex (ooxml-reader.ts
 * PLAIN_CELL, PLAIN_STRING_ITEM) and leaves every other form to the tokenizer. Both paths must read the same
 * thing: each fixture is read as it is (nearly every cell and row on the fast path) and again with its XML
 * re-spaced so that no element matches the fast path (`<c  r=`, `<row  r=`, `<si> <t>`: the same document for an
 * XML parser), and the two snapshots must be equal cell by cell.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { readXlsxSnapshot } from "../../src/xlsx/ooxml-reader";
import { PIECE_BYTES } from "../../src/xlsx/zip-parts";
import { bigExpenditureWorkbook } from "../support/big-workbook";
import { snapshotDifferences } from "./differential.test";

const FIXTURES = join(__dirname, "..", "fixtures");

/** The same package with every cell and string item written so the fast paths cannot match them. */
function slowPathCopy(bytes: Uint8Array): { copy: Uint8Array; cells: number; items: number } {
  const parts = unzipSync(bytes);
  let cells = 0;
  let items = 0;
  for (const [name, data] of Object.entries(parts)) {
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(name)) {
      parts[name] = strToU8(
        strFromU8(data)
          .replace(/<c r=/g, () => (cells++, "<c  r="))
          .replace(/<row r=/g, "<row  r="),
      );
    } else if (/^xl\/sharedStrings\.xml$/.test(name)) {
      parts[name] = strToU8(strFromU8(data).replace(/<si><t/g, () => (items++, "<si> <t")));
    }
  }
  return { copy: zipSync(parts), cells, items };
}

const files = ["xlsx", "unseen"].flatMap((dir) =>
  readdirSync(join(FIXTURES, dir))
    .filter((f) => f.endsWith(".xlsx"))
    .map((f) => join(FIXTURES, dir, f)),
);

describe("fast path and tokenizer read the same", () => {
  it("has fixtures to compare", () => expect(files.length).toBeGreaterThan(40));

  it.each(files.map((f) => [f.split(/[\\/]/).slice(-2).join("/"), f]))("%s", (_name, file) => {
    const bytes = new Uint8Array(readFileSync(file));
    const { copy, cells } = slowPathCopy(bytes);
    expect(cells).toBeGreaterThan(0);
    const fast = readXlsxSnapshot(bytes, "x.xlsx");
    const slow = readXlsxSnapshot(copy, "x.xlsx");
    expect(snapshotDifferences(slow, fast)).toEqual([]);
    expect(JSON.stringify(fast)).toBe(JSON.stringify(slow));
  });

  it("reads a sheet of many pieces alike: an element cut at a piece's end goes through the tokenizer", async () => {
    const bytes = new Uint8Array(await bigExpenditureWorkbook(3000).xlsx.writeBuffer());
    const sheetXml = unzipSync(bytes)["xl/worksheets/sheet1.xml"];
    expect(sheetXml.length).toBeGreaterThan(10 * PIECE_BYTES);
    const { copy, cells } = slowPathCopy(bytes);
    expect(cells).toBeGreaterThan(12_000);
    expect(JSON.stringify(readXlsxSnapshot(bytes))).toBe(JSON.stringify(readXlsxSnapshot(copy)));
  });

  it("reads values the fast path leaves to the tokenizer (entities, CR, rich text, formulas, inline strings) and hidden rows", () => {
    const sheet =
      `<worksheet><sheetData>` +
      `<row r="2" spans="1:2" hidden="1"><c r="A2"><v>1</v></c></row>` +
      `<row r="3" x:hidden="0" hidden="1"><c r="A3"><v>2</v></c></row>` +
      `<row r="4" customHeight="1" hidden="true"/><row r="5" hidden="0"><c r="A5"><v>3</v></c></row>` +
      `<row r="1">` +
      `<c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>` +
      `<c r="D1" t="inlineStr"><is><t>行内</t></is></c><c r="E1"><f>1+1</f><v>2</v></c><c r="F1" t="str"><v>a&amp;b</v></c>` +
      `<c r="G1" s="1"><v>1234.5</v></c><c r="H1"/><c r="I1" s="1"></c><c r="J1" t="e"><v>#REF!</v></c><c r="K1" t="b"><v>1</v></c>` +
      `</row></sheetData></worksheet>`;
    const strings = `<sst><si><t>甲&amp;乙</t></si><si><r><t>富</t></r><r><t>文本</t></r></si><si><t xml:space="preserve"> 空格 </t></si></sst>`;
    const styles = `<styleSheet><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="4"/></cellXfs></styleSheet>`;
    const pkg = zipSync({
      "[Content_Types].xml": strToU8(`<Types/>`),
      "xl/workbook.xml": strToU8(`<workbook><sheets><sheet name="表" sheetId="1" r:id="rId1"/></sheets></workbook>`),
      "xl/_rels/workbook.xml.rels": strToU8(
        `<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>` +
          `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>` +
          `<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
      ),
      "xl/worksheets/sheet1.xml": strToU8(sheet),
      "xl/sharedStrings.xml": strToU8(strings),
      "xl/styles.xml": strToU8(styles),
    });
    const read = readXlsxSnapshot(pkg);
    expect(JSON.stringify(read)).toBe(JSON.stringify(readXlsxSnapshot(slowPathCopy(pkg).copy)));
    // the first attribute named hidden decides (x:hidden="0" on row 3), as the tokenizer's attr() reads it
    expect(read.sheets[0].hiddenRows).toEqual([1]);
    const row = read.sheets[0].cells[0];
    expect(Array.from(row, (c) => c?.v ?? null)).toEqual(["甲&乙", "富文本", " 空格 ", "行内", 2, "a&b", 1234.5, null, null, "#REF!", true]);
    expect(row[4]?.formula).toBe("1+1");
    expect(row[6]?.t).toBe("1,234.50");
    expect(row[9]?.error).toBe(true);
  });
});
