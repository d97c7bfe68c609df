/** NARR.PUNCTUATION: English punctuation in Chinese text, doubled or clashing marks, an unfinished paragraph. */
import { makeFinding } from "../finding";
import type { ProofreadFinding } from "../types";
import type { NarrRule, ProofreadContext } from "./rule";

function checkPunctuation(ctx: ProofreadContext): ProofreadFinding[] {
  const { doc } = ctx;
  const out: ProofreadFinding[] = [];
  const around = (at: number, length: number): { start: number; end: number } => {
    let s = at;
    let e = at + length;
    while (s > 0 && !"，；。：\n".includes(doc.text[s - 1])) s--;
    while (e < doc.text.length && !"，；。：\n".includes(doc.text[e])) e++;
    return { start: s, end: e };
  };
  const rules: { re: RegExp; message: string; fix: (m: string) => string }[] = [
    { re: /(?<=[\u4e00-\u9fff%％）)])[;](?=[\u4e00-\u9fff（(])/g, message: "中文句中使用了英文分号“;”，应为“；”。", fix: () => "；" },
    { re: /(?<=[\u4e00-\u9fff%％）)])[,](?=[\u4e00-\u9fff（(])/g, message: "中文句中使用了英文逗号“,”，应为“，”。", fix: () => "，" },
    { re: /：、/g, message: "冒号后多了顿号“、”。", fix: () => "：" },
    { re: /、等(?![\u4e00-\u9fff]*、)/g, message: "“等”前不应有顿号。", fix: () => "等" },
    { re: /([，。；：、])\1+/g, message: "标点重复。", fix: (m) => m[0] },
    { re: /，。|；。|、。/g, message: "标点连用。", fix: () => "。" },
    { re: /[，,]、|、[，,]/g, message: "逗号与顿号连用。", fix: () => "、" },
    // "4125.49,4143.91万元": two amounts, not a thousands separator (that has three digits after it)
    { re: /(?<=\d\.\d+),(?=\d+\.\d)/g, message: "两个数字之间用了英文逗号，应为顿号“、”（并给每个金额写上单位）。", fix: () => "、" },
    { re: /(?<=共计|合计|累计|总计|共有)\s*[，,]\s*(?=\d)/g, message: "数字前多了逗号。", fix: () => "" },
  ];
  for (const rule of rules) {
    for (const m of doc.masked.matchAll(rule.re)) {
      const start = m.index!;
      out.push(
        makeFinding(doc, {
          rule: "NARR.PUNCTUATION",
          severity: "warning",
          span: around(start, m[0].length),
          message: rule.message,
          expected: rule.fix(m[0]),
          actual: m[0],
          replacements: [{ start, end: start + m[0].length, text: rule.fix(m[0]) }],
        }),
      );
    }
  }
  for (const p of doc.paragraphs) {
    if (p.heading) continue;
    const last = doc.text[p.end - 1];
    if (last !== "，" && last !== "、" && last !== ",") continue;
    if (/[：:]、$/.test(p.text)) continue;
    const lastSentence = p.sentences[p.sentences.length - 1];
    const lastClause = lastSentence?.clauses[lastSentence.clauses.length - 1];
    const start = lastClause ? lastClause.start : p.end - 1;
    out.push(
      makeFinding(doc, {
        rule: "NARR.PUNCTUATION",
        severity: "warning",
        span: { start, end: p.end },
        message: `段落以“${last}”结尾，句子未完结（应为“。”）。`,
        expected: "。",
        actual: last,
        replacements: [{ start: p.end - 1, end: p.end, text: "。" }],
      }),
    );
  }
  return out;
}

export const PUNCTUATION: NarrRule = {
  meta: {
    id: "NARR.PUNCTUATION",
    statement: "中文句中用中文标点；标点不重复、不连用；段落以句号结束",
    severity: "warning",
    policy: "警告",
    reads: [],
  },
  pass: "form",
  check: checkPunctuation,
};
