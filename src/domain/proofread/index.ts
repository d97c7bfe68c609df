/**
 * Proofreading the 说明: parse it into claims (indicator, measure, value, unit, direction) and check
 * them against the tables (when given), against the text itself, and for form. Pure: text in, findings out.
 */
import { compareFindings } from "../findings";
import { extractClaims } from "./claims";
import {
  checkBrackets,
  checkCaptions,
  checkCounts,
  checkDecimals,
  checkDuplicateWords,
  checkItemNames,
  checkNumbering,
  checkPlaceholders,
  checkPunctuation,
  checkReasons,
  checkSpaces,
  checkUnitName,
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
  // figures the tables contradict first: nothing is recomputed from them (one root cause per wrong figure)
  const wrong = new Set<number>();
  const tableFindings = tables ? runTableChecks(doc, claims, tables, wrong) : [];
  const suspect = new Map<number, ProofreadFinding>();
  for (const id of wrong) {
    const claim = claims[id];
    const root = tableFindings.find((f) => f.offset === claim.clause.start && (f.rule === "NARR.TABLE-AMOUNT" || f.rule === "NARR.UNIT"));
    if (root) suspect.set(id, root);
  }
  const internal = runInternalChecks(doc, claims, tables, wrong, suspect);
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
    ...checkUnitName(form),
    ...checkItemNames(form),
    ...checkBrackets(form),
    ...checkSpaces(form),
    ...checkCounts(form),
    ...checkZeroItems(form),
    ...checkReasons(form),
    ...checkPlaceholders(form),
  ];
  const out = dedupe(findings).sort((a, b) => a.offset - b.offset || compareFindings(a, b));
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
