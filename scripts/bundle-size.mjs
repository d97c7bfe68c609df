#!/usr/bin/env node
/**
 * Initial JavaScript of each page of the production build (dist/): every script its HTML loads before the
 * user does anything (webpack runtime and vendor code included), gzip level 9, as an intranet server would
 * send it. Everything else the pane needs arrives on first use (engine, result view, 说明, 设置, Word export);
 * test/taskpane/lazy-chunks.test.tsx checks that none of it is fetched when the pane opens.
 * Fails when the task pane's initial JS is above the budget (KB = 1000 bytes).
 *
 *   node scripts/bundle-size.mjs [dist] [--budget-kb 150] [--json]
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const dist = args.find((a, i) => !a.startsWith("--") && !args[i - 1]?.startsWith("--budget")) ?? "dist";
const budgetKb = Number(option("--budget-kb") ?? 150);
const PAGES = ["taskpane.html", "demo.html"];
const BUDGETED = "taskpane.html";

/** The local scripts a page loads, in order (office.js from Microsoft's CDN is not ours to count). */
function pageScripts(html) {
  const scripts = [];
  // html-webpack-plugin minifies the page: attributes may come without quotes
  for (const m of html.matchAll(/<script\b[^>]*?\ssrc=(?:"([^"]+)"|'([^']+)'|([^\s>]+))[^>]*>/gi)) {
    const src = m[1] ?? m[2] ?? m[3];
    if (!/^(https?:)?\/\//i.test(src)) scripts.push(src.replace(/^\.?\//, ""));
  }
  return scripts;
}

const kb = (bytes) => (bytes / 1000).toFixed(1);
const report = {};
let failed = false;
for (const page of PAGES) {
  const htmlPath = join(dist, page);
  if (!existsSync(htmlPath)) {
    console.error(`bundle size: ${htmlPath} is missing (run the production build first)`);
    process.exit(1);
  }
  const names = pageScripts(readFileSync(htmlPath, "utf8"));
  if (names.length === 0) {
    console.error(`bundle size: found no script of our own in ${htmlPath}; the page format changed and this check must follow`);
    process.exit(1);
  }
  const files = names.map((name) => {
    const bytes = readFileSync(join(dist, name));
    return { name, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  const gzip = files.reduce((sum, f) => sum + f.gzip, 0);
  const bytes = files.reduce((sum, f) => sum + f.bytes, 0);
  report[page] = { gzip, bytes, files };
  const over = page === BUDGETED && gzip > budgetKb * 1000;
  failed ||= over;
  const verdict = page === BUDGETED ? (over ? ` ✗ over the ${budgetKb} KB budget` : ` ✓ budget ${budgetKb} KB`) : "";
  console.log(`${page}: initial JS ${kb(gzip)} KB gzip -9 (${kb(bytes)} KB minified, ${files.length} script${files.length === 1 ? "" : "s"})${verdict}`);
  for (const f of files) console.log(`  ${kb(f.gzip).padStart(7)} KB  ${f.name}`);
}
if (args.includes("--json")) console.log(JSON.stringify(report));
if (failed) {
  console.error(`bundle size: the task pane's initial JS is above ${budgetKb} KB gzip; load what the first screen does not show on demand (see README, 性能).`);
  process.exit(1);
}
