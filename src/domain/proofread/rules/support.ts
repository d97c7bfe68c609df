/** What several rules read the same way: the clause around an offset, the parts of a "其中" list, the title. */
import { Decimal, roundHalfUp } from "../../decimal";
import { inWan, isMoney, type Claim } from "../claims";
import { clauseAt, type Paragraph, type Sentence, type TextDocument } from "../document";
import type { ProofreadFinding } from "../types";
import { completeDecomposition, COMPOSITIONS } from "../vocabulary";
import type { ProofreadContext } from "./rule";

export function clauseSpan(doc: TextDocument, offset: number): { start: number; end: number } {
  const c = clauseAt(doc, offset);
  if (c) return { start: c.start, end: c.end };
  // offset sits on a separator: take the surrounding line piece
  let s = offset;
  let e = offset + 1;
  while (s > 0 && !"，；。\n".includes(doc.text[s - 1])) s--;
  while (e < doc.text.length && !"，；。\n".includes(doc.text[e])) e++;
  return { start: s, end: e };
}

const LIST_MARKER = /其中[：:，,]?|主要用于以下方面(?:[（(][^）)]*[）)])?[：:]/;

export function inSentence(ctx: ProofreadContext, s: Sentence): Claim[] {
  return ctx.claims.filter((c) => c.sentence === s);
}

export function fmt(value: Decimal, decimals: number): string {
  return roundHalfUp(value, decimals).toFixed(decimals);
}

/** The root finding when one of `claims` was already found wrong; `dependent` is then listed under it. */
export function dependsOnWrong(ctx: ProofreadContext, dependent: Claim, ...claims: Claim[]): boolean {
  for (const c of claims) {
    const root = ctx.suspect.get(c.id);
    if (root) {
      const list = (root.dependents ??= []);
      const entry = { offset: dependent.clause.start, excerpt: dependent.clause.text };
      if (!list.some((d) => d.offset === entry.offset)) list.push(entry);
      return true;
    }
    if (ctx.wrong.has(c.id)) return true;
  }
  return false;
}

export function markSuspect(ctx: ProofreadContext, root: ProofreadFinding, claims: Claim[]): void {
  for (const c of claims) if (!ctx.suspect.has(c.id)) ctx.suspect.set(c.id, root);
}

/** Amounts of claims in one unit: their own when they share it, else 万元. */
export function commonUnit(claims: Claim[]): { unit: string; value: (c: Claim) => Decimal } {
  const unit = claims[0].unit;
  if (claims.every((c) => c.unit === unit)) return { unit, value: (c) => c.value };
  return { unit: "万元", value: inWan };
}

export function label(c: Claim): string {
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
export function listOf(ctx: ProofreadContext, sentence: Sentence): { total: Claim; parts: Claim[] } | undefined {
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

export function nearestBefore(claims: Claim[], before: Claim, test: (c: Claim) => boolean): Claim | undefined {
  return [...claims].reverse().find((c) => c.start < before.start && test(c));
}

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
