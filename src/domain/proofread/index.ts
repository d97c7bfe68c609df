/**
 * Proofreading the 说明: parse it into claims (indicator, measure, value, unit, direction) and check
 * them against the tables (when given), against the text itself, and for form. Pure: text in, findings out.
 */
import { compareFindings } from "../findings";
import { extractClaims } from "./claims";
import {
  checkCaptions,
  checkCounts,
  checkDecimals,
  checkDuplicateWords,
  checkNumbering,
  checkPlaceholders,
  checkPunctuation,
  checkReasons,
  checkResidue,
  checkUnits,
  checkWording,
  checkYears,
  checkZeroAndNegativeChanges,
  checkZeroItems,
  type FormContext,
} from "./checks/form";
import { runInternalChecks } from "./checks/internal";
import { runTableChecks } from "./checks/tables";
import { parseDocument } from "./document";
import { TableLookup } from "./table-lookup";
import type { ProofreadFinding, ProofreadOptions } from "./types";
export * from "./types";


export function proofread(text: string, options: ProofreadOptions = {}): ProofreadFinding[] {
  const doc = parseDocument(text);
  const claims = extractClaims(doc);
  const tables = options.tables && options.tables.length > 0 ? new TableLookup(options.tables) : undefined;
  const internal = runInternalChecks(doc, claims, tables);
  const tableFindings = tables ? runTableChecks(doc, claims, tables, internal.wrong) : [];
  const form: FormContext = {
    doc,
    claims,
    percentDecimals: options.percentDecimals,
    ratios: internal.ratios,
    wrong: internal.wrong,
    tableUnit: tables?.unit ?? undefined,
  };
  const findings = [
    ...checkResidue(form),
    ...checkDuplicateWords(form),
    ...checkPunctuation(form),
    ...checkWording(form),
    ...checkUnits(form),
    ...checkZeroAndNegativeChanges(form),
    ...internal.findings,
    ...tableFindings,
    ...checkDecimals(form),
    ...checkNumbering(form),
    ...checkCaptions(form),
    ...checkYears(form, tables?.year ?? null),
    ...checkCounts(form),
    ...checkZeroItems(form),
    ...checkReasons(form),
    ...checkPlaceholders(form),
  ];
  return dedupe(findings).sort((a, b) => a.offset - b.offset || compareFindings(a, b));
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
