/**
 * Benchmarks (npm run bench; not part of npm test, not timed tests; only prints). Everything is
 * measured side by side in the same run against the physical limit of a JavaScript reader: a bare
 * unzip (fflate) + SAX parse (saxes, ExcelJS's own parser, every handler a no-op) of every XML part of
 * the same files. Wall and CPU time (user + system, which includes the garbage collector's threads).
 *  1. per fixture, warm: bare parse, the direct reader, ExcelJS load and its snapshot conversion, engine;
 *  2. batch of all fixtures in one process, cold (a fresh node; also the whole `juesuan check` command) and warm;
 *  3. one cold single-file check against one cold bare parse (fresh node processes, compiled CLI);
 *  4. cold against warm engine (first check in a process against the median of later ones);
 *  4b. the same with and without the CLI's compile cache (src/cli/compile-cache.ts), runs alternated, and
 *     whole `juesuan check` processes with and without it;
 *  5. a generated 100,000-row 支出决算表: check against bare parse, and peak memory, in-process and as the whole command;
 *  6. a 100-workbook batch through the CLI on 1 and 2 worker threads; context.sync() counts.
 * Needs `npm run build:cli` first (sections 2–6 run the compiled CLI modules in fresh processes).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { SaxesParser } from "saxes";
import { checkWorkbook } from "../../src/domain/engine";
import { readXlsxSnapshot } from "../../src/xlsx/ooxml-reader";
import { readWorkbookBufferExcelJS, snapshotFromExcelJS } from "../../src/xlsx/read-exceljs";
import { bigExpenditureWorkbook } from "../support/big-workbook";
import ExcelJS from "exceljs";

const ROOT = join(__dirname, "..", "..");
const FIXTURES = join(ROOT, "test", "fixtures", "xlsx");
const DIST = join(ROOT, "dist-cli");

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** The physical limit: unzip every part and SAX-parse every XML part, handlers doing nothing. */
export function bareParse(bytes: Uint8Array): number {
  const files = unzipSync(bytes);
  let events = 0;
  const decoder = new TextDecoder();
  for (const [name, data] of Object.entries(files)) {
    if (!/\.(xml|rels)$/i.test(name)) continue;
    const p = new SaxesParser();
    p.on("opentag", () => events++);
    p.on("text", () => events++);
    p.on("closetag", () => events++);
    p.write(decoder.decode(data)).close();
  }
  return events;
}

/** Wall and CPU milliseconds of fn (CPU = user + system of the whole process, GC threads included). */
function timed<T>(fn: () => T): { value: T; wall: number; cpu: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = fn();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { value, wall, cpu: (c.user + c.system) / 1000 };
}

async function timedAsync<T>(fn: () => Promise<T>): Promise<{ value: T; wall: number; cpu: number }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await fn();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { value, wall, cpu: (c.user + c.system) / 1000 };
}

function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(x < 10 ? 2 : 1);
}

function row(cells: (string | number)[]): string {
  return `| ${cells.map((c) => (typeof c === "number" ? fmt(c) : c)).join(" | ")} |`;
}

/** Runs a script in a fresh node; it prints one JSON line, to which wall/cpu/maxRss since process start are added. */
function child(script: string, args: string[] = []): Record<string, number> {
  const prologue = `const __done = (extra) => { const c = process.cpuUsage(); process.stdout.write(JSON.stringify({ ...extra, wall: performance.now(), cpu: (c.user + c.system) / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024 }) + "\\n"); };`;
  const out = execFileSync(process.execPath, ["-e", prologue + script, "--", ...args], { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 24 });
  return JSON.parse(out.trim().split("\n").pop() ?? "{}") as Record<string, number>;
}

const BARE_CHILD = `
const { readFileSync } = require("node:fs");
const { unzipSync } = require("fflate");
const { SaxesParser } = require("saxes");
const files = process.argv.slice(1);
const t0 = performance.now();
let events = 0;
for (const f of files) {
  const parts = unzipSync(new Uint8Array(readFileSync(f)));
  for (const [name, data] of Object.entries(parts)) {
    if (!/\\.(xml|rels)$/i.test(name)) continue;
    const p = new SaxesParser();
    p.on("opentag", () => events++); p.on("text", () => events++); p.on("closetag", () => events++);
    p.write(new TextDecoder().decode(data)).close();
  }
}
__done({ work: performance.now() - t0, events });`;

const CHECK_CHILD = `
const { checkFile } = require("./dist-cli/cli/check-file.js");
const files = process.argv.slice(1);
(async () => {
  const t0 = performance.now();
  let findings = 0, parseMs = 0, engineMs = 0;
  for (const f of files) { const r = await checkFile(f); findings += r.findings.length; parseMs += r.timings?.parseMs ?? 0; engineMs += r.timings?.engineMs ?? 0; }
  __done({ work: performance.now() - t0, findings, parseMs, engineMs });
})();`;

/**
 * The command a reviewer runs, whole: \`juesuan check --json <files>\` (bin/juesuan.js: compile cache, the check in a
 * worker thread); its output is discarded. Peak memory covers the main and the worker thread (one process).
 */
const COMMAND_CHILD = `
process.argv = [process.argv[0], "juesuan", "check", "--json", ...process.argv.slice(1)];
process.stdout.write = () => true;
process.on("exit", () => { const c = process.cpuUsage(); process.stderr.write("\\n" + JSON.stringify({ wall: performance.now(), cpu: (c.user + c.system) / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024 }) + "\\n"); });
require("./bin/juesuan.js");`;

/** Runs the whole command in a fresh node (compile cache in `cacheDir`, primed by the caller); wall/cpu/maxRss of that process. */
function commandChild(files: string[], cacheDir: string): Record<string, number> {
  const r = spawnSync(process.execPath, ["-e", COMMAND_CHILD, "--", ...files], { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 26, env: { ...process.env, JUESUAN_CACHE_DIR: cacheDir } });
  return JSON.parse(r.stderr.trim().split("\n").pop() ?? "{}") as Record<string, number>;
}

const COLD_WARM_CHILD = `
const { readWorkbookFile } = require("./dist-cli/xlsx/read-workbook.js");
const { checkWorkbook } = require("./dist-cli/domain/engine.js");
(async () => {
  const file = process.argv[1];
  let t = performance.now();
  const snap = await readWorkbookFile(file);
  const coldRead = performance.now() - t;
  t = performance.now();
  checkWorkbook(snap);
  const coldEngine = performance.now() - t;
  const reads = [], engines = [];
  for (let i = 0; i < 9; i++) {
    t = performance.now(); await readWorkbookFile(file); reads.push(performance.now() - t);
    t = performance.now(); checkWorkbook(snap); engines.push(performance.now() - t);
  }
  const med = (xs) => xs.sort((a, b) => a - b)[4];
  __done({ coldRead, warmRead: med(reads), coldEngine, warmEngine: med(engines) });
})();`;

/** Section 4 with CPU time, module loading, and the compile cache on (argv[1] = cache dir) or off ("-"). */
const COLD_WARM_CC_CHILD = `
const cacheDir = process.argv[1];
if (cacheDir !== "-") require("./dist-cli/cli/compile-cache.js").enableCompileCache(process.cwd(), "bench", cacheDir);
let t = performance.now();
const { readWorkbookFile } = require("./dist-cli/xlsx/read-workbook.js");
const { checkWorkbook } = require("./dist-cli/domain/engine.js");
const loadMs = performance.now() - t;
const cpuMs = (c) => (c.user + c.system) / 1000;
const once = async (file) => { const c = process.cpuUsage(); const t = performance.now(); checkWorkbook(await readWorkbookFile(file)); return [performance.now() - t, cpuMs(process.cpuUsage(c))]; };
(async () => {
  const file = process.argv[2];
  const [cold, coldCpu] = await once(file);
  const walls = [], cpus = [];
  for (let i = 0; i < 9; i++) { const [w, c] = await once(file); walls.push(w); cpus.push(c); }
  const med = (xs) => xs.sort((a, b) => a - b)[4];
  __done({ loadMs, cold, coldCpu, warm: med(walls), warmCpu: med(cpus) });
})();`;

async function perFixture(files: string[], lines: string[]) {
  lines.push(
    "",
    "**1. 每个工作簿（预热后中位数，ms）**：裸解析 = fflate 解压 + saxes 解析全部 XML；直读 = 新读取器（解压 + 扫描 + 快照）；ExcelJS = 旧路径的载入与快照转换；引擎 = 识别 + 复核。",
    "",
    "| 工作簿 | 裸解析 | 直读 | 直读/裸 | ExcelJS 载入 | ExcelJS→快照 | 识别 | 规则 | (直读+引擎)/裸 |",
    "|---|---|---|---|---|---|---|---|---|",
  );
  for (const f of files) {
    const bytes = new Uint8Array(readFileSync(join(FIXTURES, f)));
    const bare: number[] = [];
    const direct: number[] = [];
    const load: number[] = [];
    const convert: number[] = [];
    const recognize: number[] = [];
    const rules: number[] = [];
    let snapshot = readXlsxSnapshot(bytes, f);
    for (let i = 0; i < 3; i++) checkWorkbook(snapshot);
    for (let i = 0; i < 7; i++) {
      bare.push(timed(() => bareParse(bytes)).wall);
      const d = timed(() => readXlsxSnapshot(bytes, f));
      direct.push(d.wall);
      snapshot = d.value;
      const wb = new ExcelJS.Workbook();
      const l = await timedAsync(() => wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer));
      load.push(l.wall);
      convert.push(timed(() => snapshotFromExcelJS(wb, f)).wall);
      const r = checkWorkbook(snapshot);
      recognize.push(r.timings.recognizeMs);
      rules.push(r.timings.rulesMs);
    }
    const b = median(bare);
    const d = median(direct);
    lines.push(row([f, b, d, `${fmt(d / b)}×`, median(load), median(convert), median(recognize), median(rules), `${fmt((d + median(recognize) + median(rules)) / b)}×`]));
  }
}

async function warmBatch(files: string[], lines: string[]) {
  const all = files.map((f) => new Uint8Array(readFileSync(join(FIXTURES, f))));
  const run = () => {
    const bare = timed(() => all.forEach((b) => bareParse(b)));
    const check = timed(() => all.forEach((b, i) => checkWorkbook(readXlsxSnapshot(b, files[i]))));
    const exceljs = { wall: 0, cpu: 0 };
    return { bare, check, exceljs };
  };
  // warm: enough rounds for the optimising compiler to have finished (its background threads count as CPU), so
  // the figure does not depend on which sections ran before
  for (let i = 0; i < 6; i++) run();
  const runs = [run(), run(), run(), run(), run()];
  const pick = (k: "bare" | "check", m: "wall" | "cpu") => median(runs.map((r) => r[k][m]));
  const ej = await timedAsync(async () => {
    for (const [i, b] of all.entries()) checkWorkbook(await readWorkbookBufferExcelJS(b, files[i]));
  });
  lines.push(
    "",
    `**2b. 批量（同一进程、预热后，${files.length} 个样例工作簿）**`,
    "",
    "| 批量 | 墙钟 ms | CPU ms | 墙钟/裸解析 | CPU/裸解析 |",
    "|---|---|---|---|---|",
    row(["裸解析（解压 + SAX）", pick("bare", "wall"), pick("bare", "cpu"), "1×", "1×"]),
    row(["读取 + 检查（直读）", pick("check", "wall"), pick("check", "cpu"), `${fmt(pick("check", "wall") / pick("bare", "wall"))}×`, `${fmt(pick("check", "cpu") / pick("bare", "cpu"))}×`]),
    row(["读取 + 检查（旧 ExcelJS 路径，单次）", ej.wall, ej.cpu, `${fmt(ej.wall / pick("bare", "wall"))}×`, `${fmt(ej.cpu / pick("bare", "cpu"))}×`]),
  );
}

function coldSections(files: string[], lines: string[]) {
  const paths = files.map((f) => join(FIXTURES, f));
  const median3 = (fn: () => Record<string, number>) => {
    const rs = [fn(), fn(), fn()];
    const out: Record<string, number> = {};
    for (const k of Object.keys(rs[0])) out[k] = median(rs.map((r) => r[k]));
    return out;
  };
  const bareBatch = median3(() => child(BARE_CHILD, paths));
  const checkBatch = median3(() => child(CHECK_CHILD, paths));
  const cacheDir = mkdtempSync(join(tmpdir(), "juesuan-cmd-"));
  commandChild(paths, cacheDir); // writes the compile cache, as any earlier run of the command would
  const commandBatch = median3(() => commandChild(paths, cacheDir));
  lines.push(
    "",
    `**2a. 批量（新 node 进程、冷启动，${files.length} 个样例工作簿；含 node 启动与模块加载；3 次中位数）**`,
    "",
    "| 冷批量 | 墙钟 ms | CPU ms | 其中处理 ms | 峰值内存 MB | 墙钟/裸解析 | CPU/裸解析 |",
    "|---|---|---|---|---|---|---|",
    row(["裸解析（解压 + SAX）", bareBatch.wall, bareBatch.cpu, bareBatch.work, bareBatch.maxRssMb, "1×", "1×"]),
    row(["juesuan 检查（读取 + 识别 + 复核）", checkBatch.wall, checkBatch.cpu, checkBatch.work, checkBatch.maxRssMb, `${fmt(checkBatch.wall / bareBatch.wall)}×`, `${fmt(checkBatch.cpu / bareBatch.cpu)}×`]),
    row(["`juesuan check --json` 整个命令（检查线程、编译缓存）", commandBatch.wall, commandBatch.cpu, "", commandBatch.maxRssMb, `${fmt(commandBatch.wall / bareBatch.wall)}×`, `${fmt(commandBatch.cpu / bareBatch.cpu)}×`]),
  );
  const one = join(FIXTURES, files.includes("beijing-12-tables-2023.xlsx") ? "beijing-12-tables-2023.xlsx" : files[0]);
  const bareOne = median3(() => child(BARE_CHILD, [one]));
  const checkOne = median3(() => child(CHECK_CHILD, [one]));
  lines.push(
    "",
    "**3. 单个文件冷检查（新 node 进程；北京 12 表工作簿；3 次中位数）**",
    "",
    "| 冷单文件 | 墙钟 ms | CPU ms | 其中处理 ms | 墙钟/裸解析 | CPU/裸解析 |",
    "|---|---|---|---|---|---|",
    row(["裸解析（解压 + SAX）", bareOne.wall, bareOne.cpu, bareOne.work, "1×", "1×"]),
    row(["juesuan 检查", checkOne.wall, checkOne.cpu, checkOne.work, `${fmt(checkOne.wall / bareOne.wall)}×`, `${fmt(checkOne.cpu / bareOne.cpu)}×`]),
  );
  const cw = median3(() => child(COLD_WARM_CHILD, [one]));
  lines.push(
    "",
    "**4. 冷/热（同一进程内第一次与之后 9 次的中位数，ms）**",
    "",
    "| | 冷 | 热 | 冷/热 |",
    "|---|---|---|---|",
    row(["读取", cw.coldRead, cw.warmRead, `${fmt(cw.coldRead / cw.warmRead)}×`]),
    row(["引擎（识别 + 复核）", cw.coldEngine, cw.warmEngine, `${fmt(cw.coldEngine / cw.warmEngine)}×`]),
    row(["读取 + 引擎", cw.coldRead + cw.coldEngine, cw.warmRead + cw.warmEngine, `${fmt((cw.coldRead + cw.coldEngine) / (cw.warmRead + cw.warmEngine))}×`]),
  );
  compileCacheSection(one, lines);
  rmSync(cacheDir, { recursive: true, force: true });
}

/**
 * 4b. The compile cache: cold = the first read + check in a new process after its modules are loaded (loading
 * shown apart), warm = the median of the 9 that follow in the same process. Cache off and on alternate (the
 * machine's load drifts), 9 processes each; the cache is written by one priming run first, as by any earlier
 * `juesuan` run. Then whole `juesuan check --json` processes: wall time, and the check's own timings (the
 * first check in the worker thread).
 */
function compileCacheSection(file: string, lines: string[]) {
  const RUNS = 9;
  const dir = mkdtempSync(join(tmpdir(), "juesuan-cc-"));
  try {
    child(COLD_WARM_CC_CHILD, [dir, file]);
    const runs: Record<"off" | "on", Record<string, number>[]> = { off: [], on: [] };
    for (let i = 0; i < RUNS; i++) {
      runs.off.push(child(COLD_WARM_CC_CHILD, ["-", file]));
      runs.on.push(child(COLD_WARM_CC_CHILD, [dir, file]));
    }
    const med = <T>(rs: T[], f: (r: T) => number) => median(rs.map(f));
    const range = <T>(rs: T[], f: (r: T) => number) => `${fmt(Math.min(...rs.map(f)))}–${fmt(Math.max(...rs.map(f)))}`;
    lines.push(
      "",
      `**4b. 冷/热与编译缓存（新进程载入模块后第一次读取 + 检查 = 冷，同一进程之后 9 次的中位数 = 热；缓存关、开交替各 ${RUNS} 个进程，中位数与范围）**`,
      "",
      "| 编译缓存 | 载入模块 ms | 冷 ms | 热 ms | 冷/热（墙钟） | 冷 CPU ms | 热 CPU ms | 冷/热（CPU） |",
      "|---|---|---|---|---|---|---|---|",
    );
    for (const k of ["off", "on"] as const) {
      const rs = runs[k];
      const ratio = (r: Record<string, number>) => r.cold / r.warm;
      const cpuRatio = (r: Record<string, number>) => r.coldCpu / r.warmCpu;
      lines.push(
        row([k === "on" ? "开" : "关", med(rs, (r) => r.loadMs), med(rs, (r) => r.cold), med(rs, (r) => r.warm), `${fmt(med(rs, ratio))}×（${range(rs, ratio)}）`, med(rs, (r) => r.coldCpu), med(rs, (r) => r.warmCpu), `${fmt(med(rs, cpuRatio))}×（${range(rs, cpuRatio)}）`]),
      );
    }
    const cli = join(ROOT, "bin", "juesuan.js");
    const cliRuns: Record<"off" | "on", { wall: number; check: number }[]> = { off: [], on: [] };
    for (let i = 0; i < RUNS; i++) {
      for (const k of ["off", "on"] as const) {
        const env = { ...process.env, JUESUAN_CACHE_DIR: dir, JUESUAN_NO_COMPILE_CACHE: k === "off" ? "1" : "" };
        const t0 = performance.now();
        const r = spawnSync(process.execPath, [cli, "check", "--json", file], { env, encoding: "utf8", maxBuffer: 1 << 24 });
        const wall = performance.now() - t0;
        const timings = (JSON.parse(r.stdout) as { timings?: { parseMs: number; engineMs: number } }[])[0]?.timings;
        cliRuns[k].push({ wall, check: (timings?.parseMs ?? NaN) + (timings?.engineMs ?? NaN) });
      }
    }
    lines.push("", "| `juesuan check --json`（整个进程） | 墙钟 ms | 其中检查线程里的第一次检查 ms |", "|---|---|---|");
    for (const k of ["off", "on"] as const) {
      const rs = cliRuns[k];
      lines.push(row([k === "on" ? "编译缓存开" : "编译缓存关", `${fmt(med(rs, (r) => r.wall))}（${range(rs, (r) => r.wall)}）`, `${fmt(med(rs, (r) => r.check))}（${range(rs, (r) => r.check)}）`]));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function bigSection(lines: string[]) {
  const dir = mkdtempSync(join(tmpdir(), "juesuan-big-"));
  try {
    const file = join(dir, "big-100000.xlsx");
    const wb = bigExpenditureWorkbook(100_000);
    writeFileSync(file, new Uint8Array(await wb.xlsx.writeBuffer()));
    const bare = child(BARE_CHILD, [file]);
    const check = child(CHECK_CHILD, [file]);
    const cacheDir = join(dir, "cache");
    commandChild([file], cacheDir);
    const command = commandChild([file], cacheDir);
    lines.push(
      "",
      "**5. 生成的 100,000 项支出决算表（新 node 进程）**",
      "",
      "| | 墙钟 ms | CPU ms | 其中处理 ms | 读取 ms | 引擎 ms | 峰值内存 MB | 墙钟/裸解析 |",
      "|---|---|---|---|---|---|---|---|",
      row(["裸解析（解压 + SAX）", bare.wall, bare.cpu, bare.work, "", "", bare.maxRssMb, "1×"]),
      row(["juesuan 检查（同一线程）", check.wall, check.cpu, check.work, check.parseMs, check.engineMs, check.maxRssMb, `${fmt(check.wall / bare.wall)}×`]),
      row(["`juesuan check --json` 整个命令（检查线程）", command.wall, command.cpu, "", "", "", command.maxRssMb, `${fmt(command.wall / bare.wall)}×`]),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function jobsSection(files: string[], lines: string[]) {
  const cli = join(ROOT, "bin", "juesuan.js");
  const dir = mkdtempSync(join(tmpdir(), "juesuan-batch-"));
  for (let i = 0; i < 100; i++) copyFileSync(join(FIXTURES, files[i % files.length]), join(dir, `unit-${String(i).padStart(3, "0")}.xlsx`));
  lines.push("", `**6. 批量检查 100 个工作簿（命令行，本机 ${availableParallelism()} 核）**`, "", "| juesuan check | 线程 | 用时 s | 工作簿/秒 |", "|---|---|---|---|");
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
}

async function main() {
  const lines: string[] = [];
  const cpu = cpus()[0]?.model ?? "unknown CPU";
  lines.push(`机器：${cpu}，${availableParallelism()} 核，Node ${process.version}`);
  const files = existsSync(FIXTURES) ? readdirSync(FIXTURES).filter((f) => f.endsWith(".xlsx")).sort() : [];
  const only = process.argv.slice(2);
  const want = (k: string) => only.length === 0 || only.includes(k);
  if (want("files")) await perFixture(files, lines);
  const compiled = existsSync(join(DIST, "cli", "check-file.js"));
  if (!compiled) lines.push("", "（冷启动、大表与批量部分需要先运行 npm run build:cli）");
  if (compiled && want("cold")) coldSections(files, lines);
  else if (compiled && want("cache")) compileCacheSection(join(FIXTURES, "beijing-12-tables-2023.xlsx"), lines);
  if (want("batch")) await warmBatch(files, lines);
  if (compiled && want("big")) await bigSection(lines);
  if (compiled && want("jobs")) jobsSection(files, lines);
  if (want("sync")) {
    try {
      const { measureSyncCounts } = await import("../excel/sync-counts");
      const counts = await measureSyncCounts();
      lines.push("", "| Excel 适配层（模拟对象模型） | context.sync() 次数 |", "|---|---|");
      for (const [k, v] of Object.entries(counts)) lines.push(`| ${k} | ${v} |`);
    } catch (e) {
      lines.push("", `（sync 计数不可用：${(e as Error).message}）`);
    }
  }
  if (want("recheck")) lines.push(...(await (await import("./recheck")).measureRecheck(FIXTURES, files)));
  if (want("wps")) lines.push(...(await (await import("./wps-calls")).wpsCallLines()));
  process.stdout.write(lines.join("\n") + "\n");
}

if (require.main === module) void main();
