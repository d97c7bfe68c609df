import type { OfficeLike } from "../../src/commands/commands";

/** Loads the function file with a given Office global, as commands.html would. */
function loadCommands(office: OfficeLike | undefined) {
  let loaded: typeof import("../../src/commands/commands") | undefined;
  jest.isolateModules(() => {
    (globalThis as { Office?: unknown }).Office = office;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loaded = require("../../src/commands/commands");
  });
  return loaded!;
}

describe("ribbon function file (src/commands/commands.ts)", () => {
  let errors: jest.SpyInstance;
  beforeEach(() => {
    errors = jest.spyOn(console, "error").mockImplementation(() => undefined);
  });
  afterEach(() => {
    errors.mockRestore();
    delete (globalThis as { Office?: unknown }).Office;
  });

  it("waits for Office.onReady and reports the host", async () => {
    const office: OfficeLike = { onReady: jest.fn(async () => ({ host: "Excel" as unknown as Office.HostType, platform: null })) };
    const { startCommands } = loadCommands(office);
    await expect(startCommands(office)).resolves.toEqual({ state: "ready", host: "Excel" });
    expect(office.onReady).toHaveBeenCalled();
    expect(errors).not.toHaveBeenCalled();
  });

  it("reports, not swallows, a failing Office.onReady", async () => {
    const office: OfficeLike = { onReady: async () => Promise.reject(new Error("host went away")) };
    const { startCommands } = loadCommands(office);
    const status = await startCommands(office);
    expect(status).toEqual({ state: "failed", message: expect.stringContaining("host went away") });
    expect(errors).toHaveBeenCalledWith(expect.stringContaining("host went away"));
  });

  it("says so when Office.js could not be loaded", async () => {
    const { startCommands } = loadCommands(undefined);
    await expect(startCommands(undefined)).resolves.toMatchObject({ state: "failed" });
    expect(errors).toHaveBeenCalledWith(expect.stringContaining("Office.js"));
  });
});
