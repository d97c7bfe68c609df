/**
 * `juesuan` — the same engine as the add-in, over .xlsx files, for reviewers who check many
 * units' workbooks at once. Commands: check, narrative, proofread. Output field names are a
 * public interface (README "JSON 输出"). Exit codes: 2 = a file could not be read,
 * 1 = an error finding, 0 = clean.
 */
import { existsSync, statSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { basename, extname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { Worker } from "node:worker_threads";
import fg from "fast-glob";
import { recognizeWorkbook } from "../domain/recognize";
import { DEFAULT_SETTINGS, type CheckSettings } from "../domain/findings";
import { proofread } from "../domain/proofread";
import { readWorkbookFile } from "../xlsx/read-workbook";
import { checkFile, type FileReport } from "./check-file";
import { commandNarrative } from "./narrative-command";
import { renderHtmlReport } from "./report-html";
import { renderReadable } from "./readable";

const HELP = `决算助手 juesuan —— 部门决算公开表与绩效自评表的识别、复核与说明生成

用法：
  juesuan check [选项] 文件.xlsx|目录|通配符 …    识别并复核工作簿（可批量）
      --json                 输出 JSON 数组，每个文件一行（便于流式处理）
      --jsonl                每个文件一行 JSON（JSON Lines）
      --out 目录             为每个工作簿写出标注副本（原文件不动）和一份 HTML 汇总报告
      --jobs N               并行线程数（默认 CPU 核数 − 1；2 核及以下为 1）
      --tolerance envelope|strict|<金额>   容差策略（默认 envelope：0.005×(n+1) 以内为舍位差异）
      --percent-decimals 0|1|2   百分比小数位（默认 2）
      --reverse-formula pmkpi|ratio   反向指标计分公式（默认 pmkpi）
      --score-decimals 0|1|2    绩效得分小数位（默认 2）
  juesuan narrative 文件.xlsx [--facts 补充信息.json] [--previous 上年.xlsx] [--template shanghai|beijing|central]
                   [--percent-decimals N] [--thousands yes|no] [--docx 输出.docx] [--json]
                                                  按地区模板生成决算说明（首行为尚缺的补充信息数）
  juesuan narrative --facts-template [文件.xlsx]  打印空的补充信息文件（给出工作簿时只列该工作簿尚缺的项）
  juesuan proofread [--json] [--tables 文件.xlsx] 说明.txt|说明.docx
                                                  校对已有说明（对照表格与文本自身）
退出码：2 = 有文件无法读取；1 = 有错误；0 = 无错误。`;

/** A usage or input problem: reported in zh-CN, exit code 2. */
class CliError extends Error {}

function fail(message: string): never {
  throw new CliError(message);
}

function settingsFrom(values: Record<string, string | boolean | undefined>): CheckSettings {
  const s: CheckSettings = { ...DEFAULT_SETTINGS };
  const tol = values.tolerance as string | undefined;
  if (tol) {
    if (tol === "envelope" || tol === "strict") s.tolerance = { kind: tol };
    else if (/^\d+(\.\d+)?$/.test(tol)) s.tolerance = { kind: "fixed", amount: tol };
    else fail(`--tolerance 只能是 envelope、strict 或金额，收到“${tol}”`);
  }
  const dec = (name: string): 0 | 1 | 2 | undefined => {
    const v = values[name] as string | undefined;
    if (v === undefined) return undefined;
    if (!/^[012]$/.test(v)) fail(`--${name} 只能是 0、1 或 2`);
    return Number(v) as 0 | 1 | 2;
  };
  s.percentDecimals = dec("percent-decimals") ?? s.percentDecimals;
  s.scoreDecimals = dec("score-decimals") ?? s.scoreDecimals;
  const rf = values["reverse-formula"] as string | undefined;
  if (rf) {
    if (rf !== "pmkpi" && rf !== "ratio") fail("--reverse-formula 只能是 pmkpi 或 ratio");
    s.reverseFormula = rf;
  }
  return s;
}

const WORKBOOK_EXT = /\.(xlsx|xlsm|xls|et|ett)$/i;

/** Files, directories (every workbook inside, recursively) and globs → file list, in argument order. */
export async function expandInputs(inputs: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const input of inputs) {
    if (existsSync(input) && statSync(input).isDirectory()) {
      const found = await fg("**/*", { cwd: input, onlyFiles: true, dot: false });
      out.push(...found.filter((f) => WORKBOOK_EXT.test(f) && !basename(f).startsWith("~$")).sort().map((f) => join(input, f)));
    } else if (!existsSync(input) && /[*?[\]{}]/.test(input)) {
      out.push(...(await fg(input.replace(/\\/g, "/"), { onlyFiles: true })).sort());
    } else {
      out.push(input);
    }
  }
  return [...new Set(out)];
}

async function runPool(files: string[], jobs: number, outDir: string | undefined, settings: CheckSettings, onReport: (r: FileReport, i: number) => void): Promise<void> {
  const workerScript = join(__dirname, "worker.js");
  const useWorkers = jobs > 1 && files.length > 1 && existsSync(workerScript);
  if (!useWorkers) {
    for (let i = 0; i < files.length; i++) onReport(await checkFile(files[i], { outDir, settings }), i);
    return;
  }
  const count = Math.min(jobs, files.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: count }, () => {
      const worker = new Worker(workerScript);
      return new Promise<void>((done, reject) => {
        const send = () => {
          if (next >= files.length) {
            void worker.terminate().then(() => done());
            return;
          }
          const id = next++;
          worker.postMessage({ id, file: files[id], options: { outDir, settings } });
        };
        worker.on("message", (msg: { id: number; report: FileReport }) => {
          onReport(msg.report, msg.id);
          send();
        });
        worker.on("error", reject);
        send();
      });
    }),
  );
}

async function commandCheck(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      json: { type: "boolean" },
      jsonl: { type: "boolean" },
      out: { type: "string" },
      jobs: { type: "string" },
      tolerance: { type: "string" },
      "percent-decimals": { type: "string" },
      "reverse-formula": { type: "string" },
      "score-decimals": { type: "string" },
    },
  });
  if (positionals.length === 0) fail("请给出要检查的 .xlsx 文件、目录或通配符。juesuan --help 查看用法。");
  const settings = settingsFrom(values);
  const files = await expandInputs(positionals);
  if (files.length === 0) fail(`没有找到工作簿：${positionals.join(" ")}`);
  const outDir = values.out ? resolve(values.out) : undefined;
  if (outDir) await mkdir(outDir, { recursive: true });
  // Worker threads pay off from 3 cores up: on 2 vCPUs ExcelJS's garbage collection already fills the second one (README 性能).
  const cores = availableParallelism();
  const jobs = values.jobs ? Math.max(1, Number(values.jobs) || 1) : cores > 2 ? cores - 1 : 1;
  const reports: FileReport[] = new Array(files.length);
  const showProgress = files.length > 3 && !!process.stderr.isTTY;
  let done = 0;
  const progress = (() => {
    if (!showProgress) return null;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { SingleBar, Presets } = require("cli-progress") as typeof import("cli-progress");
    const bar = new SingleBar({ format: "检查中 [{bar}] {value}/{total} {file}", stream: process.stderr, hideCursor: true }, Presets.shades_classic);
    bar.start(files.length, 0, { file: "" });
    return bar;
  })();
  // --json streams a JSON array with one file per line, in the order files finish being checked in argument order
  let printed = 0;
  const flush = () => {
    while (printed < files.length && reports[printed]) {
      const r = reports[printed];
      if (values.jsonl) process.stdout.write(JSON.stringify(r) + "\n");
      else if (values.json) process.stdout.write((printed === 0 ? "[\n" : ",\n") + JSON.stringify(r));
      printed++;
    }
  };
  await runPool(files, jobs, outDir, settings, (report, i) => {
    reports[i] = report;
    done++;
    progress?.update(done, { file: basename(report.file) });
    flush();
  });
  progress?.stop();
  if (values.json) process.stdout.write(files.length ? "\n]\n" : "[]\n");
  if (!values.json && !values.jsonl) process.stdout.write(renderReadable(reports));
  for (const r of reports) if (r.error) process.stderr.write(`无法读取 ${r.file}：${r.error}\n`);
  if (outDir) {
    const html = renderHtmlReport(reports, outDir);
    const target = join(outDir, "决算检查报告.html");
    await writeFile(target, html, "utf8");
    process.stderr.write(`已写出报告：${target}\n`);
  }
  if (reports.some((r) => r.error)) return 2;
  if (reports.some((r) => r.findings.some((f) => f.severity === "error"))) return 1;
  return 0;
}

async function loadTables(file: string) {
  try {
    // narrative and proofreading need the tables only, not the rule findings
    return recognizeWorkbook(await readWorkbookFile(file)).tables;
  } catch (e) {
    fail((e as Error).message);
  }
}

async function readText(file: string): Promise<string> {
  if (extname(file).toLowerCase() === ".docx") {
    const mammoth = await import("mammoth");
    const { value } = await mammoth.extractRawText({ path: file });
    return value;
  }
  const bytes = await readFile(file);
  // 说明 files exported on Windows are often GB18030; try UTF-8 first
  const utf8 = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
  if (!utf8.includes("\uFFFD")) return utf8.replace(/^\uFEFF/, "");
  try {
    return new TextDecoder("gb18030").decode(bytes);
  } catch {
    return utf8;
  }
}

async function commandProofread(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: "boolean" }, tables: { type: "string" }, "percent-decimals": { type: "string" } } });
  if (positionals.length !== 1) fail("proofread 需要一个 .txt 或 .docx 说明文件。");
  let text: string;
  try {
    text = await readText(positionals[0]);
  } catch (e) {
    fail(`无法读取 ${positionals[0]}：${(e as Error).message}`);
  }
  const tables = values.tables ? await loadTables(values.tables) : undefined;
  const findings = proofread(text, { tables });
  if (values.json) {
    process.stdout.write(JSON.stringify(findings.map(({ rule, severity, excerpt, offset, message, expected, actual, suggestion }) => ({ rule, severity, excerpt, offset, message, expected, actual, suggestion })), null, 2) + "\n");
  } else if (findings.length === 0) {
    process.stdout.write("未发现问题。\n");
  } else {
    const label = { error: "错误", warning: "警告", info: "提示" } as const;
    for (const f of findings) {
      process.stdout.write(`[${label[f.severity]}] ${f.rule} @${f.offset}「${f.excerpt}」\n    ${f.message}${f.suggestion ? `\n    建议改为：${f.suggestion}` : ""}\n`);
    }
  }
  return findings.some((f) => f.severity === "error") ? 1 : 0;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === "--help" || command === "-h" || command === "help") {
    process.stdout.write(HELP + "\n");
    return command ? 0 : 2;
  }
  if (command === "--version" || command === "-v") {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    process.stdout.write(`${(require("../../package.json") as { version: string }).version}\n`);
    return 0;
  }
  try {
    switch (command) {
      case "check":
        return await commandCheck(rest);
      case "narrative":
        return await commandNarrative(rest);
      case "proofread":
        return await commandProofread(rest);
      default:
        fail(`未知命令“${command}”。可用：check、narrative、proofread（juesuan --help）`);
    }
  } catch (e) {
    const err = e as Error & { code?: string };
    if (err instanceof CliError || err.code?.startsWith("ERR_PARSE_ARGS")) {
      process.stderr.write(`juesuan：${err.message}${err instanceof CliError ? "" : "（juesuan --help 查看用法）"}\n`);
      return 2;
    }
    throw e;
  }
}


if (require.main === module || process.env.JUESUAN_CLI === "1") {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: Error) => {
      process.stderr.write(`juesuan：内部错误：${e.stack ?? e.message}\n`);
      process.exitCode = 3;
    },
  );
}
