/**
 * The proofreading corpus (test/proofread/corpus/): real published 说明 and 绩效自评报告, each with a hand
 * annotation of every error and of sentences verified correct by recomputation. This module loads the corpus,
 * proofreads every text and scores the findings; `npm run proofread:corpus` prints the result, and
 * corpus.test.ts asserts the thresholds.
 *
 * A finding detects an annotated error when its rule belongs to the error's class and its excerpt overlaps the
 * annotated excerpt. A finding on a verified-correct sentence that detects no annotated error is a false alarm.
 */
import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { proofread } from "../../src/domain/proofread";
import type { ProofreadFinding } from "../../src/domain/proofread/types";

export const CORPUS_DIR = join(__dirname, "corpus");

type Severity = ProofreadFinding["severity"];

/** Which rules may report each class of annotated error. */
export const CLASS_RULES: Record<string, readonly string[]> = {
  residue: ["NARR.RESIDUE"],
  rounding: ["NARR.ROUNDING"],
  decimals: ["NARR.DECIMALS"],
  punctuation: ["NARR.PUNCTUATION"],
  wording: ["NARR.WORDING"],
  caption: ["NARR.CAPTION"],
  numbering: ["NARR.NUMBERING"],
  list: ["NARR.LIST"],
  score: ["NARR.SCORE"],
  duplicate: ["NARR.DUPLICATE-WORD"],
  "zero-change": ["NARR.ZERO-CHANGE"],
  share: ["NARR.SHARE"],
  sum: ["NARR.SUM", "NARR.SCORE", "NARR.COUNT"],
  year: ["NARR.YEAR"],
  compare: ["NARR.DIRECTION"],
  unit: ["NARR.UNIT"],
  bracket: ["NARR.BRACKET"],
  name: ["NARR.NAME"],
  completion: ["NARR.COMPLETION"],
  "zero-base": ["NARR.CHANGE"],
  // a stated growth/decline rate that is not (this year − last year) ÷ last year
  change: ["NARR.CHANGE"],
  "percent-space": ["NARR.SPACE"],
  // 错别字/漏字: only a misspelt 科目 name is recognized; other slips are annotated so that recall says so
  typo: ["NARR.NAME"],
  // 收、支总计 that differ (they are equal by definition)
  label: ["NARR.TOTALS"],
};

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

interface AnnotatedError {
  excerpt: string;
  n?: number;
  class: string;
  why: string;
  correct: string;
  seeded?: boolean;
  /** lowest severity that counts as found (warning unless said; style classes say info) */
  minSeverity?: Severity;
}

interface VerifiedSentence {
  excerpt: string;
  n?: number;
  how: string;
}

interface Annotation {
  title: string;
  region: string;
  year: number;
  seeded?: boolean;
  /** annotated before the proofreader was first run on it (a held-out check of the rules) */
  heldOut?: boolean;
  errors: AnnotatedError[];
  correct: VerifiedSentence[];
}

export interface CorpusText {
  id: string;
  /** the text without its "# …" header */
  body: string;
  annotation: Annotation;
}

export interface Located<T> {
  item: T;
  start: number;
  end: number;
}

export interface TextResult {
  id: string;
  seeded: boolean;
  findings: ProofreadFinding[];
  errors: { error: Located<AnnotatedError>; found: ProofreadFinding[] }[];
  /** findings (warning or error) overlapping a verified-correct sentence and matching no annotated error */
  falseAlarms: { sentence: Located<VerifiedSentence>; finding: ProofreadFinding }[];
  /** warning/error findings neither on an annotated error nor on a verified sentence */
  unannotated: ProofreadFinding[];
  verified: number;
}

function stripHeader(raw: string): string {
  const lines = raw.replace(/\r\n/g, "\n").split("\n");
  let i = 0;
  while (i < lines.length && lines[i].startsWith("#")) i++;
  while (i < lines.length && lines[i].trim() === "") i++;
  return lines.slice(i).join("\n");
}

export function loadCorpus(dir = CORPUS_DIR): CorpusText[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => {
      const id = f.replace(/\.txt$/, "");
      const body = stripHeader(readFileSync(join(dir, f), "utf8"));
      const annotation = JSON.parse(readFileSync(join(dir, `${id}.json`), "utf8")) as Annotation;
      return { id, body, annotation };
    });
}

function locate<T extends { excerpt: string; n?: number }>(text: CorpusText, item: T): Located<T> {
  let at = -1;
  for (let i = 0; i <= (item.n ?? 0); i++) {
    at = text.body.indexOf(item.excerpt, at + 1);
    if (at < 0) throw new Error(`${text.id}: "${item.excerpt}" (occurrence ${item.n ?? 0}) is not in the text`);
  }
  return { item, start: at, end: at + item.excerpt.length };
}

function overlaps(f: ProofreadFinding, span: { start: number; end: number }): boolean {
  const end = f.offset + Math.max(f.excerpt.length, 1);
  return f.offset < span.end && end > span.start;
}

function detects(f: ProofreadFinding, e: Located<AnnotatedError>): boolean {
  const rules = CLASS_RULES[e.item.class];
  if (!rules) throw new Error(`unknown class ${e.item.class}`);
  // a misspelling is found only when the finding names that very word (its clause may hold another one)
  if (e.item.class === "typo" && !(f.actual && e.item.excerpt.includes(f.actual))) return false;
  return rules.includes(f.rule) && RANK[f.severity] >= RANK[e.item.minSeverity ?? "warning"] && overlaps(f, e);
}

export function evaluateText(text: CorpusText): TextResult {
  const findings = proofread(text.body);
  const errors = text.annotation.errors.map((e) => locate(text, e));
  const sentences = text.annotation.correct.map((c) => locate(text, c));
  const matched = new Set<ProofreadFinding>();
  const errorResults = errors.map((error) => {
    const found = findings.filter((f) => detects(f, error));
    found.forEach((f) => matched.add(f));
    return { error, found };
  });
  // a finding that overlaps an annotated error of its own class is about that error, whatever its severity
  const aboutError = (f: ProofreadFinding): boolean => matched.has(f) || errors.some((e) => (CLASS_RULES[e.item.class] ?? []).includes(f.rule) && overlaps(f, e));
  const falseAlarms: TextResult["falseAlarms"] = [];
  const onSentence = new Set<ProofreadFinding>();
  for (const f of findings) {
    if (f.severity === "info" || aboutError(f)) continue;
    for (const sentence of sentences) {
      if (!overlaps(f, sentence)) continue;
      falseAlarms.push({ sentence, finding: f });
      onSentence.add(f);
      break;
    }
  }
  const unannotated = findings.filter((f) => f.severity !== "info" && !aboutError(f) && !onSentence.has(f));
  return { id: text.id, seeded: !!text.annotation.seeded, findings, errors: errorResults, falseAlarms, unannotated, verified: sentences.length };
}

export interface Summary {
  real: { annotated: number; found: number };
  seeded: { annotated: number; found: number };
  reported: number;
  onErrors: number;
  falseErrors: number;
  falseWarnings: number;
  unannotated: number;
  verified: number;
}

export function summarize(results: TextResult[]): Summary {
  const s: Summary = { real: { annotated: 0, found: 0 }, seeded: { annotated: 0, found: 0 }, reported: 0, onErrors: 0, falseErrors: 0, falseWarnings: 0, unannotated: 0, verified: 0 };
  for (const r of results) {
    for (const e of r.errors) {
      const bucket = e.error.item.seeded || r.seeded ? s.seeded : s.real;
      bucket.annotated++;
      if (e.found.length > 0) bucket.found++;
    }
    const reported = r.findings.filter((f) => f.severity !== "info");
    s.reported += reported.length;
    s.onErrors += reported.length - r.falseAlarms.length - r.unannotated.length;
    s.falseErrors += r.falseAlarms.filter((a) => a.finding.severity === "error").length;
    s.falseWarnings += r.falseAlarms.filter((a) => a.finding.severity === "warning").length;
    s.unannotated += r.unannotated.length;
    s.verified += r.verified;
  }
  return s;
}

export function ratio(a: number, b: number): number {
  return b === 0 ? 1 : a / b;
}
