/**
 * The pane's check cycle without React (node environment, fake timers): what the 检查 tab shows is
 * CheckController's state, so its behaviour is tested here; the React tests only check the rendering.
 */
import { DEFAULT_SETTINGS } from "../../src/domain/findings";
import { CheckController, recheckDelay, RECHECK_DELAY_BOUNDS, type CheckEngine } from "../../src/taskpane/check-controller";
import { engineReturning, FakePort, finding, result, table } from "./fakes";

const T1 = table("总表!A1:F30", "总表", "income-expenditure-summary");
const ERROR = finding({ rule: "T1.1", severity: "error", sheet: "总表", cell: "B12", table: T1.id, message: "本年收入合计不等于各项收入之和" });

function controller(port: FakePort, engine: CheckEngine, options: { autoRecheck?: boolean; recheckDelayMs?: number; now?: () => number } = {}) {
  return new CheckController({ port, engine, settings: DEFAULT_SETTINGS, autoRecheck: options.autoRecheck ?? true, ...options });
}

/** Lets a run's awaits and its setTimeout(0) (the spinner's chance to paint) go by. */
async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) await jest.runOnlyPendingTimersAsync();
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe("recheckDelay", () => {
  it("waits half the last check's duration, within bounds, and a short default before any check", () => {
    expect(recheckDelay(null)).toBe(150);
    expect(recheckDelay(20)).toBe(RECHECK_DELAY_BOUNDS.min);
    expect(recheckDelay(240)).toBe(120);
    expect(recheckDelay(5000)).toBe(RECHECK_DELAY_BOUNDS.max);
    expect(recheckDelay(Number.NaN)).toBe(150);
  });
});

describe("CheckController", () => {
  it("reads, checks, marks, and reports each phase to its listeners", async () => {
    const port = new FakePort();
    port.progressSteps = [{ done: 1, total: 2 }];
    const c = controller(port, engineReturning(result([T1], [ERROR])));
    const phases: string[] = [];
    c.subscribe(() => phases.push(c.getState().phase));
    const run = c.run();
    await settle();
    expect(await run).not.toBeNull();
    expect(phases.filter((p, i) => p !== phases[i - 1])).toEqual(["reading", "checking", "marking", "done"]);
    expect(c.getState()).toMatchObject({ phase: "done", stale: null, markError: null });
    expect(port.writeMarks).toHaveBeenCalledTimes(1);
    expect(c.getState().settingsUsed).toContain("容差=舍位容差");
  });

  it("an edit makes the result stale and re-checks after the adaptive quiet period", async () => {
    const port = new FakePort();
    let clock = 0;
    const engine = { check: jest.fn(() => ((clock += 400), result([T1], []))) };
    const c = controller(port, engine, { now: () => clock });
    await c.start();
    const first = c.run();
    await settle();
    await first;
    expect(c.nextRecheckDelay()).toBe(200); // the check took 400 ms
    port.userEdits("总表", "B12");
    expect(c.getState()).toMatchObject({ stale: "edit", recheckPending: true });
    await jest.advanceTimersByTimeAsync(199);
    expect(port.readSnapshot).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(1);
    await settle();
    expect(port.readSnapshot).toHaveBeenCalledTimes(2);
    expect(c.getState()).toMatchObject({ phase: "done", stale: null, recheckPending: false });
  });

  it("a burst of edits gives one re-check", async () => {
    const port = new FakePort();
    const c = controller(port, engineReturning(result([T1], [])), { recheckDelayMs: 100 });
    await c.start();
    const first = c.run();
    await settle();
    await first;
    for (let i = 0; i < 5; i++) {
      port.userEdits("总表", `B${i + 1}`);
      await jest.advanceTimersByTimeAsync(60);
    }
    await jest.advanceTimersByTimeAsync(100);
    await settle();
    expect(port.readSnapshot).toHaveBeenCalledTimes(2);
  });

  it("with 自动复查 off an edit only marks the result stale; switching it off cancels a pending re-check", async () => {
    const port = new FakePort();
    const c = controller(port, engineReturning(result([T1], [])), { recheckDelayMs: 100 });
    await c.start();
    const first = c.run();
    await settle();
    await first;
    port.userEdits("总表", "B3");
    c.setAutoRecheck(false);
    expect(c.getState()).toMatchObject({ stale: "edit", recheckPending: false });
    port.userEdits("总表", "B4");
    await jest.advanceTimersByTimeAsync(1000);
    expect(port.readSnapshot).toHaveBeenCalledTimes(1);
  });

  it("ignores edits before the first check, and stops listening when disposed", async () => {
    const port = new FakePort();
    const c = controller(port, engineReturning(result([T1], [])), { recheckDelayMs: 10 });
    await c.start();
    port.userEdits("总表", "B3");
    expect(c.getState().stale).toBeNull();
    c.dispose();
    expect(port.editHandlers).toHaveLength(0);
  });

  it("a failed read is an error state with the message; a retry recovers", async () => {
    const port = new FakePort();
    port.readFailures = [new Error("Excel 响应超时，请重试")];
    const c = controller(port, engineReturning(result([T1], [ERROR])));
    expect(await c.run()).toBeNull();
    expect(c.getState()).toMatchObject({ phase: "error", error: "Excel 响应超时，请重试" });
    const retry = c.run();
    await settle();
    await retry;
    expect(c.getState()).toMatchObject({ phase: "done", error: null });
  });

  it("keeps the result when marking fails, and says so", async () => {
    const port = new FakePort();
    port.writeMarks.mockRejectedValueOnce(new Error("工作表受保护，无法写入。"));
    const c = controller(port, engineReturning(result([T1], [ERROR])));
    const run = c.run();
    await settle();
    await run;
    expect(c.getState().result?.findings).toHaveLength(1);
    expect(c.getState().markError).toBe("工作表受保护，无法写入。");
  });

  it("only the latest of overlapping runs updates the state", async () => {
    const port = new FakePort();
    const engine = engineReturning(result([T1], [ERROR]), result([T1], []));
    const c = controller(port, engine);
    const older = c.run();
    const newer = c.run();
    await settle();
    await Promise.all([older, newer]);
    expect(c.getState().result?.findings).toEqual([]);
  });

  it("清除标记 reports the cells that kept their marks, and a retry that clears them all says so", async () => {
    const port = new FakePort();
    const c = controller(port, engineReturning(result([T1], [ERROR])));
    const run = c.run();
    await settle();
    await run;
    port.keptOnClear = [{ sheet: "总表", address: "B12" }];
    await c.clearMarks();
    expect(c.getState()).toMatchObject({ keptMarks: [{ sheet: "总表", address: "B12" }], marksCleared: false, outcome: null });
    port.keptOnClear = [];
    await c.clearMarks();
    expect(c.getState()).toMatchObject({ keptMarks: [], marksCleared: true });
  });

  it("changed settings make the result stale and are used by the next check", async () => {
    const port = new FakePort();
    const engine = engineReturning(result([T1], []));
    const c = controller(port, engine);
    c.setSettings({ ...DEFAULT_SETTINGS, percentDecimals: 1 });
    expect(c.getState().stale).toBeNull(); // nothing shown yet
    const run = c.run();
    await settle();
    await run;
    c.setSettings({ ...DEFAULT_SETTINGS, percentDecimals: 0 });
    expect(c.getState().stale).toBe("settings");
    const again = c.run();
    await settle();
    await again;
    expect((engine.check.mock.calls[1] as unknown[])[1]).toMatchObject({ percentDecimals: 0 });
    expect(c.getState().settingsUsed).toContain("百分比小数位=0");
  });
});
