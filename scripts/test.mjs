#!/usr/bin/env node
// npm test: every check the project has, in order, stopping at the first failure.
//   1 类型检查与命令行编译 typecheck + CLI build (tsc -b: the engine once, then the pane, tests and scripts)
//   2 代码规范 lint · 3 单元测试 jest (node project, then jsdom project) · 4 生产构建 webpack production
//   5 bundle scan · 6 首屏体积 initial JS size · 7 构建产物清单校验 dist manifest · 8 浏览器测试 browser demo test
// Each step prints its duration; the summary at the end lists them all.
// The browser test needs Chromium (/usr/bin/chromium or CHROMIUM_PATH); JUESUAN_SKIP_BROWSER=1 skips it loudly.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);

// The production build refuses to run without a deployment URL (it would ship a manifest pointing at localhost);
// the test build uses a placeholder intranet address. The browser test, which may build too, inherits it.
process.env.JUESUAN_URL_PROD ??= "https://juesuan.example.gov.cn/addin/";
const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const node = process.execPath;
const bin = (pkg, file) => join(dirname(require.resolve(`${pkg}/package.json`)), file);

function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean);
  return candidates.find((candidate) => existsSync(candidate)) ?? null;
}

function fail(label, detail) {
  console.error(`\n✗ 失败 / FAILED: ${label}`);
  if (detail) console.error(`  ${detail}`);
  process.exit(1);
}

const steps = [
  { label: "清理命令行编译结果 / clean dist-cli (tsc -b never deletes the output of a moved file)", command: [node, join(ROOT, "scripts", "clean-dist-cli.mjs")] },
  { label: "类型检查与命令行编译 / typecheck + CLI build (tsc -b)", command: [node, bin("typescript", "bin/tsc"), "-b", "tsconfig.json"] },
  { label: "代码规范 / lint (eslint .)", command: [node, bin("eslint", "bin/eslint.js"), "."] },
  { label: "单元测试 / unit tests (jest --ci)", command: [node, bin("jest", "bin/jest.js"), "--ci"] },
  { label: "生产构建 / production build (webpack --mode production)", command: [node, bin("webpack-cli", "bin/cli.js"), "--mode", "production"] },
  { label: "构建产物安全扫描 / bundle scan: no network or eval use, CSP on every page", command: [node, join(ROOT, "scripts", "scan-bundle.mjs"), join(ROOT, "dist")] },
  { label: "首屏体积 / initial JS size: task pane ≤ 150 KB gzip", command: [node, join(ROOT, "scripts", "bundle-size.mjs"), join(ROOT, "dist"), "--budget-kb", "150"] },
  { label: "构建产物清单校验 / dist manifest validation", command: [node, join(ROOT, "scripts", "validate-manifest.mjs"), join(ROOT, "dist", "manifest.xml")] },
  { label: "浏览器测试 / browser test (test/browser/demo.e2e.mjs)", browser: true, command: [node, join(ROOT, "test", "browser", "demo.e2e.mjs")] },
];

const started = Date.now();
const durations = [];
for (const [index, step] of steps.entries()) {
  const title = `[${index + 1}/${steps.length}] ${step.label}`;
  const env = { ...process.env };
  if (step.browser) {
    if (process.env.JUESUAN_SKIP_BROWSER === "1") {
      console.warn(`\n${"!".repeat(72)}\n! ${title}\n! 已跳过浏览器测试（JUESUAN_SKIP_BROWSER=1）/ BROWSER TEST SKIPPED\n${"!".repeat(72)}`);
      continue;
    }
    const chromium = findChromium();
    if (!chromium) {
      fail(title, "找不到 Chromium。请安装：apt-get install -y chromium（或设置 CHROMIUM_PATH）/ Chromium not found: install it or set CHROMIUM_PATH (JUESUAN_SKIP_BROWSER=1 skips).");
    }
    if (!existsSync(step.command[1])) fail(title, `缺少浏览器测试脚本 / missing browser test script: ${step.command[1]}`);
    env.CHROMIUM_PATH = chromium;
  }
  console.log(`\n▶ ${title}`);
  const stepStarted = Date.now();
  const result = spawnSync(step.command[0], step.command.slice(1), { cwd: ROOT, stdio: "inherit", env });
  const seconds = ((Date.now() - stepStarted) / 1000).toFixed(1);
  if (result.error) fail(title, result.error.message);
  if (result.status !== 0) fail(title, `退出码 / exit code ${result.status ?? result.signal} (${seconds} s)`);
  console.log(`✓ ${title} (${seconds} s)`);
  durations.push(`  ${seconds.padStart(7)} s  ${title}`);
}
console.log(`\n各步骤用时 / step durations:\n${durations.join("\n")}`);
console.log(`\n全部通过 / all checks passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
