#!/usr/bin/env node
/**
 * Real-browser test of the demo page (not jest): serves dist/ over a local http server, opens
 * /demo.html?fixture=broken-t1-total in headless Chromium, runs the check, and verifies the whole
 * loop a user sees: tables recognized, the T1.1 finding listed, the flagged cell filled red in the
 * grid, the finding selecting that cell, 清除标记 removing the fill. Also fails on any request
 * leaving the local server, on CSP violations and on page errors.
 *
 *   node test/browser/demo.e2e.mjs          (builds dist/ first when dist/demo.html is missing)
 *   CHROMIUM_PATH=/path/to/chrome node test/browser/demo.e2e.mjs
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const DIST = path.join(ROOT, "dist");
const ARTIFACTS = path.join(ROOT, "test/artifacts");
const FIXTURE = "broken-t1-total";
const RULE = "T1.1";
const ERROR_FILL = "#FFC7CE"; // MARK_FILL.error (src/domain/marks.ts)
const ERROR_FILL_RGB = "rgb(255, 199, 206)";
const TIMEOUT = 30_000;

class E2EFailure extends Error {}
const fail = (message) => {
  throw new E2EFailure(message);
};
const log = (message) => console.log(`[demo.e2e] ${message}`);

function ensureBuild() {
  if (existsSync(path.join(DIST, "demo.html"))) return;
  log("dist/demo.html missing: building with `npx webpack --mode production` …");
  const run = spawnSync("npx", ["webpack", "--mode", "production"], { cwd: ROOT, stdio: "inherit", shell: process.platform === "win32" });
  if (run.status !== 0) fail(`webpack build failed (exit ${run.status}); fix the build and re-run`);
  if (!existsSync(path.join(DIST, "demo.html"))) fail("webpack finished but dist/demo.html is still missing (is the demo entry in webpack.config.js?)");
}

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".map": "application/json",
  ".xml": "application/xml",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** Minimal static server over dist/ (no directory listing, no path escapes). */
function serveDist() {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const rel = decodeURIComponent(url.pathname).replace(/^\/+/, "") || "demo.html";
    const file = path.resolve(DIST, rel);
    if (!file.startsWith(DIST + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream", "cache-control": "no-store" });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

async function main() {
  ensureBuild();
  if (!existsSync(path.join(DIST, "fixtures", `${FIXTURE}.xlsx`))) {
    fail(`dist/fixtures/${FIXTURE}.xlsx is missing: run \`npm run fixtures\`, then \`npx webpack --mode production\``);
  }
  const server = await serveDist();
  const base = `http://127.0.0.1:${server.address().port}`;
  const executablePath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
  if (!existsSync(executablePath)) fail(`no Chromium at ${executablePath} (set CHROMIUM_PATH, or apt-get install chromium)`);

  // chromium.launch always starts from a fresh temporary profile (user-data-dir), removed on close.
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const problems = [];
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: "zh-CN" });
    const page = await context.newPage();
    page.setDefaultTimeout(TIMEOUT);

    // Nothing may leave the machine: every request must go to our own server.
    await page.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith(base) || url.startsWith("data:") || url.startsWith("blob:")) return route.continue();
      problems.push(`request left the local server: ${url}`);
      return route.abort();
    });
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    page.on("console", (m) => {
      if (m.type() === "error" && /Content Security Policy|Refused to/i.test(m.text())) problems.push(`CSP violation: ${m.text()}`);
    });

    log(`opening ${base}/demo.html?fixture=${FIXTURE}`);
    await page.goto(`${base}/demo.html?fixture=${FIXTURE}`);
    const ready = await Promise.race([
      page.waitForSelector('[data-testid="demo-grid"]').then(() => "grid"),
      page.waitForSelector('[data-testid="demo-error"]').then(() => "error"),
    ]);
    if (ready === "error") fail(`the demo could not load the fixture: ${await page.textContent('[data-testid="demo-error"]')}`);

    await page.click('[data-testid="run-check"]');
    const outcome = await Promise.race([
      page.waitForSelector('[data-testid="tables-summary"]').then(() => "tables"),
      page.waitForSelector('[data-testid="empty"]').then(() => "empty"),
      page.waitForSelector('[data-testid="check-error"]').then(() => "error"),
    ]);
    if (outcome === "error") fail(`the check failed: ${await page.textContent('[data-testid="check-error"]')}`);
    if (outcome === "empty") fail(`no table recognized in ${FIXTURE}.xlsx (the pane shows the empty state)`);
    const tableRows = await page.locator('[data-testid="table-row"]').allTextContents();
    if (tableRows.length === 0) fail("the tables summary lists no table");
    log(`recognized ${tableRows.length} table(s): ${tableRows.join(" | ")}`);

    const findingSelector = `[data-testid="finding"][data-rule="${RULE}"]`;
    try {
      await page.waitForSelector(findingSelector, { timeout: 15_000 });
    } catch {
      const rules = await page.locator('[data-testid="finding"]').evaluateAll((els) => els.map((e) => e.getAttribute("data-rule")));
      fail(`no ${RULE} finding listed after the check (findings: ${rules.length ? rules.join(", ") : "none"})`);
    }
    const finding = page.locator(findingSelector).first();
    const sheet = await finding.getAttribute("data-sheet");
    const cell = await finding.getAttribute("data-cell");
    if (!sheet || !cell) fail(`the ${RULE} finding names no cell to mark`);
    log(`${RULE} flags ${sheet}!${cell}: ${(await finding.textContent())?.slice(0, 120)}`);

    // The grid shows one sheet at a time: open the flagged cell's sheet, then look at the cell.
    await page.click(`[data-testid="sheet-tab"][data-sheet=${JSON.stringify(sheet)}]`);
    const gridCell = page.locator(`td[data-sheet=${JSON.stringify(sheet)}][data-addr=${JSON.stringify(cell)}]`);
    await gridCell.waitFor();
    const fillAfterCheck = await gridCell.getAttribute("data-fill");
    const background = await gridCell.evaluate((el) => getComputedStyle(el).backgroundColor);
    if (fillAfterCheck !== ERROR_FILL || background !== ERROR_FILL_RGB) {
      fail(`grid cell ${sheet}!${cell} should carry the error fill ${ERROR_FILL}; data-fill=${fillAfterCheck}, background=${background}`);
    }
    const note = await gridCell.getAttribute("title");
    if (!note || !note.includes(RULE)) fail(`grid cell ${sheet}!${cell} should carry the note naming ${RULE}; title=${note}`);

    // Clicking the finding selects the cell in the grid.
    await page.click('[data-testid="sheet-tab"]:not([aria-selected="true"])').catch(() => undefined); // move away first, when there is another sheet
    await finding.locator('[role="button"]').click();
    await page.waitForFunction(
      ([s, a]) => document.querySelector(`td[data-sheet="${CSS.escape(s)}"][data-addr="${CSS.escape(a)}"]`)?.getAttribute("data-selected") === "true",
      [sheet, cell],
    );
    const inView = await gridCell.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const box = el.closest(".demo-scroll").getBoundingClientRect();
      return r.bottom > box.top && r.top < box.bottom && r.right > box.left && r.left < box.right;
    });
    if (!inView) fail(`selected cell ${sheet}!${cell} was not scrolled into view`);

    mkdirSync(ARTIFACTS, { recursive: true });
    const shot = path.join(ARTIFACTS, "demo-after-check.png");
    await page.screenshot({ path: shot, fullPage: false });
    log(`screenshot: ${path.relative(ROOT, shot)}`);

    await page.click('[data-testid="clear-marks"]');
    await page.waitForSelector('[data-testid="marks-cleared"]');
    const fillAfterClear = await gridCell.getAttribute("data-fill");
    const backgroundAfterClear = await gridCell.evaluate((el) => getComputedStyle(el).backgroundColor);
    if (fillAfterClear !== "" || backgroundAfterClear === ERROR_FILL_RGB) {
      fail(`清除标记 should remove the fill of ${sheet}!${cell}; data-fill=${fillAfterClear}, background=${backgroundAfterClear}`);
    }
    const marked = await page.locator('td[data-fill]:not([data-fill=""])').count();
    if (marked !== 0) fail(`清除标记 left ${marked} filled cell(s) on the sheet`);

    // Live re-check: the user corrects the cell in the grid; 自动复查 re-runs and the finding goes away.
    const expected = await finding.getAttribute("data-expected");
    if (expected) {
      await gridCell.dblclick();
      const editor = page.locator('[data-testid="cell-editor"]');
      await editor.fill(expected.replace(/,/g, ""));
      await editor.press("Enter");
      await page.waitForSelector('[data-testid="stale"]');
      await page.waitForFunction(
        ([s, a, rule]) =>
          !document.querySelector('[data-testid="stale"]') &&
          !document.querySelector(`[data-testid="finding"][data-rule="${rule}"][data-sheet="${CSS.escape(s)}"][data-cell="${CSS.escape(a)}"]`),
        [sheet, cell, RULE],
      );
      log(`after typing ${expected} into ${sheet}!${cell}, the automatic re-check no longer reports ${RULE} there`);
    }

    if (problems.length) fail(problems.join("\n"));
    log("PASS: tables recognized, T1.1 listed, cell filled, finding selects the cell, marks cleared, live re-check");
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((e) => {
  console.error(`[demo.e2e] FAIL: ${e instanceof E2EFailure ? e.message : e?.stack ?? e}`);
  process.exit(1);
});
