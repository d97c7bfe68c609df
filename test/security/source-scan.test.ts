/**
 * Nothing leaves the machine and nothing is evaluated: our own code uses no network API (the demo
 * page may load its bundled sample workbook from its own origin), no eval / new Function, and never
 * renders text as HTML. The bundle itself is scanned after the build by scripts/scan-bundle.mjs.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const SRC = join(__dirname, "..", "..", "src");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(ts|tsx|html)$/.test(name) ? [path] : [];
  });
}

const sources = files(SRC).map((path) => ({ path: relative(SRC, path).replace(/\\/g, "/"), text: readFileSync(path, "utf8") }));

describe("source scan", () => {
  it("finds the sources", () => {
    expect(sources.length).toBeGreaterThan(50);
  });

  it("uses no network API (except the demo loading its own sample file)", () => {
    const hits = sources.flatMap(({ path, text }) =>
      [/XMLHttpRequest/, /new WebSocket/, /sendBeacon/, /EventSource/, /\bfetch\(/, /axios|node-fetch|https?\.request\(/]
        .filter((re) => re.test(text.replace(/\/\/.*$/gm, "").replace(/\/\*[\s\S]*?\*\//g, "")))
        .map((re) => `${path}: ${re.source}`),
    );
    expect(hits.filter((h) => !/^demo\/index\.tsx: \\bfetch/.test(h))).toEqual([]);
  });

  it("evaluates no code and renders no text as HTML", () => {
    const hits = sources.flatMap(({ path, text }) =>
      [/\beval\(/, /new Function\(/, /dangerouslySetInnerHTML/, /\.innerHTML\s*=/, /\.outerHTML\s*=/, /insertAdjacentHTML/, /document\.write\(/]
        .filter((re) => re.test(text))
        .map((re) => `${path}: ${re.source}`),
    );
    expect(hits).toEqual([]);
  });

  it("only src/excel calls Excel.run, and src/domain stays free of Office.js, DOM and node APIs", () => {
    const excelRun = sources.filter(({ path, text }) => /Excel\.run\(/.test(text) && !path.startsWith("excel/"));
    expect(excelRun.map((s) => s.path)).toEqual([]);
    const impure = sources.filter(({ path, text }) => path.startsWith("domain/") && /(\bOffice\.|\bExcel\.|\bdocument\.|\bwindow\.|from "node:|require\("node:)/.test(text.replace(/\/\/.*$/gm, "").replace(/\/\*[\s\S]*?\*\//g, "")));
    expect(impure.map((s) => s.path)).toEqual([]);
  });
});
