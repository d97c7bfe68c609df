/**
 * WPS 加载项 packaging without the wpsjs CLI (npm run wps:build / npm run wps:publish).
 *
 *   build   — webpack (webpack.wps.config.js) into dist-wps/juesuan_<version>/, then beside it:
 *             publish.xml  the offline registration for jsaddons/publish.xml (folder copied next to it);
 *             jsplugins.xml the entry for an intranet server named by oem.ini's JSPluginsServer;
 *             juesuan_<version>.7z (with 7z/7za on PATH; else .zip — repack with 7z for jsplugins.xml mode).
 *   publish — dist-wps/publish/publish.xml registering the add-in online from a base URL:
 *             npm run wps:publish -- https://intranet.example.gov.cn/juesuan-wps/
 *             (or JUESUAN_WPS_URL); serve dist-wps/juesuan_<version>/ at that URL.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import JSZip from "jszip";

const ROOT = join(__dirname, "..");
const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
export const ADDIN_NAME = "juesuan";
export const ADDIN_FOLDER = `${ADDIN_NAME}_${version}`;
const OUT = join(ROOT, "dist-wps");

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** jsaddons/publish.xml entry for the folder jsaddons/juesuan_<version>/ (offline). */
export function offlinePublishXml(ver = version): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<jsplugins>
  <jsplugin name="${ADDIN_NAME}" type="et" url="${ADDIN_NAME}_${escapeXml(ver)}" version="${escapeXml(ver)}" enable="enable_dev" install="null" customDomain=""/>
</jsplugins>
`;
}

/** jsplugins.xml for oem.ini [Server] JSPluginsServer: WPS downloads the packed add-in from `archiveUrl`. */
export function jspluginsXml(archiveUrl: string, ver = version): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<jsplugins>
  <jsplugin name="${ADDIN_NAME}" type="et" url="${escapeXml(archiveUrl)}" version="${escapeXml(ver)}"/>
</jsplugins>
`;
}

/** publish.xml registering the add-in online: WPS loads ribbon.xml and the pages from `baseUrl`. */
export function onlinePublishXml(baseUrl: string): string {
  if (!/^https?:\/\/[^\s"<>]+\/$/.test(baseUrl)) throw new Error(`加载项地址须以 http:// 或 https:// 开头、以 / 结尾：${baseUrl}`);
  return `<?xml version="1.0" encoding="UTF-8"?>
<jsplugins>
  <jspluginonline name="${ADDIN_NAME}" type="et" url="${escapeXml(baseUrl)}" enable="enable_dev" install="null"/>
</jsplugins>
`;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

async function pack(folder: string): Promise<string> {
  for (const tool of ["7z", "7za"]) {
    const target = join(OUT, `${ADDIN_FOLDER}.7z`);
    const run = spawnSync(tool, ["a", "-t7z", target, ADDIN_FOLDER], { cwd: OUT, stdio: "ignore" });
    if (run.status === 0) return target;
  }
  const zip = new JSZip();
  for (const file of filesUnder(folder)) zip.file(relative(OUT, file).split("\\").join("/"), readFileSync(file));
  const target = join(OUT, `${ADDIN_FOLDER}.zip`);
  writeFileSync(target, await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
  return target;
}

async function build(mode: string): Promise<void> {
  execFileSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--config", "webpack.wps.config.js", "--mode", mode], { cwd: ROOT, stdio: "inherit" });
  writeFileSync(join(OUT, "publish.xml"), offlinePublishXml());
  writeFileSync(join(OUT, "jsplugins.xml"), jspluginsXml(`http://内网服务器/${ADDIN_FOLDER}.7z`));
  const archive = await pack(join(OUT, ADDIN_FOLDER));
  process.stdout.write(
    `WPS 加载项：${join(OUT, ADDIN_FOLDER)}\n离线登记：${join(OUT, "publish.xml")}（与加载项文件夹一起放进 jsaddons）\n压缩包：${archive}\n` +
      `jsplugins.xml 模板：${join(OUT, "jsplugins.xml")}（把地址改成内网服务器上的压缩包）\n`,
  );
}

function publish(baseUrl: string | undefined): void {
  if (!baseUrl) throw new Error("用法：npm run wps:publish -- https://服务器/路径/   （或设置环境变量 JUESUAN_WPS_URL）");
  mkdirSync(join(OUT, "publish"), { recursive: true });
  const target = join(OUT, "publish", "publish.xml");
  writeFileSync(target, onlinePublishXml(baseUrl));
  process.stdout.write(`在线登记：${target}\n请把 dist-wps/${ADDIN_FOLDER}/ 部署到 ${baseUrl}，确认 ${baseUrl}ribbon.xml 可以打开。\n`);
}

if (require.main === module) {
  const [command, arg] = process.argv.slice(2);
  const run = command === "build" ? build(arg === "--dev" ? "development" : "production") : command === "publish" ? Promise.resolve(publish(arg ?? process.env.JUESUAN_WPS_URL)) : Promise.reject(new Error("用法：wps-package.ts build|publish"));
  run.catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
