/** NARR.YEAR: a heading, a year-end date, a compared year or a "NNNN年度" of another year than the document's. */
import { CORE_TABLES } from "../../kinds";
import { makeFinding } from "../finding";
import type { ProofreadFinding } from "../types";
import type { NarrRule, ProofreadContext } from "./rule";
import { clauseSpan, titleOf } from "./support";

/**
 * Years: the document's year comes from the tables, else from its title, else from the year most of its
 * "NNNN年度" name, else from the year whose change against 上年 it states. A 决算 heading and a
 * "截至NNNN年12月31日" must carry that year (errors when the year is known from the tables or the title), a
 * comparison "与NNNN年决算数…" the year before, a 同比 change the document's year; any other "NNNN年度" must
 * be that year or the one before.
 */
function checkYears(ctx: ProofreadContext): ProofreadFinding[] {
  const { doc } = ctx;
  const tableYear = ctx.tables?.year ?? null;
  const title = titleOf(doc);
  const years = [...doc.masked.matchAll(/(?<!\d)(\d{4})\s*年度/g)].map((m) => ({ year: Number(m[1]), at: m.index!, text: m[0] }));
  const subjects = changeSubjectYears(doc.masked);
  let reference = tableYear ?? title?.year ?? null;
  const known = reference !== null;
  let inferredFrom = REPEATED;
  if (reference === null) {
    // a 说明 names last year as often as this one ("较2020年度决算数…"): the latest year it names repeatedly
    const counts = new Map<number, number>();
    for (const y of years) counts.set(y.year, (counts.get(y.year) ?? 0) + 1);
    const repeated = [...counts.entries()].filter(([, n]) => n >= 2).map(([y]) => y);
    if (repeated.length > 0 && years.length >= 3) reference = Math.max(...repeated);
  }
  if (reference === null) {
    // "衢江区2016年…决算数2364万元，比上年决算数下降16.77%": the year whose change against the year before the
    // text states, when it names it again elsewhere
    const named = subjects.map((s) => s.year).filter((y) => (doc.masked.match(new RegExp(`(?<!\\d)${y}\\s*年`, "g")) ?? []).length >= 2);
    if (named.length > 0) {
      reference = Math.max(...named);
      inferredFrom = "文中写明与上年比较的最近年度";
    }
  }
  const out: ProofreadFinding[] = [];
  const reported = new Set<number>();
  const report = (at: number, printed: string, fixed: string, severity: "error" | "warning", message: string, span?: { start: number; end: number }): void => {
    reported.add(at);
    out.push(
      makeFinding(doc, {
        rule: "NARR.YEAR",
        severity,
        span: span ?? clauseSpan(doc, at),
        message,
        expected: fixed,
        actual: printed,
        replacements: [{ start: at, end: at + printed.length, text: fixed }],
      }),
    );
  };
  // "2022度一般公共预算…": the 年 of 年度 left out (a year, not 度 of electricity or heat)
  for (const m of doc.masked.matchAll(/(?<![\d.．])(\d{4})\s*度(?=[\u4e00-\u9fff“"])(?!电)/g)) {
    const y = Number(m[1]);
    const before = doc.masked.slice(Math.max(0, m.index! - 6), m.index!);
    if ((reference === null ? y < 1990 || y > 2100 : Math.abs(y - reference) > 10) || /电|热|气|温|℃/.test(before)) continue;
    report(m.index!, m[0], `${m[1]}年度`, "warning", `“${m[0]}”漏写“年”，应为“${m[1]}年度”。`);
  }
  if (reference === null) return out;
  const year = reference;
  const source = tableYear !== null ? "表中年度" : title ? `标题“${title.paragraph.text}”` : inferredFrom;
  const docYear = `文档年度（${year}年，依据${source}）`;
  const reportYear = (at: number, printed: string, severity: "error" | "warning", what: string, span?: { start: number; end: number }): void =>
    report(at, printed, printed.replace(/\d{4}/, String(year)), severity, `${what}“${printed}”与${docYear}不符。`, span);
  // headings of the 决算/预算/绩效 parts
  for (const p of doc.paragraphs) {
    if (p === title?.paragraph || !p.heading) continue;
    const text = doc.masked.slice(p.start, p.end);
    const m = /(?<!\d)(\d{4})\s*年度?(?=[^，。；]{0,20}?(?:决算|预算|绩效|自评))/.exec(text);
    if (!m || Number(m[1]) === year || /上年|以前年度|结转/.test(text) || reported.has(p.start + m.index)) continue;
    reportYear(p.start + m.index, m[0], known ? "error" : "warning", "标题年度", { start: p.start, end: p.end });
  }
  // the date of the balance sheet is the last day of the year (of the year before, in a 预算 text)
  const budgetText = /预算/.test(title?.paragraph.text ?? "") && !/决算|绩效|自评/.test(title?.paragraph.text ?? "");
  for (const m of doc.masked.matchAll(/(?:截至|截止)(?:到|至)?\s*(\d{4})\s*年\s*12\s*月\s*31\s*日/g)) {
    const at = m.index! + m[0].indexOf(m[1]);
    if (Number(m[1]) === year || (Number(m[1]) === year - 1 && (budgetText || !title)) || reported.has(at)) continue;
    reportYear(at, m[0].slice(at - m.index!), known ? "error" : "warning", "年末时点");
  }
  // "与2022年决算数持平" in a 2022 决算: a change is against the year before (a 预算 of the same year is no
  // comparison year). Only against a year the tables or the title give: the year a text names most may be the
  // compared one.
  for (const m of known ? doc.masked.matchAll(COMPARED_YEAR) : []) {
    const compared = Number(m[2]);
    const at = m.index! + m[0].indexOf(m[1]);
    if (compared === year - 1 || reported.has(at)) continue;
    // "2023年预算比2022年增加…" in a 2022 决算 compares another year than the document's
    const sentenceStart = Math.max(doc.masked.lastIndexOf("。", m.index!), doc.masked.lastIndexOf("\n", m.index!)) + 1;
    const subjectYears = [...doc.masked.slice(sentenceStart, m.index!).matchAll(/(?<!\d)(\d{4})\s*年/g)].map((y) => Number(y[1]));
    if (subjectYears.length > 0 && subjectYears[subjectYears.length - 1] !== year) continue;
    const printed = m[1];
    const fixed = printed.replace(/\d{4}/, String(year - 1));
    if (compared >= year) {
      report(at, printed, fixed, "error", `比较的年度“${printed}”${compared === year ? "就是" : "晚于"}${docYear}；本年数是与上年比较的，应为“${fixed}”。`);
    } else {
      report(at, printed, fixed, "warning", `比较的年度“${printed}”不是上年：${docYear}，增减通常与上年（${year - 1}年）比较，请核对。`);
    }
  }
  // "2015年…同比下降的原因" in a 2016 决算: the change a 说明 explains is the document year's
  // (a 预算 text may tell the year before's execution)
  for (const s of (known || inferredFrom !== REPEATED) && !budgetText ? subjects : []) {
    if (s.year === year || reported.has(s.at)) continue;
    const printed = doc.masked.slice(s.at, s.at + s.length);
    const fixed = printed.replace(/\d{4}/, String(year));
    report(s.at, printed, fixed, "warning", `同比增减的年度“${printed}”不是${docYear}：本文说明的是${year}年比上年的增减，应为“${fixed}”。`);
  }
  for (const y of years) {
    if (y.year === year || y.year === year - 1 || reported.has(y.at) || doc.paragraphs.some((p) => p.heading && y.at >= p.start && y.at < p.end)) continue;
    if (title && y.at >= title.paragraph.start && y.at < title.paragraph.end) continue;
    reportYear(y.at, y.text, "warning", "年度");
  }
  return out;
}

const REPEATED = "文中反复出现的最近年度";

/** "与/较/比 NNNN年(度)(决算数)" followed by what compares: the base of a comparison (not "较2022年年初预算"). */
const COMPARED_YEAR = /(?:与|较|比)\s*((\d{4})\s*年)度?\s*(?:全年)?(?:决算数?|实际数|同期数?)?\s*(?=相比|比较|对比|持平|相同|相当|增加|减少|增长|下降|上升|降低|减|增|[，,。；])/g;

/**
 * Years that are the subject of a change against the year before: "2016年…比上年决算数下降", "2015年…同比下降"
 * — the year, then in the same sentence (within 60 characters) no other year, and a 同比/比上年/较上年 with its verb.
 */
function changeSubjectYears(masked: string): { year: number; at: number; length: number }[] {
  const out: { year: number; at: number; length: number }[] = [];
  for (const m of masked.matchAll(/(?<![\d与较比同])(\d{4}\s*年)(?!\s*\d|初|末|底)((?:(?!\d{4}\s*年)[^。；;\n]){0,60}?)(?:同比|比上年|较上年|与上年相比)(?:决算数?)?(?:[^，。；;\n]{0,6}?)(?:增加|减少|增长|下降|上升|降低)/g)) {
    if (/(?:与|较|比)\s*$/.test(masked.slice(Math.max(0, m.index! - 2), m.index!))) continue;
    out.push({ year: Number(m[1].slice(0, 4)), at: m.index!, length: m[1].length });
  }
  return out;
}

export const YEAR: NarrRule = {
  meta: {
    id: "NARR.YEAR",
    statement:
      "决算部分的标题、“截至某年12月31日”和同比增减所说的年度写文档年度（取自表，其次标题，其次文中反复出现的最近年度或写明与上年比较的年度）；“与/较/比某年（决算数）”比较的是上年；其他“某年度”为当年或上年；“某度”漏写“年”",
    severity: "error",
    policy:
      "年度取自表或标题时，标题和年末时点的年度不符、与当年或以后年度比较：错误；年度只能从文中推断时、与上年以前的年度比较、同比增减说的是别的年度、其他年度不符、“某度”漏写“年”：警告；年度只能从文中推断时不查比较年度",
    reads: [CORE_TABLES.T1],
  },
  pass: "form",
  check: checkYears,
};
