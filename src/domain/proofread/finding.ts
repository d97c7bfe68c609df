/** Building findings: verbatim excerpt + offset, and a corrected excerpt when the fix is unambiguous. */
import type { Severity } from "../findings";
import type { TextDocument } from "./document";
import type { ProofreadFinding } from "./types";

interface FindingInput {
  rule: string;
  severity: Severity;
  /** the span whose verbatim text is the excerpt (usually a clause) */
  span: { start: number; end: number };
  message: string;
  expected?: string | null;
  actual?: string | null;
  /** replacements inside the span, by absolute offsets; produce `suggestion` */
  replacements?: { start: number; end: number; text: string }[];
  /** a whole corrected excerpt, when easier than replacements */
  suggestion?: string;
}

export function makeFinding(doc: TextDocument, input: FindingInput): ProofreadFinding {
  const { start, end } = input.span;
  const excerpt = doc.text.slice(start, end);
  const finding: ProofreadFinding = {
    rule: input.rule,
    severity: input.severity,
    excerpt,
    offset: start,
    message: input.message,
    expected: input.expected ?? null,
    actual: input.actual ?? null,
  };
  if (input.suggestion !== undefined) finding.suggestion = input.suggestion;
  else if (input.replacements && input.replacements.length > 0) finding.suggestion = applyReplacements(doc.text, { start, end }, input.replacements);
  return finding;
}

function applyReplacements(text: string, span: { start: number; end: number }, replacements: { start: number; end: number; text: string }[]): string {
  let out = "";
  let at = span.start;
  for (const r of [...replacements].sort((a, b) => a.start - b.start)) {
    if (r.start < at || r.end > span.end) continue;
    out += text.slice(at, r.start) + r.text;
    at = r.end;
  }
  return out + text.slice(at, span.end);
}
