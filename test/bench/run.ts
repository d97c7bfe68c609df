/**
 * Benchmarks (npm run bench; not part of npm test, not timed tests): engine time against the
 * ExcelJS parse time on every fixture, a generated 10,000-row 支出决算表, the 12-sheet workbook,
 * a 100-workbook batch through the CLI on 1 and on all cores, and the number of context.sync()
 * calls of a full check and of a re-check through the Excel adapter fake. Prints a table.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism, cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { checkWorkbook } from "../../src/domain/engine";
import { readWorkbookBuffer } from "../../src/xlsx/read-workbook";
import { bigExpenditureWorkbook } from "../support/big-workbook";

const ROOT = join(__dirname, "..", "..");
const FIXTURES = join(ROOT, "test", "fixtures", "xlsx");

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function measure(bytes: Uint8Array, name: string, runs = 15) {
  const parse: number[] = [];
  let snapshot = await readWorkbookBuffer(bytes, name);
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    snapshot = await readWorkbookBuffer(bytes, name);
    parse.push(performance.now() - t0);
  }
  // steady state, as in the add-in's repeated re-checks: let the JIT warm up first
  for (let i = 0; i < 3; i++) checkWorkbook(snapshot);
  const recognize: number[] = [];
  const rules: number[] = [];
  let tables = 0;
  let findings = 0;
  for (let i = 0; i < runs; i++) {
    const r = checkWorkbook(snapshot);
    recognize.push(r.timings.recognizeMs);
    rules.push(r.timings.rulesMs);
    tables = r.tables.length;
    findings = r.findings.length;
  }
  const engine = median(recognize) + median(rules);
  return { name, sheets: snapshot.sheets.length, tables, findings, parseMs: median(parse), recognizeMs: median(recognize), rulesMs: median(rules), engineMs: engine, ratio: engine / median(parse) };
}

function row(cells: (string | number)[]): string {
  return `| ${cells.map((c) => (typeof c === "number" ? (Number.isInteger(c) ? String(c) : c.toFixed(c < 10 ? 2 : 1)) : c)).join(" | ")} |`;
}

async function main() {
  const lines: string[] = [];
  const cpu = cpus()[0]?.model ?? "unknown CPU";
  lines.push(`机器：${cpu}，${availableParallelism()} 核，Node ${process.version}`, "");
  lines.push("| 工作簿 | 工作表 | 识别表数 | 问题数 | ExcelJS 解析 ms | 识别 ms | 规则 ms | 引擎 ms | 引擎/解析 |", "|---|---|---|---|---|---|---|---|---|");
  const files = existsSync(FIXTURES) ? readdirSync(FIXTURES).filter((f) => f.endsWith(".xlsx")).sort() : [];
  for (const f of files) {
    const m = await measure(new Uint8Array(readFileSync(join(FIXTURES, f))), f);
    lines.push(row([m.name, m.sheets, m.tables, m.findings, m.parseMs, m.recognizeMs, m.rulesMs, m.engineMs, `${(m.ratio * 100).toFixed(1)}%`]));
  }
  const big = bigExpenditureWorkbook(10_000);
  const bigBytes = new Uint8Array(await big.xlsx.writeBuffer());
  const m = await measure(bigBytes, "生成的 10,000 项支出决算表", 5);
  lines.push(row([m.name, m.sheets, m.tables, m.findings, m.parseMs, m.recognizeMs, m.rulesMs, m.engineMs, `${(m.ratio * 100).toFixed(1)}%`]));

  // 100-workbook batch through the compiled CLI
  const cli = join(ROOT, "bin", "juesuan.js");
  if (files.length && existsSync(join(ROOT, "dist-cli", "cli", "main.js"))) {
    const dir = mkdtempSync(join(tmpdir(), "juesuan-batch-"));
    for (let i = 0; i < 100; i++) copyFileSync(join(FIXTURES, files[i % files.length]), join(dir, `unit-${String(i).padStart(3, "0")}.xlsx`));
    lines.push("", "| 批量检查 100 个工作簿 | 线程 | 用时 s | 工作簿/秒 |", "|---|---|---|---|");
    for (const jobs of [...new Set([1, 2, availableParallelism()])]) {
      const t0 = performance.now();
      try {
        execFileSync(process.execPath, [cli, "check", "--jsonl", "--jobs", String(jobs), dir], { stdio: ["ignore", "ignore", "ignore"] });
      } catch {
        /* exit code 1 (error findings in broken fixtures) is expected */
      }
      const s = (performance.now() - t0) / 1000;
      lines.push(row(["juesuan check", jobs, s, 100 / s]));
    }
    rmSync(dir, { recursive: true, force: true });
  } else {
    lines.push("", "（批量：先运行 npm run build:cli 与 npm run fixtures）");
  }

  lines.push(...(await (await import("./recheck")).measureRecheck(FIXTURES, files)));

  // context.sync() counts through the Excel adapter fake
  try {
    const { measureSyncCounts } = await import("../excel/sync-counts");
    const counts = await measureSyncCounts();
    lines.push("", "| Excel 适配层（模拟对象模型） | context.sync() 次数 |", "|---|---|");
    for (const [k, v] of Object.entries(counts)) lines.push(`| ${k} | ${v} |`);
  } catch (e) {
    lines.push("", `（sync 计数不可用：${(e as Error).message}）`);
  }
  lines.push(...(await (await import("./wps-calls")).wpsCallLines()));
  process.stdout.write(lines.join("\n") + "\n");
}

void main();
