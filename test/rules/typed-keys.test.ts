/**
 * Table keys are typed end to end. At compile time (`tsc -b` checks this file): a misspelt row or column
 * key in an identity declaration, a proofreader table lookup or a 说明 section lookup does not compile
 * (each `@ts-expect-error` below fails the type-check the day the key is accepted). At run time: the keys
 * each layout declares are the keys recognition gives the tables of every fixture workbook, so the
 * declarations the types come from are true.
 */
import { DECLARED_KEYS, keyedRow, type ColumnKey, type KeyedKind, type KindTable, type RowKey } from "../../src/domain/layouts/keys";
import type { RecognizedTable } from "../../src/domain/model";
import { TableSource } from "../../src/domain/narrative/source";
import type { TablePath } from "../../src/domain/proofread/table-lookup";
import { recognizeWorkbook } from "../../src/domain/recognize";
import type { DeclaredIdentity } from "../../src/domain/rules/identities/catalogue";
import { expectedFixtures, loadFixture } from "../support/fixtures";

describe("a misspelt key does not compile", () => {
  it("in an identity declaration", () => {
    const right: DeclaredIdentity = { id: "T2.1", statement: "本年收入合计 = 各项收入之和", severity: "error", kind: "income", form: "each-row", left: "total", right: ["fiscal", "other"] };
    const wrong: DeclaredIdentity = {
      id: "T2.1",
      statement: "本年收入合计 = 各项收入之和",
      severity: "error",
      kind: "income",
      form: "each-row",
      left: "total",
      // @ts-expect-error 收入决算表 has no column "fiscl"
      right: ["fiscl", "other"],
    };
    const otherTable: DeclaredIdentity = {
      id: "X1",
      statement: "收入总计 = 收入决算表合计",
      severity: "error",
      kind: "income",
      form: "sum",
      left: { row: "total", col: "total" },
      // @ts-expect-error 收入支出决算总表 has no row "grand-totl"
      right: [{ table: "income-expenditure-summary", row: "grand-totl", col: "amount", group: "income" }],
    };
    expect([right, wrong, otherTable].map((d) => d.kind)).toEqual(["income", "income", "income"]);
  });

  it("in a proofreader table lookup", () => {
    const paths: TablePath[] = [
      ["expenditure", "total", "basic"],
      // @ts-expect-error 支出决算表 has no column "basics"
      ["expenditure", "total", "basics"],
      // @ts-expect-error "basic" is a column of 支出决算表, not of 收入决算表
      ["income", "total", "basic"],
      ["three-public-expenses", "data", "reception.actual"],
      // @ts-expect-error the 三公 table's columns are item.measure
      ["three-public-expenses", "data", "reception.final"],
    ];
    expect(paths).toHaveLength(5);
  });

  it("in a 说明 section's lookup", () => {
    const source = new TableSource([]);
    expect(source.get("income-expenditure-summary", "grand-total", "amount", "income")).toBeUndefined();
    // @ts-expect-error 收入支出决算总表 has no row "grand-totl"
    expect(source.get("income-expenditure-summary", "grand-totl", "amount", "income")).toBeUndefined();
    // @ts-expect-error 一般公共预算财政拨款基本支出决算表 has one column, "amount"
    expect(source.figure(source.find("general-budget-basic-expenditure"), "total", "total")).toBeUndefined();
    const t6 = source.find("general-budget-basic-expenditure");
    if (t6) {
      expect(keyedRow(t6, "personnel-total")).toBeUndefined();
      // @ts-expect-error the 人员经费 total row is "personnel-total"
      expect(keyedRow(t6, "personnel")).toBeUndefined();
    }
    const typed: KindTable<"general-budget-basic-expenditure"> | undefined = t6;
    expect(typed).toBeUndefined();
    const code: RowKey<"expenditure"> = "code:2060702";
    const column: ColumnKey<"fiscal-summary"> = "general-budget";
    expect([code, column]).toHaveLength(2);
  });
});

/** Row keys besides the classification-code rows and the rows kept by label. */
function declaredRow(key: string): boolean {
  return key.startsWith("code:") || key.startsWith("label:");
}

it("the keys each layout declares are the keys the fixture workbooks' tables are read with", async () => {
  const seen: Record<string, { rows: Set<string>; columns: Set<string> }> = {};
  for (const name of Object.keys(expectedFixtures())) {
    const { tables } = recognizeWorkbook(await loadFixture(name));
    for (const table of tables as RecognizedTable[]) {
      if (!(table.kind in DECLARED_KEYS)) continue;
      const declared = DECLARED_KEYS[table.kind as KeyedKind];
      const mine = (seen[table.kind] ??= { rows: new Set(), columns: new Set() });
      for (const row of table.rows) {
        if (declaredRow(row.key)) continue;
        expect({ kind: table.kind, row: row.key, declared: (declared.rows as readonly string[]).includes(row.key) }).toEqual({ kind: table.kind, row: row.key, declared: true });
        mine.rows.add(row.key);
      }
      for (const c of table.columns) {
        expect({ kind: table.kind, column: c.key, declared: (declared.columns as readonly string[]).includes(c.key) }).toEqual({ kind: table.kind, column: c.key, declared: true });
        mine.columns.add(c.key);
      }
    }
  }
  // every core kind is among the fixtures, with its main keys
  expect(Object.keys(seen).sort()).toEqual(Object.keys(DECLARED_KEYS).sort());
  expect(seen["income-expenditure-summary"].rows).toContain("grand-total");
  expect(seen["fiscal-summary"].rows).toContain("opening-general-budget");
  expect(seen["three-public-expenses"].columns).toContain("total.actual");
});
