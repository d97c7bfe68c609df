/**
 * The Office add-in lint rules are errors in src/excel: reading a proxy property without load and
 * sync, or syncing inside a loop, fails `npm test` (checked by linting a bad snippet through the CLI).
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const ROOT = join(__dirname, "..", "..");
const ESLINT = join(ROOT, "node_modules", "eslint", "bin", "eslint.js");

function lint(code: string, file: string) {
  const r = spawnSync(process.execPath, [ESLINT, "--format", "json", "--stdin", "--stdin-filename", file], { cwd: ROOT, input: code, encoding: "utf8" });
  const [result] = JSON.parse(r.stdout) as { messages: { ruleId: string | null; severity: number }[] }[];
  return result.messages.filter((m) => m.severity === 2).map((m) => m.ruleId);
}

const MISUSE = `
export async function bad(): Promise<void> {
  await Excel.run(async (context) => {
    const range = context.workbook.getSelectedRange();
    console.log(range.values);
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    for (const s of sheets.items) {
      s.getRange("A1").load("values");
      await context.sync();
    }
  });
}
`;

it("flags load/sync misuse in src/excel as errors", () => {
  const rules = lint(MISUSE, "src/excel/bad-example.ts");
  expect(rules).toEqual(expect.arrayContaining(["office-addins/load-object-before-read", "office-addins/no-context-sync-in-loop"]));
});

it("forbids network calls anywhere in src", () => {
  expect(lint(`export const x = () => fetch("https://example.com");\n`, "src/domain/leak.ts")).toContain("no-restricted-globals");
});
