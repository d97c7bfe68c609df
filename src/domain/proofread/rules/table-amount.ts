/**
 * NARR.TABLE-AMOUNT: the amounts the text states against the recognized tables. One comparison decides
 * for each figure: as in the table, the table's digits in another unit (NARR.UNIT), or another amount.
 * A figure found wrong here is the root cause: nothing is recomputed from it.
 */
import { Decimal, roundHalfUp } from "../../decimal";
import { formatAmount } from "../../format";
import { CORE_TABLES } from "../../kinds";
import { inWan, isMoney, type Claim } from "../claims";
import type { TextDocument } from "../document";
import { makeFinding } from "../finding";
import type { TableLookup, TableValue } from "../table-lookup";
import type { ProofreadFinding } from "../types";
import type { NarrRule, ProofreadContext } from "./rule";
import { wrongUnitFinding } from "./unit";

function toUnit(v: TableValue, unit: "万元" | "元"): Decimal {
  if (v.unit === unit) return v.displayed;
  return unit === "万元" ? v.displayed.div(10000) : v.displayed.times(10000);
}

function sameAtDecimals(a: Decimal, b: Decimal, decimals: number): boolean {
  return roundHalfUp(a, decimals).eq(roundHalfUp(b, decimals));
}

function checkAmounts(doc: TextDocument, claims: Claim[], tables: TableLookup, wrong: Set<number>): ProofreadFinding[] {
  const out: ProofreadFinding[] = [];
  for (const c of claims) {
    if (!isMoney(c) || c.bound || (c.measure !== "actual" && c.measure !== "budget")) continue;
    const bound = c.indicator && c.binding !== "none" && c.binding !== "paragraph";
    let candidates = !bound ? [] : c.chain ? tables.chain(c.chain, c.measure) : tables.candidates(c.indicator!, c.measure);
    let named = c.indicatorName ?? c.chain?.join("");
    if (c.binding !== "explicit" && c.measure === "actual") {
      // a 类/款/项 name the dictionary does not know, printed right before the number
      const byLabel = tables.byLabel(c.segment);
      if (byLabel.length > 0) {
        candidates = byLabel;
        named = c.segment.replace(/[\s□]/g, "");
      }
    }
    if (candidates.length === 0) continue;
    const claimUnit = c.unit === "元" ? "元" : "万元";
    if (candidates.some((v) => sameAtDecimals(toUnit(v, claimUnit === "元" ? "元" : "万元"), claimUnit === "万元" ? inWan(c) : c.value, c.decimals))) continue;
    const span = { start: c.clause.start, end: c.clause.end };
    const first = candidates[0];
    // the digits are right but the unit is not
    if (c.unit !== first.unit && candidates.some((v) => sameAtDecimals(v.displayed, c.value, c.decimals))) {
      out.push(wrongUnitFinding(doc, c, first));
      wrong.add(c.id);
      continue;
    }
    const agree = candidates.every((v) => toUnit(v, "万元").eq(toUnit(first, "万元")));
    const confident = agree;
    const expected = formatAmount(toUnit(first, claimUnit));
    const what = c.measure === "budget" ? "预算数" : "决算数";
    out.push(
      makeFinding(doc, {
        rule: "NARR.TABLE-AMOUNT",
        severity: confident ? "error" : "warning",
        span,
        message: `“${named ?? "该项"}”${what}与表不符：${first.where}（${first.ref}）为${expected}${claimUnit}，文中为${c.printed}${c.unit}${confident ? "" : "，请核对"}。`,
        expected,
        actual: c.printed,
        replacements: confident ? [{ start: c.start, end: c.end, text: expected }] : undefined,
      }),
    );
    wrong.add(c.id);
  }
  return out;
}

function checkNothingSentences(doc: TextDocument, tables: TableLookup): ProofreadFinding[] {
  const out: ProofreadFinding[] = [];
  const specs: { re: RegExp; keys: string[]; label: string }[] = [
    { re: /(?:无|未安排)[“"”]?三公[”"“]?经费[^。；，]*/g, keys: ["three-public"], label: "“三公”经费" },
    { re: /(?:无|未安排)政府性基金预算财政拨款[^。；，]*/g, keys: ["government-fund-expenditure", "government-fund-income"], label: "政府性基金预算财政拨款" },
    { re: /(?:无|未安排)国有资本经营预算财政拨款[^。；，]*/g, keys: ["state-capital-expenditure", "state-capital-income"], label: "国有资本经营预算财政拨款" },
  ];
  for (const spec of specs) {
    for (const m of doc.masked.matchAll(spec.re)) {
      const nonZero = spec.keys.flatMap((k) => tables.candidates(k, "actual")).find((v) => !v.displayed.isZero());
      if (!nonZero) continue;
      const at = m.index!;
      let start = at;
      while (start > 0 && !"，；。\n".includes(doc.text[start - 1])) start--;
      out.push(
        makeFinding(doc, {
          rule: "NARR.TABLE-AMOUNT",
          severity: "error",
          span: { start, end: at + m[0].length },
          message: `文中称无${spec.label}收支，但${nonZero.where}（${nonZero.ref}）为${formatAmount(nonZero.displayed)}${nonZero.unit}。`,
          expected: formatAmount(nonZero.displayed),
          actual: "0",
        }),
      );
    }
  }
  return out;
}

function checkOfficeOperation(doc: TextDocument, claims: Claim[], tables: TableLookup): ProofreadFinding[] {
  const publicTotal = tables.candidates("public", "actual")[0];
  if (!publicTotal) return [];
  return claims
    .filter((c) => c.indicator === "office-operation" && c.measure === "actual" && isMoney(c) && !c.bound && c.binding !== "paragraph")
    .filter((c) => !sameAtDecimals(toUnit(publicTotal, "万元"), inWan(c), c.decimals))
    .map((c) =>
      makeFinding(doc, {
        rule: "NARR.TABLE-AMOUNT",
        severity: "warning",
        span: { start: c.clause.start, end: c.clause.end },
        message: `机关运行经费${c.printed}${c.unit}与表中公用经费合计${formatAmount(publicTotal.displayed)}${publicTotal.unit}不同；行政单位和参公事业单位两者应一致，请核对。`,
        expected: formatAmount(publicTotal.displayed),
        actual: c.printed,
      }),
    );
}

/** "科普活动（项）…主要用于…基本支出" where the table has the 项 all in 项目支出 (or the other way round). */
function checkChainSplit(doc: TextDocument, claims: Claim[], tables: TableLookup): ProofreadFinding[] {
  const out: ProofreadFinding[] = [];
  const seen = new Set<string>();
  for (const c of claims) {
    if (!c.chain || !isMoney(c) || c.measure !== "actual" || (c.binding !== "explicit" && c.binding !== "heading")) continue;
    const split = tables.chainSplit(c.chain);
    if (!split) continue;
    const next = c.paragraph.sentences[c.sentence.index + 1];
    const said = doc.masked.slice(c.end, next ? next.end : c.sentence.end);
    const basicWord = /基本支出/.exec(said);
    const projectWord = /项目支出/.exec(said);
    if (!!basicWord === !!projectWord) continue;
    const [word, zero, other] = basicWord ? (["基本支出", split.basic, split.project] as const) : (["项目支出", split.project, split.basic] as const);
    if (!zero.displayed.isZero() || other.displayed.isZero()) continue;
    const key = `${split.label}|${word}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const at = c.end + (basicWord ?? projectWord)!.index;
    const otherWord = word === "基本支出" ? "项目支出" : "基本支出";
    out.push(
      makeFinding(doc, {
        rule: "NARR.TABLE-AMOUNT",
        severity: "error",
        span: { start: at, end: at + word.length },
        message: `文中把“${split.label}”说成${word}，表中该项${word}为0（${zero.where} ${zero.ref}），${otherWord}为${formatAmount(other.displayed)}${other.unit}（${other.ref}）。`,
        expected: otherWord,
        actual: word,
        replacements: [{ start: at, end: at + word.length, text: otherWord }],
      }),
    );
  }
  return out;
}

function checkTableAmounts(ctx: ProofreadContext): ProofreadFinding[] {
  const { doc, claims, tables } = ctx;
  if (!tables) return [];
  const out = [
    ...checkAmounts(doc, claims, tables, ctx.wrong),
    ...checkNothingSentences(doc, tables),
    ...checkOfficeOperation(doc, claims, tables),
    ...checkChainSplit(doc, claims, tables),
  ];
  // a figure the tables contradict is the root cause of what is recomputed from it: the first finding on its clause
  for (const id of ctx.wrong) {
    const claim = claims[id];
    const root = out.find((f) => f.offset === claim.clause.start && (f.rule === "NARR.TABLE-AMOUNT" || f.rule === "NARR.UNIT"));
    if (root) ctx.suspect.set(id, root);
  }
  return out;
}

export const TABLE_AMOUNT: NarrRule = {
  meta: {
    id: "NARR.TABLE-AMOUNT",
    statement: "文中金额与表中对应数一致；称“无”某项收支时表中该项为0；机关运行经费与公用经费合计一致；说成基本（项目）支出的款在表中不为0",
    severity: "error",
    policy: "与表不符且表中各候选数一致、称无而表中有、基本/项目支出说反：错误；候选数不一致、机关运行经费不同：警告",
    reads: Object.values(CORE_TABLES),
  },
  pass: "tables",
  check: checkTableAmounts,
};
