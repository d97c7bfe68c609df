/** The fake must fail the way Excel fails, or the adapter tests prove nothing. */
import { FakeExcel, FakeRichApiError } from "../support/fake-excel";

async function inRun<T>(fake: FakeExcel, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  return fake.run({}, batch);
}

describe("fake Excel proxy rules", () => {
  it("throws PropertyNotLoaded for a property read before load + sync", async () => {
    const fake = new FakeExcel();
    fake.addSheet("表一", { A1: 5 });
    await inRun(fake, async (context) => {
      const holder = { range: context.workbook.worksheets.getItem("表一").getRange("A1") };
      expect(() => holder.range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      holder.range.load("values");
      expect(() => holder.range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(holder.range.values).toEqual([[5]]);
      expect(() => holder.range.text).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  it("applies writes only at sync, and reports No Fill as white with pattern None", async () => {
    const fake = new FakeExcel();
    const sheet = fake.addSheet("表一", { A1: 5 });
    await inRun(fake, async (context) => {
      const ws = context.workbook.worksheets.getItem("表一");
      ws.getRange("A1").format.fill.color = "#FFC7CE";
      expect(sheet.fillAt("A1").pattern).toBe("None");
      const props = ws.getRange("A2").getCellProperties({ format: { fill: { color: true, pattern: true } } });
      await context.sync();
      expect(sheet.fillAt("A1")).toEqual({ pattern: "Solid", color: "#FFC7CE" });
      expect(props.value[0][0].format?.fill).toEqual({ color: "#FFFFFF", pattern: "None" });
    });
  });

  it("drops the rest of a batch after a failing action, keeping what ran before", async () => {
    const fake = new FakeExcel();
    const open = fake.addSheet("开放", { A1: 1 });
    fake.addSheet("保护", { A1: 1 }).protected = true;
    const error = await inRun(fake, async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.getItem("开放").getRange("A1").format.fill.color = "#111111";
      sheets.getItem("保护").getRange("A1").format.fill.color = "#222222";
      sheets.getItem("开放").getRange("A2").format.fill.color = "#333333";
      await context.sync();
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FakeRichApiError);
    expect((error as FakeRichApiError).code).toBe("AccessDenied");
    expect(open.fillAt("A1").color).toBe("#111111");
    expect(open.fillAt("A2").pattern).toBe("None");
    expect(fake.syncs[0].failed).toBe(true);
  });

  it("fails newer APIs at sync on an older host, and refuses notes like Excel on the web when asked", async () => {
    const old = new FakeExcel({ apiVersion: 12 });
    old.addSheet("表一", { A1: 1 });
    await expect(
      inRun(old, async (context) => {
        context.workbook.worksheets.getItem("表一").getRange("A1").getMergedAreasOrNullObject().load("address");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });

    const web = new FakeExcel({ notesRefused: "add" });
    web.addSheet("表一", { A1: 1 });
    await expect(
      inRun(web, async (context) => {
        context.workbook.worksheets.getItem("表一").notes.add("A1", "x");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "GeneralException" });
  });

  it("rejects a batch that ends with unsynced work", async () => {
    const fake = new FakeExcel();
    fake.addSheet("表一", { A1: 1 });
    await expect(
      inRun(fake, async (context) => {
        context.workbook.worksheets.getItem("表一").getRange("A1").format.fill.clear();
      }),
    ).rejects.toThrow(/never synced/);
  });
});
