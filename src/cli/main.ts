/**
 * `juesuan` — the same engine as the add-in, over .xlsx files, for reviewers who check many
 * units' workbooks at once. Commands: check, narrative, proofread. Output field names are a
 * public interface (README "JSON 输出"). Exit codes: 2 = a file could not be read,
 * 1 = an error finding, 0 = clean.
 */
import { existsSync, statSync } from "node:fs";
import { readdir, readFile, stat, unlink } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { basename, dirname, extname, isAbsolute, join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { Worker } from "node:worker_threads";
import { DEFAULT_SETTINGS, type CheckSettings } from "../domain/findings";
import { INPUT_LIMITS, inspectWorkbookBytes } from "../xlsx/input-limits";
// the reader, recognition and rules run in the check workers: this thread loads them only when it uses them
import type { CheckFileOptions, CheckOutcome, FileReport } from "./check-file";
import { renderHtmlReport, REPORT_NAME, REPORT_SCRIPT, REPORT_SCRIPT_NAME } from "./report-html";
import { annotatedNames, describeFsError, identifyInputs, listedOutputs, MANIFEST_NAME, OutputError, OutputFolder } from "./safe-output";
import { readErrorDetail, readErrorMessage } from "./read-errors";
import { renderReadable } from "./readable";

const HELP = `决算助手 juesuan —— 部门决算公开表与绩效自评表的识别、复核与说明生成

用法：
  juesuan check [选项] 文件.xlsx|目录|通配符 …    识别并复核工作簿（可批量）
      --json                 输出 JSON 数组，每个文件一行（便于流式处理）
      --jsonl                每个文件一行 JSON（JSON Lines）
      --out 目录             为每个工作簿写出标注副本（原文件不动）和一份 HTML 汇总报告；
                             只写新文件，不覆盖任何已有文件（写出的文件记录在 juesuan-manifest.json）
      --force                允许替换本工具上次在 --out 目录写出且未被修改的文件
      --jobs N               并行线程数（默认 CPU 核数 − 1；2 核及以下为 1）
      --timeout 秒           每个文件的检查时限（默认 120 秒），超时的文件单独报告
      --tolerance envelope|strict|<金额>   容差策略（默认 envelope：0.005×(n+1) 以内为舍位差异）
      --percent-decimals 0|1|2   百分比小数位（默认 2）
      --reverse-formula pmkpi|ratio   反向指标计分公式（默认 pmkpi）
      --score-decimals 0|1|2    绩效得分小数位（默认 2）
  juesuan narrative 文件.xlsx [--facts 补充信息.json] [--previous 上年.xlsx] [--template shanghai|beijing|central]
                   [--percent-decimals N] [--thousands yes|no] [--docx 新文件.docx [--force]] [--json]
                                                  按地区模板生成决算说明（首行为尚缺的补充信息数）
  juesuan narrative --facts-template [文件.xlsx]  打印空的补充信息文件（给出工作簿时只列该工作簿尚缺的项）
  juesuan proofread [--json] [--tables 文件.xlsx] 说明.txt|说明.docx
                                                  校对已有说明（对照表格与文本自身）
  --verbose                出错时另外显示英文的技术细节（供报告问题用）
退出码：0 = 无错误；1 = 发现错误；2 = 用法错误、有文件无法读取或超出限制、拒绝覆盖；3 = 程序内部错误。`;

/** A usage or input problem: reported in zh-CN, exit code 2. */
class CliError extends Error {}

function fail(message: string): never {
  throw new CliError(message);
}

/** --verbose anywhere on the line: English internals (library texts, stacks) are printed too. */
let verbose = false;

function settingsFrom(values: Record<string, string | boolean | undefined>): CheckSettings {
  const s: CheckSettings = { ...DEFAULT_SETTINGS };
  const tol = values.tolerance as string | undefined;
  if (tol !== undefined) {
    if (tol === "envelope" || tol === "strict") s.tolerance = { kind: tol };
    else if (/^\d+(\.\d+)?$/.test(tol)) s.tolerance = { kind: "fixed", amount: tol };
    else fail(`--tolerance 只能是 envelope、strict 或金额，收到“${tol}”`);
  }
  const dec = (name: string): 0 | 1 | 2 | undefined => {
    const v = values[name] as string | undefined;
    if (v === undefined) return undefined;
    if (!/^[012]$/.test(v)) fail(`--${name} 只能是 0、1 或 2，收到“${v}”`);
    return Number(v) as 0 | 1 | 2;
  };
  s.percentDecimals = dec("percent-decimals") ?? s.percentDecimals;
  s.scoreDecimals = dec("score-decimals") ?? s.scoreDecimals;
  const rf = values["reverse-formula"] as string | undefined;
  if (rf !== undefined) {
    if (rf !== "pmkpi" && rf !== "ratio") fail(`--reverse-formula 只能是 pmkpi 或 ratio，收到“${rf}”`);
    s.reverseFormula = rf;
  }
  return s;
}

const WORKBOOK_EXT = /\.(xlsx|xlsm|xls|et|ett)$/i;

const isInside = (folder: string, path: string) => {
  const rel = relative(folder, path);
  return rel === "" || (!!rel && !rel.startsWith("..") && !isAbsolute(rel));
};

/**
 * Files, directories (every workbook inside, recursively) and globs → file list, in argument order.
 * Never picks up the tool's own outputs: files a juesuan-manifest.json lists, and anything inside the
 * output folder when that folder lies below an input folder.
 */
export async function expandInputs(inputs: string[], outDir?: string): Promise<string[]> {
  const out: string[] = [];
  const manifests = new Map<string, Set<string>>();
  // a manifest lists paths below its own folder: look in the file's folder and every folder above it
  const ownOutput = async (file: string) => {
    const absolute = resolve(file);
    for (let dir = dirname(absolute); ; dir = dirname(dir)) {
      if (!manifests.has(dir)) manifests.set(dir, await listedOutputs(dir));
      if (manifests.get(dir)!.has(absolute)) return true;
      if (dirname(dir) === dir) return false;
    }
  };
  // loaded here, not at startup: a check of named files never needs it
  const fg = async (...args: Parameters<typeof import("fast-glob")>) => (await import("fast-glob")).default(...args);
  for (const input of inputs) {
    let found: string[] = [];
    if (existsSync(input) && statSync(input).isDirectory()) {
      const root = resolve(input);
      const names = await fg("**/*", { cwd: input, onlyFiles: true, dot: false, followSymbolicLinks: false });
      found = names
        .filter((f) => WORKBOOK_EXT.test(f) && !basename(f).startsWith("~$"))
        .sort()
        .map((f) => join(input, f))
        .filter((f) => !(outDir && outDir !== root && isInside(outDir, resolve(f))));
    } else if (!existsSync(input) && /[*?[\]{}]/.test(input)) {
      found = (await fg(input.replace(/\\/g, "/"), { onlyFiles: true })).sort().filter((f) => !(outDir && isInside(outDir, resolve(f))));
    } else {
      out.push(input);
      continue;
    }
    for (const f of found) if (!(await ownOutput(f))) out.push(f);
  }
  return [...new Set(out)];
}

interface CheckTask {
  file: string;
  options: CheckFileOptions;
}

/**
 * Checks every task in worker threads (jobs at a time). A worker that runs past the time limit or dies
 * (out of memory …) is terminated and replaced; that file gets its own message and the others go on.
 */
async function runPool(tasks: CheckTask[], jobs: number, timeoutMs: number, onOutcome: (o: CheckOutcome, i: number) => void): Promise<void> {
  const workerScript = join(__dirname, "worker.js");
  if (!existsSync(workerScript)) {
    // running from TypeScript sources (tests of the pieces): in-process, no time limit
    const { checkFileOutcome } = await import("./check-file");
    for (let i = 0; i < tasks.length; i++) {
      const outcome = await checkFileOutcome(tasks[i].file, tasks[i].options).catch(
        (e: Error): CheckOutcome => ({ report: { file: tasks[i].file, tables: [], findings: [], unrecognizedSheets: [], error: `${basename(tasks[i].file)}：检查时出错，未完成。` }, detail: e.stack ?? e.message }),
      );
      onOutcome(outcome, i);
    }
    return;
  }
  let next = 0;
  const slot = async () => {
    let worker: Worker | null = null;
    while (next < tasks.length) {
      const id = next++;
      const task = tasks[id];
      let w: Worker;
      try {
        w = worker ??= new Worker(workerScript, { resourceLimits: { maxOldGenerationSizeMb: 4096 } });
      } catch (e) {
        onOutcome({ report: { file: task.file, tables: [], findings: [], unrecognizedSheets: [], error: `${basename(task.file)}：无法启动检查线程，未检查。` }, detail: (e as Error).message }, id);
        continue;
      }
      const result = await new Promise<{ outcome?: CheckOutcome; failure?: "timeout" | "crash"; detail?: string }>((done) => {
        const finish = (r: { outcome?: CheckOutcome; failure?: "timeout" | "crash"; detail?: string }) => {
          clearTimeout(timer);
          w.off("message", onMessage).off("error", onError).off("exit", onExit);
          done(r);
        };
        const onMessage = (msg: { id: number; outcome: CheckOutcome }) => msg.id === id && finish({ outcome: msg.outcome });
        const onError = (e: Error & { code?: string }) => finish({ failure: "crash", detail: `${e.code ?? ""} ${e.message}` });
        const onExit = (code: number) => finish({ failure: "crash", detail: `worker exited with ${code}` });
        const timer = setTimeout(() => finish({ failure: "timeout" }), timeoutMs);
        w.on("message", onMessage).on("error", onError).on("exit", onExit);
        w.postMessage({ id, file: task.file, options: task.options });
      });
      if (result.outcome) {
        onOutcome(result.outcome, id);
        continue;
      }
      await w.terminate().catch(() => undefined);
      worker = null;
      if (task.options.annotatedTarget) await removeTempFiles(task.options.annotatedTarget);
      const name = basename(task.file);
      const error =
        result.failure === "timeout"
          ? `${name}：检查超过 ${timeoutMs / 1000} 秒仍未完成，已停止（文件可能过大或结构异常）。如确需检查，可用 --timeout 调大时限。`
          : `${name}：检查时内存不足或程序异常退出，未完成（文件可能过大或结构异常）。`;
      onOutcome({ report: { file: task.file, tables: [], findings: [], unrecognizedSheets: [], error }, detail: result.detail }, id);
    }
    await worker?.terminate();
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(jobs, tasks.length)) }, slot));
}

/** Temp files a terminated worker may have left next to a target (writeFileAtomic names them .<name>.<pid>.<hex>.tmp). */
async function removeTempFiles(target: string): Promise<void> {
  const prefix = `.${basename(target)}.`;
  for (const name of await readdir(dirname(target)).catch(() => [] as string[])) {
    if (name.startsWith(prefix) && name.endsWith(".tmp")) await unlink(join(dirname(target), name)).catch(() => undefined);
  }
}

function parsePositiveNumber(value: string | undefined, option: string, integer: boolean): number | undefined {
  if (value === undefined) return undefined;
  const ok = integer ? /^\d+$/.test(value) : /^\d+(\.\d+)?$/.test(value);
  const n = Number(value);
  if (!ok || !(n > 0)) fail(`${option} 应为${integer ? "正整数" : "正数"}，收到“${value}”`);
  return n;
}

async function commandCheck(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      json: { type: "boolean" },
      jsonl: { type: "boolean" },
      out: { type: "string" },
      force: { type: "boolean" },
      jobs: { type: "string" },
      timeout: { type: "string" },
      tolerance: { type: "string" },
      "percent-decimals": { type: "string" },
      "reverse-formula": { type: "string" },
      "score-decimals": { type: "string" },
    },
  });
  if (positionals.length === 0) fail("请给出要检查的 .xlsx 文件、目录或通配符。juesuan --help 查看用法。");
  if (values.json && values.jsonl) fail("--json 和 --jsonl 只能选一个。");
  if (values.force && !values.out) fail("--force 只和 --out 一起使用（替换本工具上次写出的文件）。");
  const settings = settingsFrom(values);
  const requestedJobs = parsePositiveNumber(values.jobs, "--jobs", true);
  const timeoutSeconds = parsePositiveNumber(values.timeout, "--timeout", false) ?? INPUT_LIMITS.secondsPerFile;
  if (values.out === "") fail("--out 需要一个文件夹路径。");
  const outDir = values.out !== undefined ? resolve(values.out) : undefined;
  const files = await expandInputs(positionals, outDir);
  if (files.length === 0) fail(`没有找到工作簿：${positionals.join(" ")}`);
  // Every output is decided before any file is checked: a refusal leaves nothing half written.
  let folder: OutputFolder | undefined;
  const targets: (string | undefined)[] = files.map(() => undefined);
  let reportTarget: string | undefined;
  let scriptTarget: string | undefined;
  if (values.out !== undefined) {
    folder = await OutputFolder.open(values.out, { force: !!values.force, inputs: await identifyInputs(files) });
    const names = annotatedNames(files, [REPORT_NAME, REPORT_SCRIPT_NAME, MANIFEST_NAME]);
    for (let i = 0; i < files.length; i++) targets[i] = await folder.claim(names[i]);
    reportTarget = await folder.claim(REPORT_NAME);
    scriptTarget = await folder.claim(REPORT_SCRIPT_NAME);
  }
  // Several worker threads pay off from 3 cores up: on 2 vCPUs a second one gained ~5 % (100 samples 1.46 → 1.39 s), the
  // main thread and the collector's threads already use the second core, and two large workbooks at once need twice the memory (README 性能).
  const cores = availableParallelism();
  const jobs = requestedJobs ?? (cores > 2 ? cores - 1 : 1);
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
  // --json streams a JSON array with one file per line, in argument order as files finish
  let printed = 0;
  const flush = () => {
    while (printed < files.length && reports[printed]) {
      const r = reports[printed];
      if (values.jsonl) process.stdout.write(JSON.stringify(r) + "\n");
      else if (values.json) process.stdout.write((printed === 0 ? "[\n" : ",\n") + JSON.stringify(r));
      printed++;
    }
  };
  const details = new Map<number, string>();
  try {
    await runPool(
      files.map((file, i) => ({ file, options: { settings, annotatedTarget: targets[i] } })),
      jobs,
      timeoutSeconds * 1000,
      (outcome, i) => {
        reports[i] = outcome.report;
        if (outcome.written) folder?.record(outcome.written.path, outcome.written.sha256);
        if (outcome.detail) details.set(i, outcome.detail);
        done++;
        progress?.update(done, { file: basename(outcome.report.file) });
        flush();
      },
    );
  } finally {
    progress?.stop();
    // the JSON array is always closed, whatever happened to the files
    if (values.json) process.stdout.write(printed ? "\n]\n" : "[]\n");
  }
  if (!values.json && !values.jsonl) process.stdout.write(renderReadable(reports));
  // each file problem once, on stderr; English internals only with --verbose
  reports.forEach((r, i) => {
    if (r.error) process.stderr.write(`juesuan：${r.error}\n`);
    if (verbose && details.has(i)) process.stderr.write(`  （详情）${details.get(i)}\n`);
  });
  if (folder && reportTarget && scriptTarget) {
    await folder.write(reportTarget, renderHtmlReport(reports, folder.dir));
    await folder.write(scriptTarget, REPORT_SCRIPT);
    await folder.saveManifest();
    process.stderr.write(`已写出报告：${reportTarget}\n`);
  }
  if (reports.some((r) => r.error)) return 2;
  if (reports.some((r) => r.findings.some((f) => f.severity === "error"))) return 1;
  return 0;
}

async function loadTables(file: string) {
  try {
    // narrative and proofreading need the tables only, not the rule findings
    const [{ recognizeWorkbook }, { readWorkbookFile }] = await Promise.all([import("../domain/recognize"), import("../xlsx/read-workbook")]);
    return recognizeWorkbook(await readWorkbookFile(file)).tables;
  } catch (e) {
    if (verbose) process.stderr.write(`  （详情）${readErrorDetail(e)}\n`);
    fail(readErrorMessage(file, e));
  }
}

/** Largest 说明 file read (a .docx with pictures included). */
const MAX_TEXT_BYTES = 30 * 1024 * 1024;

/** The 说明 as text, from a .txt (UTF-8 or GB18030) or .docx; anything else is refused with what to do. */
async function readText(file: string): Promise<string> {
  const name = basename(file);
  const info = await stat(file).catch((e: { code?: string }) => fail(e.code === "ENOENT" || e.code === "ENOTDIR" ? `${name}：文件不存在，请检查文件名和路径。` : `${name}：无法读取（${e.code ?? "未知原因"}）。`));
  if (info.isDirectory()) fail(`${name}：这是一个文件夹，请给出说明文件（.txt 或 .docx）。`);
  if (!info.isFile()) fail(`${name}：不是普通文件（设备、管道等），不会读取。`);
  if (info.size > MAX_TEXT_BYTES) fail(`${name}：文件过大（超过 ${MAX_TEXT_BYTES / 1024 / 1024} MB），不像是决算说明。`);
  if (info.size === 0) fail(`${name}：文件为空。`);
  const bytes = await readFile(file);
  const head = bytes.subarray(0, 8);
  if (head.subarray(0, 4).toString("latin1") === "%PDF") fail(`${name}：这是 PDF 文件，无法校对。请把说明另存为 .docx 或 .txt 后再校对。`);
  if (head.equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) fail(`${name}：这是旧格式 .doc / .wps 文档或加密文档，无法读取。请在 Word 或 WPS 中另存为 .docx 后再校对。`);
  if (head[0] === 0x50 && head[1] === 0x4b) {
    // a zip: only a Word document is a 说明
    const problem = await inspectWorkbookBytes(bytes);
    if (problem?.code !== "word") fail(`${name}：不是 Word 文档（.docx），${problem === null ? "而是 Excel 工作簿" : "文件格式无法识别或已损坏"}。请给出 .docx 或 .txt 说明文件。`);
    try {
      const mammoth = await import("mammoth");
      return (await mammoth.extractRawText({ buffer: bytes })).value;
    } catch (e) {
      if (verbose) process.stderr.write(`  （详情）${(e as Error).stack ?? e}\n`);
      fail(`${name}：Word 文档已损坏，无法读取。请在 Word 或 WPS 中打开并另存为 .docx 后再校对。`);
    }
  }
  if (extname(file).toLowerCase() === ".docx") fail(`${name}：文件已损坏，不是有效的 Word 文档。请在 Word 或 WPS 中另存为 .docx 后再校对。`);
  if (bytes.includes(0)) fail(`${name}：不是文本文件（含二进制内容），无法校对。请给出 .txt 或 .docx 说明文件。`);
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
  if (values["percent-decimals"] !== undefined && !/^[012]$/.test(values["percent-decimals"])) fail("--percent-decimals 只能是 0、1 或 2");
  if (positionals.length !== 1) fail("proofread 需要一个 .txt 或 .docx 说明文件。");
  const text = await readText(positionals[0]);
  const tables = values.tables ? await loadTables(values.tables) : undefined;
  const { proofread } = await import("../domain/proofread");
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

/** Node's argument-parser errors (English) in zh-CN. */
function parseArgsMessage(err: Error & { code?: string }): string {
  const option = /'([^']+)'/.exec(err.message)?.[1];
  switch (err.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return `未知选项“${option ?? ""}”。`;
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      return option ? `选项“${option.replace(/ <value>$/, "").split(",").pop()!.trim()}”的值有误（需要一个值，或不接受值）。` : "选项的值有误。";
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
      return `多余的参数“${option ?? ""}”。`;
    default:
      return "命令行参数有误。";
  }
}

export async function main(argv: string[]): Promise<number> {
  verbose = argv.includes("--verbose");
  const [command, ...rest] = argv.filter((a) => a !== "--verbose");
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
        // each command loads what only it needs: `check` starts without the 说明 generator and proofreader
        return await (await import("./narrative-command")).commandNarrative(rest, { verbose });
      case "proofread":
        return await commandProofread(rest);
      default:
        fail(`未知命令“${command}”。可用：check、narrative、proofread（juesuan --help）`);
    }
  } catch (e) {
    const err = e as Error & { code?: string };
    if (err instanceof CliError || err instanceof OutputError) {
      process.stderr.write(`juesuan：${err.message}\n`);
      return 2;
    }
    if (err.code?.startsWith("ERR_PARSE_ARGS")) {
      process.stderr.write(`juesuan：${parseArgsMessage(err)}juesuan --help 查看用法。\n`);
      return 2;
    }
    if (err.code && /^E[A-Z]+$/.test(err.code)) {
      // a file-system problem the user can fix (permissions, missing folder, full disk …)
      process.stderr.write(`juesuan：${describeFsError(err, (err as { path?: string }).path ?? "文件")}\n${verbose ? `  （详情）${err.stack ?? err.message}\n` : ""}`);
      return 2;
    }
    process.stderr.write(`juesuan：内部错误（程序缺陷）${verbose ? `：${err.stack ?? err.message}` : "，请加 --verbose 重试并把输出报告给维护者。"}\n`);
    return 3;
  }
}

if (require.main === module || process.env.JUESUAN_CLI === "1") {
  // `juesuan check --json … | head`: a closed pipe ends the output quietly
  process.stdout.on("error", (e: { code?: string }) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
  });
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
