/**
 * docs/rules.md is generated from the rules' declarations; this fails when a rule changed and the
 * reference was not regenerated (npm run docs:rules), and when a registered rule is missing from it.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { EVALUATION_RULES, IDENTITIES, STRUCTURAL_RULES } from "../../src/domain/rules";
import { NARR_RULES } from "../../src/domain/proofread";
import { renderRuleReference } from "../../src/domain/rules/reference";

const DOC = join(__dirname, "..", "..", "docs", "rules.md");

it("docs/rules.md is current (regenerate with npm run docs:rules)", () => {
  expect(readFileSync(DOC, "utf8")).toBe(renderRuleReference());
});

it("lists every registered rule once per statement, with its severity", () => {
  const doc = renderRuleReference();
  const rows = doc.split("\n").filter((l) => /^\| [A-Z]/.test(l) && !l.startsWith("| 编号"));
  const ids = new Set(rows.map((l) => l.split(" | ")[0].slice(2)));
  for (const r of [...IDENTITIES, ...STRUCTURAL_RULES, ...EVALUATION_RULES]) expect(ids).toContain(r.id);
  for (const r of [...STRUCTURAL_RULES, ...EVALUATION_RULES]) {
    const row = rows.find((l) => l.startsWith(`| ${r.id} | `))!;
    expect(row).toContain(r.statement);
    expect(row).toContain(r.severity === "error" ? "| 错误 |" : "| 警告 |");
  }
  const statements = new Set(IDENTITIES.map((i) => `${i.id} | ${i.statement}`));
  expect(rows.filter((l) => IDENTITIES.some((i) => l.startsWith(`| ${i.id} | `)))).toHaveLength(statements.size);
});

it("lists every 说明 proofreading rule once, with its statement and its severity policy", () => {
  const rows = renderRuleReference()
    .split("\n")
    .filter((l) => l.startsWith("| NARR."));
  expect(rows.map((l) => l.split(" | ")[0].slice(2))).toEqual(NARR_RULES.map((r) => r.meta.id));
  for (const { meta } of NARR_RULES) {
    const row = rows.find((l) => l.startsWith(`| ${meta.id} | `))!;
    expect(row).toContain(meta.statement);
    expect(row).toContain(meta.policy);
  }
});
