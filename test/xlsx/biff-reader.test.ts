/**
 * The .xls / .et reader: LibreOffice's BIFF8 copies of sample workbooks give the same tables and
 * findings as their .xlsx originals, and a hand-built BIFF8 stream exercises the records those copies
 * happen not to contain (strings split across CONTINUE, RK/MULRK, cached formula strings, errors,
 * the 1904 system, hidden rows/columns/sheets, protection).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as CFB from "cfb";
import { checkWorkbook } from "../../src/domain/engine";
import { formatNumber } from "../../src/domain/number-format";
import { readXlsSnapshot } from "../../src/xlsx/biff-reader";
import { readWorkbookBuffer, readWorkbookFile } from "../../src/xlsx/read-workbook";

const FIXTURES = join(__dirname, "..", "fixtures");

function summary(result: ReturnType<typeof checkWorkbook>) {
  return {
    tables: result.tables.map(({ sheet, kind, range, unit, year, unitName }) => ({ sheet, kind, range, unit, year, unitName })),
    findings: result.findings.map(({ rule, severity, sheet, cell, cells, message, expected, actual }) => ({ rule, severity, sheet, cell, cells, message, expected, actual })),
  };
}

describe(".xls copies of sample packages", () => {
  it.each(["beijing-12-tables-2023", "broken-t1-total", "self-eval-project-2024"])("%s: the .xls gives the tables and findings of the .xlsx", async (name) => {
    const xlsx = await readWorkbookFile(join(FIXTURES, "xlsx", `${name}.xlsx`));
    const xls = await readWorkbookFile(join(FIXTURES, "xls", `${name}.xls`));
    const a = summary(checkWorkbook(xlsx));
    expect(a.tables.length).toBeGreaterThan(0);
    expect(summary(checkWorkbook(xls))).toEqual(a);
    // cell by cell: every non-empty cell reads the same value, text and format
    expect(xls.sheets.map((s) => [s.name, s.hidden])).toEqual(xlsx.sheets.map((s) => [s.name, s.hidden]));
    xlsx.sheets.forEach((s, i) => {
      const t = xls.sheets[i];
      const order = (m: { top: number; left: number }[]) => [...m].sort((a, b) => a.top - b.top || a.left - b.left);
      expect(order(t.merges)).toEqual(order(s.merges));
      for (let r = 0; r < s.rowCount; r++) {
        for (let c = 0; c < s.colCount; c++) {
          const x = s.cells[r]?.[c];
          if (!x || x.v === "") continue;
          const y = t.cells[r]?.[c];
          expect([r, c, y?.v, y?.t, y?.f]).toEqual([r, c, x.v, x.t, x.f]);
        }
      }
    });
  });

  it("reads a WPS .et that is a BIFF8 compound file by its content, not its name", async () => {
    const bytes = readFileSync(join(FIXTURES, "xls", "broken-t1-total.xls"));
    const snap = await readWorkbookBuffer(bytes, "部门决算.et");
    expect(checkWorkbook(snap).findings.some((f) => f.rule === "T1.1" || f.rule.startsWith("T1"))).toBe(true);
  });
});

/** A BIFF8 record. */
function rec(id: number, ...parts: (number[] | Uint8Array)[]): number[] {
  const body = parts.flatMap((p) => Array.from(p));
  return [id & 0xff, id >> 8, body.length & 0xff, body.length >> 8, ...body];
}
const w16 = (n: number) => [n & 0xff, (n >> 8) & 0xff];
const w32 = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff];
const f64 = (x: number) => Array.from(new Uint8Array(new Float64Array([x]).buffer));
const utf16 = (s: string) => Array.from(s, (ch) => w16(ch.charCodeAt(0))).flat();
const latin = (s: string) => Array.from(s, (ch) => ch.charCodeAt(0));
const rkInt = (n: number) => w32(((n << 2) | 2) >>> 0);
const rkCents = (n: number) => w32((((n * 100) << 2) | 3) >>> 0);

function biffWorkbook(): Uint8Array {
  const bof = (dt: number) => rec(0x0809, w16(0x0600), w16(dt), w16(0), w16(0), w32(0), w32(0));
  const xfs = [0, 0, 4, 0xb1, 14].map((ifmt) => rec(0x00e0, w16(0), w16(ifmt), new Array(16).fill(0)));
  // SST: "合计" (UTF-16) then "Total支出" split across a CONTINUE in its characters, switching to UTF-16
  const sst = rec(0x00fc, w32(2), w32(2), w16(2), [1], utf16("合计"), w16(7), [0], latin("Tot"));
  const cont = rec(0x003c, [1], utf16("al支出"));
  const sheetName = (name: string, hidden: number, offset: number) => rec(0x0085, w32(offset), [hidden, 0], [name.length, 1], utf16(name));
  const globalsWithout = (o1: number, o2: number) => [
    ...bof(5),
    ...rec(0x0022, w16(1)),
    ...rec(0x041e, w16(0xb1), w16(8), [1], utf16('0.0"万元"')),
    ...xfs.flat(),
    ...sheetName("收入决算表", 0, o1),
    ...sheetName("隐藏", 1, o2),
    ...sst,
    ...cont,
    ...rec(0x000a),
  ];
  const sheet1 = [
    ...bof(0x10),
    ...rec(0x0012, w16(1)),
    ...rec(0x007d, w16(2), w16(3), w16(0), w16(0), w16(1), w16(0)),
    ...rec(0x0208, w16(1), w16(0), w16(4), w16(255), w16(0), w16(0), w16(0x20), w16(0)),
    ...rec(0x00fd, w16(0), w16(0), w16(0), w32(0)),
    ...rec(0x00fd, w16(0), w16(1), w16(0), w32(1)),
    ...rec(0x027e, w16(1), w16(0), w16(2), rkCents(1234.5)),
    ...rec(0x00bd, w16(1), w16(1), w16(3), rkInt(42), w16(3), rkInt(-7), w16(2)),
    ...rec(0x0203, w16(2), w16(0), w16(4), f64(45000)),
    ...rec(0x0006, w16(2), w16(1), w16(0), [0, 0, 0, 0, 0, 0, 0xff, 0xff], w16(0), w32(0), w16(0)),
    ...rec(0x0207, w16(2), [0], latin("ok")),
    ...rec(0x0006, w16(2), w16(2), w16(0), [2, 0, 0x07, 0, 0, 0, 0xff, 0xff], w16(0), w32(0), w16(0)),
    ...rec(0x0006, w16(2), w16(3), w16(2), f64(0), w16(0), w32(0), w16(0)),
    ...rec(0x0205, w16(3), w16(0), w16(0), [1, 0]),
    ...rec(0x0205, w16(3), w16(1), w16(0), [0x17, 1]),
    ...rec(0x00e5, w16(1), w16(4), w16(5), w16(0), w16(2)),
    ...rec(0x0204, w16(4), w16(0), w16(0), w16(2), [0], latin("AB")),
    ...rec(0x0204, w16(4), w16(1), w16(0), w16(1), [0], latin("x")),
    ...rec(0x000a),
  ];
  const sheet2 = [...bof(0x10), ...rec(0x0203, w16(0), w16(0), w16(0), f64(1)), ...rec(0x000a)];
  const g0 = globalsWithout(0, 0).length;
  const stream = [...globalsWithout(g0, g0 + sheet1.length), ...sheet1, ...sheet2];
  const cfb = CFB.utils.cfb_new();
  CFB.utils.cfb_add(cfb, "Workbook", Uint8Array.from(stream));
  return Uint8Array.from(CFB.write(cfb, { type: "array" }) as number[]);
}

describe("readXlsSnapshot", () => {
  it("reads the records the engine needs", () => {
    const snap = readXlsSnapshot(biffWorkbook(), "手工.xls");
    expect(snap.sheets.map((s) => [s.name, s.hidden])).toEqual([["收入决算表", false], ["隐藏", true]]);
    const s = snap.sheets[0];
    expect(s.protected).toBe(true);
    expect(s.hiddenCols).toEqual([2, 3]);
    expect(s.hiddenRows).toEqual([1]);
    expect(s.merges).toEqual([{ top: 4, bottom: 5, left: 0, right: 2 }]);
    const v = (r: number, c: number) => s.cells[r]?.[c];
    expect([v(0, 0)?.v, v(0, 1)?.v]).toEqual(["合计", "Total支出"]);
    expect(v(1, 0)).toEqual({ v: 1234.5, t: "1,234.50", f: "#,##0.00" });
    expect([v(1, 1), v(1, 2)]).toEqual([
      { v: 42, t: formatNumber(42, '0.0"万元"'), f: '0.0"万元"' },
      { v: -7, t: formatNumber(-7, '0.0"万元"'), f: '0.0"万元"' },
    ]);
    // 1904 system: serial 45000 is 2027-03-16
    expect(v(2, 0)).toEqual({ v: "2027-03-16", t: "2027-03-16", f: "mm-dd-yy" });
    expect(v(2, 1)?.v).toBe("ok");
    expect(v(2, 2)).toEqual({ v: "#DIV/0!", t: "#DIV/0!", error: true });
    expect(v(2, 3)?.t).toBe("0.00");
    expect([v(3, 0)?.v, v(3, 1)?.v, v(3, 1)?.error]).toEqual([true, "#REF!", true]);
    expect([v(4, 0)?.v, v(4, 1)]).toEqual(["AB", undefined]);
  });

  it("says how to convert what it cannot read", async () => {
    const enc = CFB.utils.cfb_new();
    CFB.utils.cfb_add(enc, "EncryptionInfo", new Uint8Array(8));
    CFB.utils.cfb_add(enc, "EncryptedPackage", new Uint8Array(8));
    await expect(readWorkbookBuffer(Uint8Array.from(CFB.write(enc, { type: "array" }) as number[]), "加密.xlsx")).rejects.toThrow(/加密\.xlsx：.*密码/);
    const doc = CFB.utils.cfb_new();
    CFB.utils.cfb_add(doc, "WordDocument", new Uint8Array(8));
    await expect(readWorkbookBuffer(Uint8Array.from(CFB.write(doc, { type: "array" }) as number[]), "说明.xls")).rejects.toThrow(/说明\.xls：.*另存为 \.xlsx/);
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    await expect(readWorkbookBuffer(ole, "旧表.xls")).rejects.toThrow(/旧表\.xls：.*另存为 \.xlsx/);
  });
});
