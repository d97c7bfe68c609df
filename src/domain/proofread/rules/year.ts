/** NARR.YEAR: a heading, a year-end date or a "NNNN年度" of another year than the document's. */
import { CORE_TABLES } from "../../kinds";
import { makeFinding } from "../finding";
import type { ProofreadFinding } from "../types";
import type { NarrRule, ProofreadContext } from "./rule";
import { clauseSpan, titleOf } from "./support";

/**
 * Years: the document's year comes from the tables, else from its title, else from the year most of its
 * "NNNN年度" name. A 决算 heading and a "截至NNNN年12月31日" must carry that year (errors when the year is
 * known from the tables or the title); any other "NNNN年度" must be that year or the one before.
 */
function checkYears(ctx: ProofreadContext): ProofreadFinding[] {
  const { doc } = ctx;
  const tableYear = ctx.tables?.year ?? null;
  const title = titleOf(doc);
  const years = [...doc.masked.matchAll(/(?<!\d)(\d{4})\s*年度/g)].map((m) => ({ year: Number(m[1]), at: m.index!, text: m[0] }));
  let reference = tableYear ?? title?.year ?? null;
  const known = reference !== null;
  const source = tableYear !== null ? "表中年度" : title ? `标题“${title.paragraph.text}”` : "文中反复出现的最近年度";
  if (reference === null) {
    // a 说明 names last year as often as this one ("较2020年度决算数…"): the latest year it names repeatedly
    const counts = new Map<number, number>();
    for (const y of years) counts.set(y.year, (counts.get(y.year) ?? 0) + 1);
    const repeated = [...counts.entries()].filter(([, n]) => n >= 2).map(([y]) => y);
    if (repeated.length === 0 || years.length < 3) return [];
    reference = Math.max(...repeated);
  }
  const year = reference;
  const out: ProofreadFinding[] = [];
  const reported = new Set<number>();
  const report = (at: number, length: number, printed: string, severity: "error" | "warning", what: string, span?: { start: number; end: number }): void => {
    reported.add(at);
    const fixed = printed.replace(/\d{4}/, String(year));
    out.push(
      makeFinding(doc, {
        rule: "NARR.YEAR",
        severity,
        span: span ?? clauseSpan(doc, at),
        message: `${what}“${printed}”与文档年度（${year}年，依据${source}）不符。`,
        expected: fixed,
        actual: printed,
        replacements: [{ start: at, end: at + length, text: fixed }],
      }),
    );
  };
  // headings of the 决算/预算/绩效 parts
  for (const p of doc.paragraphs) {
    if (p === title?.paragraph || !p.heading) continue;
    const text = doc.masked.slice(p.start, p.end);
    const m = /(?<!\d)(\d{4})\s*年度?(?=[^，。；]{0,20}?(?:决算|预算|绩效|自评))/.exec(text);
    if (!m || Number(m[1]) === year || /上年|以前年度|结转/.test(text)) continue;
    report(p.start + m.index, m[0].length, m[0], known ? "error" : "warning", "标题年度", { start: p.start, end: p.end });
  }
  // the date of the balance sheet is the last day of the year (of the year before, in a 预算 text)
  const budgetText = /预算/.test(title?.paragraph.text ?? "") && !/决算|绩效|自评/.test(title?.paragraph.text ?? "");
  for (const m of doc.masked.matchAll(/(?:截至|截止)(?:到|至)?\s*(\d{4})\s*年\s*12\s*月\s*31\s*日/g)) {
    const at = m.index! + m[0].indexOf(m[1]);
    if (Number(m[1]) === year || (Number(m[1]) === year - 1 && (budgetText || !title)) || reported.has(at)) continue;
    const length = m[0].length - (at - m.index!);
    report(at, length, m[0].slice(at - m.index!), known ? "error" : "warning", "年末时点");
  }
  for (const y of years) {
    if (y.year === year || y.year === year - 1 || reported.has(y.at) || doc.paragraphs.some((p) => p.heading && y.at >= p.start && y.at < p.end)) continue;
    if (title && y.at >= title.paragraph.start && y.at < title.paragraph.end) continue;
    report(y.at, y.text.length, y.text, "warning", "年度");
  }
  return out;
}

export const YEAR: NarrRule = {
  meta: {
    id: "NARR.YEAR",
    statement: "决算部分的标题和“截至某年12月31日”写文档年度（取自表，其次标题，其次文中反复出现的最近年度）；其他“某年度”为当年或上年",
    severity: "error",
    policy: "年度取自表或标题时，标题和年末时点的年度不符：错误；年度只能从文中推断时，及其他年度不符：警告",
    reads: [CORE_TABLES.T1],
  },
  pass: "form",
  check: checkYears,
};
