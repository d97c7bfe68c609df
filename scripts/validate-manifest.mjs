#!/usr/bin/env node
// Offline validation of an Office add-in XML manifest against the XSDs kept in test/manifest/schemas/.
// Uses the system `xmllint` (libxml2-utils) when present, else the bundled WebAssembly build
// (xmllint-wasm), so it works without network and without native tools.
//
//   node scripts/validate-manifest.mjs [manifest.xml ...] [--engine=auto|xmllint|wasm]
//
// Exit code 0 = every file valid, 1 = a file is invalid, 2 = usage or internal error.
import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
export const SCHEMA_DIR = join(ROOT, "test", "manifest", "schemas");
export const ROOT_SCHEMA = "OfficeAppManifestV1_1.xsd";

function systemXmllintAvailable() {
  const probe = spawnSync("xmllint", ["--version"], { encoding: "utf8" });
  return probe.status === 0;
}

function validateWithXmllint(file) {
  const run = spawnSync("xmllint", ["--noout", "--nonet", "--schema", join(SCHEMA_DIR, ROOT_SCHEMA), file], {
    encoding: "utf8",
  });
  if (run.error) throw run.error;
  const errors = `${run.stdout}${run.stderr}`
    .split(/\r?\n/)
    .filter((line) => line.trim() !== "" && !/ validates$/.test(line));
  // xmllint exits 3 for invalid documents, 1..2 for unreadable or malformed ones, 4/5 for schema problems.
  if (run.status !== 0 && errors.length === 0) errors.push(`xmllint exited with code ${run.status}`);
  return { valid: run.status === 0, errors };
}

async function validateWithWasm(file) {
  const { validateXML } = await import("xmllint-wasm");
  const schemaFiles = readdirSync(SCHEMA_DIR).filter((name) => name.endsWith(".xsd"));
  const preload = schemaFiles
    .filter((name) => name !== ROOT_SCHEMA)
    .map((name) => ({ fileName: name, contents: readFileSync(join(SCHEMA_DIR, name), "utf8") }));
  const result = await validateXML({
    xml: [{ fileName: basename(file), contents: readFileSync(file, "utf8") }],
    schema: [{ fileName: ROOT_SCHEMA, contents: readFileSync(join(SCHEMA_DIR, ROOT_SCHEMA), "utf8") }],
    preload,
  });
  const errors = result.errors.map((error) => error.rawMessage);
  if (!result.valid && errors.length === 0) errors.push(result.rawOutput.trim() || "invalid");
  return { valid: result.valid, errors };
}

/**
 * Validates one manifest file. engine "auto" picks the system xmllint when installed.
 * @returns {Promise<{file: string, engine: "xmllint" | "wasm", valid: boolean, errors: string[]}>}
 */
export async function validateManifest(file, engine = "auto") {
  const absolute = resolve(file);
  if (!existsSync(absolute)) throw new Error(`找不到清单文件 / manifest not found: ${absolute}`);
  const chosen = engine === "auto" ? (systemXmllintAvailable() ? "xmllint" : "wasm") : engine;
  if (chosen !== "xmllint" && chosen !== "wasm") throw new Error(`unknown engine: ${engine}`);
  const outcome = chosen === "xmllint" ? validateWithXmllint(absolute) : await validateWithWasm(absolute);
  return { file: absolute, engine: chosen, ...outcome };
}

async function main(argv) {
  let engine = "auto";
  const files = [];
  for (const arg of argv) {
    if (arg.startsWith("--engine=")) engine = arg.slice("--engine=".length);
    else if (arg === "-h" || arg === "--help") {
      console.log("用法 / usage: node scripts/validate-manifest.mjs [manifest.xml ...] [--engine=auto|xmllint|wasm]");
      return 0;
    } else files.push(arg);
  }
  if (files.length === 0) files.push(join(ROOT, "manifest.xml"));

  let allValid = true;
  for (const file of files) {
    const result = await validateManifest(file, engine);
    if (result.valid) {
      console.log(`清单有效 / manifest valid (${result.engine}): ${result.file}`);
    } else {
      allValid = false;
      console.error(`清单无效 / manifest INVALID (${result.engine}): ${result.file}`);
      for (const error of result.errors) console.error(`  ${error}`);
    }
  }
  return allValid ? 0 : 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      console.error(`清单校验出错 / validation error: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(2);
    },
  );
}
