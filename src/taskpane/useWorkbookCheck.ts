/**
 * React binding of the check cycle (check-controller.ts holds the logic): one controller per port and
 * engine, its state observed with useSyncExternalStore, settings and 自动复查 passed through.
 */
import { useEffect, useMemo, useRef, useSyncExternalStore } from "react";
import type { CheckResult } from "../domain/engine";
import type { CheckSettings } from "../domain/findings";
import type { WorkbookPort } from "../domain/port";
import { CheckController, type CheckEngine, type CheckState } from "./check-controller";

export type { CheckEngine, CheckPhase, CheckState } from "./check-controller";

export interface UseWorkbookCheckOptions {
  port: WorkbookPort;
  engine: CheckEngine;
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
  return useMemo(
    () => ({ state, run: controller.run, clearMarks: controller.clearMarks, ensureResult: controller.ensureResult }),
    [state, controller],
  );
}
