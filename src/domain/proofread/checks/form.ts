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
import { INDICATOR_NAMES } from "../vocabulary";

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
const AMOUNT_WITHOUT_UNIT = new RegExp(`(?:${NAME_ALTERNATION})(?:决算数|决算|为|是)?(-?\\d+\\.\\d+)(?=[，；。、;,]|$)`, "g");

export function checkUnits(ctx: FormContext): ProofreadFinding[] {
  const { doc } = ctx;
  const out: ProofreadFinding[] = [];
  const missingPercent = [
    /占[^，；。;\d□\n]{0,15}?(\d+(?:\.\d+)?)(?![\d.%％]|\s*(?:万元|元|亿元|分|个|人|辆|台|项|家|条|次|年|月|日|倍))/g,
    /(?:增长|下降)(\d+(?:\.\d+)?)(?![\d.%％]|\s*(?:万元|元|亿元|分|个|人|辆|台|项|家|条|次|年|月|日|倍))/g,
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
  // 元 in a 说明 whose amounts are in 万元: the table check decides when tables are given
  if (!ctx.tableUnit) {
    const wan = ctx.claims.filter((c) => c.unit === "万元" && !c.bound).length;
    if (wan >= 3) {
      for (const c of ctx.claims) {
        if (c.unit !== "元" || c.bound || c.value.isZero()) continue;
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
      const fixed = ratio ? formatPercentNumber(ratio, target) : undefined;
      out.push(
        makeFinding(doc, {
          rule: "NARR.DECIMALS",
          severity: "warning",
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

export function checkYears(ctx: FormContext, tableYear: number | null): ProofreadFinding[] {
  const { doc } = ctx;
  const years = [...doc.masked.matchAll(/(?<!\d)(\d{4})年度/g)].map((m) => ({ year: Number(m[1]), at: m.index! }));
  if (years.length === 0) return [];
  let reference = tableYear;
  if (reference === null) {
    const counts = new Map<number, number>();
    for (const y of years) counts.set(y.year, (counts.get(y.year) ?? 0) + 1);
    const top = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
    if (!top || top[1] < 3) return [];
    reference = top[0];
  }
  return years
    .filter((y) => y.year !== reference && y.year !== reference! - 1)
    .map((y) =>
      makeFinding(doc, {
        rule: "NARR.YEAR",
        severity: "warning",
        span: clauseSpan(doc, y.at),
        message: `年度“${y.year}年度”与决算年度（${reference}年度）不符，请核对。`,
        expected: `${reference}年度`,
        actual: `${y.year}年度`,
      }),
    );
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
