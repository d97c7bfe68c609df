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
require(mainPath)
  .main(process.argv.slice(2))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      console.error(`juesuan：内部错误：${(e && e.stack) || e}`);
      process.exitCode = 3;
    },
  );
