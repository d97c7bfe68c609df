#!/usr/bin/env node
/**
 * Real-browser test of the demo page (not jest): serves dist/ over a local http server, opens
 * /demo.html?fixture=broken-t1-total in headless Chromium, runs the check, and verifies the whole
 * loop a user sees: tables recognized, the T1.1 finding listed, the flagged cell filled red in the
 * grid, the finding selecting that cell, 清除标记 removing the fill, one list entry per flagged cell,
 * the 说明 inserted twice without replacing the first sheet (and replaced only after 替换). Then opens
 * taskpane.html with Microsoft's CDN unreachable and expects the Chinese explanation instead of a blank
 * page. Also fails on any request leaving the local server, on CSP violations and on page errors.
 * The pane's on-demand chunks (engine, result view, 说明, 设置) must not be fetched before they are used, and
 * one that cannot be fetched must be explained in Chinese and fetched again by 重试.
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
// A hang guard, not a speed requirement: the test runs on busy 2-vCPU machines beside a second npm test.
const TIMEOUT = 90_000;

/** Chunks fetched on first use only (webpackChunkName in src/taskpane); production names are name.hash.js. */
const ON_DEMAND = ["engine", "check-results", "pane-narrative", "pane-settings", "wps"];
const chunkOf = (url) => ON_DEMAND.find((name) => new URL(url).pathname.startsWith(`/${name}.`));

class E2EFailure extends Error {}
const fail = (message) => {
  throw new E2EFailure(message);
};
const log = (message) => console.log(`[demo.e2e] ${message}`);

function ensureBuild() {
  if (existsSync(path.join(DIST, "demo.html"))) return;
  log("dist/demo.html missing: building with `npx webpack --mode production` …");
  const run = spawnSync("npx", ["webpack", "--mode", "production"], { cwd: ROOT, stdio: "inherit", shell: process.platform === "win32", env: { JUESUAN_URL_PROD: "https://juesuan.example.gov.cn/addin/", ...process.env } });
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
    const fetched = new Set();
    page.on("request", (request) => {
      const chunk = chunkOf(request.url());
      if (chunk) fetched.add(chunk);
    });
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

    if (fetched.size) fail(`on-demand chunks fetched before any use: ${[...fetched].join(", ")}`);
    await page.click('[data-testid="run-check"]');
    const outcome = await Promise.race([
      page.waitForSelector('[data-testid="tables-summary"]').then(() => "tables"),
      page.waitForSelector('[data-testid="empty"]').then(() => "empty"),
      page.waitForSelector('[data-testid="check-error"]').then(() => "error"),
    ]);
    if (outcome === "error") fail(`the check failed: ${await page.textContent('[data-testid="check-error"]')}`);
    if (outcome === "empty") fail(`no table recognized in ${FIXTURE}.xlsx (the pane shows the empty state)`);
    if ([...fetched].sort().join() !== "check-results,engine") fail(`the first check should fetch the engine and the result view only; fetched: ${[...fetched].join(", ")}`);
    // The table list is collapsed so that the first finding is in view in a narrow pane.
    if ((await page.locator('[data-testid="table-row"]').count()) !== 0) fail("the table list should start collapsed");
    await page.click('[data-testid="tables-toggle"]');
    const tableRows = await page.locator('[data-testid="table-row"]').allTextContents();
    if (tableRows.length === 0) fail("the tables summary lists no table");
    log(`recognized ${tableRows.length} table(s): ${tableRows.join(" | ")}`);

    const findingSelector = `[data-testid="finding"][data-rule="${RULE}"]`;
    try {
      await page.waitForSelector(findingSelector, { timeout: TIMEOUT });
    } catch {
      const rules = await page.locator('[data-testid="finding"]').evaluateAll((els) => els.map((e) => e.getAttribute("data-rule")));
      fail(`no ${RULE} finding listed after the check (findings: ${rules.length ? rules.join(", ") : "none"})`);
    }
    // One entry per flagged cell, however many rules it breaks.
    const entryCells = await page.locator('[data-testid="finding"][data-cell]').evaluateAll((els) => els.map((e) => `${e.getAttribute("data-sheet")}!${e.getAttribute("data-cell")}`));
    const repeated = entryCells.filter((c, i) => entryCells.indexOf(c) !== i);
    if (repeated.length) fail(`cells listed more than once: ${[...new Set(repeated)].join(", ")}`);
    log(`${entryCells.length} flagged cell(s), each listed once`);
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
      const listedBefore = await page.locator(`[data-testid="finding"][data-rule="${RULE}"][data-sheet="${sheet}"][data-cell="${cell}"]`).count();
      if (listedBefore !== 1) fail(`before the edit ${RULE} should be listed once for ${sheet}!${cell}; found ${listedBefore}`);
      await gridCell.dblclick();
      const editor = page.locator('[data-testid="cell-editor"]');
      await editor.fill(expected.replace(/,/g, ""));
      await editor.press("Enter");
      // No wait for the 结果已过期 bar to appear: the live re-check can show and clear it within one frame (50 ms quiet
      // period + a few ms), so the wait could miss it. The finding was listed before the edit; only a re-check removes it.
      await page.waitForFunction(
        ([s, a, rule]) =>
          !document.querySelector('[data-testid="stale"]') &&
          !document.querySelector(`[data-testid="finding"][data-rule="${rule}"][data-sheet="${CSS.escape(s)}"][data-cell="${CSS.escape(a)}"]`),
        [sheet, cell, RULE],
      );
      log(`after typing ${expected} into ${sheet}!${cell}, the automatic re-check no longer reports ${RULE} there`);
    }

    await checkNarrativeSheet(page);

    if (problems.length) fail(problems.join("\n"));

    await checkPackageGaps(context, base);
    await checkChunkUnavailable(context, base);
    await checkOfficeUnavailable(context, base);
    log("PASS: tables recognized, T1.1 listed once per cell, cell filled, finding selects the cell, marks cleared, live re-check, 说明 sheets never replaced unasked, taskpane explains a blocked office.js, on-demand chunks fetched on use and explained when unreachable");
  } finally {
    await browser.close();
    server.close();
  }
}

/** The 说明 goes to a new sheet each time; the add-in's own earlier sheet is replaced only after 替换. */
async function checkNarrativeSheet(page) {
  const tabs = () => page.locator('[data-testid="sheet-tab"]').evaluateAll((els) => els.map((e) => e.getAttribute("data-sheet")));
  const before = await tabs();
  await page.click('[data-testid="tab-narrative"]');
  await page.click('[data-testid="generate-narrative"]');
  await page.waitForSelector('[data-testid="narrative-insert"]');
  await page.click('[data-testid="narrative-insert"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="narrative-notice"]')?.textContent?.includes("已写入工作表"));
  const once = await tabs();
  const first = once.find((n) => !before.includes(n));
  if (!first) fail(`inserting the 说明 added no sheet (sheets: ${once.join(", ")})`);
  const firstText = await page.locator("table.demo-table").textContent();

  await page.click('[data-testid="narrative-insert"]');
  await page.click('[data-testid="insert-new-sheet"]'); // asked, because the add-in's own sheet exists: keep it
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="sheet-tab"]').length === n, once.length + 1);
  const twice = await tabs();
  const second = twice.find((n) => !once.includes(n));
  if (!second || second === first) fail(`the second 说明 should get its own sheet (sheets: ${twice.join(", ")})`);
  await page.click(`[data-testid="sheet-tab"][data-sheet=${JSON.stringify(first)}]`);
  if ((await page.locator("table.demo-table").textContent()) !== firstText) fail(`sheet ${first} changed when the 说明 was inserted again`);

  await page.click('[data-testid="narrative-insert"]');
  await page.click('[data-testid="replace-own-sheet"]');
  await page.waitForFunction((name) => document.querySelector('[data-testid="narrative-notice"]')?.textContent?.includes(`“${name}”`), second);
  if ((await tabs()).length !== twice.length) fail("替换 should rewrite the add-in's own sheet, not add one");
  log(`说明 inserted as ${first}, then ${second}; ${first} untouched; 替换 rewrote ${second} only`);
}

/**
 * A package without its 支出决算表 and with a 三公 table that has headers but no data row: the pane lists a
 * TABLE.MISSING warning naming the missing table and a TABLE.EMPTY warning.
 */
const GAPS_FIXTURE = "package-gaps-2023";
async function checkPackageGaps(context, base) {
  if (!existsSync(path.join(DIST, "fixtures", `${GAPS_FIXTURE}.xlsx`))) fail(`dist/fixtures/${GAPS_FIXTURE}.xlsx is missing: run \`npm run fixtures\`, then build`);
  const page = await context.newPage();
  try {
    await page.goto(`${base}/demo.html?fixture=${GAPS_FIXTURE}`);
    await page.waitForSelector('[data-testid="demo-grid"]');
    await page.click('[data-testid="run-check"]');
    await page.waitForSelector('[data-testid="tables-toggle"]');
    const entries = await page.locator('[data-testid="finding"]').evaluateAll((els) => els.map((e) => ({ rules: e.getAttribute("data-rules") ?? "", text: e.textContent ?? "" })));
    const missing = entries.find((e) => e.rules.split(" ").includes("TABLE.MISSING"));
    if (!missing || !missing.text.includes("支出决算表")) fail(`${GAPS_FIXTURE}: no TABLE.MISSING warning naming 支出决算表 (entries: ${entries.map((e) => e.rules).join(" | ")})`);
    if (!entries.some((e) => e.rules.split(" ").includes("TABLE.EMPTY"))) fail(`${GAPS_FIXTURE}: no TABLE.EMPTY warning for the 三公 table without data`);
    log(`${GAPS_FIXTURE}: TABLE.MISSING (支出决算表) and TABLE.EMPTY listed`);
  } finally {
    await page.close();
  }
}

/**
 * The add-in's server stops answering after the pane opened (an intranet outage): the engine and the 设置 page
 * cannot be fetched. Each says so in Chinese instead of a blank area; once the server answers, 重试 brings them.
 */
async function checkChunkUnavailable(context, base) {
  const page = await context.newPage();
  const blocked = new Set(["engine", "pane-settings"]);
  try {
    await page.route("**/*", (route) => {
      const url = route.request().url();
      if (!url.startsWith(base)) return route.abort();
      return blocked.has(chunkOf(url)) ? route.abort("connectionrefused") : route.continue();
    });
    await page.goto(`${base}/demo.html?fixture=${FIXTURE}`);
    await page.waitForSelector('[data-testid="demo-grid"]');

    await page.click('[data-testid="run-check"]');
    const error = page.locator('[data-testid="check-error"]');
    await error.waitFor();
    if (!((await error.textContent()) ?? "").includes("检查程序未能从决算助手的服务器载入")) fail(`an engine that cannot be fetched should be explained: ${await error.textContent()}`);
    await page.click('[data-testid="tab-settings"]');
    const failed = page.locator('[data-testid="lazy-failed"]');
    await failed.waitFor();
    if (!((await failed.textContent()) ?? "").includes("这部分功能未能载入")) fail(`a 设置 page that cannot be fetched should be explained: ${await failed.textContent()}`);

    blocked.clear();
    await failed.getByRole("button", { name: "重试" }).click();
    await page.waitForSelector('[data-testid="settings-panel"]');
    await page.click('[data-testid="tab-check"]');
    await error.getByRole("button", { name: "重试" }).click();
    await page.waitForSelector('[data-testid="tables-toggle"]');
    log("chunks unreachable: the engine and the 设置 page explain it in Chinese; 重试 fetches them once the server answers");
  } finally {
    await page.close();
  }
}

/** taskpane.html with office.js blocked (as on many government intranets): a Chinese explanation, not a blank page. */
async function checkOfficeUnavailable(context, base) {
  const page = await context.newPage();
  try {
    await page.route("**/*", (route) => (route.request().url().startsWith(base) ? route.continue() : route.abort()));
    await page.goto(`${base}/taskpane.html`);
    const box = page.locator('[data-testid="office-unavailable"]');
    await box.waitFor({ timeout: TIMEOUT });
    const text = (await box.textContent()) ?? "";
    for (const words of ["无法加载 Office 组件", "office.js", "appsforoffice.microsoft.com", "demo.html"]) {
      if (!text.includes(words)) fail(`taskpane.html without office.js should explain it (missing “${words}”): ${text}`);
    }
    log("taskpane.html without office.js: the Chinese explanation is shown");
  } finally {
    await page.close();
  }
}

main().catch((e) => {
  console.error(`[demo.e2e] FAIL: ${e instanceof E2EFailure ? e.message : e?.stack ?? e}`);
  process.exit(1);
});
