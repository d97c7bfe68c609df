/**
 * React binding of the check cycle (check-controller.ts holds the logic): one controller per port and
 * engine, its state observed with useSyncExternalStore, settings and 自动复查 passed through.
 */
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import type { CheckResult } from "../domain/engine";
import type { CheckSettings } from "../domain/findings";
import type { WorkbookPort } from "../domain/port";
import { CheckController, type CheckEngine, type CheckState } from "./check-controller";

export type { CheckEngine, CheckPhase, CheckState } from "./check-controller";

/** An engine whose code may still have to be fetched: `load` is awaited before a check starts. */
export interface LoadableEngine extends CheckEngine {
  load?(): Promise<unknown>;
}

export interface UseWorkbookCheckOptions {
  port: WorkbookPort;
  engine: LoadableEngine;
  settings: CheckSettings;
  autoRecheck: boolean;
  /** a fixed quiet period before an automatic re-check; adaptive when absent */
  recheckDelayMs?: number;
}

export interface WorkbookCheck {
  state: CheckState;
  /** runs a check; resolves with the result (null when it failed) */
  run(): Promise<CheckResult | null>;
  /** 清除标记; cells that kept their marks end up in state.keptMarks */
  clearMarks(): Promise<void>;
  /** the last result, or a fresh check when there is none */
  ensureResult(): Promise<CheckResult | null>;
}

export function useWorkbookCheck({ port, engine, settings, autoRecheck, recheckDelayMs }: UseWorkbookCheckOptions): WorkbookCheck {
  const initial = useRef({ settings, autoRecheck });
  initial.current = { settings, autoRecheck };
  const controller = useMemo(
    () => new CheckController({ port, engine, recheckDelayMs, ...initial.current }),
    // A new controller only for a new workbook, engine or fixed delay; settings flow in below.
    [port, engine, recheckDelayMs],
  );
  useEffect(() => {
    void controller.start();
    return () => controller.dispose();
  }, [controller]);
  useEffect(() => controller.setSettings(settings), [controller, settings]);
  useEffect(() => controller.setAutoRecheck(autoRecheck), [controller, autoRecheck]);
  const state = useSyncExternalStore(controller.subscribe, controller.getState);
  // While the engine's code is still being fetched the pane already shows the check as running.
  const [fetchingEngine, setFetchingEngine] = useState(false);
  const idle = state.phase === "idle" || state.phase === "done" || state.phase === "error";
  const shown: CheckState = fetchingEngine && idle ? { ...state, phase: "reading", progress: null } : state;
  // A failed fetch is not reported here: the run goes on and the engine's own zh-CN error shows with 重试.
  // Automatic re-checks (started inside the controller) need no wait: they follow a check that had the engine.
  return useMemo(() => {
    const ready = async () => {
      if (!engine.load) return;
      setFetchingEngine(true);
      await engine.load().catch(() => undefined);
      setFetchingEngine(false);
    };
    return {
      state: shown,
      run: async () => {
        await ready();
        return controller.run();
      },
      clearMarks: controller.clearMarks,
      ensureResult: async () => {
        if (controller.getState().result) return controller.ensureResult();
        await ready();
        return controller.ensureResult();
      },
    };
  }, [shown, controller, engine]);
}
