#!/usr/bin/env node
// npm run stop: unregisters the sideloaded add-in (when office-addin-debugging is installed) and stops
// the dev server that `npm start` recorded in its pid file. Never fails because a tool is absent.
import { createRequire } from "node:module";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const MANIFEST = join(ROOT, "manifest.xml");
const PID_FILE = join(ROOT, "node_modules", ".cache", "juesuan", "dev-server.pid");

let officeDebugging = null;
try {
  officeDebugging = require.resolve("office-addin-debugging/cli.js");
} catch {
  console.log("未安装 office-addin-debugging，无需注销旁加载 / office-addin-debugging is not installed; nothing to unregister.");
}
if (officeDebugging) {
  const result = spawnSync(process.execPath, [officeDebugging, "stop", MANIFEST], { cwd: ROOT, stdio: "inherit", timeout: 60000 });
  if (result.status !== 0) console.warn("office-addin-debugging stop 未成功 / did not succeed (continuing).");
}

if (existsSync(PID_FILE)) {
  const pid = Number(readFileSync(PID_FILE, "utf8").trim());
  try {
    if (Number.isInteger(pid) && pid > 0) process.kill(pid, "SIGTERM");
    console.log(`已停止开发服务器 / stopped the dev server (pid ${pid}).`);
  } catch {
    console.log("开发服务器已不在运行 / the dev server was not running.");
  }
  rmSync(PID_FILE, { force: true });
} else {
  console.log("没有正在运行的开发服务器 / no dev server started by npm start is running.");
}
