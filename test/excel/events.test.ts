import type { EditEvent } from "../../src/domain/port";
import { OwnWrites } from "../../src/excel/events";
import { FakeExcel } from "../support/fake-excel";
import { portFor } from "./workbook";

const tick = (ms = 20) => new Promise((resolve) => setTimeout(resolve, ms));

function book(apiVersion = 18): FakeExcel {
  const fake = new FakeExcel({ apiVersion });
  fake.addSheet("表一", { A1: 1 });
  fake.addSheet("表二", { A1: 2 });
  return fake;
}

describe("subscribeToEdits", () => {
  it("hands user edits over in batches, with sheet names", async () => {
    const fake = book();
    const received: EditEvent[][] = [];
    await portFor(fake).subscribeToEdits((events) => received.push(events));
    expect(fake.syncCount).toBe(1);
    await fake.fireChange("表一", "B3");
    await fake.fireChange("表二", "C4:C6");
    await tick();
    expect(received).toEqual([
      [
        { sheet: "表一", address: "B3" },
        { sheet: "表二", address: "C4:C6" },
      ],
    ]);
  });

  it("ignores the add-in's own writes (triggerSource ThisLocalAddin)", async () => {
    const fake = book();
    const received: EditEvent[][] = [];
    const port = portFor(fake);
    await port.subscribeToEdits((events) => received.push(events));
    await port.writeCellText("表一", "B2", "更正后的文字");
    await tick();
    expect(received).toEqual([]);
    await fake.fireChange("表一", "B2");
    await tick();
    expect(received).toEqual([[{ sheet: "表一", address: "B2" }]]);
  });

  it("ignores the add-in's own writes on hosts without triggerSource (ExcelApi < 1.14)", async () => {
    const fake = book(13);
    const received: EditEvent[][] = [];
    const port = portFor(fake);
    await port.subscribeToEdits((events) => received.push(events));
    await port.writeCellText("表一", "B2", "更正");
    await port.insertTextSheet("说明", ["第一段", "第二段"]);
    await tick();
    expect(received).toEqual([]);
    await fake.fireChange("表一", "C9"); // another cell: the user's
    await tick();
    expect(received).toEqual([[{ sheet: "表一", address: "C9" }]]);
  });

  it("finds the name of a sheet added after subscribing", async () => {
    const fake = book();
    const received: EditEvent[][] = [];
    await portFor(fake).subscribeToEdits((events) => received.push(events));
    fake.addSheet("新表", { A1: 1 });
    await fake.fireChange("新表", "A1");
    await tick();
    expect(received).toEqual([[{ sheet: "新表", address: "A1" }]]);
  });

  it("unsubscribe removes the handler through its own context", async () => {
    const fake = book();
    const received: EditEvent[][] = [];
    const unsubscribe = await portFor(fake).subscribeToEdits((events) => received.push(events));
    expect(fake.handlers.size).toBe(1);
    await unsubscribe();
    expect(fake.handlers.size).toBe(0);
    expect(fake.runs[1].options).toBe("previous context");
    await fake.fireChange("表一", "A1");
    await tick();
    expect(received).toEqual([]);
  });

  it("is a no-op on hosts without worksheet events (ExcelApi < 1.9)", async () => {
    const fake = book(8);
    const unsubscribe = await portFor(fake).subscribeToEdits(() => undefined);
    await unsubscribe();
    expect(fake.syncCount).toBe(0);
  });
});

describe("OwnWrites", () => {
  it("claims each expected write once, at its address and with its value; anything else is the user's", () => {
    const own = new OwnWrites();
    own.expect("表一", "$B$2", "更正");
    expect(own.claim("表一", "B2", "用户输入")).toBe(false); // same cell, another value: the user's
    expect(own.claim("表二", "B2", "更正")).toBe(false);
    expect(own.claim("表一", "B2", "更正")).toBe(true);
    expect(own.claim("表一", "B2", "更正")).toBe(false); // consumed: a second event is the user's
  });

  it("matches a block by its exact address when the host gives no value (multi-cell changes)", () => {
    const own = new OwnWrites();
    own.expect("说明", "A1:A40");
    expect(own.claim("说明", "A1:A3")).toBe(false);
    expect(own.claim("说明", "'说明'!$A$1:$A$40")).toBe(true);
  });

  it("forgets a write that failed, and numbers typed as text compare as numbers", () => {
    const own = new OwnWrites();
    const cancel = own.expect("表一", "C3", "12.50");
    cancel();
    expect(own.claim("表一", "C3", "12.50")).toBe(false);
    own.expect("表一", "C4", "12");
    expect(own.claim("表一", "C4", 12)).toBe(true);
  });
});
