/**
 * Bench (prints only): from a user's edit to updated marks, through the pane's own check cycle
 * (CheckController with its adaptive quiet period) over the in-memory workbook port — the path the
 * browser demo takes; inside Excel the read adds its 3 context.sync() round trips. Per workbook:
 * the median of 5 edits of a number in its first recognized table (each edit then put back).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { LIVE_ENGINE } from "../../src/domain/recheck";
import { DEFAULT_SETTINGS } from "../../src/domain/findings";
import { toA1, type WorkbookSnapshot } from "../../src/domain/grid";
import { MemoryWorkbookPort } from "../../src/memory/memory-port";
import { CheckController } from "../../src/taskpane/check-controller";
import { readWorkbookBuffer } from "../../src/xlsx/read-workbook";
import { bigExpenditureWorkbook } from "../support/big-workbook";

const EDITS = 5;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** A number cell of the first recognized table, to edit. */
function numberCell(snapshot: WorkbookSnapshot, sheetName: string): { address: string; value: number } | null {
  const sheet = snapshot.sheets.find((s) => s.name === sheetName);
  for (const [r, row] of (sheet?.cells ?? []).entries()) {
    for (const [c, cell] of (row ?? []).entries()) {
      if (cell && typeof cell.v === "number" && !cell.formula && r > 3) return { address: toA1(r, c), value: cell.v };
    }
  }
  return null;
}

/** Resolves when the controller has finished the re-check the edit triggered. */
function nextDone(controller: CheckController): Promise<void> {
  return new Promise((resolve) => {
    let started = false;
    const off = controller.subscribe(() => {
      const phase = controller.getState().phase;
      if (phase === "reading") started = true;
      if (started && phase === "done") {
        off();
        resolve();
      }
    });
  });
}

export async function editToMarks(name: string, snapshot: WorkbookSnapshot): Promise<{ name: string; delayMs: number; editMs: number } | null> {
  const port = new MemoryWorkbookPort(snapshot);
  const controller = new CheckController({ port, engine: LIVE_ENGINE, settings: DEFAULT_SETTINGS, autoRecheck: true });
  await controller.start();
  for (let i = 0; i < 3; i++) await controller.run(); // warm up, and time the check the delay adapts to
  const table = controller.getState().result?.tables[0];
  const target = table ? numberCell(snapshot, table.sheet) : null;
  if (!table || !target) return null;
  const times: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    for (const value of [target.value + 1, target.value]) {
      const done = nextDone(controller);
      const t0 = performance.now();
      port.editCell(table.sheet, target.address, String(value));
      await done;
      times.push(performance.now() - t0);
    }
  }
  const delayMs = controller.nextRecheckDelay();
  controller.dispose();
  return { name, delayMs, editMs: median(times) };
}

/** Table lines for run.ts: one row per workbook, and the generated 10,000-row 支出决算表. */
export async function measureRecheck(fixturesDir: string, files: readonly string[]): Promise<string[]> {
  const lines = ["", "| 编辑 → 标记更新（任务窗格检查流程，内存工作簿） | 等待 ms | 编辑到标记 ms（5 次中位数） |", "|---|---|---|"];
  const rows: { name: string; delayMs: number; editMs: number }[] = [];
  for (const f of files) {
    const m = await editToMarks(f, await readWorkbookBuffer(new Uint8Array(readFileSync(join(fixturesDir, f))), f));
    if (m) rows.push(m);
  }
  const big = bigExpenditureWorkbook(10_000);
  const bigSnapshot = await readWorkbookBuffer(new Uint8Array(await big.xlsx.writeBuffer()), "big.xlsx");
  const m = await editToMarks("生成的 10,000 项支出决算表", bigSnapshot);
  if (m) rows.push(m);
  for (const r of rows) lines.push(`| ${r.name} | ${r.delayMs} | ${r.editMs.toFixed(1)} |`);
  return lines;
}
