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
import { completeDecomposition, COMPOSITIONS, INDICATOR_NAMES, lastIndicator, normalizeItemName, resolveName } from "../vocabulary";

export interface InternalResult {
  findings: ProofreadFinding[];
  /** recomputed ratios by percent claim id */
  ratios: Map<number, Decimal>;
  /** claims reported as wrong */
  wrong: Set<number>;
  /** claim id → the finding that says the figure is wrong (or is an operand of a failed sum): the root cause */
  suspect: Map<number, ProofreadFinding>;
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

/** The root finding when one of `claims` was already found wrong; `dependent` is then listed under it. */
function dependsOnWrong(ctx: Ctx, dependent: Claim, ...claims: Claim[]): boolean {
  for (const c of claims) {
    const root = ctx.out.suspect.get(c.id);
    if (root) {
      const list = (root.dependents ??= []);
      const entry = { offset: dependent.clause.start, excerpt: dependent.clause.text };
      if (!list.some((d) => d.offset === entry.offset)) list.push(entry);
      return true;
    }
    if (ctx.out.wrong.has(c.id)) return true;
  }
  return false;
}

function markSuspect(ctx: Ctx, root: ProofreadFinding, claims: Claim[]): void {
  for (const c of claims) if (!ctx.out.suspect.has(c.id)) ctx.out.suspect.set(c.id, root);
}

/** Amounts of claims in one unit: their own when they share it, else 万元. */
function commonUnit(claims: Claim[]): { unit: string; value: (c: Claim) => Decimal } {
  const unit = claims[0].unit;
  if (claims.every((c) => c.unit === unit)) return { unit, value: (c) => c.value };
  return { unit: "万元", value: inWan };
}

function label(c: Claim): string {
  return c.indicatorName ?? c.chain?.join("") ?? "";
}

/** Closing bracket matching an opening one at `open` in the masked text, before `limit`. */
function closingBracket(text: string, open: number, limit: number): number {
  let depth = 0;
  for (let i = open; i < limit; i++) {
    if (text[i] === "（" || text[i] === "(") depth++;
    else if (text[i] === "）" || text[i] === ")") {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
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
  let listEnd = nested ? markerAt + marker[0].length + nested.index : sentence.end;
  // a list opened inside brackets ends with them: "收入4352.47万元（其中，一般公共预算…），占收入合计100%"
  const open = Math.max(ctx.doc.masked.lastIndexOf("（", markerAt), ctx.doc.masked.lastIndexOf("(", markerAt));
  if (open >= sentence.start && open > total.start) {
    const close = closingBracket(ctx.doc.masked, open, sentence.end);
    if (close > markerAt) listEnd = Math.min(listEnd, close);
  }
  let candidates = claims;
  // "基本支出911000.39元，其中：" closing its line: the parts open the following lines
  if (/其中[：:]\s*$/.test(text) && !claims.some((c) => c.start > markerAt)) {
    candidates = [];
    const paragraphs = ctx.doc.paragraphs;
    for (let i = sentence.paragraph.index + 1; i < paragraphs.length && !paragraphs[i].heading; i++) {
      const first = ctx.claims.find((c) => c.paragraph === paragraphs[i]);
      if (!first || first.clause.index !== 0 || first.sentence.index !== 0) break;
      candidates.push(first);
    }
    listEnd = candidates.length > 0 ? candidates[candidates.length - 1].end : listEnd;
  }
  const parts = candidates.filter(
    (c) =>
      c.start > markerAt &&
      c.start < listEnd &&
      !c.bound &&
      (c.binding === "explicit" || (c.unit === "分" && /[\u4e00-\u9fff]{2}/.test(c.segment))) &&
      c.measure === total!.measure &&
      (isMoney(c) ? isMoney(total!) : c.unit === total!.unit),
  );
  // a nested "其中" (三公: 公务用车… 其中：购置费…；公务接待费…) cuts the list short: when the whole sentence names
  // every part of one decomposition of the total, those are its parts
  if (isMoney(total) && !completeDecomposition(total.indicator, parts.map((p) => p.indicator))) {
    const named = claims.filter((c) => c.start > markerAt && !c.bound && c.binding === "explicit" && c.measure === total!.measure && isMoney(c));
    for (const decomposition of COMPOSITIONS[total.indicator ?? ""] ?? []) {
      const picked = decomposition.map((key) => named.find((c) => c.indicator === key));
      if (picked.every((c): c is Claim => !!c)) return { total, parts: picked as Claim[] };
    }
  }
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
    // a run of zeros ("上级补助收入0万元…") is the template's list of absent items, not a decomposition
    if (parts.every((p) => p.value.isZero()) && !total.value.isZero()) continue;
    const { unit, value } = money ? commonUnit([total, ...parts]) : { unit: "分", value: (c: Claim) => c.value };
    const sum = parts.reduce((acc, p) => acc.plus(value(p)), new Decimal(0));
    const diff = sum.minus(value(total));
    if (diff.isZero()) continue;
    const decimals = Math.max(total.decimals, ...parts.map((p) => p.decimals));
    const tolerance = new Decimal(0.5).times(new Decimal(10).pow(-decimals)).times(parts.length + 1);
    const rule = money ? "NARR.SUM" : "NARR.SCORE";
    const complete = money && completeDecomposition(total.indicator, parts.map((p) => p.indicator)) !== undefined;
    const expression = `${parts.map((p) => `${label(p)}${p.printed}`).join(" + ")} = ${fmt(sum, decimals)}${unit}`;
    const totalText = `${label(total)}${total.printed}${unit}`;
    const span = { start: total.clause.start, end: total.clause.end };
    if (diff.abs().lte(tolerance)) {
      ctx.out.findings.push(
        makeFinding(doc, {
          rule,
          severity: "info",
          span,
          message: `其中各项之和 ${expression}，与总数 ${totalText} 相差 ${fmt(diff.abs(), decimals)}，属舍位差异。`,
          expected: fmt(sum, decimals),
          actual: total.printed,
        }),
      );
      continue;
    }
    let severity: "error" | "warning" | undefined;
    let message: string;
    if (diff.isPositive()) {
      severity = "error";
      message = `其中各项之和 ${expression}，大于总数 ${totalText}：部分之和不能超过总数。`;
    } else if (complete) {
      severity = "error";
      message = `其中列出了${label(total) || "总数"}的全部组成部分，${expression}，与总数 ${totalText} 不等（相差 ${fmt(diff.abs(), decimals)}${unit}）。`;
    } else if (parts.length >= 2) {
      severity = "warning";
      message = `其中各项之和 ${expression}，小于总数 ${totalText}；请核对是否漏列或数字有误。`;
    } else continue;
    const finding = makeFinding(doc, { rule, severity, span, message, expected: fmt(sum, decimals), actual: total.printed });
    ctx.out.findings.push(finding);
    // which figure is wrong is not known: none of them is used to recompute anything else
    if (severity === "error") markSuspect(ctx, finding, [total, ...parts]);
  }
}

/** "项目N个，其中：评级为优的项目a个、良的b个…": the counts by grade add up to the count. */
function checkCountSums(ctx: Ctx): void {
  const grade = /(优秀|优|良好|良|中等|中|合格|不合格|一般|较差|差)/;
  for (const sentence of ctx.doc.paragraphs.flatMap((p) => p.sentences)) {
    const text = ctx.doc.masked.slice(sentence.start, sentence.end);
    const marker = /其中[：:，,]?/.exec(text);
    if (!marker) continue;
    const counts = [...text.matchAll(/(\d+)\s*(个|项)/g)].map((m) => ({ n: new Decimal(m[1]), at: m.index!, end: m.index! + m[0].length, unit: m[2] }));
    const before = counts.filter((c) => c.at < marker.index);
    const total = before[before.length - 1];
    if (!total) continue;
    const parts = counts
      .filter((c) => c.at > marker.index && c.unit === total.unit)
      .map((c, i, all) => ({ ...c, words: text.slice(i === 0 ? marker.index : all[i - 1].end, c.at) }));
    const gradeWords = (w: string): string => w.replace(/其中|项目/g, "");
    if (parts.length < 2 || !parts.every((p) => grade.test(gradeWords(p.words)))) continue;
    const words = parts.map((p) => grade.exec(gradeWords(p.words))![1]);
    const sum = parts.reduce((a, p) => a.plus(p.n), new Decimal(0));
    if (sum.eq(total.n)) continue;
    const has = (w: RegExp): boolean => words.some((x) => w.test(x));
    const complete = has(/^优/) && has(/^良/) && has(/^(合格|中)/) && has(/^(不合格|差|较差)/);
    if (sum.lt(total.n) && !complete) continue;
    const expression = `${parts.map((p, i) => `${words[i]}${p.n.toString()}${p.unit}`).join(" + ")} = ${sum.toString()}${total.unit}`;
    ctx.out.findings.push(
      makeFinding(ctx.doc, {
        rule: "NARR.COUNT",
        severity: "error",
        span: { start: sentence.start, end: sentence.start + marker.index },
        message: sum.gt(total.n)
          ? `按等级分列的个数之和 ${expression}，大于总数${total.n.toString()}${total.unit}。`
          : `已列出全部等级，个数之和 ${expression}，与总数${total.n.toString()}${total.unit}不等。`,
        expected: sum.toString(),
        actual: total.n.toString(),
      }),
    );
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

/** An amount as printed stands for a value within half a unit of its last place (2 places at least: "4.7" is 4.70). */
export interface Approx {
  value: Decimal;
  /** half-width of the interval, in 万元 like value */
  error: Decimal;
}

export function approx(c: Claim): Approx {
  const half = new Decimal(0.5).times(new Decimal(10).pow(-Math.max(c.decimals, 2)));
  return { value: inWan(c), error: c.unit === "元" ? half.div(10000) : c.unit === "亿元" ? half.times(10000) : half };
}

function plus(...xs: Approx[]): Approx {
  return xs.reduce((a, x) => ({ value: a.value.plus(x.value), error: a.error.plus(x.error) }), { value: new Decimal(0), error: new Decimal(0) });
}

/** Every ratio the printed numerator and denominator allow. */
function ratioRange(num: Approx, den: Approx): [Decimal, Decimal] | undefined {
  const low = den.value.minus(den.error);
  if (low.lte(0) || num.value.isNegative()) return undefined;
  return [Decimal.max(num.value.minus(num.error), 0).div(den.value.plus(den.error)), num.value.plus(num.error).div(low)];
}

function attainable(printed: Decimal, decimals: number, range: [Decimal, Decimal]): boolean {
  const half = new Decimal(0.5).times(new Decimal(10).pow(-decimals));
  return printed.plus(half).gte(range[0].times(HUNDRED)) && printed.minus(half).lte(range[1].times(HUNDRED));
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
  range?: [Decimal, Decimal],
): void {
  ctx.out.ratios.set(claim.id, ratio);
  const verdict = judge(claim.value, claim.decimals, ratio);
  if (verdict === "ok") return;
  if (alternative && percentValue(alternative, claim.decimals).eq(claim.value)) return;
  const expected = formatPercentNumber(ratio, claim.decimals);
  const exact = ratio.times(HUNDRED).toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toString();
  const truncated = verdict === "truncated";
  // the printed amounts are rounded: a percentage some values behind them give is not certainly wrong
  const possible = alternative === undefined && range !== undefined && attainable(claim.value, claim.decimals, range);
  if (possible && !truncated) {
    const bounds = `${range![0].times(HUNDRED).toDecimalPlaces(2, Decimal.ROUND_FLOOR).toString()}%–${range![1].times(HUNDRED).toDecimalPlaces(2, Decimal.ROUND_CEIL).toString()}%`;
    ctx.out.findings.push(
      makeFinding(ctx.doc, {
        rule,
        severity: "info",
        span: { start: claim.clause.start, end: claim.clause.end },
        message: `${what}：按文中数字 ${formula} = ${exact}%（约${expected}%）；文中数字已舍入，可能的范围为${bounds}，文中${claim.printed}%在此范围内，可按明细数核对。`,
        expected: `${expected}%`,
        actual: `${claim.printed}%`,
      }),
    );
    return;
  }
  ctx.out.wrong.add(claim.id);
  const severity = confident && !possible ? "error" : "warning";
  ctx.out.findings.push(
    makeFinding(ctx.doc, {
      rule: truncated ? "NARR.ROUNDING" : rule,
      severity,
      span: { start: claim.clause.start, end: claim.clause.end },
      message: truncated
        ? `${what}：${formula} = ${exact}%，四舍五入应为${expected}%；“${claim.printed}%”像是截断（舍去）的结果${possible ? "（文中数字已舍入，请按明细数核对）" : ""}。`
        : `${what}：${formula} = ${exact}%，应为${expected}%，文中为${claim.printed}%${severity === "error" ? "" : "，请核对"}。`,
      expected: `${expected}%`,
      actual: `${claim.printed}%`,
      replacements: [{ start: claim.start, end: claim.end, text: expected }],
    }),
  );
}

function nearestBefore(claims: Claim[], before: Claim, test: (c: Claim) => boolean): Claim | undefined {
  return [...claims].reverse().find((c) => c.start < before.start && test(c));
}

interface Denominator {
  /** the claims the denominator is read from (one stated amount, or the parts that make it up) */
  claims: Claim[];
  value: Decimal;
  /** "本年支出合计123.78", "基本支出2476260.58 + 项目支出469500" */
  text: string;
  name: string;
  confident: boolean;
}

const amountLike = (c: Claim): boolean => isMoney(c) && (c.measure === "actual" || c.measure === "budget") && !c.bound;

function single(c: Claim, confident: boolean): Denominator {
  return { claims: [c], value: inWan(c), text: c.printed, name: c.indicatorName ?? "总额", confident };
}

/** After a bracket that its paragraph never closes, which amount a figure belongs to is not known. */
function inUnclosedBracket(ctx: Ctx, c: Claim): boolean {
  const text = ctx.doc.masked;
  const count = (from: number, to: number, re: RegExp): number => (text.slice(from, to).match(re) ?? []).length;
  const open = count(c.paragraph.start, c.start, /[（(]/g) - count(c.paragraph.start, c.start, /[）)]/g);
  return open > 0 && count(c.start, c.paragraph.end, /[）)]/g) < open;
}

/**
 * The amount a share is of: the nearest one before it in its clause or the clause before, not counting what
 * a closed parenthetical says ("财政拨款收入4352.47万元（其中，一般公共预算…0万元），占收入合计100%").
 */
function partOf(ctx: Ctx, share: Claim): Claim | undefined {
  return nearestBefore(inSentence(ctx, share.sentence), share, (c) => {
    if (!amountLike(c)) return false;
    let between = ctx.doc.masked.slice(c.unitEnd, share.start);
    for (let previous = ""; previous !== between; ) {
      previous = between;
      between = between.replace(/（[^（）]*）|\([^()]*\)/g, "");
    }
    if (/[）)]/.test(between)) return false;
    return (between.match(/[，；,;]/g) ?? []).length <= 1;
  });
}

function findDenominator(ctx: Ctx, share: Claim, part: Claim): Denominator | undefined {
  const list = listOf(ctx, share.sentence);
  const phrase = share.denominator ?? "";
  if (!phrase && list) return single(list.total, true);
  if (!phrase) return wholeOfBreakdown(ctx, share, part);
  const key = resolveName(phrase);
  if (key) {
    const candidates = ctx.claims.filter(
      (c) => c.indicator === key && amountLike(c) && c.measure === part.measure && c.id !== part.id && (c.binding === "explicit" || c.binding === "sentence"),
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
      return single((before.length > 0 ? before[before.length - 1] : inScope[0])!, true);
    }
    // not stated: the shares of the same denominator in this part of the text, when their subjects are
    // exactly the parts that make it up ("基本支出…占一般公共预算支出的84.06%" / "项目支出…占一般公共预算支出的15.94%")
    const siblings = ctx.claims.filter((c) => c.measure === "share" && !c.bound && c.denominator === phrase && c.paragraph.section === share.paragraph.section);
    const parts = siblings.map((c) => partOf(ctx, c));
    // in a 预算 text "基本支出预算X元" and "项目支出Y元" are amounts of one kind; a 年初/全年预算 beside a 决算 is not
    const sameKind = (p: Claim | undefined): p is Claim => !!p && (p.measure === part.measure || !/年初|全年|调整/.test(p.segment + part.segment));
    if (parts.every(sameKind) && completeDecomposition(key, parts.map((p) => p!.indicator))) {
      const claims = parts as Claim[];
      const { unit, value } = commonUnit(claims);
      const sum = claims.reduce((a, c) => a.plus(value(c)), new Decimal(0));
      if (sum.isZero()) return undefined;
      return {
        claims,
        value: claims.reduce((a, c) => a.plus(inWan(c)), new Decimal(0)),
        text: `(${claims.map((c) => c.printed).join(" + ")})`,
        name: `${phrase}（= ${claims.map((c) => `${label(c)}${c.printed}`).join(" + ")} = ${sum.toString()}${unit}）`,
        confident: true,
      };
    }
  }
  if (list && list.total.indicatorName && (phrase.includes(list.total.indicatorName) || list.total.indicatorName.includes(phrase))) {
    return single(list.total, true);
  }
  return undefined;
}

/**
 * "“三公”经费财政拨款支出决算中，公务接待费0.53万元，占31%；…": the whole is the amount the text states for
 * what the sentence breaks down, when it states exactly one.
 */
function wholeOfBreakdown(ctx: Ctx, share: Claim, part: Claim): Denominator | undefined {
  const head = /^(.*?)(?:支出)?决算(?:数)?中[，,：:]/.exec(ctx.doc.masked.slice(share.sentence.start, part.start));
  if (!head) return undefined;
  const whole = lastIndicator(head[1]);
  if (!whole || whole.key === part.indicator) return undefined;
  const candidates = ctx.claims.filter(
    (c) => c.indicator === whole.key && c.measure === "actual" && amountLike(c) && c.start < share.sentence.start && (c.binding === "explicit" || c.binding === "sentence"),
  );
  const values = new Set(candidates.map((c) => inWan(c).toString()));
  if (values.size !== 1) return undefined;
  return single(candidates[candidates.length - 1], true);
}

function checkShares(ctx: Ctx): void {
  for (const share of ctx.claims) {
    if (share.measure !== "share" || share.bound || inUnclosedBracket(ctx, share)) continue;
    const part = partOf(ctx, share);
    if (!part) continue;
    const denominator = findDenominator(ctx, share, part);
    if (!denominator) continue;
    if (dependsOnWrong(ctx, share, part, ...denominator.claims)) continue;
    if (denominator.value.isZero()) {
      // "授予中小企业合同金额0万元，占政府采购支出总额的0%": the template's sentence for an absent item
      const templateZero = part.value.isZero() && share.value.isZero();
      ctx.out.findings.push(
        makeFinding(ctx.doc, {
          rule: "NARR.SHARE",
          severity: templateZero ? "info" : "warning",
          span: { start: share.clause.start, end: share.clause.end },
          message: templateZero
            ? `占比的分母（${denominator.name}）为0，“0%”只是模板句的占位写法；如模板允许，可写“无此项支出”。`
            : `占比的分母（${denominator.name}）为0，不能计算占比。`,
          expected: null,
          actual: `${share.printed}%`,
        }),
      );
      continue;
    }
    const ratio = inWan(part).div(denominator.value);
    reportPercent(
      ctx,
      share,
      ratio,
      "NARR.SHARE",
      `占比 = ${part.indicatorName ?? "该项"} ÷ ${denominator.name}`,
      `${part.printed} ÷ ${denominator.text}`,
      denominator.confident,
      denominator.claims.length === 1 ? exactRatio(ctx, part, denominator.claims[0]) : undefined,
      ratioRange(approx(part), plus(...denominator.claims.map(approx))),
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
        const finding = makeFinding(doc, {
          rule: "NARR.CHANGE",
          severity: "error",
          span,
          message: `增减额应为 ${subject.printed} − ${baseClaim.printed} = ${formatAmount(expected)}万元，文中为${change.printed}${change.unit}。`,
          expected: formatAmount(expected.abs()),
          actual: change.printed,
          replacements: [{ start: change.start, end: change.end, text: formatAmount(expected.abs(), Math.max(d, 0)) }],
        });
        ctx.out.findings.push(finding);
        // the rate after it is computed from this amount: listed under this finding, not checked again
        markSuspect(ctx, finding, [change]);
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
    if (dependsOnWrong(ctx, rate, subject, change, ...(baseClaim ? [baseClaim] : []))) continue;
    const { unit, value } = commonUnit([subject, change, ...(baseClaim ? [baseClaim] : [])]);
    const base = baseClaim ? value(baseClaim) : direction === "increase" ? value(subject).minus(value(change)) : value(subject).plus(value(change));
    const baseText = baseClaim ? baseClaim.printed : `${subject.printed} ${direction === "increase" ? "−" : "+"} ${change.printed} = ${base.toString()}${unit}`;
    if (base.lte(0)) {
      ctx.out.findings.push(
        makeFinding(doc, {
          rule: "NARR.CHANGE",
          severity: base.isZero() ? "error" : "warning",
          span: { start: rate.clause.start, end: rate.clause.end },
          message: `上年数 = ${baseText}，为${base.isZero() ? "0" : "负数"}，不能计算增减率（应写“${WORDS.zeroBase}”）。`,
          expected: null,
          actual: `${rate.printed}%`,
        }),
      );
      continue;
    }
    const baseApprox = baseClaim ? approx(baseClaim) : { value: inWan(subject).minus(inWan(change)).abs(), error: approx(subject).error.plus(approx(change).error) };
    if (!baseClaim && direction === "decrease") baseApprox.value = inWan(subject).plus(inWan(change));
    reportPercent(
      ctx,
      rate,
      value(change).div(base),
      "NARR.CHANGE",
      "增减率 = 增减额 ÷ 上年数",
      `${change.printed} ÷ ${baseClaim ? baseClaim.printed : `(${baseText})`}`,
      true,
      undefined,
      ratioRange(approx(change), baseApprox),
    );
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
    if (dependsOnWrong(ctx, c, actual, budget)) continue;
    reportPercent(
      ctx,
      c,
      inWan(actual).div(inWan(budget)),
      "NARR.COMPLETION",
      "完成率 = 决算数 ÷ 预算数",
      `${actual.printed} ÷ ${budget.printed}`,
      true,
      undefined,
      ratioRange(approx(actual), approx(budget)),
    );
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

/** "收入总计X万元，支出总计Y万元，收支持平": 持平/相等/等于 said of two figures the sentence states. */
function checkEquality(ctx: Ctx): void {
  for (const sentence of ctx.doc.paragraphs.flatMap((p) => p.sentences)) {
    for (const clause of sentence.clauses) {
      const text = ctx.doc.masked.slice(clause.start, clause.end);
      const word = /(?<!基本)(持平|相等|等于|一致)/.exec(text);
      if (!word || ctx.claims.some((c) => c.clause === clause)) continue;
      // against last year or the budget the other figure is not in the sentence: the zero-change checks decide
      if (/上年|去年|同期|预算|上年度/.test(ctx.doc.masked.slice(sentence.start, clause.end))) continue;
      const amounts = ctx.claims.filter((c) => c.sentence === sentence && c.start < clause.start && isMoney(c) && c.measure === "actual" && !c.bound);
      if (amounts.length !== 2) continue;
      const [a, b] = amounts;
      const d = Math.min(a.decimals, b.decimals);
      const va = inWan(a).toDecimalPlaces(d, Decimal.ROUND_HALF_UP);
      const vb = inWan(b).toDecimalPlaces(d, Decimal.ROUND_HALF_UP);
      if (va.eq(vb)) continue;
      ctx.out.findings.push(
        makeFinding(ctx.doc, {
          rule: "NARR.DIRECTION",
          severity: "error",
          span: { start: clause.start, end: clause.end },
          message: `${label(a) || "前一数"}${a.printed}${a.unit}与${label(b) || "后一数"}${b.printed}${b.unit}不相等（相差${formatAmount(inWan(a).minus(inWan(b)).abs())}万元），不能说“${word[1]}”。`,
          expected: null,
          actual: word[1],
        }),
      );
    }
  }
}

/** 收入总计 and 支出总计 balance by definition: "收、支总计各是4125.49,4143.91万元" cannot be. */
function checkGrandTotals(ctx: Ctx): void {
  const patterns = [
    /收[、，]?支总计各(?:是|为)\s*(\d+(?:\.\d+)?)\s*(?:万元)?\s*[,，、和]\s*(\d+(?:\.\d+)?)\s*万元/g,
    /收入总计(?:为|是)?\s*(\d+(?:\.\d+)?)\s*万元[，,、；;]\s*支出总计(?:为|是)?\s*(\d+(?:\.\d+)?)\s*万元/g,
  ];
  for (const re of patterns) {
    for (const m of ctx.doc.masked.matchAll(re)) {
      const a = new Decimal(m[1]);
      const b = new Decimal(m[2]);
      if (a.eq(b)) continue;
      const start = m.index!;
      ctx.out.findings.push(
        makeFinding(ctx.doc, {
          rule: "NARR.TOTALS",
          severity: "error",
          span: { start, end: start + m[0].length },
          message: `收入总计${m[1]}万元与支出总计${m[2]}万元不等；两者按定义相等（收入总计 = 支出总计）。不等的两个数通常是本年收入合计与本年支出合计。`,
          expected: null,
          actual: `${m[1]}、${m[2]}`,
        }),
      );
    }
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
      if (a.eq(b) || a.isZero() || b.isZero()) continue;
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
  for (const m of doc.masked.matchAll(/(?:等级|级别|评级|评价结果|等次)(?:为|是|：|:)?\s*[“"「『]?(优秀|优|良好|良|中等|中|合格|一般|较差|差|不合格)[”"」』]?(?![的项个])/g)) {
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

export function runInternalChecks(
  doc: TextDocument,
  claims: Claim[],
  tables?: TableLookup,
  wrong: Set<number> = new Set(),
  suspect: Map<number, ProofreadFinding> = new Map(),
): InternalResult {
  const out: InternalResult = { findings: [], ratios: new Map(), wrong, suspect };
  const ctx: Ctx = { doc, claims, tables, out };
  checkSums(ctx);
  checkCountSums(ctx);
  checkEquality(ctx);
  checkGrandTotals(ctx);
  checkShares(ctx);
  checkChanges(ctx);
  checkCompletion(ctx);
  checkCompareWords(ctx);
  checkConsistency(ctx);
  checkScores(ctx);
  checkListsAgainstText(ctx);
  return out;
}
