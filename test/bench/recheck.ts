/**
 * Bench (prints only): from a user's edit to updated marks, through the pane's own check cycle
 * (CheckController with its adaptive quiet period and the live re-check engine) over the in-memory workbook
 * port — the path the browser demo takes; inside Excel the live re-check's read is 1 context.sync() (a full
 * re-check's 3). Per workbook: the median of 10 edits of an amount in its first recognized table (5 edits,
 * each put back, after one warm-up round), wall and CPU time (user + system of the process), and where the time went: the quiet
 * period, reading, the engine, marking; and whether the re-checks were incremental or full.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_SETTINGS } from "../../src/domain/findings";
import { toA1, type WorkbookSnapshot } from "../../src/domain/grid";
import type { RecognizedTable } from "../../src/domain/model";
import { LIVE_ENGINE } from "../../src/domain/recheck";
import { MemoryWorkbookPort } from "../../src/memory/memory-port";
import { CheckController, type CheckEngine } from "../../src/taskpane/check-controller";
import { checkWorkbook } from "../../src/domain/engine";
import { readWorkbookBuffer } from "../../src/xlsx/read-workbook";
import { bigExpenditureWorkbook } from "../support/big-workbook";
import { nextCheckDone } from "../support/controller-done";

const EDITS = 5;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * What to edit: a number the first recognized table reads as an amount (past its first row), else — a 绩效自评表,
 * whose cells the live re-check leaves to the full check — the first number cell below its title.
 */
function numberCell(snapshot: WorkbookSnapshot, table: RecognizedTable): { address: string; value: number } | null {
  const sheet = snapshot.sheets.find((s) => s.name === table.sheet);
  const valueAt = (row: number, col: number) => sheet?.cells[row]?.[col]?.v;
  for (const row of table.rows.slice(1)) {
    for (const cell of Object.values(row.cells)) {
      const v = valueAt(cell.row, cell.col);
      if (typeof v === "number" && !cell.percent) return { address: cell.address, value: v };
    }
  }
  for (const [r, row] of (sheet?.cells ?? []).entries()) {
    for (const [c, cell] of (row ?? []).entries()) {
      if (cell && typeof cell.v === "number" && !cell.formula && r > table.box.top + 2) return { address: toA1(r, c), value: cell.v };
    }
  }
  return null;
}


export interface RecheckMeasure {
  name: string;
  delayMs: number;
  editMs: number;
  cpuMs: number;
  readMs: number;
  engineMs: number;
  marksMs: number;
  incremental: number;
  full: number;
}

/** Times every call of a port method into `into` (the last call's duration). */
function timeMethod<K extends "readSnapshot" | "readRanges" | "writeMarks">(port: MemoryWorkbookPort, name: K, into: { ms: number }): void {
  const original = port[name].bind(port) as (...args: unknown[]) => Promise<unknown>;
  (port as unknown as Record<string, unknown>)[name] = async (...args: unknown[]) => {
    const t0 = performance.now();
    try {
      return await original(...args);
    } finally {
      into.ms += performance.now() - t0;
    }
  };
}

export async function editToMarks(name: string, snapshot: WorkbookSnapshot, engine: CheckEngine = LIVE_ENGINE): Promise<RecheckMeasure | null> {
  const port = new MemoryWorkbookPort(snapshot);
  const read = { ms: 0 };
  const marks = { ms: 0 };
  timeMethod(port, "readSnapshot", read);
  timeMethod(port, "readRanges", read);
  timeMethod(port, "writeMarks", marks);
  const controller = new CheckController({ port, engine, settings: DEFAULT_SETTINGS, autoRecheck: true });
  await controller.start();
  for (let i = 0; i < 3; i++) await controller.run(); // warm up
  const table = controller.getState().result?.recognized[0];
  const target = table ? numberCell(snapshot, table) : null;
  if (!table || !target) return null;
  const rows: { wall: number; cpu: number; delay: number; read: number; engine: number; marks: number; incremental: boolean }[] = [];
  for (let i = 0; i < EDITS + 1; i++) {
    for (const value of [target.value + 1, target.value]) {
      const done = nextCheckDone(controller);
      const delay = controller.nextRecheckDelay();
      read.ms = 0;
      marks.ms = 0;
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      port.editCell(table.sheet, target.address, String(value));
      await done;
      const wall = performance.now() - t0;
      const c = process.cpuUsage(c0);
      const timings = controller.getState().result?.timings;
      // the first round only brings the quiet period down to what re-checks take now
      if (i > 0) {
        rows.push({
          wall,
          cpu: (c.user + c.system) / 1000,
          delay,
          read: read.ms,
          engine: (timings?.recognizeMs ?? 0) + (timings?.rulesMs ?? 0),
          marks: marks.ms,
          incremental: controller.lastCheckKind === "incremental",
        });
      }
    }
  }
  controller.dispose();
  return {
    name,
    delayMs: median(rows.map((r) => r.delay)),
    editMs: median(rows.map((r) => r.wall)),
    cpuMs: median(rows.map((r) => r.cpu)),
    readMs: median(rows.map((r) => r.read)),
    engineMs: median(rows.map((r) => r.engine)),
    marksMs: median(rows.map((r) => r.marks)),
    incremental: rows.filter((r) => r.incremental).length,
    full: rows.filter((r) => !r.incremental).length,
  };
}

/** Table lines for run.ts: one row per workbook, and the generated 10,000-row 支出决算表. */
export async function measureRecheck(fixturesDir: string, files: readonly string[]): Promise<string[]> {
  const lines = [
    "",
    `| 编辑 → 标记更新（任务窗格检查流程，内存工作簿；${EDITS * 2} 次修改的中位数） | 墙钟 ms | CPU ms | 等待 | 读取 | 引擎 | 标记 | 增量/完整 |`,
    "|---|---|---|---|---|---|---|---|",
  ];
  const rows: RecheckMeasure[] = [];
  for (const f of files) {
    const m = await editToMarks(f, await readWorkbookBuffer(new Uint8Array(readFileSync(join(fixturesDir, f))), f));
    if (m) rows.push(m);
  }
  const big = bigExpenditureWorkbook(10_000);
  const bigSnapshot = await readWorkbookBuffer(new Uint8Array(await big.xlsx.writeBuffer()), "big.xlsx");
  const m = await editToMarks("生成的 10,000 项支出决算表", bigSnapshot);
  if (m) rows.push(m);
  // the same edits with every re-check full (the engine without live re-check), for comparison
  const whole = await editToMarks("同上，每次完整复查（对照）", bigSnapshot, { check: checkWorkbook });
  if (whole) rows.push(whole);
  const f1 = (x: number) => x.toFixed(1);
  for (const r of rows) {
    lines.push(`| ${r.name} | ${f1(r.editMs)} | ${f1(r.cpuMs)} | ${r.delayMs} | ${f1(r.readMs)} | ${f1(r.engineMs)} | ${f1(r.marksMs)} | ${r.incremental}/${r.full} |`);
  }
  return lines;
}
