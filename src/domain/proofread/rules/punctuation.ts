/**
 * NARR.PUNCTUATION: English punctuation in Chinese text, doubled or clashing marks, an unfinished paragraph,
 * "其中。" for "其中：", a comma inside a list of 顿号, a numbered item without the full stop its siblings have.
 */
import type { TextDocument } from "../document";
import { makeFinding } from "../finding";
import type { ProofreadFinding } from "../types";
import { ORDINALS } from "./numbering";
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
    // a sentence that is only "其中" introduces the parts that follow ("包含在其中。" is not at a sentence start)
    { re: /(?<=(?:^|[。；！？])[ \t　]*其中)。/gm, message: "“其中”引出下文的分项，后面应为冒号“：”，不是句号。", fix: () => "：" },
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
  out.push(...commaInList(doc), ...itemWithoutFullStop(doc));
  return out;
}

/** A short noun phrase of a list: Chinese characters (with a bracketed part such as （境）), no number. */
const LIST_ITEM = /^(?:[\u4e00-\u9fff]|[（(][\u4e00-\u9fff]{1,4}[)）]){2,12}$/;

/**
 * "因公出国（境）经费、公务接待费、公车购置费，公车运行费（…）": one item of a 顿号 list set off by a comma.
 * Only when at least two items follow a 顿号 right before the comma, all short nouns with the same head
 * character as the item after it (…费、…费，…费), and that item is followed by the list's own marks (a
 * bracket, 等, another 顿号): "…水电费，其余为差旅费。" is a new clause.
 */
function commaInList(doc: TextDocument): ProofreadFinding[] {
  const out: ProofreadFinding[] = [];
  for (const m of doc.masked.matchAll(/[，,]/g)) {
    const at = m.index!;
    let s = at;
    while (s > 0 && !"，,；。：:\n".includes(doc.masked[s - 1])) s--;
    const after = /^([^，,；。：:、\n（(等]|[（(][\u4e00-\u9fff]{1,4}[)）])+(?=[（(]|等|、)/.exec(doc.masked.slice(at + 1));
    if (!after || !LIST_ITEM.test(after[0])) continue;
    const head = after[0][after[0].length - 1];
    // the items after a 顿号 right before the comma (the first item of the list may carry the sentence's start)
    const pieces = doc.masked.slice(s, at).split("、").slice(1);
    const items: string[] = [];
    for (let i = pieces.length - 1; i >= 0 && LIST_ITEM.test(pieces[i]) && pieces[i].endsWith(head); i--) items.unshift(pieces[i]);
    if (items.length < 2) continue;
    out.push(
      makeFinding(doc, {
        rule: "NARR.PUNCTUATION",
        severity: "info",
        span: { start: at - items[items.length - 1].length, end: at + 1 + after[0].length },
        message: `并列的“${items.join("、")}”用顿号分隔，“${after[0]}”前却用了逗号；同一列表的并列项应都用顿号“、”。`,
        expected: "、",
        actual: m[0],
        replacements: [{ start: at, end: at + 1, text: "、" }],
      }),
    );
  }
  return out;
}

/**
 * "1. 因公出国（境）费0万元，…，与上年持平" while items 2 and 3 of the same list end with "。": a sentence
 * item that lost its full stop. Labels ("1.基本工资") are not sentences and are left alone.
 */
function itemWithoutFullStop(doc: TextDocument): ProofreadFinding[] {
  const out: ProofreadFinding[] = [];
  const lists = new Map<string, typeof doc.paragraphs>();
  for (const p of doc.paragraphs) {
    if (p.heading) continue;
    const style = ORDINALS.find((o) => o.re.test(p.text))?.style;
    if (!style) continue;
    const key = `${p.section}|${style}`;
    lists.set(key, [...(lists.get(key) ?? []), p]);
  }
  for (const items of lists.values()) {
    const ended = items.filter((p) => /[。！？]$/.test(p.text));
    for (const p of items) {
      if (!/[\u4e00-\u9fff\d%％)）]$/.test(p.text) || !/[，；]/.test(p.text)) continue;
      if (ended.length < 2 || ended.length * 2 <= items.length - 1) continue;
      out.push(
        makeFinding(doc, {
          rule: "NARR.PUNCTUATION",
          severity: "info",
          span: p.sentences[p.sentences.length - 1]?.clauses.at(-1) ?? { start: p.start, end: p.end },
          message: `同一列表的其他${ended.length}项都以句号结束，本项段末缺少句号“。”。`,
          expected: "。",
          actual: null,
          replacements: [{ start: p.end, end: p.end, text: "。" }],
        }),
      );
    }
  }
  return out;
}

export const PUNCTUATION: NarrRule = {
  meta: {
    id: "NARR.PUNCTUATION",
    statement: "中文句中用中文标点；标点不重复、不连用；段落以句号结束；“其中”后用冒号；同一列表的并列项都用顿号；同一列表的各项都以句号结束",
    severity: "warning",
    policy: "警告；并列项间的逗号、编号项段末缺句号：提示",
    reads: [],
  },
  pass: "form",
  check: checkPunctuation,
};
