/**
 * NARR.UNIT: a percentage without "%", an amount without its unit or in "万", an amount in 元 in a text
 * in 万元 — and, against the tables, the right digits with the wrong unit (found by NARR.TABLE-AMOUNT's
 * comparison, which reports it here).
 */
import { formatAmount } from "../../format";
import type { Claim } from "../claims";
import type { TextDocument } from "../document";
import { makeFinding } from "../finding";
import type { TableValue } from "../table-lookup";
import type { ProofreadFinding } from "../types";
import { INDICATOR_NAMES } from "../vocabulary";
import type { NarrRule, ProofreadContext } from "./rule";
import { clauseSpan } from "./support";

const NAME_ALTERNATION = INDICATOR_NAMES.map((n) => n.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|");
const AMOUNT_WITHOUT_UNIT = new RegExp(`(?:${NAME_ALTERNATION})(?:决算数|决算|预算数|合计|总额|共计|达到|为|是|：|:){0,3}\\s*(-?\\d+\\.\\d+)(?=[，；。、;,]|$)`, "g");

function checkUnits(ctx: ProofreadContext): ProofreadFinding[] {
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
  if (!ctx.tables?.unit) {
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

/** The digits of a claim are a table's value, its unit is not (住房公积金 3.58元 in a 万元 table). */
export function wrongUnitFinding(doc: TextDocument, c: Claim, first: TableValue): ProofreadFinding {
  return makeFinding(doc, {
    rule: "NARR.UNIT",
    severity: "error",
    span: { start: c.clause.start, end: c.clause.end },
    message: `表中单位为“${first.unit}”（${first.where} ${formatAmount(first.displayed)}），文中写成“${c.printed}${c.unit}”。`,
    expected: `${c.printed}${first.unit}`,
    actual: `${c.printed}${c.unit}`,
    replacements: [{ start: c.end, end: c.unitEnd, text: first.unit }],
  });
}

export const UNIT: NarrRule = {
  meta: {
    id: "NARR.UNIT",
    statement: "百分比带“%”，金额带单位“万元”（或“元”），与表核对时单位与表一致",
    severity: "error",
    policy: "百分比缺“%”、数字与表相同而单位不同：错误；金额缺单位、写作“万”、万元文中夹“元”：警告",
    reads: [],
  },
  pass: "form",
  check: checkUnits,
};
