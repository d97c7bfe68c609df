/**
 * Form checks: what is wrong whatever the tables say — template residue, duplicated words, punctuation
 * slips, missing units, zero-change boilerplate, inconsistent decimals, broken numbering.
 */
import { Decimal } from "../../decimal";
import { formatPercentNumber, RATE_VERBS, TEMPLATE_RESIDUE, WORDS } from "../../format";
import { clauseAt, type Clause, type Paragraph, type TextDocument } from "../document";
import { isMoney, type Claim } from "../claims";
import { makeFinding } from "../finding";
import type { ProofreadFinding } from "../types";
import { ECONOMIC_ITEM_NAMES, INDICATOR_NAMES } from "../vocabulary";

export interface FormContext {
  doc: TextDocument;
  claims: Claim[];
  percentDecimals?: 0 | 1 | 2;
  /** ratios recomputed by the internal checks, by claim id (for decimals suggestions) */
  ratios: Map<number, Decimal>;
  /** claims already reported as wrong (no further form findings on them) */
  wrong: Set<number>;
  /** unit of the tables, when given */
  tableUnit?: string;
}

function clauseSpan(doc: TextDocument, offset: number): { start: number; end: number } {
  const c = clauseAt(doc, offset);
  if (c) return { start: c.start, end: c.end };
  // offset sits on a separator: take the surrounding line piece
  let s = offset;
  let e = offset + 1;
  while (s > 0 && !"，；。\n".includes(doc.text[s - 1])) s--;
  while (e < doc.text.length && !"，；。\n".includes(doc.text[e])) e++;
  return { start: s, end: e };
}

/* ---------------------------------------------------------------- residue */

function decideDirection(ctx: FormContext, residueEnd: number, choices: readonly [string, string]): { word: string; zero: boolean; claim?: Claim } | undefined {
  const claim = ctx.claims.find((c) => c.start >= residueEnd && c.start <= residueEnd + 1 && (c.measure === "change" || c.measure === "rate"));
  const sentenceClaims = claim ? ctx.claims.filter((c) => c.sentence === claim.sentence) : [];
  if (claim && claim.measure === "change" && claim.value.isZero()) return { word: WORDS.flat, zero: true, claim };
  const isAmountChoice = choices[0] === "增加";
  // the other verb of the sentence, when unambiguous, decides
  for (const other of sentenceClaims) {
    if (other === claim || !other.direction || other.direction === "ambiguous") continue;
    if (other.measure !== "change" && other.measure !== "rate") continue;
    const word = isAmountChoice ? WORDS.amount[other.direction] : choices[0] === "大于" ? WORDS.compare[other.direction] : WORDS.rate[other.direction];
    return { word, zero: false, claim };
  }
  // or the figures themselves: subject and base of the change
  if (claim && claim.measure === "change") {
    const before = sentenceClaims.filter((c) => c.start < claim.start && isMoney(c));
    const subject = before.find((c) => c.measure === "actual");
    const base = [...before].reverse().find((c) => c.measure === (claim.base === "budget" ? "budget" : "previous"));
    if (subject && base) {
      const cmp = subject.value.comparedTo(base.value);
      if (cmp === 0) return { word: WORDS.flat, zero: true, claim };
      const direction = cmp > 0 ? "increase" : "decrease";
      return { word: isAmountChoice ? WORDS.amount[direction] : WORDS.rate[direction], zero: false, claim };
    }
  }
  return undefined;
}

export function checkResidue(ctx: FormContext): ProofreadFinding[] {
  const { doc } = ctx;
  const out: ProofreadFinding[] = [];
  for (const residue of TEMPLATE_RESIDUE) {
    const re = new RegExp(residue.pattern.source, residue.pattern.flags.includes("g") ? residue.pattern.flags : residue.pattern.flags + "g");
    for (const m of doc.masked.matchAll(re)) {
      const start = m.index!;
      const end = start + m[0].length;
      const span = clauseSpan(doc, start);
      const decided = residue.choices ? decideDirection(ctx, end, residue.choices) : undefined;
      let replacements: { start: number; end: number; text: string }[] | undefined;
      if (decided && !decided.zero) replacements = [{ start, end, text: decided.word }];
      else if (decided && decided.zero && decided.claim) {
        const compareAt = doc.text.lastIndexOf("比", start);
        replacements = [{ start, end: decided.claim.unitEnd, text: WORDS.flat }];
        if (compareAt >= span.start) replacements.push({ start: compareAt, end: compareAt + 1, text: "与" });
      }
      const choiceText = residue.choices ? `，应按实际选用“${residue.choices[0]}”或“${residue.choices[1]}”` : "";
      out.push(
        makeFinding(doc, {
          rule: "NARR.RESIDUE",
          severity: residue.severity,
          span,
          message: `模板残留“${m[0]}”（${residue.label}）${choiceText}${decided ? `；按文中数字应为“${decided.word}”` : ""}。`,
          expected: decided?.word ?? null,
          actual: m[0],
          replacements,
        }),
      );
    }
  }
  return out;
}

export function checkPlaceholders(ctx: FormContext): ProofreadFinding[] {
  return ctx.doc.placeholders.map((p) =>
    makeFinding(ctx.doc, {
      rule: "NARR.PLACEHOLDER",
      severity: "warning",
      span: p,
      message: `尚未填写：${p.text}`,
      expected: null,
      actual: p.text,
    }),
  );
}

/* ---------------------------------------------------------------- words */

const STRONG_DUPLICATES = new Set(["支出", "收入", "增加", "减少", "增长", "下降", "经费", "预算", "决算", "合计", "万元", "项目", "财政", "拨款"]);

export function checkDuplicateWords(ctx: FormContext): ProofreadFinding[] {
  const { doc } = ctx;
  const out: ProofreadFinding[] = [];
  const patterns = [/([\u4e00-\u9fff]{2,4})\1/g, /(的|了|和|在|是|与|及|为|占|比)\1/g];
  for (const re of patterns) {
    for (const m of doc.masked.matchAll(re)) {
      const start = m.index!;
      const word = m[1];
      if (/^(.)\1$/.test(word)) continue;
      // AABB reduplication (的的确确, 明明白白) is a word, not a slip
      const next = doc.masked.slice(start + m[0].length, start + m[0].length + 2);
      if (m[0].length === 2 && next.length === 2 && next[0] === next[1]) continue;
      out.push(
        makeFinding(doc, {
          rule: "NARR.DUPLICATE-WORD",
          severity: STRONG_DUPLICATES.has(word) ? "error" : "warning",
          span: clauseSpan(doc, start),
          message: `词语重复：“${m[0]}”。`,
          expected: word,
          actual: m[0],
          replacements: [{ start, end: start + m[0].length, text: word }],
        }),
      );
    }
  }
  return out;
}

export function checkWording(ctx: FormContext): ProofreadFinding[] {
  const { doc } = ctx;
  const out: ProofreadFinding[] = [];
  for (const m of doc.masked.matchAll(/截止(?:到|至)?(?=\s*(?:\d{4}\s*年|目前|本年|年底|年末))/g)) {
    const start = m.index!;
    out.push(
      makeFinding(doc, {
        rule: "NARR.WORDING",
        severity: "warning",
        span: clauseSpan(doc, start),
        message: "表示“到某一时点为止”应写“截至”，“截止”只表示停止。",
        expected: "截至",
        actual: m[0],
        replacements: [{ start, end: start + m[0].length, text: "截至" }],
      }),
    );
  }
  for (const c of ctx.claims) {
    if (c.measure !== "rate" || !c.verb || c.direction === "ambiguous") continue;
    const standard = RATE_VERBS[c.verb]?.standard;
    if (!standard || standard === c.verb) continue;
    const verbStart = c.start - c.segment.length + c.segment.lastIndexOf(c.verb);
    out.push(
      makeFinding(doc, {
        rule: "NARR.WORDING",
        severity: "info",
        span: { start: c.clause.start, end: c.clause.end },
        message: `增减率的规范用语为“增长/下降”，此处为“${c.verb}”。`,
        expected: standard,
        actual: c.verb,
        replacements: verbStart >= c.clause.start ? [{ start: verbStart, end: verbStart + c.verb.length, text: standard }] : undefined,
      }),
    );
  }
  return out;
}

/* ---------------------------------------------------------------- punctuation */

export function checkPunctuation(ctx: FormContext): ProofreadFinding[] {
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

/* ---------------------------------------------------------------- units */

const NAME_ALTERNATION = INDICATOR_NAMES.map((n) => n.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|");
const AMOUNT_WITHOUT_UNIT = new RegExp(`(?:${NAME_ALTERNATION})(?:决算数|决算|预算数|合计|总额|共计|达到|为|是|：|:){0,3}\\s*(-?\\d+\\.\\d+)(?=[，；。、;,]|$)`, "g");

export function checkUnits(ctx: FormContext): ProofreadFinding[] {
  const { doc } = ctx;
  const out: ProofreadFinding[] = [];
  const missingPercent = [
    /占[^，；。;\d□\n]{0,15}?(\d+(?:\.\d+)?)(?![\d.%％]|,\d|\s*(?:[%％]|万元|元|亿元|分|个|人|辆|台|项|家|条|次|年|月|日|倍))/g,
    /(?:增长|下降)\s*(\d+(?:\.\d+)?)(?![\d.%％]|,\d|\s*(?:[%％]|万元|元|亿元|分|个|人|辆|台|项|家|条|次|年|月|日|倍))/g,
  ];
  for (const re of missingPercent) {
    for (const m of doc.masked.matchAll(re)) {
      const numberEnd = m.index! + m[0].length;
      const numberStart = numberEnd - m[1].length;
      out.push(
        makeFinding(doc, {
          rule: "NARR.UNIT",
          severity: "error",
          span: clauseSpan(doc, numberStart),
          message: `百分比“${m[1]}”缺少“%”。`,
          expected: `${m[1]}%`,
          actual: m[1],
          replacements: [{ start: numberEnd, end: numberEnd, text: "%" }],
        }),
      );
    }
  }
  for (const m of doc.masked.matchAll(/(\d+\.\d+)(\s*)万(?=[，。；、,;])/g)) {
    const unitAt = m.index! + m[1].length + m[2].length;
    out.push(
      makeFinding(doc, {
        rule: "NARR.UNIT",
        severity: "warning",
        span: clauseSpan(doc, m.index!),
        message: `金额“${m[1]}”的单位写成“万”，应为“万元”。`,
        expected: "万元",
        actual: "万",
        replacements: [{ start: unitAt, end: unitAt + 1, text: "万元" }],
      }),
    );
  }
  for (const m of doc.masked.matchAll(AMOUNT_WITHOUT_UNIT)) {
    const numberEnd = m.index! + m[0].length;
    const numberStart = numberEnd - m[1].length;
    out.push(
      makeFinding(doc, {
        rule: "NARR.UNIT",
        severity: "warning",
        span: clauseSpan(doc, numberStart),
        message: `金额“${m[1]}”缺少单位，请核对（通常为“万元”）。`,
        expected: null,
        actual: m[1],
      }),
    );
  }
  // 元 in a 说明 whose amounts are in 万元: the table check decides when tables are given. A part of the
  // text that states its own amounts in 元 (国有资产, a 预算 page) keeps its unit.
  if (!ctx.tableUnit) {
    const wan = ctx.claims.filter((c) => c.unit === "万元" && !c.bound).length;
    if (wan >= 3) {
      const yuanBySection = new Map<number, number>();
      for (const c of ctx.claims) if (c.unit === "元" && !c.bound) yuanBySection.set(c.paragraph.section, (yuanBySection.get(c.paragraph.section) ?? 0) + 1);
      for (const c of ctx.claims) {
        if (c.unit !== "元" || c.bound || c.value.isZero() || (yuanBySection.get(c.paragraph.section) ?? 0) >= 2) continue;
        out.push(
          makeFinding(doc, {
            rule: "NARR.UNIT",
            severity: "warning",
            span: { start: c.clause.start, end: c.clause.end },
            message: `本文金额以“万元”为单位，此处为“${c.printed}元”，请核对单位。`,
            expected: null,
            actual: `${c.printed}元`,
          }),
        );
      }
    }
  }
  return out;
}

/* ---------------------------------------------------------------- changes */

export function checkZeroAndNegativeChanges(ctx: FormContext): ProofreadFinding[] {
  const { doc } = ctx;
  const out: ProofreadFinding[] = [];
  for (const c of ctx.claims) {
    if (c.measure !== "change" && c.measure !== "rate") continue;
    if (c.direction === "ambiguous" || !c.verb) continue;
    const verbStart = c.start - c.segment.length + c.segment.lastIndexOf(c.verb);
    if (c.value.isNegative()) {
      out.push(
        makeFinding(doc, {
          rule: "NARR.DIRECTION",
          severity: "error",
          span: { start: c.clause.start, end: c.clause.end },
          message: `“${c.verb}”后不应是负数（${c.printed}）：方向词与数值符号矛盾。`,
          expected: null,
          actual: `${c.verb}${c.printed}`,
        }),
      );
      continue;
    }
    if (!c.value.isZero()) continue;
    if (c.measure === "rate" && ctx.claims.some((o) => o.sentence === c.sentence && o.measure === "change" && o.value.isZero())) continue;
    const compareAt = doc.text.lastIndexOf("比", verbStart);
    const replacements =
      c.measure === "change" && compareAt >= c.clause.start
        ? [
            { start: compareAt, end: compareAt + 1, text: "与" },
            { start: verbStart, end: c.unitEnd, text: WORDS.flat },
          ]
        : undefined;
    out.push(
      makeFinding(doc, {
        rule: "NARR.ZERO-CHANGE",
        severity: "warning",
        span: { start: c.clause.start, end: c.clause.end },
        message: `“${c.verb}${c.printed}${c.unit}”：没有变化时应写“${WORDS.flat}”，不写“${c.verb}0”。`,
        expected: WORDS.flat,
        actual: `${c.verb}${c.printed}${c.unit}`,
        replacements,
      }),
    );
  }
  return out;
}

/* ---------------------------------------------------------------- decimals */

function isComputedPercent(c: Claim): boolean {
  return c.unit === "%" && !c.bound && (c.measure === "share" || c.measure === "rate" || c.measure === "completion");
}

export function checkDecimals(ctx: FormContext): ProofreadFinding[] {
  const { doc } = ctx;
  const out: ProofreadFinding[] = [];
  // amounts: the decimals most amounts carry (2 in almost every 说明)
  const amounts = ctx.claims.filter((c) => c.unit === "万元" && !c.bound && !c.value.isZero());
  const counts = new Map<number, number>();
  for (const c of amounts) counts.set(c.decimals, (counts.get(c.decimals) ?? 0) + 1);
  const [dominant, dominantCount] = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0] ?? [2, 0];
  if (dominantCount >= 3 && dominant > 0) {
    for (const c of amounts) {
      if (c.decimals === dominant || ctx.wrong.has(c.id)) continue;
      const fixed = c.value.toDecimalPlaces(dominant, Decimal.ROUND_HALF_UP).toFixed(dominant);
      out.push(
        makeFinding(doc, {
          rule: "NARR.DECIMALS",
          severity: "warning",
          span: { start: c.clause.start, end: c.clause.end },
          message: `金额“${c.printed}${c.unit}”的小数位数（${c.decimals}位）与全文其他金额（${dominant}位）不一致。`,
          expected: `${fixed}${c.unit}`,
          actual: `${c.printed}${c.unit}`,
          replacements: [{ start: c.start, end: c.end, text: fixed }],
        }),
      );
    }
  }
  // percentages: one paragraph, one number of decimals (or the configured one)
  const byParagraph = new Map<Paragraph, Claim[]>();
  for (const c of ctx.claims.filter(isComputedPercent)) byParagraph.set(c.paragraph, [...(byParagraph.get(c.paragraph) ?? []), c]);
  for (const claims of byParagraph.values()) {
    const exact = (c: Claim): boolean => c.decimals === 0 && (c.value.isZero() || c.value.eq(100));
    const considered = claims.filter((c) => !exact(c));
    const target = ctx.percentDecimals ?? Math.max(-1, ...considered.map((c) => c.decimals));
    if (target < 0) continue;
    if (ctx.percentDecimals === undefined && new Set(considered.map((c) => c.decimals)).size < 2) continue;
    for (const c of considered) {
      if (c.decimals === target || ctx.wrong.has(c.id)) continue;
      const ratio = ctx.ratios.get(c.id);
      if (ratio && ratio.times(100).eq(c.value)) continue;
      const fixed = ratio ? formatPercentNumber(ratio, target) : undefined;
      out.push(
        makeFinding(doc, {
          rule: "NARR.DECIMALS",
          severity: ratio || c.decimals > 0 ? "warning" : "info",
          span: { start: c.clause.start, end: c.clause.end },
          message:
            ctx.percentDecimals !== undefined
              ? `百分比“${c.printed}%”应保留${target}位小数。`
              : `同一段中百分比的小数位数不一致：“${c.printed}%”为${c.decimals}位，其他为${target}位。`,
          expected: fixed ? `${fixed}%` : null,
          actual: `${c.printed}%`,
          replacements: fixed ? [{ start: c.start, end: c.end, text: fixed }] : undefined,
        }),
      );
    }
  }
  return out;
}

/* ---------------------------------------------------------------- structure */

const ORDINALS: { style: string; re: RegExp }[] = [
  { style: "n.", re: /^\s*(\d{1,2})\s*(?:[.．](?!\d)|[.．](?=20\d\d年))/ },
  { style: "n、", re: /^\s*(\d{1,2})\s*、/ },
  { style: "(n)", re: /^\s*[（(](\d{1,2})[)）]/ },
];

export function checkNumbering(ctx: FormContext): ProofreadFinding[] {
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

export function checkCaptions(ctx: FormContext): ProofreadFinding[] {
  const { doc } = ctx;
  if (!/决算/.test(doc.text)) return [];
  return doc.paragraphs
    .filter((p) => /^图\s*\d+\s*[：:]/.test(p.text) && /预算/.test(p.text) && !/决算/.test(p.text))
    .map((p) =>
      makeFinding(doc, {
        rule: "NARR.CAPTION",
        severity: "warning",
        span: { start: p.start, end: p.end },
        message: `图题“${p.text}”写的是“预算”，所在部分说明的是决算，请核对。`,
        expected: p.text.replace(/预算/g, "决算"),
        actual: p.text,
        suggestion: p.text.replace(/预算/g, "决算"),
      }),
    );
}

/** The title: one of the first lines naming a year and what the document is ("…2021年度部门决算"). */
export function titleOf(doc: TextDocument): { paragraph: Paragraph; year: number; unit?: string } | undefined {
  for (const p of doc.paragraphs.slice(0, 8)) {
    const m = /(\d{4})\s*年度?[^，。；]{0,24}?(?:决算|预算|绩效|自评)/.exec(doc.masked.slice(p.start, p.end));
    // a title states no amount and compares nothing
    if (!m || p.text.length > 60 || /\d\s*(?:万元|元|%|％)|较|比上年|与上年/.test(p.text)) continue;
    const before = p.text.slice(0, m.index).trim();
    const unit = /^[\u4e00-\u9fff（）()]{4,30}(?:局|中心|院|委员会|办公室|政府|办事处|处|站|所|馆|学校|学院|协会|会|部|厅|委|办|队|社|室|公司)$/.test(before) ? before : undefined;
    return { paragraph: p, year: Number(m[1]), unit };
  }
  return undefined;
}

/**
 * Years: the document's year comes from the tables, else from its title, else from the year most of its
 * "NNNN年度" name. A 决算 heading and a "截至NNNN年12月31日" must carry that year (errors when the year is
 * known from the tables or the title); any other "NNNN年度" must be that year or the one before.
 */
export function checkYears(ctx: FormContext, tableYear: number | null): ProofreadFinding[] {
  const { doc } = ctx;
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

/** The unit's own name written differently from the title ("…行政审核局" under "…行政审批局"). */
export function checkUnitName(ctx: FormContext): ProofreadFinding[] {
  const { doc } = ctx;
  const name = titleOf(doc)?.unit;
  if (!name || name.length < 6) return [];
  const out: ProofreadFinding[] = [];
  const prefix = name.slice(0, Math.ceil(name.length / 2));
  for (let at = doc.masked.indexOf(prefix); at >= 0; at = doc.masked.indexOf(prefix, at + 1)) {
    const written = doc.masked.slice(at, at + name.length);
    if (written === name || written[written.length - 1] !== name[name.length - 1]) continue;
    const differing = [...written].filter((ch, i) => ch !== name[i]).length;
    if (differing === 0 || differing > 2) continue;
    out.push(
      makeFinding(doc, {
        rule: "NARR.NAME",
        severity: "warning",
        span: clauseSpan(doc, at),
        message: `单位名称写作“${written}”，标题为“${name}”，请核对。`,
        expected: name,
        actual: written,
        replacements: [{ start: at, end: at + name.length, text: name }],
      }),
    );
  }
  return out;
}

const KNOWN_NAMES = ECONOMIC_ITEM_NAMES.filter((n) => [...n].length >= 5 && !/[“”"‘’]/.test(n));
const KNOWN = new Set([...ECONOMIC_ITEM_NAMES, ...INDICATOR_NAMES.map((n) => n.name)]);

/**
 * A 科目 or indicator name misspelt by one inner character ("公用用车运行维护费" for 公务用车运行维护费). The first
 * and last characters must match, so that a longer or shorter word ("…运行维护支出") is not taken for one.
 */
export function checkItemNames(ctx: FormContext): ProofreadFinding[] {
  const { doc } = ctx;
  const out: ProofreadFinding[] = [];
  const seen = new Set<number>();
  for (const name of KNOWN_NAMES) {
    const half = Math.floor(name.length / 2);
    for (const [piece, offset] of [[name.slice(0, half), 0], [name.slice(half), half]] as const) {
      for (let at = doc.masked.indexOf(piece); at >= 0; at = doc.masked.indexOf(piece, at + 1)) {
        const start = at - offset;
        if (start < 0 || seen.has(start)) continue;
        const written = doc.masked.slice(start, start + name.length);
        if (written.length !== name.length || written === name || KNOWN.has(written) || /[\s\d，。；、：]/.test(written)) continue;
        const differing = [...written].map((ch, i) => (ch !== name[i] ? i : -1)).filter((i) => i >= 0);
        if (differing.length !== 1 || differing[0] === 0 || differing[0] === name.length - 1) continue;
        seen.add(start);
        out.push(
          makeFinding(doc, {
            rule: "NARR.NAME",
            severity: "warning",
            span: clauseSpan(doc, start),
            message: `“${written}”与规范科目名称“${name}”只差一个字，请核对。`,
            expected: name,
            actual: written,
            replacements: [{ start, end: start + name.length, text: name }],
          }),
        );
      }
    }
  }
  return out;
}

/** A bracket opened and not closed in its paragraph (or closed without being opened). */
export function checkBrackets(ctx: FormContext): ProofreadFinding[] {
  const { doc } = ctx;
  const out: ProofreadFinding[] = [];
  for (const p of doc.paragraphs) {
    const open: number[] = [];
    const text = doc.masked;
    for (let i = p.start; i < p.end; i++) {
      const ch = text[i];
      if (ch === "（" || ch === "(") open.push(i);
      else if (ch === "）" || ch === ")") {
        if (open.length > 0) open.pop();
        // "1）…" numbering needs no opening bracket
        else if (!/^[\s\dA-Za-z一二三四五六七八九十]*$/.test(text.slice(p.start, i)))
          out.push(
            makeFinding(doc, { rule: "NARR.BRACKET", severity: "warning", span: clauseSpan(doc, i), message: `右括号“${ch}”没有对应的左括号。`, expected: null, actual: ch }),
          );
      }
    }
    for (const at of open) {
      out.push(
        makeFinding(doc, {
          rule: "NARR.BRACKET",
          severity: "warning",
          span: { start: at, end: Math.min(p.end, clauseSpan(doc, at + 1).end) },
          message: `左括号“${text[at]}”在本段内没有闭合。`,
          expected: text[at] === "（" ? "）" : ")",
          actual: text[at],
        }),
      );
    }
  }
  return out;
}

/** "0 %": a space between a number and its percent sign. */
export function checkSpaces(ctx: FormContext): ProofreadFinding[] {
  const { doc } = ctx;
  return [...doc.masked.matchAll(/(\d)([ \u00a0\u3000]+)(?=[%％])/g)].map((m) => {
    const start = m.index! + 1;
    return makeFinding(doc, {
      rule: "NARR.SPACE",
      severity: "info",
      span: clauseSpan(doc, m.index!),
      message: "数字与“%”之间不应有空格。",
      expected: "",
      actual: m[2],
      replacements: [{ start, end: start + m[2].length, text: "" }],
    });
  });
}

export function checkCounts(ctx: FormContext): ProofreadFinding[] {
  const { doc } = ctx;
  const out: ProofreadFinding[] = [];
  for (const m of doc.masked.matchAll(/(\d{1,3})(?:个|项)[：:](?:包括[：:]?)?([^。；;\n]+)/g)) {
    const list = m[2];
    if (/，|,|等$|等[^、]*$/.test(list) || !list.includes("、")) continue;
    const items = list.split("、").filter((s) => s.trim() !== "");
    const stated = Number(m[1]);
    if (items.length === stated) continue;
    const start = m.index!;
    out.push(
      makeFinding(doc, {
        rule: "NARR.COUNT",
        severity: "warning",
        span: clauseSpan(doc, start),
        message: `写明${stated}个，但列出了${items.length}个，请核对。`,
        expected: String(items.length),
        actual: String(stated),
      }),
    );
  }
  return out;
}

/** "不涉及的不列": zero items listed anyway, once per paragraph. */
export function checkZeroItems(ctx: FormContext): ProofreadFinding[] {
  const { doc } = ctx;
  const out: ProofreadFinding[] = [];
  const seen = new Set<Paragraph>();
  for (const c of ctx.claims) {
    if (!isMoney(c) || !c.value.isZero() || c.measure !== "actual" || c.binding !== "explicit" || seen.has(c.paragraph)) continue;
    const before = doc.masked.slice(c.sentence.start, c.start);
    if (!/其中|主要用于/.test(before)) continue;
    const zeros = ctx.claims.filter((o) => o.paragraph === c.paragraph && isMoney(o) && o.value.isZero() && o.measure === "actual" && o.binding === "explicit");
    if (zeros.length < 1) continue;
    seen.add(c.paragraph);
    out.push(
      makeFinding(doc, {
        rule: "NARR.ZERO-ITEM",
        severity: "info",
        span: { start: c.clause.start, end: c.clause.end },
        message: `本段列出了${zeros.length}个金额为0的项目（${zeros.map((z) => z.indicatorName ?? "").filter(Boolean).join("、")}）；不涉及的项目可不列。`,
        expected: null,
        actual: `${c.printed}${c.unit}`,
      }),
    );
  }
  return out;
}

/** Every 增加/减少 needs its 主要原因. */
export function checkReasons(ctx: FormContext): ProofreadFinding[] {
  const { doc } = ctx;
  const out: ProofreadFinding[] = [];
  for (const p of doc.paragraphs) {
    const change = ctx.claims.find((c) => c.paragraph === p && c.measure === "change" && c.direction !== "ambiguous" && !c.value.isZero());
    if (!change) continue;
    const next = doc.paragraphs[p.index + 1];
    const scope = doc.text.slice(p.start, next && !next.heading ? next.end : p.end);
    if (/原因|由于|因为|主要是/.test(scope)) continue;
    out.push(
      makeFinding(doc, {
        rule: "NARR.REASON",
        severity: "info",
        span: { start: change.clause.start, end: change.clause.end },
        message: "说明了增减变化，但没有说明主要原因。",
        expected: null,
        actual: null,
      }),
    );
  }
  return out;
}

export type { Clause };
