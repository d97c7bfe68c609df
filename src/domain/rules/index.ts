/**
 * The rule engine: runs the three rule families over the recognized tables of each unit in the
 * workbook — the identity catalogue (identities/, data run by one evaluator), the structural rules
 * (structural/) and the 绩效自评 rules (evaluation/), one module each. docs/rules.md lists them all.
 */
import { DEFAULT_SETTINGS, toFinding, type CheckSettings, type Finding, type RuleFinding } from "../findings";
import type { RecognizedTable } from "../model";
import { IDENTITIES } from "./identities/catalogue";
import { evaluateIdentity, type TableSet } from "./identities/engine";
import { evaluationFindings } from "./evaluation";
import { STRUCTURAL_RULES } from "./structural";
import { markLikelyCulprits } from "./culprit";

export { IDENTITIES } from "./identities/catalogue";
export { STRUCTURAL_RULES } from "./structural";
export { EVALUATION_RULES } from "./evaluation";

/**
 * Tables of one unit and year belong together; a workbook usually holds one unit. Tables without a
 * unit name join the largest group.
 */
function groupByUnit(tables: readonly RecognizedTable[]): RecognizedTable[][] {
  const groups = new Map<string, RecognizedTable[]>();
  for (const t of tables) {
    const key = `${t.unitName ?? ""}|${t.year ?? ""}`;
    const list = groups.get(key) ?? [];
    list.push(t);
    groups.set(key, list);
  }
  return [...groups.values()];
}

export function runRules(tables: readonly RecognizedTable[], settings: CheckSettings = DEFAULT_SETTINGS): Finding[] {
  const findings: RuleFinding[] = [];
  for (const group of groupByUnit(tables)) {
    // every table of a kind is checked; cross-table identities use the first table of the other kind
    const firstOfKind: TableSet = {};
    for (const t of group) firstOfKind[t.kind] ??= t;
    for (const table of group) {
      const set: TableSet = { ...firstOfKind, [table.kind]: table };
      for (const identity of IDENTITIES) {
        if (identity.kind !== table.kind) continue;
        findings.push(...evaluateIdentity(identity, table, set, settings));
      }
      if (table.kind === "project-self-evaluation" || table.kind === "department-self-evaluation") {
        findings.push(...evaluationFindings(table, settings));
      }
    }
    for (const rule of STRUCTURAL_RULES) findings.push(...rule.check(firstOfKind, group, settings));
  }
  // the one place rule findings become public: addresses are written out here, numbers already are
  return markLikelyCulprits(findings).map(toFinding);
}

