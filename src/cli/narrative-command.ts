/**
 * `juesuan narrative FILE.xlsx [--facts FACTS.json] …` and `juesuan narrative --facts-template [FILE.xlsx]`.
 * The 说明 in the unit's regional template (detected from the layout, `--template` to override), with the
 * 补充信息 facts filled in. Output starts with the count of facts still missing and, when the tables the
 * 说明 uses do not balance, a warning. Exit: 0 written, 2 usage or unreadable input.
 */
import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import { parseArgs } from "node:util";
import { checkWorkbook } from "../domain/engine";
import type { RecognizedTable } from "../domain/model";
import {
  generateNarrative,
  missingSummary,
  narrativeToText,
  templateIdOf,
  TEMPLATE_IDS,
  unbalancedTables,
  type NarrativeOptions,
} from "../domain/narrative";
import { factsTemplate, parseFacts, type NarrativeFacts } from "../domain/narrative/facts";
import { readWorkbookFile } from "../xlsx/read-workbook";
import { readErrorDetail, readErrorMessage } from "./read-errors";
import { identifyInputs, OutputError, OutputFolder } from "./safe-output";

class UsageError extends Error {}

function fail(message: string): never {
  throw new UsageError(message);
}

let verbose = false;

async function load(file: string): Promise<ReturnType<typeof checkWorkbook>> {
  try {
    return checkWorkbook(await readWorkbookFile(file));
  } catch (e) {
    if (verbose) process.stderr.write(`  （详情）${readErrorDetail(e)}\n`);
    fail(readErrorMessage(file, e));
  }
}

async function loadFacts(file: string): Promise<{ facts: NarrativeFacts; problems: string[] }> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    fail(`无法读取补充信息文件 ${file}。`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    fail(`补充信息文件 ${file} 不是有效的 JSON：${(e as Error).message}`);
  }
  return parseFacts(json);
}

/** Usage, input and refused-output problems exit 2 here; argument-parser and file-system errors go to main's handler. */
export async function commandNarrative(args: string[], options: { verbose?: boolean } = {}): Promise<number> {
  verbose = options.verbose ?? false;
  try {
    return await run(args);
  } catch (e) {
    if (e instanceof UsageError || e instanceof OutputError) {
      process.stderr.write(`juesuan：${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      facts: { type: "string" },
      "facts-template": { type: "boolean" },
      previous: { type: "string" },
      template: { type: "string" },
      style: { type: "string" },
      "percent-decimals": { type: "string" },
      thousands: { type: "string" },
      docx: { type: "string" },
      force: { type: "boolean" },
      json: { type: "boolean" },
      "initial-budget": { type: "string", multiple: true },
    },
  });
  if (values["facts-template"] && positionals.length === 0) {
    process.stdout.write(JSON.stringify(factsTemplate(), null, 2) + "\n");
    return 0;
  }
  if (positionals.length !== 1) fail("narrative 需要一个 .xlsx 文件（或 --facts-template 打印空的补充信息文件）。");
  const file = positionals[0];
  const options: Partial<NarrativeOptions> = {};
  if (values.template) {
    const id = templateIdOf(values.template);
    if (!id) fail(`--template 只能是 shanghai、beijing、central 或 ${TEMPLATE_IDS.join("、")}，收到“${values.template}”`);
    options.template = id;
  }
  if (values.style) {
    if (values.style !== "beijing" && values.style !== "shanghai") fail("--style 只能是 beijing 或 shanghai");
    options.style = values.style;
  }
  const conventions: NonNullable<NarrativeOptions["conventions"]> = {};
  if (values["percent-decimals"] !== undefined) {
    if (!/^[012]$/.test(values["percent-decimals"])) fail("--percent-decimals 只能是 0、1 或 2");
    conventions.percentDecimals = Number(values["percent-decimals"]) as 0 | 1 | 2;
  }
  if (values.thousands !== undefined) {
    if (values.thousands !== "yes" && values.thousands !== "no") fail("--thousands 只能是 yes 或 no");
    conventions.thousands = values.thousands === "yes";
  }
  options.conventions = conventions;
  if (values.docx === "") fail("--docx 需要一个文件名（如 说明.docx）。");
  // the Word file may only be new, or one this tool wrote there before (--force): decided before any work
  let docx: { folder: OutputFolder; target: string } | undefined;
  if (values.docx !== undefined) {
    const inputs = await identifyInputs([file, ...(values.previous ? [values.previous] : []), ...(values.facts ? [values.facts] : [])]);
    const { folder, rel } = await OutputFolder.forFile(values.docx, { force: !!values.force, inputs });
    docx = { folder, target: await folder.claim(rel) };
    if (extname(values.docx).toLowerCase() !== ".docx") fail(`--docx 的文件名应以 .docx 结尾，收到“${values.docx}”`);
  }

  const loaded = values.facts ? await loadFacts(values.facts) : { facts: {}, problems: [] };
  const facts: NarrativeFacts = loaded.facts;
  const problems = loaded.problems;
  // --initial-budget is kept as a shorthand for facts.initialBudgets
  for (const entry of values["initial-budget"] ?? []) {
    const m = /^(total|合计|\d{3,7})=(\d+(?:\.\d+)?)$/.exec(entry.replace(/,/g, "").trim());
    if (!m) fail(`--initial-budget 应写成 科目编码=金额（如 2060702=3.00）或 total=金额，收到“${entry}”`);
    facts.initialBudgets = { ...(facts.initialBudgets ?? {}), [m[1] === "合计" ? "total" : m[1]]: m[2] };
  }
  options.facts = facts;

  const result = await load(file);
  const tables: RecognizedTable[] = result.recognized;
  if (tables.length === 0) fail(`${file} 中没有识别到标准决算表，无法生成说明。`);
  if (values.previous) options.previous = (await load(values.previous)).recognized;
  options.unbalanced = unbalancedTables(tables, result.findings);
  const doc = generateNarrative(tables, options);

  if (values["facts-template"]) {
    process.stdout.write(JSON.stringify(factsTemplate(doc.missing ?? []), null, 2) + "\n");
    return 0;
  }
  for (const p of problems) process.stderr.write(`juesuan：${p}\n`);
  if (values.json) {
    process.stdout.write(JSON.stringify({ file, template: doc.template, missing: doc.missing, warnings: doc.warnings, document: doc }) + "\n");
  } else {
    const lines = [missingSummary(doc), ...(doc.warnings ?? []), `模板：${doc.template?.name}（${doc.template?.reason}）`, "", narrativeToText(doc)];
    process.stdout.write(lines.join("\n") + "\n");
  }
  if (docx) {
    const { narrativeToDocx } = await import("../export/docx");
    await docx.folder.write(docx.target, await narrativeToDocx(doc));
    await docx.folder.saveManifest();
    process.stderr.write(`已写出 ${values.docx}\n`);
  }
  return 0;
}
