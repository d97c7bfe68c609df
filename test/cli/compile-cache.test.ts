/**
 * The CLI's V8 code cache (src/cli/compile-cache.ts) is an optimisation only: a first run writes it, a later
 * run compiles from it, and a stale, corrupt or unwritable cache is ignored — the modules behave and the
 * command answers exactly as without a cache. Child processes, because the cache wraps the module loader.
 */
import { execFileSync, spawnSync } from "node:child_process";
import nodeModule from "node:module";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FIXTURE_DIR } from "../support/fixtures";

// child processes on a busy 2-vCPU machine: generous, never a speed assertion
jest.setTimeout(300_000);

const ROOT = join(__dirname, "..", "..");
const CACHE_MODULE = join(ROOT, "dist-cli", "cli", "compile-cache.js");
const BIN = join(ROOT, "bin", "juesuan.js");

beforeAll(() => {
  if (!existsSync(CACHE_MODULE)) execFileSync("npm", ["run", "build:cli"], { cwd: ROOT, stdio: "ignore" });
});

let work: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), "juesuan-cc-"));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

/** A small package: a.js requires b.js and uses what Node gives a CommonJS module. */
function makePackage(bSource = "module.exports = (x) => x * 2;\n"): string {
  const pkg = join(work, "pkg");
  execFileSync("mkdir", ["-p", join(pkg, "lib")]);
  writeFileSync(
    join(pkg, "a.js"),
    [
      '"use strict";',
      'const double = require("./lib/b.js");',
      "exports.value = () => double(21);",
      'exports.where = () => [require("path").basename(__filename), require("path").basename(__dirname), require.resolve("./lib/b.js") === require("path").join(__dirname, "lib", "b.js"), typeof require.cache, module.exports === exports];',
      'exports.fail = () => { throw new Error("boom"); };',
      // an ES module required from CommonJS (Node 20.19+ loads it; some of ExcelJS's dependencies do this)
      'exports.esm = () => { try { return require("./lib/c.mjs").three; } catch (e) { return e.code; } };',
      "",
    ].join("\n"),
  );
  writeFileSync(join(pkg, "lib", "b.js"), bSource);
  writeFileSync(join(pkg, "lib", "c.mjs"), "export const three = 3;\n");
  return pkg;
}

interface ChildResult {
  value: number;
  esm: unknown;
  where: unknown[];
  failLine: string;
  stats: { mode: string; hits: number; misses: number };
  exitStats: { written: boolean };
  stderr: string;
  code: number | null;
}

/** Runs a.js in a fresh node with the cache on (cacheDir) and reports what it computed and what the cache did. */
function runPackage(pkg: string, cacheDir: string, env: Record<string, string> = {}): ChildResult {
  const script = `
    const cc = require(${JSON.stringify(CACHE_MODULE)});
    cc.enableCompileCache(${JSON.stringify(pkg)}, "test", ${JSON.stringify(cacheDir)});
    const a = require(${JSON.stringify(join(pkg, "a.js"))});
    let failLine = "";
    try { a.fail(); } catch (e) { failLine = (e.stack.split("\\n")[1] || "").replace(/^.*[\\\\/]/, ""); }
    const out = { value: a.value(), where: a.where(), esm: a.esm(), failLine, stats: cc.compileCacheStats() };
    process.on("exit", () => process.stdout.write(JSON.stringify({ ...out, exitStats: cc.compileCacheStats() })));`;
  const r = spawnSync(process.execPath, ["-e", script], { encoding: "utf8", env: { ...process.env, JUESUAN_NO_COMPILE_CACHE: "", NODE_DISABLE_COMPILE_CACHE: "", ...env } });
  return { ...(JSON.parse(r.stdout) as Omit<ChildResult, "stderr" | "code">), stderr: r.stderr, code: r.status };
}

const cacheFiles = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".bin")) : []);
const EXPECTED_WHERE = ["a.js", "pkg", true, "object", true];
/** what the package does without the cache: the stack frame of the throw on line 5 (line and column), the ES module's export */
const withoutCache = (pkg: string) => {
  const r = runPackage(pkg, join(work, "unused"), { JUESUAN_NO_COMPILE_CACHE: "1" });
  expect(r.failLine).toMatch(/^a\.js:5:\d+\)$/);
  return { failLine: r.failLine, esm: r.esm, stderr: r.stderr };
};

describe("compile cache (Node 20 path)", () => {
  const nodeHasItsOwn = typeof (nodeModule as { enableCompileCache?: unknown }).enableCompileCache === "function";
  // on Node 22.1+ Node's own module cache is used instead; its behaviour is Node's, not tested here
  const onNode20 = nodeHasItsOwn ? it.skip : it;

  onNode20("is written by a first run and used by the next, with the same behaviour", () => {
    const pkg = makePackage();
    const dir = join(work, "cache");
    const reference = withoutCache(pkg);
    const first = runPackage(pkg, dir);
    expect(first).toMatchObject({ value: 42, where: EXPECTED_WHERE, ...reference, stats: { mode: "vm", hits: 0, misses: 2 }, exitStats: { written: true }, code: 0 });
    expect(cacheFiles(dir)).toHaveLength(1);
    const second = runPackage(pkg, dir);
    expect(second).toMatchObject({ value: 42, where: EXPECTED_WHERE, ...reference, stats: { mode: "vm", hits: 2, misses: 0 }, exitStats: { written: false }, code: 0 });
  });

  onNode20("ignores the entry of a module whose source changed, even to one of the same length", () => {
    const dir = join(work, "cache");
    const pkg = makePackage("module.exports = (x) => x * 2;\n");
    expect(runPackage(pkg, dir).value).toBe(42);
    // same length: V8's own check (source length) would accept the old code
    writeFileSync(join(pkg, "lib", "b.js"), "module.exports = (x) => x * 3;\n");
    const stale = runPackage(pkg, dir);
    expect(stale).toMatchObject({ value: 63, stats: { hits: 1, misses: 1 }, exitStats: { written: true }, esm: 3, stderr: withoutCache(pkg).stderr, code: 0 });
    expect(runPackage(pkg, dir)).toMatchObject({ value: 63, stats: { hits: 2, misses: 0 } });
  });

  onNode20("ignores a corrupt or truncated cache file and replaces it", () => {
    const dir = join(work, "cache");
    const pkg = makePackage();
    const reference = withoutCache(pkg);
    runPackage(pkg, dir);
    const [name] = cacheFiles(dir);
    const file = join(dir, name);
    const good = readFileSync(file);
    const damaged = [
      good.subarray(0, Math.floor(good.length / 2)), // truncated: entries run past the end
      Buffer.concat([good.subarray(0, 200), Buffer.alloc(400, 0x7b), good.subarray(600)]), // header overwritten
      (() => {
        const b = Buffer.from(good); // blobs overwritten: V8 rejects the data (checksum)
        b.fill(0x55, b.length - 2000);
        return b;
      })(),
    ];
    for (const bytes of damaged) {
      writeFileSync(file, bytes);
      const r = runPackage(pkg, dir);
      expect(r).toMatchObject({ value: 42, where: EXPECTED_WHERE, ...reference, code: 0 });
      expect(r.stats.misses).toBeGreaterThan(0);
      expect(r.exitStats.written).toBe(true);
      expect(runPackage(pkg, dir).stats).toMatchObject({ hits: 2, misses: 0 });
    }
  });

  onNode20("never replaces a file at the cache's path that it did not write", () => {
    const dir = join(work, "cache");
    const pkg = makePackage();
    runPackage(pkg, dir);
    const [name] = cacheFiles(dir);
    const file = join(dir, name);
    writeFileSync(file, "not a cache at all");
    const r = runPackage(pkg, dir);
    expect(r).toMatchObject({ value: 42, where: EXPECTED_WHERE, ...withoutCache(pkg), code: 0 });
    expect(r.stats.misses).toBeGreaterThan(0);
    expect(r.exitStats.written).toBe(false);
    expect(readFileSync(file, "utf8")).toBe("not a cache at all");
  });

  onNode20("runs without a cache where the cache directory cannot be created or written", () => {
    const pkg = makePackage();
    const blocker = join(work, "a-file");
    writeFileSync(blocker, "x");
    const r = runPackage(pkg, join(blocker, "cache")); // a directory under a regular file: ENOTDIR
    expect(r).toMatchObject({ value: 42, where: EXPECTED_WHERE, stats: { mode: "vm", hits: 0, misses: 2 }, exitStats: { written: false }, ...withoutCache(pkg), code: 0 });
  });

  it("is off with JUESUAN_NO_COMPILE_CACHE=1", () => {
    const pkg = makePackage();
    const dir = join(work, "cache");
    const r = runPackage(pkg, dir, { JUESUAN_NO_COMPILE_CACHE: "1" });
    expect(r).toMatchObject({ value: 42, where: EXPECTED_WHERE, stats: { mode: "off" }, esm: 3, code: 0 });
    expect(existsSync(dir)).toBe(false);
  });
});

describe("juesuan check with the compile cache", () => {
  /** stdout without the timings (the only field that differs between runs of the same check) */
  const run = (args: string[], env: Record<string, string>) => {
    const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: "utf8", env: { ...process.env, JUESUAN_NO_COMPILE_CACHE: "", ...env } });
    return { code: r.status, stderr: r.stderr, stdout: r.stdout.replace(/"timings":\{[^}]*\}/g, '"timings":{}') };
  };
  const files = [join(FIXTURE_DIR, "xlsx", "beijing-12-tables-2023.xlsx"), join(FIXTURE_DIR, "xlsx", readdirSync(join(FIXTURE_DIR, "xlsx")).filter((f) => f.endsWith(".xlsx")).sort()[0])];

  it("answers byte for byte as without a cache: first run, cached run, damaged cache, unwritable cache", () => {
    const dir = join(work, "cache");
    const blocker = join(work, "a-file");
    writeFileSync(blocker, "x");
    for (const args of [["check", "--json", ...files], ["check", "--jsonl", files[0]]]) {
      const plain = run(args, { JUESUAN_NO_COMPILE_CACHE: "1" });
      expect(plain.stderr).toBe("");
      expect([0, 1]).toContain(plain.code);
      expect(plain.stdout.length).toBeGreaterThan(100);
      const outcomes = [run(args, { JUESUAN_CACHE_DIR: dir }), run(args, { JUESUAN_CACHE_DIR: dir })];
      // compiled code damaged behind an intact header (V8 itself would abort on it), then a truncated file
      for (const f of cacheFiles(dir)) {
        const bytes = readFileSync(join(dir, f));
        writeFileSync(join(dir, f), bytes.fill(0x55, bytes.length - 2000));
      }
      outcomes.push(run(args, { JUESUAN_CACHE_DIR: dir }));
      for (const f of cacheFiles(dir)) writeFileSync(join(dir, f), readFileSync(join(dir, f)).subarray(0, 1000));
      outcomes.push(run(args, { JUESUAN_CACHE_DIR: dir }), run(args, { JUESUAN_CACHE_DIR: join(blocker, "cache") }));
      for (const o of outcomes) expect(o).toEqual(plain);
    }
    // the main thread and the check worker each keep their own file
    expect(cacheFiles(dir).map((f) => f.replace(/-[0-9a-f]+\.bin$/, "")).sort()).toEqual(["v8-main", "v8-worker"]);
  });

  it("writes the same annotated copies and report with the cache (ExcelJS and its dependencies, ES modules among them, load through it)", () => {
    const dir = join(work, "cache");
    const broken = join(FIXTURE_DIR, "xlsx", readdirSync(join(FIXTURE_DIR, "xlsx")).filter((f) => f.startsWith("broken-") && f.endsWith(".xlsx")).sort()[0]);
    const outcome = (n: number, env: Record<string, string>) => {
      const out = join(work, `out-${n}`);
      const r = run(["check", "--out", out, broken], env);
      return { ...r, stdout: r.stdout.split(out).join("<out>"), stderr: r.stderr.split(out).join("<out>"), files: readdirSync(out).sort() };
    };
    const plain = outcome(0, { JUESUAN_NO_COMPILE_CACHE: "1" });
    expect(plain.code).toBe(1);
    expect(plain.files.some((f) => f.endsWith(".已标注.xlsx"))).toBe(true);
    expect(outcome(1, { JUESUAN_CACHE_DIR: dir })).toEqual(plain);
    expect(outcome(2, { JUESUAN_CACHE_DIR: dir })).toEqual(plain);
  });
});
