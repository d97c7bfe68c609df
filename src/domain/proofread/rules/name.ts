/**
 * NARR.NAME: a name written one or two characters off — a 类/款/项 the tables do not have, the unit's
 * own name against the title, a standard 科目 or indicator name.
 */
import { CORE_TABLES } from "../../kinds";
import type { TextDocument } from "../document";
import { makeFinding } from "../finding";
import type { TableLookup } from "../table-lookup";
import type { ProofreadFinding } from "../types";
import { ECONOMIC_ITEM_NAMES, INDICATOR_NAMES, normalizeItemName } from "../vocabulary";
import type { NarrRule, ProofreadContext } from "./rule";
import { clauseSpan, titleOf } from "./support";

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

/** The unit's own name written differently from the title ("…行政审核局" under "…行政审批局"). */
function checkUnitName(ctx: ProofreadContext): ProofreadFinding[] {
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
function checkItemNames(ctx: ProofreadContext): ProofreadFinding[] {
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

function checkNames(ctx: ProofreadContext): ProofreadFinding[] {
  return [...(ctx.tables ? checkChainNames(ctx.doc, ctx.tables) : []), ...checkUnitName(ctx), ...checkItemNames(ctx)];
}

export const NAME: NarrRule = {
  meta: {
    id: "NARR.NAME",
    statement: "科目名称与表中（或规范的）名称一致，单位名称与标题一致",
    severity: "warning",
    policy: "警告（只差一两个字的写法，请核对）",
    reads: [CORE_TABLES.T5, CORE_TABLES.T8, CORE_TABLES.T9, CORE_TABLES.T3],
  },
  pass: "form",
  check: checkNames,
};
