#!/usr/bin/env node
// npm start: builds the development bundle and serves it at https://localhost:3000 without asking
// anything (works as root on a headless Linux box too). On Windows/macOS where the user has installed
// office-addin-debugging (not a dependency: it brings ~400 packages that only desktop sideloading needs),
// it then sideloads the add-in into Excel desktop; elsewhere it prints how to load it.
// Ctrl-C stops the server (and unregisters the sideloaded add-in).
import { createRequire } from "node:module";
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const MANIFEST = join(ROOT, "manifest.xml");
const PORT = 3000;
/** Read by scripts/stop.mjs so `npm run stop` can end this server from another terminal. */
const PID_FILE = join(ROOT, "node_modules", ".cache", "juesuan", "dev-server.pid");

const webpack = require("webpack");
const WebpackDevServer = require("webpack-dev-server");
const webpackConfig = require("../webpack.config.js");
const { resolveDevServerCertificates } = require("./dev-certs.cjs");

function officeDebuggingCli() {
  try {
    return require.resolve("office-addin-debugging/cli.js");
  } catch {
    return null;
  }
}

function runOfficeDebugging(cli, args) {
  return spawnSync(process.execPath, [cli, ...args], { cwd: ROOT, stdio: "inherit", timeout: 120000 });
}

async function main() {
  console.log("决算助手：正在准备开发服务器… / preparing the development server…");
  const certificates = await resolveDevServerCertificates((message) => console.warn(message));
  const protocol = certificates.protocol;
  if (protocol === "https") {
    console.log(`HTTPS 证书来源 / certificate: ${certificates.source}`);
  } else {
    console.warn(`无法生成 HTTPS 证书，改用 http（Excel 需要 https，浏览器演示仍可用）。`);
    console.warn(`Could not create an HTTPS certificate (${certificates.reason}); serving over http.`);
  }

  const config = await webpackConfig({}, { mode: "development" });
  const compiler = webpack(config);
  const server = new WebpackDevServer(
    {
      ...config.devServer,
      port: PORT,
      open: false,
      server: protocol === "https" ? { type: "https", options: certificates.options } : { type: "http" },
    },
    compiler,
  );

  let sideloaded = false;
  let stopping = false;
  const stop = async (signal) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n正在停止… / stopping (${signal})`);
    const cli = officeDebuggingCli();
    if (sideloaded && cli) runOfficeDebugging(cli, ["stop", MANIFEST]);
    await server.stop();
    rmSync(PID_FILE, { force: true });
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));

  const firstBuild = new Promise((resolve) => compiler.hooks.done.tap("juesuan-start", (stats) => resolve(stats)));
  await server.start();
  mkdirSync(dirname(PID_FILE), { recursive: true });
  writeFileSync(PID_FILE, String(process.pid));
  const stats = await firstBuild;
  if (stats.hasErrors()) {
    console.error("开发构建有错误，见上方输出 / the development build has errors (see above); the server keeps running.");
  }

  const base = `${protocol}://localhost:${PORT}`;
  console.log("");
  console.log(`决算助手开发服务器已启动 / listening on ${base}`);
  console.log(`  任务窗格 / task pane:  ${base}/taskpane.html`);
  console.log(`  浏览器演示 / demo:     ${base}/demo.html`);
  console.log(`  清单 / manifest:       ${MANIFEST}`);

  const cli = officeDebuggingCli();
  if (cli && (process.platform === "win32" || process.platform === "darwin")) {
    console.log("正在旁加载到 Excel 桌面版… / sideloading into Excel desktop…");
    const result = runOfficeDebugging(cli, [
      "start", MANIFEST, "desktop", "--app", "excel", "--no-debug", "--no-live-reload", "--dev-server-port", String(PORT),
    ]);
    sideloaded = result.status === 0;
    if (!sideloaded) console.warn("旁加载失败，可手动加载清单 / sideloading failed; load the manifest by hand (see README).");
  } else {
    if (process.platform === "win32" || process.platform === "darwin") {
      console.log("要自动旁加载到 Excel 桌面版，可先运行 npm install --no-save office-addin-debugging 再 npm start。");
      console.log("To sideload into Excel desktop automatically: npm install --no-save office-addin-debugging, then npm start.");
    }
    console.log("");
    console.log("在 Excel 网页版中加载：插入 → 加载项 → 上传我的加载项，选择上面的清单文件。");
    console.log("Excel on the web: Insert → Add-ins → Upload My Add-in, then choose the manifest above.");
    if (protocol === "https" && !certificates.source.startsWith("office-addin-dev-certs")) {
      console.log("自签名证书需先在浏览器中打开任务窗格地址并选择信任。/ Open the task pane URL once and accept the self-signed certificate.");
    }
  }
  console.log("按 Ctrl-C 停止 / press Ctrl-C to stop.");
}

main().catch((error) => {
  console.error(`启动失败 / start failed: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
