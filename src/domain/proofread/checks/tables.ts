/** Claims against the recognized tables: amounts, "主要包括" lists, 元/万元, "无…" sentences. */
import { Decimal } from "../../decimal";
import { formatAmount } from "../../format";
import { inWan, isMoney, type Claim } from "../claims";
import type { TextDocument } from "../document";
import { makeFinding } from "../finding";
import { ECONOMIC_CLASSES, type TableLookup, type TableValue } from "../table-lookup";
import type { ProofreadFinding } from "../types";
import { normalizeItemName } from "../vocabulary";
import { listItems } from "./internal";

function toUnit(v: TableValue, unit: "万元" | "元"): Decimal {
  if (v.unit === unit) return v.displayed;
  return unit === "万元" ? v.displayed.div(10000) : v.displayed.times(10000);
}

function sameAtDecimals(a: Decimal, b: Decimal, decimals: number): boolean {
  return a.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP).eq(b.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP));
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
    // the digits are right but the unit is not (住房公积金 3.58元 in a 万元 table)
    if (c.unit !== first.unit && candidates.some((v) => sameAtDecimals(v.displayed, c.value, c.decimals))) {
      out.push(
        makeFinding(doc, {
          rule: "NARR.UNIT",
          severity: "error",
          span,
          message: `表中单位为“${first.unit}”（${first.where} ${formatAmount(first.displayed)}），文中写成“${c.printed}${c.unit}”。`,
          expected: `${c.printed}${first.unit}`,
          actual: `${c.printed}${c.unit}`,
          replacements: [{ start: c.end, end: c.unitEnd, text: first.unit }],
        }),
      );
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

function headScope(head: string): { group?: "personnel" | "public"; classCode?: string; label: string } | undefined {
  let best: { at: number; scope: { group?: "personnel" | "public"; classCode?: string; label: string } } | undefined;
  const consider = (name: string, scope: { group?: "personnel" | "public"; classCode?: string; label: string }): void => {
    const at = head.lastIndexOf(name);
    if (at >= 0 && (!best || at + name.length > best.at)) best = { at: at + name.length, scope };
  };
  consider("人员经费", { group: "personnel", label: "人员经费" });
  consider("公用经费", { group: "public", label: "公用经费" });
  for (const cls of ECONOMIC_CLASSES) for (const name of cls.names) consider(name, { classCode: cls.code, label: name });
  // the list must follow its head closely ("人员经费114.75万元，主要包括：")
  if (!best || head.length - best.at > 16 || /[。；]/.test(head.slice(best.at))) return undefined;
  return best.scope;
}

function checkLists(doc: TextDocument, tables: TableLookup): ProofreadFinding[] {
  const out: ProofreadFinding[] = [];
  for (const list of listItems(doc)) {
    const scope = headScope(list.head);
    if (!scope) continue;
    const rows = tables.economicItems(scope);
    if (!rows) continue;
    const byName = new Map(rows.map((r) => [normalizeItemName(r.name), r]));
    const listed = list.items.map((i) => normalizeItemName(i.name));
    const zeroListed = list.items.filter((i) => byName.get(normalizeItemName(i.name))?.zero);
    const unknown = list.items.filter((i) => !byName.has(normalizeItemName(i.name)));
    const missing = rows.filter((r) => !r.zero && !listed.includes(normalizeItemName(r.name)));
    const partialAllowed = list.etc !== "";
    if (zeroListed.length === 0 && unknown.length === 0 && (missing.length === 0 || partialAllowed)) continue;
    const problems: string[] = [];
    if (zeroListed.length > 0) problems.push(`列出了表中决算数为0的款：${zeroListed.map((i) => i.name).join("、")}`);
    if (unknown.length > 0) problems.push(`表中未见：${unknown.map((i) => i.name).join("、")}`);
    if (missing.length > 0 && !partialAllowed) problems.push(`漏列了表中不为0的款：${missing.map((r) => r.name).join("、")}`);
    const expected = rows.filter((r) => !r.zero).map((r) => r.name).join("、");
    out.push(
      makeFinding(doc, {
        rule: "NARR.LIST",
        severity: zeroListed.length > 0 ? "error" : "warning",
        span: { start: list.start, end: list.end + list.etc.length },
        message: `“${scope.label}”的列举与一般公共预算财政拨款基本支出决算表不符：${problems.join("；")}。`,
        expected,
        actual: list.items.map((i) => i.name).join("、"),
        replacements: expected ? [{ start: list.start, end: list.end, text: expected }] : undefined,
      }),
    );
  }
  return out;
}

/** "无“三公”经费财政拨款支出" / "无政府性基金预算财政拨款收入和支出" while the table has amounts. */
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

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const kept = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = kept;
    }
  }
  return row[b.length];
}

const LEVEL: Record<string, string> = { 类: "class", 款: "section", 项: "item" };

/** A 类/款/项 named in the text that no row of the tables has, one or two characters off one that is. */
function checkChainNames(doc: TextDocument, tables: TableLookup): ProofreadFinding[] {
  const labels = tables.codedLabels();
  if (labels.length === 0) return [];
  const known = new Set(labels.map((l) => normalizeItemName(l.label)));
  const out: ProofreadFinding[] = [];
  for (const m of doc.masked.matchAll(/([\u4e00-\u9fff][\u4e00-\u9fff、]{1,29})[（(](类|款|项)[)）]/g)) {
    const name = m[1];
    if (known.has(normalizeItemName(name))) continue;
    const level = LEVEL[m[2]];
    const limit = Math.max(1, Math.floor(name.length / 5));
    const close = labels
      .filter((l) => l.level === level && Math.abs(l.label.length - name.length) <= limit)
      .map((l) => ({ label: l.label, distance: editDistance(normalizeItemName(name), normalizeItemName(l.label)) }))
      .filter((l) => l.distance <= limit)
      .sort((a, b) => a.distance - b.distance)
      .filter((l, i, all) => all.findIndex((x) => x.label === l.label) === i);
    if (close.length === 0 || (close.length > 1 && close[1].distance === close[0].distance)) continue;
    const start = m.index!;
    out.push(
      makeFinding(doc, {
        rule: "NARR.NAME",
        severity: "warning",
        span: { start, end: start + m[0].length },
        message: `科目名称“${name}（${m[2]}）”在表中没有，表中最接近的是“${close[0].label}”，请核对。`,
        expected: close[0].label,
        actual: name,
        replacements: [{ start, end: start + name.length, text: close[0].label }],
      }),
    );
  }
  return out;
}

export function runTableChecks(doc: TextDocument, claims: Claim[], tables: TableLookup, wrong: Set<number>): ProofreadFinding[] {
  return [
    ...checkAmounts(doc, claims, tables, wrong),
    ...checkLists(doc, tables),
    ...checkNothingSentences(doc, tables),
    ...checkOfficeOperation(doc, claims, tables),
    ...checkChainSplit(doc, claims, tables),
    ...checkChainNames(doc, tables),
  ];
}
