#!/usr/bin/env node
// Entry of the `juesuan` command: the compiled CLI (built by `npm install` through the "prepare" script).
"use strict";
const path = require("node:path");
const fs = require("node:fs");
const mainPath = path.join(__dirname, "..", "dist-cli", "cli", "main.js");
if (!fs.existsSync(mainPath)) {
  console.error("juesuan：命令尚未编译，请先在项目目录运行 npm install（或 npm run build:cli）。");
  process.exit(2);
}
// `juesuan check --json … | head`: a closed pipe ends the output quietly
process.stdout.on("error", (e) => {
  if (e && e.code === "EPIPE") process.exit(process.exitCode ?? 0);
});
// compiled code of the modules kept between runs (src/cli/compile-cache.ts); a cache problem never stops the command
try {
  require(path.join(__dirname, "..", "dist-cli", "cli", "compile-cache.js")).enableCompileCache(path.join(__dirname, ".."));
} catch {
  /* run without the cache */
}
require(mainPath)
  .main(process.argv.slice(2))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      // main() reports every error itself; this is a last resort (stack only with --verbose)
      console.error(`juesuan：内部错误（程序缺陷）${process.argv.includes("--verbose") ? `：${(e && e.stack) || e}` : "，请加 --verbose 重试并报告。"}`);
      process.exitCode = 3;
    },
  );
