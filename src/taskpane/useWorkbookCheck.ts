/**
 * The check cycle behind the 检查 tab: read the workbook through the port, run the engine, mark the
 * cells, and keep the result honest afterwards (an edit makes it stale; with 自动复查 on, a debounced
 * re-check follows). Overlapping runs are resolved by a run id: only the latest run updates the pane.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { CheckResult } from "../domain/engine";
import type { CheckSettings } from "../domain/findings";
import type { WorkbookSnapshot } from "../domain/grid";
import { marksFromFindings } from "../domain/marks";
import type { EditEvent, MarkOutcome, ReadProgress, WorkbookPort } from "../domain/port";
import { describeSettings } from "./settings-storage";
import { errorMessage } from "./strings";

export interface CheckEngine {
  check(snapshot: WorkbookSnapshot, settings: CheckSettings): CheckResult;
}

export type CheckPhase = "idle" | "reading" | "checking" | "marking" | "done" | "error";

export interface CheckState {
  phase: CheckPhase;
  progress: ReadProgress | null;
  /** last completed result (kept while a re-check runs, so the list does not flash away) */
  result: CheckResult | null;
  /** settings the result was computed with, described */
  settingsUsed: string[];
  outcome: MarkOutcome | null;
  /** marking failed although the check succeeded */
  markError: string | null;
  error: string | null;
  /** why the shown result may no longer match the workbook */
  stale: null | "edit" | "settings";
  /** an automatic re-check is scheduled */
  recheckPending: boolean;
  /** marks were cleared by the user since the last check */
  marksCleared: boolean;
}

const INITIAL: CheckState = {
  phase: "idle",
  progress: null,
  result: null,
  settingsUsed: [],
  outcome: null,
  markError: null,
  error: null,
  stale: null,
  recheckPending: false,
  marksCleared: false,
};

export interface UseWorkbookCheckOptions {
  port: WorkbookPort;
  engine: CheckEngine;
  settings: CheckSettings;
  autoRecheck: boolean;
  recheckDelayMs: number;
}

export interface WorkbookCheck {
  state: CheckState;
  /** runs a check; resolves with the result (null when it failed) */
  run(): Promise<CheckResult | null>;
  clearMarks(): Promise<void>;
  /** the last result, or a fresh check when there is none */
  ensureResult(): Promise<CheckResult | null>;
}

export function useWorkbookCheck({ port, engine, settings, autoRecheck, recheckDelayMs }: UseWorkbookCheckOptions): WorkbookCheck {
  const [state, setState] = useState<CheckState>(INITIAL);
  const runId = useRef(0);
  const mounted = useRef(true);
  const latest = useRef({ settings, autoRecheck, recheckDelayMs, state });
  latest.current = { settings, autoRecheck, recheckDelayMs, state };
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const update = useCallback((id: number, patch: (s: CheckState) => CheckState) => {
    if (mounted.current && id === runId.current) setState(patch);
  }, []);

  const run = useCallback(async (): Promise<CheckResult | null> => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    const id = ++runId.current;
    const settingsNow = latest.current.settings;
    update(id, (s) => ({ ...s, phase: "reading", progress: null, error: null, recheckPending: false }));
    try {
      const snapshot = await port.readSnapshot((p) => update(id, (s) => ({ ...s, progress: { done: p.done, total: p.total } })));
      update(id, (s) => ({ ...s, phase: "checking" }));
      // Let the spinner paint before the synchronous engine takes the thread.
      await new Promise((resolve) => setTimeout(resolve, 0));
      const result = engine.check(snapshot, settingsNow);
      if (id !== runId.current) return result;
      update(id, (s) => ({ ...s, phase: "marking" }));
      let outcome: MarkOutcome | null = null;
      let markError: string | null = null;
      try {
        outcome = await port.writeMarks(marksFromFindings(result.findings));
      } catch (e) {
        markError = errorMessage(e);
      }
      update(id, () => ({
        ...INITIAL,
        phase: "done",
        result,
        settingsUsed: describeSettings(settingsNow),
        outcome,
        markError,
      }));
      return result;
    } catch (e) {
      update(id, (s) => ({ ...s, phase: "error", progress: null, error: errorMessage(e) }));
      return null;
    }
  }, [port, engine, update]);

  const clearMarks = useCallback(async () => {
    await port.clearMarks();
    if (mounted.current) setState((s) => ({ ...s, outcome: null, markError: null, marksCleared: true }));
  }, [port]);

  const ensureResult = useCallback(async () => latest.current.state.result ?? run(), [run]);

  // Live re-check: an edit makes the result stale; 自动复查 re-runs after a quiet period.
  const onEdits = useRef<(events: EditEvent[]) => void>(() => undefined);
  onEdits.current = (events: EditEvent[]) => {
    if (events.length === 0 || !latest.current.state.result) return;
    const auto = latest.current.autoRecheck;
    setState((s) => ({ ...s, stale: "edit", recheckPending: auto }));
    if (!auto) return;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      void run();
    }, latest.current.recheckDelayMs);
  };

  useEffect(() => {
    mounted.current = true;
    let unsubscribe: (() => Promise<void>) | null = null;
    let cancelled = false;
    port
      .subscribeToEdits((events) => onEdits.current(events))
      .then((off) => {
        if (cancelled) void off().catch(() => undefined);
        else unsubscribe = off;
      })
      .catch(() => undefined); // no events on this host: the pane still works, just without live re-check
    return () => {
      cancelled = true;
      mounted.current = false;
      if (timer.current) clearTimeout(timer.current);
      if (unsubscribe) void unsubscribe().catch(() => undefined);
    };
  }, [port]);

  // Switching 自动复查 off cancels a scheduled re-check.
  useEffect(() => {
    if (!autoRecheck && timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
      setState((s) => ({ ...s, recheckPending: false }));
    }
  }, [autoRecheck]);

  // Changed settings make the shown result stale (it was computed with the old ones).
  const firstSettings = useRef(true);
  useEffect(() => {
    if (firstSettings.current) {
      firstSettings.current = false;
      return;
    }
    setState((s) => (s.result ? { ...s, stale: s.stale ?? "settings" } : s));
  }, [settings]);

  return { state, run, clearMarks, ensureResult };
}
