/**
 * Checks of the text against itself: parts vs stated total, shares, changes and rates, completion
 * rates, direction words, the same figure stated twice, 得分 vs 总分 and 等级.
 */
import { Decimal, HUNDRED } from "../../decimal";
import {
  AMOUNT_DECIMALS,
  formatAmount,
  formatPercentNumber,
  GRADE_BANDS,
  gradeBandIndex,
  gradeWordBandIndex,
  percentValue,
  truncatedPercentValue,
  WORDS,
} from "../../format";
import { inWan, isMoney, type Claim } from "../claims";
import type { Sentence, TextDocument } from "../document";
import { makeFinding } from "../finding";
import type { TableLookup } from "../table-lookup";
import type { ProofreadFinding } from "../types";
import { INDICATOR_NAMES, normalizeItemName, resolveName } from "../vocabulary";

export interface InternalResult {
  findings: ProofreadFinding[];
  /** recomputed ratios by percent claim id */
  ratios: Map<number, Decimal>;
  /** claims reported as wrong */
  wrong: Set<number>;
}

interface Ctx {
  doc: TextDocument;
  claims: Claim[];
  tables?: TableLookup;
  out: InternalResult;
}

const LIST_MARKER = /其中[：:，,]?|主要用于以下方面(?:[（(][^）)]*[）)])?[：:]/;

function inSentence(ctx: Ctx, s: Sentence): Claim[] {
  return ctx.claims.filter((c) => c.sentence === s);
}

function fmt(value: Decimal, decimals: number): string {
  return value.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP).toFixed(decimals);
}

/** Total and parts of a "其中：…" or "主要用于以下方面：…" list. */
export function listOf(ctx: Ctx, sentence: Sentence): { total: Claim; parts: Claim[] } | undefined {
  const text = ctx.doc.masked.slice(sentence.start, sentence.end);
  const marker = LIST_MARKER.exec(text);
  if (!marker) return undefined;
  const markerAt = sentence.start + marker.index;
  const claims = inSentence(ctx, sentence);
  const totalKind = (c: Claim): boolean => !c.bound && ((isMoney(c) && c.measure === "actual") || (c.unit === "分" && (c.measure === "score" || c.measure === "weight")));
  let total = [...claims].reverse().find((c) => c.start < markerAt && totalKind(c));
  if (!total && marker.index <= 1) {
    const previous = sentence.paragraph.sentences[sentence.index - 1];
    if (previous) total = [...inSentence(ctx, previous)].reverse().find(totalKind);
  }
  if (!total) return undefined;
  const nested = LIST_MARKER.exec(text.slice(marker.index + marker[0].length));
  const listEnd = nested ? markerAt + marker[0].length + nested.index : sentence.end;
  const parts = claims.filter(
    (c) =>
      c.start > markerAt &&
      c.start < listEnd &&
      !c.bound &&
      (c.binding === "explicit" || (c.unit === "分" && /[\u4e00-\u9fff]{2}/.test(c.segment))) &&
      c.measure === total!.measure &&
      (isMoney(c) ? isMoney(total!) : c.unit === total!.unit),
  );
  return { total, parts };
}

/* ---------------------------------------------------------------- sums */

function checkSums(ctx: Ctx): void {
  const { doc } = ctx;
  for (const sentence of doc.paragraphs.flatMap((p) => p.sentences)) {
    const list = listOf(ctx, sentence);
    if (!list || list.parts.length === 0) continue;
    const { total, parts } = list;
    if (parts.some((p) => /[均各]/.test(p.segment) || (p.binding === "explicit" && p.indicator === total.indicator))) continue;
    const money = isMoney(total);
    const value = (c: Claim): Decimal => (money ? inWan(c) : c.value);
    const sum = parts.reduce((acc, p) => acc.plus(value(p)), new Decimal(0));
    const diff = sum.minus(value(total));
    if (diff.isZero()) continue;
    const decimals = Math.max(total.decimals, ...parts.map((p) => p.decimals));
    const tolerance = new Decimal(0.5).times(new Decimal(10).pow(-decimals)).times(parts.length + 1);
    const rule = money ? "NARR.SUM" : "NARR.SCORE";
    const unit = money ? "万元" : "分";
    const expression = `${parts.map((p) => p.printed).join(" + ")} = ${fmt(sum, decimals)}${unit}`;
    const span = { start: total.clause.start, end: total.clause.end };
    if (diff.abs().lte(tolerance)) {
      ctx.out.findings.push(
        makeFinding(doc, {
          rule,
          severity: "info",
          span,
          message: `其中各项之和 ${expression}，与总数 ${total.printed}${unit} 相差 ${fmt(diff.abs(), decimals)}，属舍位差异。`,
          expected: fmt(sum, decimals),
          actual: total.printed,
        }),
      );
    } else if (diff.isPositive()) {
      ctx.out.findings.push(
        makeFinding(doc, {
          rule,
          severity: "error",
          span,
          message: `其中各项之和 ${expression}，大于总数 ${total.printed}${unit}。`,
          expected: fmt(sum, decimals),
          actual: total.printed,
        }),
      );
    } else if (parts.length >= 2) {
      ctx.out.findings.push(
        makeFinding(doc, {
          rule,
          severity: "warning",
          span,
          message: `其中各项之和 ${expression}，小于总数 ${total.printed}${unit}；请核对是否漏列或数字有误。`,
          expected: fmt(sum, decimals),
          actual: total.printed,
        }),
      );
    }
  }
}

/* ---------------------------------------------------------------- percentages */

type Verdict = "ok" | "truncated" | "wrong";

function judge(printed: Decimal, decimals: number, ratio: Decimal): Verdict {
  if (percentValue(ratio, decimals).eq(printed)) return "ok";
  if (truncatedPercentValue(ratio, decimals).eq(printed)) return "truncated";
  return "wrong";
}

/** Exact ratio from table cells when both claims bind to one table cell each (Beijing 4-dp values). */
function exactRatio(ctx: Ctx, part: Claim, whole: Claim): Decimal | undefined {
  if (!ctx.tables || !part.indicator || !whole.indicator) return undefined;
  const p = part.chain ? ctx.tables.chain(part.chain, "actual") : ctx.tables.candidates(part.indicator, "actual");
  const w = whole.chain ? ctx.tables.chain(whole.chain, "actual") : ctx.tables.candidates(whole.indicator, "actual");
  if (p.length === 0 || w.length === 0 || w[0].exact.isZero()) return undefined;
  return p[0].exact.div(w[0].exact);
}

function reportPercent(
  ctx: Ctx,
  claim: Claim,
  ratio: Decimal,
  rule: string,
  what: string,
  formula: string,
  confident: boolean,
  alternative?: Decimal,
): void {
  ctx.out.ratios.set(claim.id, ratio);
  const verdict = judge(claim.value, claim.decimals, ratio);
  if (verdict === "ok") return;
  if (alternative && percentValue(alternative, claim.decimals).eq(claim.value)) return;
  const expected = formatPercentNumber(ratio, claim.decimals);
  const exact = ratio.times(HUNDRED).toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toString();
  ctx.out.wrong.add(claim.id);
  const truncated = verdict === "truncated";
  ctx.out.findings.push(
    makeFinding(ctx.doc, {
      rule: truncated ? "NARR.ROUNDING" : rule,
      severity: confident ? "error" : "warning",
      span: { start: claim.clause.start, end: claim.clause.end },
      message: truncated
        ? `${what}：${formula} = ${exact}%，四舍五入应为${expected}%；“${claim.printed}%”是截断（舍去）的结果。`
        : `${what}：${formula} = ${exact}%，应为${expected}%，文中为${claim.printed}%${confident ? "" : "，请核对"}。`,
      expected: `${expected}%`,
      actual: `${claim.printed}%`,
      replacements: [{ start: claim.start, end: claim.end, text: expected }],
    }),
  );
}

function nearestBefore(claims: Claim[], before: Claim, test: (c: Claim) => boolean): Claim | undefined {
  return [...claims].reverse().find((c) => c.start < before.start && test(c));
}

function findDenominator(ctx: Ctx, share: Claim, part: Claim): { claim: Claim; confident: boolean } | undefined {
  const list = listOf(ctx, share.sentence);
  const phrase = share.denominator ?? "";
  if (!phrase) return list ? { claim: list.total, confident: true } : undefined;
  const key = resolveName(phrase);
  if (key) {
    const candidates = ctx.claims.filter(
      (c) => c.indicator === key && isMoney(c) && c.measure === "actual" && !c.bound && c.id !== part.id && (c.binding === "explicit" || c.binding === "sentence"),
    );
    const scopes: ((c: Claim) => boolean)[] = [
      (c) => c.sentence === share.sentence && c.start < part.start,
      (c) => c.paragraph === share.paragraph,
      (c) => c.paragraph.section === share.paragraph.section,
      (c) => c.start < share.start,
      () => true,
    ];
    for (const scope of scopes) {
      const inScope = candidates.filter(scope);
      if (inScope.length === 0) continue;
      const before = inScope.filter((c) => c.start < share.start);
      return { claim: (before.length > 0 ? before[before.length - 1] : inScope[0])!, confident: true };
    }
  }
  if (list && list.total.indicatorName && (phrase.includes(list.total.indicatorName) || list.total.indicatorName.includes(phrase))) {
    return { claim: list.total, confident: true };
  }
  return undefined;
}

function checkShares(ctx: Ctx): void {
  for (const share of ctx.claims) {
    if (share.measure !== "share" || share.bound) continue;
    const sentenceClaims = inSentence(ctx, share.sentence);
    const part = nearestBefore(sentenceClaims, share, (c) => isMoney(c) && c.measure === "actual" && c.clause.index >= share.clause.index - 1);
    if (!part) continue;
    const denominator = findDenominator(ctx, share, part);
    if (!denominator) continue;
    const whole = denominator.claim;
    const wholeValue = inWan(whole);
    if (wholeValue.isZero()) {
      ctx.out.findings.push(
        makeFinding(ctx.doc, {
          rule: "NARR.SHARE",
          severity: "warning",
          span: { start: share.clause.start, end: share.clause.end },
          message: `占比的分母（${whole.indicatorName ?? "总额"}）为0，不宜表述占比。`,
          expected: null,
          actual: `${share.printed}%`,
        }),
      );
      continue;
    }
    const ratio = inWan(part).div(wholeValue);
    reportPercent(
      ctx,
      share,
      ratio,
      "NARR.SHARE",
      `占比 = ${part.indicatorName ?? "该项"} ÷ ${whole.indicatorName ?? "总额"}`,
      `${part.printed} ÷ ${whole.printed}`,
      denominator.confident,
      exactRatio(ctx, part, whole),
    );
  }
}

/* ---------------------------------------------------------------- changes */

function checkChanges(ctx: Ctx): void {
  const { doc } = ctx;
  for (const change of ctx.claims) {
    if (change.measure !== "change" || change.bound || !isMoney(change)) continue;
    const claims = inSentence(ctx, change.sentence);
    // Shanghai puts the figure in the sentence before: "…总计123.78万元。与2022年度相比，…总计减少15.30万元"
    const subject =
      nearestBefore(claims, change, (c) => isMoney(c) && c.measure === "actual") ??
      (change.indicator
        ? nearestBefore(
            ctx.claims.filter((c) => c.paragraph === change.paragraph),
            change,
            (c) => isMoney(c) && c.measure === "actual" && c.indicator === change.indicator && c.binding === "explicit",
          )
        : undefined);
    const after = claims.filter((c) => c.start > change.start);
    const nextMoney = after.find((c) => isMoney(c));
    const rate = after.find((c) => c.measure === "rate" && (!nextMoney || c.start < nextMoney.start));
    const span = { start: change.clause.start, end: change.clause.end };
    const stated = (d: Claim["direction"]): "increase" | "decrease" | undefined => (d === "increase" || d === "decrease" ? d : undefined);
    let direction = stated(change.direction) ?? stated(rate?.direction);
    const baseClaim = nearestBefore(claims, change, (c) => isMoney(c) && c.measure === (change.base === "budget" ? "budget" : "previous"));
    if (subject && baseClaim) {
      const expected = inWan(subject).minus(inWan(baseClaim));
      const d = change.decimals;
      if (!expected.abs().toDecimalPlaces(d, Decimal.ROUND_HALF_UP).eq(inWan(change).toDecimalPlaces(d, Decimal.ROUND_HALF_UP))) {
        ctx.out.wrong.add(change.id);
        ctx.out.findings.push(
          makeFinding(doc, {
            rule: "NARR.CHANGE",
            severity: "error",
            span,
            message: `增减额应为 ${subject.printed} − ${baseClaim.printed} = ${formatAmount(expected)}万元，文中为${change.printed}${change.unit}。`,
            expected: formatAmount(expected.abs()),
            actual: change.printed,
            replacements: [{ start: change.start, end: change.end, text: formatAmount(expected.abs(), Math.max(d, 0)) }],
          }),
        );
      }
      const actualDirection = expected.isZero() ? "flat" : expected.isPositive() ? "increase" : "decrease";
      if (stated(change.direction) && actualDirection !== "flat" && actualDirection !== change.direction && change.verb) {
        const word = WORDS.amount[actualDirection];
        const verbStart = change.start - change.segment.length + change.segment.lastIndexOf(change.verb);
        ctx.out.findings.push(
          makeFinding(doc, {
            rule: "NARR.DIRECTION",
            severity: "error",
            span,
            message: `${subject.printed} 与 ${baseClaim.printed} 相比应为“${word}”，文中为“${change.verb}”。`,
            expected: word,
            actual: change.verb,
            replacements: [{ start: verbStart, end: verbStart + change.verb.length, text: word }],
          }),
        );
      }
      direction = actualDirection === "flat" ? direction : actualDirection;
    }
    if (!rate) continue;
    const rateDirection = stated(rate.direction);
    const changeDirection = stated(change.direction);
    if (rateDirection && changeDirection && rateDirection !== changeDirection) {
      ctx.out.findings.push(
        makeFinding(doc, {
          rule: "NARR.DIRECTION",
          severity: "error",
          span: { start: rate.clause.start, end: rate.clause.end },
          message: `增减额用“${change.verb}”，增减率却用“${rate.verb}”，方向矛盾。`,
          expected: WORDS.rate[changeDirection],
          actual: rate.verb ?? null,
        }),
      );
      continue;
    }
    if (!subject || !direction || change.base === "budget") continue;
    const base = baseClaim ? inWan(baseClaim) : direction === "increase" ? inWan(subject).minus(inWan(change)) : inWan(subject).plus(inWan(change));
    if (base.lte(0)) {
      ctx.out.findings.push(
        makeFinding(doc, {
          rule: "NARR.CHANGE",
          severity: "warning",
          span: { start: rate.clause.start, end: rate.clause.end },
          message: `上年数为${formatAmount(base)}万元，不能计算增减率（应写“${WORDS.zeroBase}”）。`,
          expected: null,
          actual: `${rate.printed}%`,
        }),
      );
      continue;
    }
    reportPercent(ctx, rate, inWan(change).div(base), "NARR.CHANGE", "增减率 = 增减额 ÷ 上年数", `${change.printed} ÷ ${formatAmount(base)}`, true);
  }
}

function checkCompletion(ctx: Ctx): void {
  for (const c of ctx.claims) {
    if (c.measure !== "completion" || c.bound) continue;
    const scope = ctx.claims.filter((o) => o.paragraph === c.paragraph && o.start < c.start && (o.sentence === c.sentence || o.sentence.index === c.sentence.index - 1));
    const actual = [...scope].reverse().find((o) => isMoney(o) && o.measure === "actual");
    const budget = [...scope].reverse().find((o) => isMoney(o) && o.measure === "budget");
    if (!actual || !budget) continue;
    // each completion rate has its own budget: one already used by an earlier rate is not this item's
    if (scope.some((o) => o.measure === "completion" && o.start > budget.start)) continue;
    if (actual.binding === "explicit" && budget.binding === "explicit" && actual.indicator !== budget.indicator) continue;
    if (inWan(budget).isZero()) {
      ctx.out.findings.push(
        makeFinding(ctx.doc, {
          rule: "NARR.COMPLETION",
          severity: "error",
          span: { start: c.clause.start, end: c.clause.end },
          message: "预算数为0，不能计算完成（执行）率。",
          expected: null,
          actual: `${c.printed}%`,
        }),
      );
      continue;
    }
    reportPercent(ctx, c, inWan(actual).div(inWan(budget)), "NARR.COMPLETION", "完成率 = 决算数 ÷ 预算数", `${actual.printed} ÷ ${budget.printed}`, true);
  }
}

/** "决算数大于预算数" / "持平" against the figures of the paragraph. */
function checkCompareWords(ctx: Ctx): void {
  for (const m of ctx.doc.masked.matchAll(/决算数?(大于|小于|高于|低于)(?:年初)?预算数?|决算数?与(?:年初)?预算数?(基本)?持平/g)) {
    const at = m.index!;
    const paragraph = ctx.doc.paragraphs.find((p) => at >= p.start && at < p.end);
    if (!paragraph) continue;
    const before = ctx.claims.filter((c) => c.paragraph === paragraph && c.start < at && isMoney(c));
    const actual = [...before].reverse().find((c) => c.measure === "actual");
    const budget = [...before].reverse().find((c) => c.measure === "budget");
    if (!actual || !budget) continue;
    const cmp = inWan(actual).toDecimalPlaces(AMOUNT_DECIMALS).comparedTo(inWan(budget).toDecimalPlaces(AMOUNT_DECIMALS));
    const word = m[1];
    const statedCmp = word ? (word === "大于" || word === "高于" ? 1 : -1) : 0;
    if (statedCmp === cmp || (statedCmp === 0 && m[2])) continue;
    const expectedWord = cmp > 0 ? WORDS.compare.increase : cmp < 0 ? WORDS.compare.decrease : WORDS.flat;
    const clauseEnd = ctx.doc.text.slice(at).search(/[，；。]/);
    ctx.out.findings.push(
      makeFinding(ctx.doc, {
        rule: "NARR.DIRECTION",
        severity: "error",
        span: { start: at, end: clauseEnd < 0 ? at + m[0].length : at + clauseEnd },
        message: `决算数${actual.printed}万元、预算数${budget.printed}万元，应为“${cmp === 0 ? "决算数与预算数持平" : `决算数${expectedWord}预算数`}”。`,
        expected: expectedWord,
        actual: word ?? WORDS.flat,
      }),
    );
  }
}

/* ---------------------------------------------------------------- consistency */

function checkConsistency(ctx: Ctx): void {
  const groups = new Map<string, Claim[]>();
  for (const c of ctx.claims) {
    if (!isMoney(c) || c.bound || !c.indicator || (c.measure !== "actual" && c.measure !== "budget")) continue;
    if (c.binding !== "explicit" && c.binding !== "heading") continue;
    const key = `${c.paragraph.section}|${c.indicator}|${c.measure}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  for (const claims of groups.values()) {
    const first = claims[0];
    for (const c of claims.slice(1)) {
      const a = inWan(first).toDecimalPlaces(Math.min(first.decimals, c.decimals), Decimal.ROUND_HALF_UP);
      const b = inWan(c).toDecimalPlaces(Math.min(first.decimals, c.decimals), Decimal.ROUND_HALF_UP);
      if (a.eq(b)) continue;
      ctx.out.findings.push(
        makeFinding(ctx.doc, {
          rule: "NARR.CONSISTENCY",
          severity: "warning",
          span: { start: c.clause.start, end: c.clause.end },
          message: `同一部分中“${c.indicatorName ?? c.chain?.join("") ?? "该指标"}”前文为${first.printed}${first.unit}，此处为${c.printed}${c.unit}，请核对。`,
          expected: `${first.printed}${first.unit}`,
          actual: `${c.printed}${c.unit}`,
        }),
      );
    }
  }
}

/* ---------------------------------------------------------------- scores */

function checkScores(ctx: Ctx): void {
  const { doc } = ctx;
  // 等级 vs 总分
  for (const m of doc.masked.matchAll(/(?:等级|级别|评级|评价结果|等次)(?:为|是|：|:)?\s*[“"「『]?(优秀|优|良好|良|中等|中|合格|一般|较差|差|不合格)[”"」』]?/g)) {
    const at = m.index!;
    const paragraph = doc.paragraphs.find((p) => at >= p.start && at < p.end);
    if (!paragraph) continue;
    const total = [...ctx.claims]
      .reverse()
      .find((c) => c.paragraph === paragraph && c.start < at && c.unit === "分" && c.measure === "score" && /得分|总分|分数|评分/.test(c.segment));
    if (!total) continue;
    const stated = gradeWordBandIndex(m[1]);
    const band = gradeBandIndex(total.value);
    if (stated === undefined || stated === band) continue;
    const expected = GRADE_BANDS[band];
    const clauseEnd = doc.text.slice(at).search(/[，；。]/);
    ctx.out.findings.push(
      makeFinding(doc, {
        rule: "NARR.SCORE",
        severity: "error",
        span: { start: at, end: clauseEnd < 0 ? at + m[0].length : at + clauseEnd },
        message: `总分${total.printed}分对应的等级为“${expected.beijing}”（优≥90，良80–90，中60–80，差<60），文中为“${m[1]}”。`,
        expected: expected.beijing,
        actual: m[1],
      }),
    );
  }
  // 预算执行率 vs its score
  const rate = ctx.claims.find((c) => c.unit === "%" && !c.bound && /执行率/.test(c.segment) && !/权重|分值|设置/.test(doc.masked.slice(c.sentence.start, c.sentence.end)));
  const weightClaim = ctx.claims.find((c) => c.unit === "分" && c.measure === "weight" && /预算执行率/.test(c.segment));
  const scoreClaim = ctx.claims.find((c) => c.unit === "分" && c.measure === "score" && /预算执行/.test(c.segment));
  if (rate && scoreClaim) {
    const weight = weightClaim?.value ?? new Decimal(10);
    const capped = Decimal.min(rate.value.div(HUNDRED), 1);
    const expected = capped.times(weight);
    const shown = expected.toDecimalPlaces(scoreClaim.decimals, Decimal.ROUND_HALF_UP);
    if (!shown.eq(scoreClaim.value)) {
      ctx.out.findings.push(
        makeFinding(doc, {
          rule: "NARR.SCORE",
          severity: "warning",
          span: { start: scoreClaim.clause.start, end: scoreClaim.clause.end },
          message: `预算执行率为${rate.printed}%，按 min(执行率,100%) × ${weight.toString()}分 应得${expected.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toString()}分，文中为${scoreClaim.printed}分，请核对。`,
          expected: expected.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toString(),
          actual: scoreClaim.printed,
        }),
      );
    }
  }
}

/* ---------------------------------------------------------------- lists */

/** Items of a "包括/主要包括" list, with offsets. */
export function listItems(doc: TextDocument): { head: string; start: number; end: number; items: { name: string; start: number; end: number }[]; etc: string }[] {
  const lists: ReturnType<typeof listItems> = [];
  for (const m of doc.masked.matchAll(/(主要包括|包括)[：:]?([^。；;：:\n]+)/g)) {
    const bodyStart = m.index! + m[0].length - m[2].length;
    let body = m[2];
    const etcMatch = /(等(?:支出|费用|方面)?)$/.exec(body);
    const etc = etcMatch ? etcMatch[1] : "";
    body = body.slice(0, body.length - etc.length);
    if (/[，,]/.test(body)) continue;
    const items: { name: string; start: number; end: number }[] = [];
    let at = bodyStart;
    for (const piece of body.split("、")) {
      const name = piece.trim();
      if (name) items.push({ name, start: at, end: at + piece.length });
      at += piece.length + 1;
    }
    const headStart = Math.max(0, m.index! - 30);
    lists.push({ head: doc.masked.slice(headStart, m.index!), start: bodyStart, end: bodyStart + body.length, items, etc });
  }
  return lists;
}

const ZERO_CHECKED = new Set(["abroad", "reception", "vehicle", "vehicle-purchase", "vehicle-operation"]);

function checkListsAgainstText(ctx: Ctx): void {
  const zeroKeys = new Map<string, Claim>();
  for (const c of ctx.claims) {
    if (isMoney(c) && c.measure === "actual" && c.indicator && ZERO_CHECKED.has(c.indicator) && (c.binding === "explicit" || c.binding === "heading")) {
      if (c.value.isZero()) zeroKeys.set(c.indicator, c);
      else zeroKeys.delete(c.indicator);
    }
  }
  if (zeroKeys.size === 0) return;
  for (const list of listItems(ctx.doc)) {
    const hits = list.items.filter((i) => {
      const entry = INDICATOR_NAMES.find((n) => normalizeItemName(n.name) === normalizeItemName(i.name));
      return entry && zeroKeys.has(entry.key);
    });
    if (hits.length === 0) continue;
    ctx.out.findings.push(
      makeFinding(ctx.doc, {
        rule: "NARR.LIST",
        severity: "warning",
        span: { start: list.start, end: list.end + list.etc.length },
        message: `列出的${hits.map((h) => `“${h.name}”`).join("、")}在本文其他部分为0万元，请核对是否应列入。`,
        expected: null,
        actual: hits.map((h) => h.name).join("、"),
      }),
    );
  }
}

export function runInternalChecks(doc: TextDocument, claims: Claim[], tables?: TableLookup): InternalResult {
  const out: InternalResult = { findings: [], ratios: new Map(), wrong: new Set() };
  const ctx: Ctx = { doc, claims, tables, out };
  checkSums(ctx);
  checkShares(ctx);
  checkChanges(ctx);
  checkCompletion(ctx);
  checkCompareWords(ctx);
  checkConsistency(ctx);
  checkScores(ctx);
  checkListsAgainstText(ctx);
  return out;
}
