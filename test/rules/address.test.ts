/** Qualified addresses are written and read in one place (src/domain/address.ts); round trips included. */
import { formatAddress, parseAddress, qualify, splitSheet } from "../../src/domain/address";

it("quotes a sheet name only when Excel would, doubling quotes inside", () => {
  expect(qualify("收入决算表", "D7")).toBe("收入决算表!D7");
  expect(qualify("C01 收入支出决算总表", "D7")).toBe("'C01 收入支出决算总表'!D7");
  expect(qualify("Bob's", "A1")).toBe("'Bob''s'!A1");
});

it("reads back what it writes, for awkward sheet names too", () => {
  for (const sheet of ["收入决算表", "Sheet 1", "Bob's", "a!b", "2023", "'quoted'"]) {
    expect(parseAddress(formatAddress({ sheet, address: "AB12" }))).toEqual({ sheet, address: "AB12" });
  }
});

it("normalizes absolute and lower-case references and takes the first cell of a range", () => {
  expect(parseAddress("'My Sheet'!$b$3")).toEqual({ sheet: "My Sheet", address: "B3" });
  expect(parseAddress("表1!C7:D9")).toEqual({ sheet: "表1", address: "C7" });
});

it("refuses what is not a qualified cell", () => {
  for (const ref of ["B3", "!B3", "Sheet1!", "Sheet1!名称", "Sheet1!B"]) expect(parseAddress(ref)).toBeNull();
});

it("splits a sheet from a range, unqualified ranges included", () => {
  expect(splitSheet("'A b'!B3:C4")).toEqual({ sheet: "A b", range: "B3:C4" });
  expect(splitSheet("B3:C4")).toEqual({ sheet: null, range: "B3:C4" });
});
