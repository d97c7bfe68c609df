import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { readNumber, parseNumberText, formatDecimals, displayedValue, numberKind } from "../../src/domain/numbers";
import { readWorkbookBuffer } from "../../src/xlsx/read-workbook";
import { Decimal } from "../../src/domain/decimal";
import { qualify } from "../../src/domain/address";
import { toA1, fromA1, a1ToBox, boxToA1, columnLetters } from "../../src/domain/grid";
import { normalizeLabel, stripOrdinal } from "../../src/domain/text";

function num(r: ReturnType<typeof readNumber>): string {
  if (r.kind !== "number") throw new Error(`expected a number, got ${r.kind}`);
  return `${r.value.toString()}@${r.decimals}`;
}

describe("reading numbers exactly", () => {
  it("reads numbers stored as text with thousands separators, full-width digits and parentheses", () => {
    expect(num(parseNumberText("1,234.56"))).toBe("1234.56@2");
    expect(num(parseNumberText("１２３"))).toBe("123@0");
    expect(num(parseNumberText("(12.00)"))).toBe("-12@2");
    expect(num(parseNumberText("12.3%"))).toBe("0.123@3");
    expect(num(parseNumberText(" 11,122,315.04 "))).toBe("11122315.04@2");
  });

  it("treats blanks and dashes as zero-by-convention and flags words", () => {
    for (const t of ["", "—", "-", "——", "－", " "]) expect(parseNumberText(t).kind).toBe("blank");
    expect(parseNumberText("12,3o4.00").kind).toBe("not-a-number");
    expect(parseNumberText("见附件").kind).toBe("not-a-number");
    expect(parseNumberText("1,23,4").kind).toBe("not-a-number");
  });

  it("takes displayed decimals from the number format, so 4-decimal 万元 values are checked at 2", () => {
    const r = readNumber({ v: 503.2354, t: "503.24", f: "#,##0.00" });
    expect(num(r)).toBe("503.2354@2");
    if (r.kind === "number") expect(displayedValue(r.value, r.decimals).toString()).toBe("503.24");
    expect(num(readNumber({ v: 0.995, t: "99.50%", f: "0.00%" }))).toBe("0.995@4");
  });

  it("never goes through binary floating point when summing", () => {
    const a = readNumber({ v: 0.1, t: "0.1" });
    const b = readNumber({ v: 0.2, t: "0.2" });
    if (a.kind !== "number" || b.kind !== "number") throw new Error("numbers expected");
    expect(a.value.plus(b.value).equals(new Decimal("0.3"))).toBe(true);
  });

  it("rounds half-up like Excel ROUND, also for negatives", () => {
    expect(displayedValue(new Decimal("2.345"), 2).toString()).toBe("2.35");
    expect(displayedValue(new Decimal("-2.345"), 2).toString()).toBe("-2.35");
  });

  it("reports Excel errors and booleans as not-a-number", () => {
    expect(readNumber({ v: "#REF!", t: "#REF!", error: true }).kind).toBe("not-a-number");
    expect(readNumber({ v: true, t: "TRUE" }).kind).toBe("not-a-number");
  });

  it("knows the decimals of common formats", () => {
    expect(formatDecimals("#,##0.00")).toBe(2);
    expect(formatDecimals("0.0%")).toBe(1);
    expect(formatDecimals("0")).toBe(0);
    expect(formatDecimals("General")).toBeUndefined();
    expect(formatDecimals('#,##0.00_);[Red](#,##0.00)')).toBe(2);
  });
});

describe("A1 addressing and labels", () => {
  it("round-trips addresses", () => {
    expect(toA1(0, 0)).toBe("A1");
    expect(columnLetters(26)).toBe("AA");
    expect(columnLetters(16383)).toBe("XFD");
    expect(fromA1("$AB$12")).toEqual({ row: 11, col: 27 });
    expect(boxToA1(a1ToBox("H20:B3"))).toBe("B3:H20");
    expect(qualify("收入决算表", "D7")).toBe("收入决算表!D7");
    expect(qualify("C01 收入支出决算总表", "D7")).toBe("'C01 收入支出决算总表'!D7");
  });

  it("normalises labels across widths, spaces, quotes and 繁体 unit words", () => {
    expect(normalizeLabel("財政撥款“三公”經費")).toContain('"三公"');
    expect(normalizeLabel("單位：萬元")).toBe("单位:万元");
    expect(normalizeLabel("本 年 收 入 合 计")).toBe("本年收入合计");
    expect(stripOrdinal("一、一般公共预算财政拨款收入")).toBe("一般公共预算财政拨款收入");
    expect(stripOrdinal("（三）国有资本经营预算财政拨款")).toBe("国有资本经营预算财政拨款");
    expect(stripOrdinal("其中：当年财政拨款")).toBe("当年财政拨款");
  });
});

describe("numberKind (recognition's cheap question) agrees with readNumber", () => {
  // texts built from the pieces that decide the reading: signs, brackets, separators, full-width digits, %, dashes
  const piece = fc.constantFrom("1", "23", "456", ",", ",000", ".", ".5", "-", "+", "(", ")", "%", "¥", "１", "２", "—", " ", "\u00a0", "/", "e", "万");
  const text = fc.array(piece, { maxLength: 8 }).map((ps) => ps.join(""));
  const value = fc.oneof(text, fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(""));
  const cell = fc.record({ v: value, t: fc.oneof(text, fc.constant("")), f: fc.constantFrom(undefined, "#,##0.00", "0.0%", "General"), error: fc.constantFrom(undefined, true) });

  it("on generated cells (texts, numbers, booleans, blanks, errors)", () => {
    fc.assert(
      fc.property(fc.option(cell, { nil: undefined }), (c) => {
        const snapshot = c && { v: c.v, t: c.t, ...(c.f ? { f: c.f } : {}), ...(c.error ? { error: true } : {}) };
        expect(numberKind(snapshot)).toBe(readNumber(snapshot).kind);
      }),
      { numRuns: 2000 },
    );
  });

  it("on the cells of every sample workbook", async () => {
    const dir = join(__dirname, "..", "fixtures", "xlsx");
    let checked = 0;
    for (const name of readdirSync(dir).filter((f) => f.endsWith(".xlsx"))) {
      const snap = await readWorkbookBuffer(new Uint8Array(readFileSync(join(dir, name))), name);
      for (const sheet of snap.sheets) for (const row of sheet.cells) for (const c of row ?? []) {
        expect(numberKind(c)).toBe(readNumber(c).kind);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10_000);
  });
});
