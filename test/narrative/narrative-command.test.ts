/** `juesuan narrative` with a facts file, `--facts-template`, `--json`, and `--docx` never onto an input. */
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { commandNarrative } from "../../src/cli/narrative-command";

jest.setTimeout(120_000);

const SH = "test/fixtures/xlsx/shanghai-district-2024.xlsx";

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const o = jest.spyOn(process.stdout, "write").mockImplementation((s: string | Uint8Array) => (out.push(String(s)), true));
  const e = jest.spyOn(process.stderr, "write").mockImplementation((s: string | Uint8Array) => (err.push(String(s)), true));
  try {
    return { code: await commandNarrative(args), out: out.join(""), err: err.join("") };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

const sha = (file: string): string => createHash("sha256").update(readFileSync(file)).digest("hex");

it("--facts-template alone prints every group and the fixed keys, with what each one is", async () => {
  const { code, out } = await run(["--facts-template"]);
  expect(code).toBe(0);
  const json = JSON.parse(out);
  expect(Object.keys(json)).toEqual(expect.arrayContaining(["profile", "previous", "initialBudgets", "reasons", "threePublic", "procurement", "assets", "performance", "说明"]));
  expect(json.threePublic.abroadGroups).toBe("");
  expect(json["说明"]["threePublic.abroadGroups"]).toBe("因公出国（境）团组数（个）");
});

it("--facts-template with a workbook lists exactly its missing facts; filling them all leaves no placeholder", async () => {
  const dir = mkdtempSync(join(tmpdir(), "juesuan-facts-"));
  const template = JSON.parse((await run([SH, "--facts-template"])).out);
  const bare = await run([SH]);
  const count = Number(/^尚缺(\d+)项补充信息/.exec(bare.out)![1]);
  expect(Object.keys(template["说明"])).toHaveLength(count);
  // fill every key (amounts, counts and text alike accept a number-looking string; 采购 parts add up)
  for (const [key] of Object.entries(template["说明"] as Record<string, string>)) {
    const [group, name] = [key.slice(0, key.indexOf(".")), key.slice(key.indexOf(".") + 1)];
    template[group][name] = group === "procurement" ? (name === "total" ? "30.00" : "10.00") : group === "reasons" || group === "purposes" || group === "profile" ? "按实际填写的内容" : "1";
  }
  delete template.initialBudgets.total;
  const file = join(dir, "facts.json");
  writeFileSync(file, JSON.stringify(template));
  const full = await run([SH, "--facts", file]);
  expect(full.code).toBe(0);
  expect(full.out.split("\n")[0]).toBe("补充信息已齐全，没有待填内容。");
  expect(full.out).not.toMatch(/【/);
});

it("--json gives template, missing and warnings", async () => {
  const { code, out } = await run([SH, "--json", "--template", "central"]);
  expect(code).toBe(0);
  const json = JSON.parse(out);
  expect(json.template).toEqual({ id: "central-2023", name: "中央部门决算模板（财政部，2023年度）", reason: "按用户选择" });
  expect(json.missing.length).toBeGreaterThan(0);
  expect(json.warnings).toEqual([]);
});

it("refuses --docx onto the input workbook and a facts file that is not JSON, exit 2, input unchanged", async () => {
  const before = sha(SH);
  const onInput = await run([SH, "--docx", SH]);
  expect(onInput.code).toBe(2);
  expect(onInput.err).toMatch(/就是输入文件之一，不会覆盖原文件/);
  expect(sha(SH)).toBe(before);
  const dir = mkdtempSync(join(tmpdir(), "juesuan-facts-"));
  const bad = join(dir, "bad.json");
  writeFileSync(bad, "{ not json");
  const r = await run([SH, "--facts", bad]);
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/不是有效的 JSON/);
  expect(existsSync(join(dir, "out.docx"))).toBe(false);
});
