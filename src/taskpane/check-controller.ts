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
import { marksFromFindings, type CellMark } from "../domain/marks";
import type { CellAddress, EditEvent, MarkOutcome, RangeReadout, ReadProgress, WorkbookPort } from "../domain/port";
import type { LiveCheck, RecheckOutcome } from "../domain/recheck";
import { describeSettings } from "./settings-storage";
import { errorMessage } from "./strings";

export interface CheckEngine {
  check(snapshot: WorkbookSnapshot, settings: CheckSettings): CheckResult;
  /**
   * Live re-check (src/domain/recheck.ts, LIVE_ENGINE): after an edit of a few amounts only the edited cells
   * are read and the previous recognition is reused. Without it, or when it declines, every re-check is full.
   */
  live?: {
    checkLive(snapshot: WorkbookSnapshot, settings: CheckSettings): LiveCheck;
    rangesToRead(base: LiveCheck, events: readonly EditEvent[]): CellAddress[] | null;
    recheck(base: LiveCheck, readout: RangeReadout, settings: CheckSettings): RecheckOutcome;
  };
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
  /** the last check, kept for the live re-check (engine.live only) */
  private live: LiveCheck | null = null;
  /** edits not yet covered by a completed check */
  private pendingEdits: EditEvent[] = [];
  /** the marks last written (JSON), so a re-check that changes no mark writes nothing; null = unknown */
  private writtenMarks: string | null = null;
  /** how the last completed check went: for tests and the bench */
  lastCheckKind: "full" | "incremental" | null = null;

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
    const covered = new Set(this.pendingEdits);
    this.update(id, (s) => ({ ...s, phase: "reading", progress: null, error: null, recheckPending: false }));
    try {
      const snapshot = await this.options.port.readSnapshot((p) => this.update(id, (s) => ({ ...s, progress: { done: p.done, total: p.total } })));
      this.update(id, (s) => ({ ...s, phase: "checking" }));
      // Let the spinner paint before the synchronous engine takes the thread.
      await new Promise((resolve) => setTimeout(resolve, 0));
      const { engine } = this.options;
      const live = engine.live ? engine.live.checkLive(snapshot, settings) : null;
      const result = live ? live.result : engine.check(snapshot, settings);
      if (id !== this.runId) return result;
      this.update(id, (s) => ({ ...s, phase: "marking" }));
      const { outcome, markError } = await this.writeMarks(marksFromFindings(result.findings), null);
      if (id !== this.runId) return result;
      this.live = live;
      this.pendingEdits = this.pendingEdits.filter((e) => !covered.has(e));
      this.lastCheckMs = this.now() - started;
      this.lastCheckKind = "full";
      this.update(id, () => ({ ...INITIAL_CHECK_STATE, phase: "done", result, settingsUsed: describeSettings(settings), outcome, markError, readNotices: snapshot.notices ?? [], ...this.stillStale() }));
      return result;
    } catch (e) {
      this.update(id, (s) => ({ ...s, phase: "error", progress: null, error: errorMessage(e) }));
      return null;
    }
  };

  /**
   * After edits: read only the edited cells (and formula cells) and update the last check, when the engine, the
   * port and the edits allow it; otherwise, or when anything is unsure, a full check.
   */
  recheckEdits = async (): Promise<CheckResult | null> => {
    const base = this.live;
    const engine = this.options.engine.live;
    const port = this.options.port;
    const edits = [...this.pendingEdits];
    const ranges = base && engine && port.readRanges ? engine.rangesToRead(base, edits) : null;
    if (!base || !engine || !port.readRanges || !ranges) return this.run();
    this.cancelTimer();
    const id = ++this.runId;
    const settings = this.settings;
    const started = this.now();
    this.update(id, (s) => ({ ...s, phase: "reading", progress: null, error: null, recheckPending: false }));
    let outcome: RecheckOutcome;
    try {
      outcome = engine.recheck(base, await port.readRanges(ranges), settings);
    } catch {
      outcome = { fallback: "读取修改的单元格失败" };
    }
    if (id !== this.runId) return null;
    if ("fallback" in outcome) return this.run();
    const { result } = outcome.live;
    this.update(id, (s) => ({ ...s, phase: "marking" }));
    const marks = await this.writeMarks(marksFromFindings(result.findings), this.state.outcome);
    if (id !== this.runId) return result;
    this.live = outcome.live;
    this.pendingEdits = this.pendingEdits.filter((e) => !edits.includes(e));
    this.lastCheckMs = this.now() - started;
    this.lastCheckKind = "incremental";
    this.update(id, (s) => ({ ...INITIAL_CHECK_STATE, phase: "done", result, settingsUsed: describeSettings(settings), ...marks, readNotices: s.readNotices, ...this.stillStale() }));
    return result;
  };

  /** Edits that came in while a check ran and that it may not have seen keep the result stale until their re-check. */
  private stillStale(): Pick<CheckState, "stale" | "recheckPending"> {
    return this.pendingEdits.length > 0 ? { stale: "edit", recheckPending: this.timer !== null } : { stale: null, recheckPending: false };
  }

  /** Replace the marks — unless they are exactly the ones written last (then `unchanged` is the outcome kept). */
  private async writeMarks(marks: CellMark[], unchanged: MarkOutcome | null): Promise<{ outcome: MarkOutcome | null; markError: string | null }> {
    const key = JSON.stringify(marks);
    if (unchanged && key === this.writtenMarks) return { outcome: unchanged, markError: null };
    this.writtenMarks = null;
    try {
      const outcome = await this.options.port.writeMarks(marks);
      this.writtenMarks = key;
      return { outcome, markError: null };
    } catch (e) {
      return { outcome: null, markError: errorMessage(e) };
    }
  }

  /** 清除标记; rejects with the port's (zh-CN) error. Cells that kept their marks are in state.keptMarks. */
  clearMarks = async (): Promise<void> => {
    this.writtenMarks = null;
    const { kept } = await this.options.port.clearMarks();
    this.set((s) => ({ ...s, outcome: null, markError: null, marksCleared: kept.length === 0, keptMarks: kept }));
  };

  /** The last result, or a fresh check when there is none. */
  ensureResult = async (): Promise<CheckResult | null> => this.state.result ?? this.run();

  handleEdits(events: readonly EditEvent[]): void {
    if (events.length === 0) return;
    // Kept even before the first result: an edit made while the first check runs may have missed its read.
    this.pendingEdits.push(...events);
    if (!this.state.result) return;
    const auto = this.autoRecheck;
    this.set((s) => ({ ...s, stale: "edit", recheckPending: auto }));
    if (!auto) return;
    this.cancelTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.recheckEdits();
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
