/** NARR.NUMBERING: "1. 2. 4." — a list numbered with a gap, or starting past 1. */
import { makeFinding } from "../finding";
import type { ProofreadFinding } from "../types";
import type { NarrRule, ProofreadContext } from "./rule";

export const ORDINALS: { style: string; re: RegExp }[] = [
  { style: "n.", re: /^\s*(\d{1,2})\s*(?:[.．](?!\d)|[.．](?=20\d\d年))/ },
  { style: "n、", re: /^\s*(\d{1,2})\s*、/ },
  { style: "(n)", re: /^\s*[（(](\d{1,2})[)）]/ },
];

function checkNumbering(ctx: ProofreadContext): ProofreadFinding[] {
  const { doc } = ctx;
  const out: ProofreadFinding[] = [];
  // last number per ordinal style; a label line ending with "：" ("第二季度：") may open a new list
  // (which must start at 1) or sit inside the current item (whose list then continues)
  const last = new Map<string, number>();
  let afterLabel = false;
  for (const p of doc.paragraphs) {
    if (p.heading) {
      last.clear();
      afterLabel = false;
      continue;
    }
    const ordinal = ORDINALS.map((o) => ({ style: o.style, m: o.re.exec(p.text) })).find((o) => o.m);
    if (!ordinal || !ordinal.m) {
      if (/[：:]$/.test(p.text) && p.text.length <= 20) afterLabel = true;
      continue;
    }
    const n = Number(ordinal.m[1]);
    const previous = last.get(ordinal.style);
    last.set(ordinal.style, n);
    const opensList = afterLabel;
    afterLabel = false;
    const expected = previous === undefined || opensList ? 1 : previous + 1;
    if (n === 1 || (previous !== undefined && n === previous + 1)) continue;
    const firstClause = p.sentences[0]?.clauses[0];
    out.push(
      makeFinding(doc, {
        rule: "NARR.NUMBERING",
        severity: "warning",
        span: firstClause ? { start: firstClause.start, end: firstClause.end } : { start: p.start, end: p.end },
        message:
          previous === undefined || opensList
            ? `编号从“${n}”开始，前面缺少“1”${n > 2 ? `至“${n - 1}”` : ""}。`
            : `编号不连续：“${previous}”之后是“${n}”（应为“${expected}”）。`,
        expected: String(expected),
        actual: String(n),
      }),
    );
  }
  return out;
}

export const NUMBERING: NarrRule = {
  meta: { id: "NARR.NUMBERING", statement: "同级编号从1开始连续编排", severity: "warning", policy: "警告", reads: [] },
  pass: "form",
  check: checkNumbering,
};
