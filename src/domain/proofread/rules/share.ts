/** NARR.SHARE: a stated share (占…%) against its part and whole recomputed from the text. */
import { Decimal } from "../../decimal";
import { inWan, isMoney, type Claim } from "../claims";
import { makeFinding } from "../finding";
import type { ProofreadFinding } from "../types";
import { completeDecomposition, lastIndicator, resolveName } from "../vocabulary";
import type { NarrRule, ProofreadContext } from "./rule";
import { approx, plus, ratioRange, reportPercent } from "./rounding";
import { commonUnit, dependsOnWrong, inSentence, label, listOf, nearestBefore } from "./support";

/** Exact ratio from table cells when both claims bind to one table cell each (Beijing 4-dp values). */
function exactRatio(ctx: ProofreadContext, part: Claim, whole: Claim): Decimal | undefined {
  if (!ctx.tables || !part.indicator || !whole.indicator) return undefined;
  const p = part.chain ? ctx.tables.chain(part.chain, "actual") : ctx.tables.candidates(part.indicator, "actual");
  const w = whole.chain ? ctx.tables.chain(whole.chain, "actual") : ctx.tables.candidates(whole.indicator, "actual");
  if (p.length === 0 || w.length === 0 || w[0].exact.isZero()) return undefined;
  return p[0].exact.div(w[0].exact);
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
function inUnclosedBracket(ctx: ProofreadContext, c: Claim): boolean {
  const text = ctx.doc.masked;
  const count = (from: number, to: number, re: RegExp): number => (text.slice(from, to).match(re) ?? []).length;
  const open = count(c.paragraph.start, c.start, /[（(]/g) - count(c.paragraph.start, c.start, /[）)]/g);
  return open > 0 && count(c.start, c.paragraph.end, /[）)]/g) < open;
}

/**
 * The amount a share is of: the nearest one before it in its clause or the clause before, not counting what
 * a closed parenthetical says ("财政拨款收入4352.47万元（其中，一般公共预算…0万元），占收入合计100%").
 */
function partOf(ctx: ProofreadContext, share: Claim): Claim | undefined {
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

function findDenominator(ctx: ProofreadContext, share: Claim, part: Claim): Denominator | undefined {
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
function wholeOfBreakdown(ctx: ProofreadContext, share: Claim, part: Claim): Denominator | undefined {
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

function checkShares(ctx: ProofreadContext): ProofreadFinding[] {
  const out: ProofreadFinding[] = [];
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
      out.push(
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
      out,
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
  return out;
}

export const SHARE: NarrRule = {
  meta: {
    id: "NARR.SHARE",
    statement: "占比 = 该项 ÷ 所占的总额（按文中数字重算，四舍五入到文中的小数位）",
    severity: "error",
    policy: "分母确定且文中数字舍入后也不可能得出：错误；分母不确定时：警告；舍入范围内：提示；分母为0：警告（模板的0%占位句为提示）",
    reads: [],
  },
  pass: "text",
  check: checkShares,
};
