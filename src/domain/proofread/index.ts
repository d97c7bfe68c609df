/**
 * Proofreading the 说明: parse it into claims (indicator, measure, value, unit, direction) and check
 * them against the tables (when given), against the text itself, and for form. Pure: text in, findings out.
 */
import { compareFindings } from "../findings";
import { extractClaims } from "./claims";
import { parseDocument } from "./document";
import { NARR_RULES, PASSES, type ProofreadContext } from "./rules";
import { TableLookup } from "./table-lookup";
import type { ProofreadFinding, ProofreadOptions } from "./types";
export * from "./types";
export { NARR_RULES } from "./rules";

/** Findings on one place of the text: errors first, then in registry order. */
const RANK = new Map(NARR_RULES.map((r, i) => [r.meta.id as string, i]));

export function proofread(text: string, options: ProofreadOptions = {}): ProofreadFinding[] {
  const doc = parseDocument(text);
  const ctx: ProofreadContext = {
    doc,
    claims: extractClaims(doc),
    tables: options.tables && options.tables.length > 0 ? new TableLookup(options.tables) : undefined,
    percentDecimals: options.percentDecimals,
    wrong: new Set(),
    suspect: new Map(),
    ratios: new Map(),
  };
  const findings: ProofreadFinding[] = [];
  for (const pass of PASSES) {
    for (const rule of NARR_RULES) if (rule.pass === pass && rule.check) findings.push(...rule.check(ctx));
  }
  const out = dedupe(findings).sort((a, b) => a.offset - b.offset || compareFindings(a, b) || (RANK.get(a.rule) ?? 0) - (RANK.get(b.rule) ?? 0));
  for (const f of out) {
    const paragraph = doc.paragraphs.find((p) => f.offset >= p.start && f.offset < p.end) ?? doc.paragraphs.find((p) => f.offset < p.start);
    if (paragraph) f.paragraph = paragraph.index;
  }
  return out;
}

function dedupe(findings: ProofreadFinding[]): ProofreadFinding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.rule}|${f.offset}|${f.excerpt}|${f.actual}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
