#!/usr/bin/env node
/**
 * Scans the production bundle (dist/) for network and code-evaluation APIs. The add-in talks to no
 * server: the only request allowed is the demo page loading its own sample workbook from the same
 * origin. `new Function` appears once, inside the setImmediate polyfill ExcelJS bundles, on a path
 * taken only when a string is passed (never), and once inside underscore's `_.template` (underscore comes
 * with mammoth, which reads .docx 说明 files and never calls `_.template`). The pages' CSP has no
 * 'unsafe-eval', so neither could run even if called.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const dist = process.argv[2] ?? "dist";
const FORBIDDEN = [/XMLHttpRequest/, /WebSocket/, /sendBeacon/, /EventSource/, /\beval\(/, /new Function\(/, /\bfetch\(/];
const ALLOWED = [
  { file: /^demo\./, pattern: /fetch\(`fixtures\// },
  { file: /./, pattern: /"function"!=typeof e&&\(e=new Function\(""\+e\)\)/ },
  { file: /./, pattern: /try\{\w=new Function\(\w,"_",\w\)\}catch/ },
];

const problems = [];
for (const file of readdirSync(dist).filter((f) => f.endsWith(".js"))) {
  const text = readFileSync(join(dist, file), "utf8");
  for (const re of FORBIDDEN) {
    const global = new RegExp(re.source, "g");
    for (let m; (m = global.exec(text)); ) {
      const context = text.slice(Math.max(0, m.index - 60), m.index + 60);
      if (ALLOWED.some((a) => a.file.test(file) && a.pattern.test(text.slice(Math.max(0, m.index - 40), m.index + 40)))) continue;
      problems.push(`${file}: ${re.source} … ${context.replace(/\s+/g, " ")}`);
    }
  }
}
for (const page of ["taskpane.html", "demo.html", "commands.html"]) {
  const html = readFileSync(join(dist, page), "utf8");
  if (!/http-equiv="?Content-Security-Policy"?/i.test(html)) problems.push(`${page}: no Content-Security-Policy`);
  if (/unsafe-eval/.test(html)) problems.push(`${page}: CSP allows unsafe-eval`);
}
if (problems.length) {
  console.error("bundle scan failed (network or eval use in the bundle):\n" + problems.join("\n"));
  process.exit(1);
}
console.log(`bundle scan: no network or eval use in ${dist}/*.js; CSP present on every page`);
