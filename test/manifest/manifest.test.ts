import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inflateSync } from "node:zlib";

const ROOT = join(__dirname, "..", "..");
const MANIFEST_PATH = join(ROOT, "manifest.xml");
const VALIDATOR = join(ROOT, "scripts", "validate-manifest.mjs");
const manifest = readFileSync(MANIFEST_PATH, "utf8");

const systemXmllint = spawnSync("xmllint", ["--version"]).status === 0;
/** The WebAssembly engine always runs; the system xmllint too where it is installed (CI installs it). */
const engines = systemXmllint ? ["wasm", "xmllint"] : ["wasm"];

function validate(file: string, engine: string): { status: number | null; output: string } {
  const run = spawnSync(process.execPath, [VALIDATOR, file, `--engine=${engine}`], { encoding: "utf8", timeout: 60000 });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

function writeVariant(name: string, content: string): string {
  const dir = mkdtempSync(join(tmpdir(), "juesuan-manifest-"));
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
}

/** Width and height from a PNG's IHDR chunk (bytes 16..23). */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.toString("ascii", 12, 16)).toBe("IHDR");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe.each(engines)("manifest schema validation (%s)", (engine) => {
  it("accepts the real manifest.xml", () => {
    const result = validate(MANIFEST_PATH, engine);
    expect(result.output).toContain("manifest valid");
    expect(result.status).toBe(0);
  });

  it("rejects a manifest without <Id> and names the missing element", () => {
    const broken = manifest.replace(/<Id>[^<]*<\/Id>/, "");
    expect(broken).not.toBe(manifest);
    const result = validate(writeVariant("no-id.xml", broken), engine);
    expect(result.status).toBe(1);
    expect(result.output).toContain("manifest INVALID");
    expect(result.output).toMatch(/Expected is \( \{[^}]+\}Id \)/);
  });

  it("rejects an unknown permission value", () => {
    const broken = manifest.replace("<Permissions>ReadWriteDocument</Permissions>", "<Permissions>Everything</Permissions>");
    expect(broken).not.toBe(manifest);
    const result = validate(writeVariant("bad-permission.xml", broken), engine);
    expect(result.status).toBe(1);
    expect(result.output).toContain("Permissions");
  });

  it("rejects an element the schema does not know", () => {
    const broken = manifest.replace("<Hosts>", "<Colour>green</Colour>\n  <Hosts>");
    const result = validate(writeVariant("unknown-element.xml", broken), engine);
    expect(result.status).toBe(1);
    expect(result.output).toContain("Colour");
  });
});

describe("manifest content", () => {
  it("is an Excel task-pane add-in needing ExcelApi 1.9 and document write access", () => {
    expect(manifest).toMatch(/xsi:type="TaskPaneApp"/);
    expect(manifest).toMatch(/<Hosts>\s*<Host Name="Workbook"\/>\s*<\/Hosts>/);
    expect(manifest).toMatch(/<Sets DefaultMinVersion="1.1">\s*<Set Name="ExcelApi" MinVersion="1.9"\/>\s*<\/Sets>/);
    expect(manifest).toContain("<Permissions>ReadWriteDocument</Permissions>");
    expect(manifest).not.toMatch(/Mailbox|MailApp/);
  });

  it("is named 决算助手 in zh-CN and has a fresh GUID", () => {
    expect(manifest).toContain("<DefaultLocale>zh-CN</DefaultLocale>");
    expect(manifest).toContain('<DisplayName DefaultValue="决算助手">');
    const id = /<Id>([^<]+)<\/Id>/.exec(manifest)?.[1];
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("puts a 决算助手 button on the Home tab that opens taskpane.html", () => {
    expect(manifest).toMatch(/<OfficeTab id="TabHome">/);
    expect(manifest).toMatch(/<Action xsi:type="ShowTaskpane">[\s\S]*?<SourceLocation resid="Taskpane.Url"\/>/);
    expect(manifest).toContain('<bt:Url id="Taskpane.Url" DefaultValue="https://localhost:3000/taskpane.html"/>');
    expect(manifest).toContain('<bt:Url id="Commands.Url" DefaultValue="https://localhost:3000/commands.html"/>');
    expect(manifest).toMatch(/<bt:String id="Juesuan.Group.Label" DefaultValue="决算助手">/);
  });

  it("uses only development URLs under https://localhost:3000/, so the production build can rewrite them all", () => {
    const urls = [...manifest.matchAll(/https?:\/\/[^"<\s]+/g)].map((match) => match[0]).filter((url) => !url.includes("schemas.microsoft.com") && !url.includes("www.w3.org"));
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url.startsWith("https://localhost:3000/")).toBe(true);
  });

  it("references icons that exist in assets/ with the declared pixel sizes", () => {
    const sized = [...manifest.matchAll(/<bt:Image id="Icon\.(\d+)x(\d+)" DefaultValue="https:\/\/localhost:3000\/assets\/([^"]+)"\/>/g)];
    expect(sized.map((match) => Number(match[1])).sort((a, b) => a - b)).toEqual([16, 32, 80]);
    for (const [, width, height, file] of sized) {
      expect(pngSize(join(ROOT, "assets", file))).toEqual({ width: Number(width), height: Number(height) });
    }
    const icon = /<IconUrl DefaultValue="https:\/\/localhost:3000\/assets\/([^"]+)"\/>/.exec(manifest)?.[1];
    const highRes = /<HighResolutionIconUrl DefaultValue="https:\/\/localhost:3000\/assets\/([^"]+)"\/>/.exec(manifest)?.[1];
    expect(pngSize(join(ROOT, "assets", icon ?? "missing"))).toEqual({ width: 32, height: 32 });
    expect(pngSize(join(ROOT, "assets", highRes ?? "missing"))).toEqual({ width: 64, height: 64 });
    for (const [, asset] of manifest.matchAll(/https:\/\/localhost:3000\/assets\/([^"]+)"/g)) {
      expect(existsSync(join(ROOT, "assets", asset))).toBe(true);
    }
  });
});

describe("icons", () => {
  it("are exactly what scripts/make-icons.mjs draws", () => {
    const out = mkdtempSync(join(tmpdir(), "juesuan-icons-"));
    const run = spawnSync(process.execPath, [join(ROOT, "scripts", "make-icons.mjs"), out], { encoding: "utf8" });
    expect(run.status).toBe(0);
    const generated = readdirSync(out).sort();
    expect(generated).toEqual(["icon-128.png", "icon-16.png", "icon-32.png", "icon-64.png", "icon-80.png"]);
    for (const name of generated) expect(readFileSync(join(out, name)).equals(readFileSync(join(ROOT, "assets", name)))).toBe(true);
  });

  it("are not blank: the 16 px icon has a transparent corner, an opaque tile and a white check mark", () => {
    const bytes = readFileSync(join(ROOT, "assets", "icon-16.png"));
    expect([bytes[24], bytes[25]]).toEqual([8, 6]); // 8-bit RGBA
    const idat = bytes.subarray(bytes.indexOf("IDAT") + 4, bytes.indexOf("IEND") - 8);
    const rows = inflateSync(idat);
    const pixel = (x: number, y: number) => [...rows.subarray(y * 65 + 1 + x * 4, y * 65 + 1 + x * 4 + 4)];
    expect(rows.length).toBe(16 * 65);
    expect(pixel(0, 0)[3]).toBe(0);
    expect(pixel(8, 2)[3]).toBe(255);
    let white = 0;
    for (let y = 0; y < 16; y++) for (let x = 0; x < 16; x++) if (pixel(x, y).every((channel) => channel > 240)) white++;
    expect(white).toBeGreaterThan(8);
  });
});

describe("production manifest (webpack transform)", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const webpackConfig = require("../../webpack.config.js") as {
    urlDev: string;
    transformManifest: (content: Buffer, targetUrl?: string) => Buffer;
  };

  it("rewrites every development URL to the deployed base and still validates", () => {
    const deployed = webpackConfig.transformManifest(Buffer.from(manifest), "https://juesuan.example.gov.cn/addin/").toString();
    expect(deployed).not.toContain(webpackConfig.urlDev);
    expect(deployed).toContain('<SourceLocation DefaultValue="https://juesuan.example.gov.cn/addin/taskpane.html"/>');
    const result = validate(writeVariant("manifest.xml", deployed), "wasm");
    expect(result.status).toBe(0);
  });
});
