/**
 * The check cycle behind the 检查 tab, as plain TypeScript (no React, no DOM): read the workbook through
 * the port, run the engine, mark the cells, and keep the result honest afterwards (an edit makes it stale;
 * with 自动复查 on, a re-check follows after a quiet period adapted to how long the last check took).
 * Overlapping runs are resolved by a run id: only the latest run updates the state.
 * useWorkbookCheck is a thin React binding over this; tests drive it directly in node.
 */
import type { CheckResult } from "../domain/engine";
import type { CheckSettings } from "../domain/findings";
import type { WorkbookSnapshot } from "../domain/grid";
import { marksFromFindings } from "../domain/marks";
import type { CellAddress, EditEvent, MarkOutcome, ReadProgress, WorkbookPort } from "../domain/port";
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
  /** cells that kept their marks at the last 清除标记 (their sheet is protected); empty when all went */
  keptMarks: CellAddress[];
  /** what the reader left out of the last check (zh-CN, e.g. a stray value far from every table) */
  readNotices: string[];
}

const INITIAL_CHECK_STATE: CheckState = {
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
  keptMarks: [],
  readNotices: [],
};

/** Shortest and longest quiet period before an automatic re-check (ms). */
export const RECHECK_DELAY_BOUNDS = { min: 50, max: 500 } as const;
/** Before any check has been timed. */
const FIRST_RECHECK_DELAY_MS = 150;

/**
 * The quiet period after an edit: long enough to gather a burst of typing into one re-check, short when
 * checks are cheap. Half the last check's duration keeps the pane responsive while someone types steadily
 * (at most two thirds of the time is spent re-checking) and brings the marks back soon after they stop.
 */
export function recheckDelay(lastCheckMs: number | null): number {
  if (lastCheckMs === null || !Number.isFinite(lastCheckMs)) return FIRST_RECHECK_DELAY_MS;
  return Math.round(Math.min(RECHECK_DELAY_BOUNDS.max, Math.max(RECHECK_DELAY_BOUNDS.min, lastCheckMs / 2)));
}

export interface CheckControllerOptions {
  port: WorkbookPort;
  engine: CheckEngine;
  settings: CheckSettings;
  autoRecheck: boolean;
  /** a fixed quiet period (ms) instead of the adaptive one */
  recheckDelayMs?: number;
  /** clock for timing checks; performance.now where there is one */
  now?: () => number;
}

type Listener = () => void;

export class CheckController {
  private state: CheckState = INITIAL_CHECK_STATE;
  private readonly listeners = new Set<Listener>();
  private runId = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private unsubscribe: (() => Promise<void>) | null = null;
  private active = false;
  private settings: CheckSettings;
  private autoRecheck: boolean;
  private lastCheckMs: number | null = null;
  private readonly now: () => number;

  constructor(private readonly options: CheckControllerOptions) {
    this.settings = options.settings;
    this.autoRecheck = options.autoRecheck;
    this.now = options.now ?? (() => (typeof performance !== "undefined" ? performance.now() : Date.now()));
  }

  getState = (): CheckState => this.state;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  /** The quiet period the next automatic re-check will wait. */
  nextRecheckDelay(): number {
    return this.options.recheckDelayMs ?? recheckDelay(this.lastCheckMs);
  }

  /** Listen to the workbook's edits (live re-check). Safe to call again after dispose(). */
  async start(): Promise<void> {
    this.active = true;
    try {
      const off = await this.options.port.subscribeToEdits((events) => this.handleEdits(events));
      if (this.active && !this.unsubscribe) this.unsubscribe = off;
      else await off().catch(() => undefined);
    } catch {
      // no events on this host: the pane still works, just without live re-check
    }
  }

  dispose(): void {
    this.active = false;
    this.cancelTimer();
    const off = this.unsubscribe;
    this.unsubscribe = null;
    if (off) void off().catch(() => undefined);
  }

  run = async (): Promise<CheckResult | null> => {
    this.cancelTimer();
    const id = ++this.runId;
    const settings = this.settings;
    const started = this.now();
    this.update(id, (s) => ({ ...s, phase: "reading", progress: null, error: null, recheckPending: false }));
    try {
      const snapshot = await this.options.port.readSnapshot((p) => this.update(id, (s) => ({ ...s, progress: { done: p.done, total: p.total } })));
      this.update(id, (s) => ({ ...s, phase: "checking" }));
      // Let the spinner paint before the synchronous engine takes the thread.
      await new Promise((resolve) => setTimeout(resolve, 0));
      const result = this.options.engine.check(snapshot, settings);
      if (id !== this.runId) return result;
      this.update(id, (s) => ({ ...s, phase: "marking" }));
      let outcome: MarkOutcome | null = null;
      let markError: string | null = null;
      try {
        outcome = await this.options.port.writeMarks(marksFromFindings(result.findings));
      } catch (e) {
        markError = errorMessage(e);
      }
      this.lastCheckMs = this.now() - started;
      this.update(id, () => ({ ...INITIAL_CHECK_STATE, phase: "done", result, settingsUsed: describeSettings(settings), outcome, markError, readNotices: snapshot.notices ?? [] }));
      return result;
    } catch (e) {
      this.update(id, (s) => ({ ...s, phase: "error", progress: null, error: errorMessage(e) }));
      return null;
    }
  };

  /** 清除标记; rejects with the port's (zh-CN) error. Cells that kept their marks are in state.keptMarks. */
  clearMarks = async (): Promise<void> => {
    const { kept } = await this.options.port.clearMarks();
    this.set((s) => ({ ...s, outcome: null, markError: null, marksCleared: kept.length === 0, keptMarks: kept }));
  };

  /** The last result, or a fresh check when there is none. */
  ensureResult = async (): Promise<CheckResult | null> => this.state.result ?? this.run();

  handleEdits(events: readonly EditEvent[]): void {
    if (events.length === 0 || !this.state.result) return;
    const auto = this.autoRecheck;
    this.set((s) => ({ ...s, stale: "edit", recheckPending: auto }));
    if (!auto) return;
    this.cancelTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.run();
    }, this.nextRecheckDelay());
  }

  /** Changed settings make the shown result stale (it was computed with the old ones). */
  setSettings(settings: CheckSettings): void {
    if (settings === this.settings) return;
    this.settings = settings;
    this.set((s) => (s.result ? { ...s, stale: s.stale ?? "settings" } : s));
  }

  /** Switching 自动复查 off cancels a scheduled re-check. */
  setAutoRecheck(on: boolean): void {
    this.autoRecheck = on;
    if (!on && this.timer) {
      this.cancelTimer();
      this.set((s) => ({ ...s, recheckPending: false }));
    }
  }

  private cancelTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private update(id: number, patch: (s: CheckState) => CheckState): void {
    if (id === this.runId) this.set(patch);
  }

  private set(patch: (s: CheckState) => CheckState): void {
    const next = patch(this.state);
    if (next === this.state) return;
    this.state = next;
    for (const listener of [...this.listeners]) listener();
  }
}
