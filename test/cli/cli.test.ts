/**
 * The juesuan command as reviewers run it: the compiled CLI in a child process, over real fixture
 * files, a folder with a corrupt file, --json / --jsonl output shapes, exit codes, annotated copies.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { expectedFixtures, FIXTURE_DIR } from "../support/fixtures";

// child processes on a busy 2-vCPU machine: generous, never a speed assertion
jest.setTimeout(300_000);

const ROOT = join(__dirname, "..", "..");
const BIN = join(ROOT, "bin", "juesuan.js");

function run(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const sha = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");
const fixtures = expectedFixtures();
const clean = Object.keys(fixtures).filter((n) => !fixtures[n].injected);
const broken = Object.keys(fixtures).filter((n) => fixtures[n].injected);
const fixturePath = (n: string) => join(FIXTURE_DIR, "xlsx", `${n}.xlsx`);

beforeAll(() => {
  if (!existsSync(join(ROOT, "dist-cli", "cli", "main.js"))) execFileSync("npm", ["run", "build:cli"], { cwd: ROOT, stdio: "ignore" });
});

describe("juesuan check", () => {
  it("prints one JSON object per file with the public fields, and exits 0 on a clean workbook", () => {
    const r = run(["check", "--json", fixturePath(clean[0])]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { file: string; tables: Record<string, unknown>[]; findings: Record<string, unknown>[] }[];
    expect(out).toHaveLength(1);
    expect(out[0].file).toBe(fixturePath(clean[0]));
    expect(out[0].tables.length).toBe(fixtures[clean[0]].tables.length);
    for (const t of out[0].tables) expect(Object.keys(t).sort()).toEqual(["kind", "range", "sheet", "unit", "unitName", "year"]);
    for (const f of out[0].findings) for (const k of ["rule", "severity", "sheet", "cell", "cells", "message", "expected", "actual"]) expect(f).toHaveProperty(k);
    // one line per file inside the array, for streaming
    expect(r.stdout.split("\n").filter((l) => l.startsWith("{")).length).toBe(1);
  });

  it("exits 1 when a workbook has an error and names the rule in the readable summary", () => {
    const name = broken[0];
    const r = run(["check", fixturePath(name)]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(fixtures[name].injected!.rule);
    expect(r.stdout).toMatch(/结果：错误 [1-9]/);
  });

  it("goes through a folder with a corrupt file, a renamed PDF and an .xls, reports every other file, exits 2", () => {
    const dir = mkdtempSync(join(tmpdir(), "juesuan-cli-"));
    copyFileSync(fixturePath(clean[0]), join(dir, "a-good.xlsx"));
    copyFileSync(fixturePath(broken[0]), join(dir, "b-broken.xlsx"));
    writeFileSync(join(dir, "c-truncated.xlsx"), readFileSync(fixturePath(clean[0])).subarray(0, 500));
    writeFileSync(join(dir, "d-renamed.xlsx"), "%PDF-1.4 not a workbook");
    writeFileSync(join(dir, "e-old.xls"), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    const r = run(["check", "--jsonl", "--jobs", "2", dir]);
    expect(r.code).toBe(2);
    const lines = r.stdout.trim().split("\n").map((l) => JSON.parse(l) as { file: string; error?: string; tables: unknown[] });
    expect(lines.map((l) => l.file.split(/[\\/]/).pop())).toEqual(["a-good.xlsx", "b-broken.xlsx", "c-truncated.xlsx", "d-renamed.xlsx", "e-old.xls"]);
    expect(lines[0].error).toBeUndefined();
    expect(lines[0].tables.length).toBeGreaterThan(0);
    expect(lines[1].tables.length).toBeGreaterThan(0);
    expect(lines[2].error).toMatch(/c-truncated\.xlsx：.*损坏/);
    expect(lines[3].error).toMatch(/PDF/);
    expect(lines[4].error).toMatch(/另存为 \.xlsx/);
    expect(r.stderr).toContain("无法读取");
  });

  it("--out writes annotated copies and an HTML report, and never touches the originals", async () => {
    const dir = mkdtempSync(join(tmpdir(), "juesuan-out-"));
    const src = join(dir, "单位.xlsx");
    copyFileSync(fixturePath(broken[0]), src);
    const before = sha(src);
    const out = join(dir, "out");
    const r = run(["check", "--out", out, src]);
    expect(r.code).toBe(1);
    expect(sha(src)).toBe(before);
    const files = readdirSync(out).sort();
    expect(files).toEqual(["juesuan-manifest.json", "单位.已标注.xlsx", "决算检查报告.html", "决算检查报告.js"].sort());
    const html = readFileSync(join(out, "决算检查报告.html"), "utf8");
    expect(html).toContain(fixtures[broken[0]].injected!.rule);
    expect(html).toContain("单位.已标注.xlsx");
    const annotated = new ExcelJS.Workbook();
    await annotated.xlsx.readFile(join(out, "单位.已标注.xlsx"));
    const want = fixtures[broken[0]].injected!;
    const cell = annotated.getWorksheet(want.sheet)!.getCell(want.cell);
    expect(JSON.stringify(cell.fill)).toContain("FFC7CE");
    expect(JSON.stringify(cell.note)).toContain("【决算助手】");
    // values are those of the original
    const original = new ExcelJS.Workbook();
    await original.xlsx.readFile(src);
    original.worksheets.forEach((ws) => {
      const copy = annotated.getWorksheet(ws.name)!;
      ws.eachRow((row, r) => row.eachCell((c, col) => expect(copy.getRow(r).getCell(col).value).toEqual(c.value)));
    });
  });

  it("says what to do on bad arguments", () => {
    const r = run(["check"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/请给出要检查的/);
    expect(run(["frobnicate"]).stderr).toMatch(/未知命令/);
  });
});

describe("juesuan narrative", () => {
  it("prints the 说明 with 上年 from --previous and the 年初预算 the user gives, and placeholders for the rest", () => {
    const r = run([
      "narrative",
      fixturePath("beijing-xicheng-2023"),
      "--previous",
      fixturePath("beijing-xicheng-2022"),
      "--initial-budget",
      "total=120.00",
      "--percent-decimals",
      "1",
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("2023年度收、支总计123.78万元，比上年减少15.30万元，下降11.0%。");
    expect(r.stdout).toContain("年初预算为120.00万元，支出决算为123.78万元，完成年初预算的103.2%");
    expect(r.stdout).toContain("年初预算数（万元）】");
    expect(run(["narrative", fixturePath("beijing-xicheng-2023"), "--initial-budget", "abc"]).code).toBe(2);
  });
});
