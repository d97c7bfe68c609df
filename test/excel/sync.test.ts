import { ExcelPortError, ExcelTimeoutError, MESSAGES } from "../../src/excel/errors";
import { syncWithTimeout } from "../../src/excel/sync";
import { portFor, twelveSheetWorkbook } from "./workbook";

describe("syncWithTimeout", () => {
  it("rejects with the zh-CN retry message when a sync hangs", async () => {
    const hung = { sync: () => new Promise<void>(() => undefined) };
    const error = await syncWithTimeout(hung, 20).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExcelTimeoutError);
    expect((error as ExcelTimeoutError).message).toBe("Excel 响应超时，请重试（网页版 Excel 有时会卡住）");
    expect((error as ExcelTimeoutError).retryable).toBe(true);
  });

  it("resolves with the sync and leaves no timer behind", async () => {
    jest.useFakeTimers();
    try {
      await syncWithTimeout({ sync: () => Promise.resolve() }, 20_000);
      expect(jest.getTimerCount()).toBe(0);
    } finally {
      jest.useRealTimers();
    }
  });

  it("passes the sync's own failure through", async () => {
    const failing = { sync: () => Promise.reject(Object.assign(new Error("denied"), { code: "AccessDenied" })) };
    await expect(syncWithTimeout(failing, 1000)).rejects.toMatchObject({ code: "AccessDenied" });
  });
});

describe("port on a stuck Excel", () => {
  it("readSnapshot fails with the timeout message when the second sync never returns", async () => {
    const fake = twelveSheetWorkbook();
    fake.hangOnSync = 2;
    const error = await portFor(fake, { syncTimeoutMs: 30 })
      .readSnapshot()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExcelPortError);
    expect((error as ExcelPortError).message).toBe(MESSAGES.timeout);
    expect((error as ExcelPortError).code).toBe("Timeout");
  });

  it("writeMarks does not fall back to comments on a timeout — it reports it for 重试", async () => {
    const fake = twelveSheetWorkbook();
    fake.hangOnSync = 2; // the write sync
    const port = portFor(fake, { syncTimeoutMs: 30 });
    await expect(
      port.writeMarks([{ sheet: "收入决算表", address: "E4", severity: "error", note: "【决算助手】x", rules: ["R"] }]),
    ).rejects.toMatchObject({ code: "Timeout", message: MESSAGES.timeout });
    expect(fake.syncCount).toBe(2);
    expect(fake.comments).toEqual([]);
  });
});
