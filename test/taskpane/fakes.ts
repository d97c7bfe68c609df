/** Test doubles for the pane: a scriptable WorkbookPort and canned engine results. */
import type { CheckResult, TableSummary } from "../../src/domain/engine";
import type { Finding } from "../../src/domain/findings";
import type { WorkbookSnapshot } from "../../src/domain/grid";
import type { CellMark } from "../../src/domain/marks";
import type { RecognizedTable } from "../../src/domain/model";
import type { EditEvent, MarkOutcome, PortCapabilities, ReadProgress, WorkbookPort } from "../../src/domain/port";

export const SNAPSHOT: WorkbookSnapshot = { fileName: "t.xlsx", sheets: [] };

export class FakePort implements WorkbookPort {
  caps: PortCapabilities = { host: "memory", notes: true, comments: false, events: true, limitations: [] };
  outcome: MarkOutcome = { marked: 0, explanations: "notes", protectedSheets: [], warnings: [] };
  /** when set, the next readSnapshot waits for this promise (and reports progress first) */
  gate: Promise<void> | null = null;
  /** errors thrown by the next readSnapshot calls, in order */
  readFailures: Error[] = [];
  progressSteps: ReadProgress[] = [];
  editHandlers: ((events: EditEvent[]) => void)[] = [];

  readSnapshot = jest.fn(async (onProgress?: (p: ReadProgress) => void) => {
    for (const p of this.progressSteps) onProgress?.(p);
    if (this.gate) await this.gate;
    const failure = this.readFailures.shift();
    if (failure) throw failure;
    return SNAPSHOT;
  });
  writeMarks = jest.fn(async (marks: readonly CellMark[]) => ({ ...this.outcome, marked: this.outcome.marked || marks.length }));
  /** cells the next clearMarks reports as kept (sheet protected after marking) */
  keptOnClear: { sheet: string; address: string }[] = [];
  clearMarks = jest.fn(async () => ({ kept: this.keptOnClear }));
  selectCell = jest.fn(async (sheet: string, address: string) => {
    void sheet;
    void address;
  });
  /** the 说明 sheet the add-in inserted earlier, as ownTextSheet reports it */
  ownSheet: string | null = null;
  insertTextSheet = jest.fn(async (name: string, paragraphs: readonly string[], options?: { replaceOwn?: boolean }) => {
    void paragraphs;
    const replaced = options?.replaceOwn === true && this.ownSheet !== null;
    return { sheet: replaced ? this.ownSheet! : name, replaced };
  });
  ownTextSheet = jest.fn(async () => this.ownSheet);
  writeCellText = jest.fn(async () => undefined);
  capabilities = jest.fn(async () => this.caps);
  subscribeToEdits = jest.fn(async (handler: (events: EditEvent[]) => void) => {
    this.editHandlers.push(handler);
    return async () => {
      this.editHandlers = this.editHandlers.filter((h) => h !== handler);
    };
  });

  /** what Excel would report after the user typed into a cell */
  userEdits(sheet: string, address: string): void {
    for (const h of this.editHandlers) h([{ sheet, address }]);
  }
}

export function table(id: string, sheet: string, kind: TableSummary["kind"], extra: Partial<TableSummary> = {}): TableSummary {
  return { id, sheet, kind, title: kind, range: "A1:H20", unit: "万元", year: 2023, unitName: "某单位", ...extra };
}

export function finding(f: Partial<Finding> & Pick<Finding, "rule" | "severity">): Finding {
  return { sheet: null, cell: null, cells: [], message: "", expected: null, actual: null, ...f };
}

export function result(tables: TableSummary[], findings: Finding[]): CheckResult {
  return {
    tables,
    recognized: tables.map((t) => ({ id: t.id, sheet: t.sheet, kind: t.kind }) as unknown as RecognizedTable),
    findings,
    unrecognizedSheets: [],
    timings: { recognizeMs: 12, rulesMs: 30 },
  };
}

export function engineReturning(...results: CheckResult[]) {
  let i = 0;
  return { check: jest.fn(() => results[Math.min(i++, results.length - 1)]) };
}
