/** Writes docs/rules.md from the rules' declarations (npm run docs:rules). */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { renderRuleReference } from "../src/domain/rules/reference";

const target = join(__dirname, "..", "docs", "rules.md");
writeFileSync(target, renderRuleReference(), "utf8");
console.log(`wrote ${target}`);
