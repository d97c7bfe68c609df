/**
 * NARR.WORDING: 截止 for 截至, a rate's verb other than 增长/下降, “三公经费” for “三公”经费, and
 * "与上年下降…" (与 needs 相比; 比 takes the verb directly).
 */
import { RATE_VERBS } from "../../format";
import { makeFinding } from "../finding";
import type { ProofreadFinding } from "../types";
import type { NarrRule, ProofreadContext } from "./rule";
import { clauseSpan } from "./support";

const COMPARED_WITHOUT_XIANGBI = /与((?:上年|上一年|去年|上年度|\d{4}\s*年度?)(?:同期)?(?:年初预算数?|决算数?|预算数?|实际数?|支出数?)?)(增加|减少|增长|下降|上升|降低|提高)/g;

function checkWording(ctx: ProofreadContext): ProofreadFinding[] {
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
  // the term is 三公 in quotes followed by 经费 (the quotes mark the abbreviation, not the whole term)
  for (const m of doc.masked.matchAll(/“三公经费”/g)) {
    const start = m.index!;
    out.push(
      makeFinding(doc, {
        rule: "NARR.WORDING",
        severity: "info",
        span: clauseSpan(doc, start),
        message: "规范写法是引号只括“三公”：“三公”经费。",
        expected: "“三公”经费",
        actual: m[0],
        replacements: [{ start, end: start + m[0].length, text: "“三公”经费" }],
      }),
    );
  }
  // 与上年下降7.6%: "与" opens a comparison that 相比 closes; without it the verb needs "比"
  for (const m of doc.masked.matchAll(COMPARED_WITHOUT_XIANGBI)) {
    const start = m.index!;
    const clause = clauseSpan(doc, start);
    // "与上年增加的项目相比…": the comparison is closed later in the clause
    if (/相比|比较|对比|相同|一致|持平/.test(doc.masked.slice(start, clause.end))) continue;
    const verb = m[2];
    out.push(
      makeFinding(doc, {
        rule: "NARR.WORDING",
        severity: "info",
        span: clause,
        message: `“与${m[1]}${verb}”搭配不当：“与……”要和“相比”连用，应写“比${m[1]}${verb}”（或“与${m[1]}相比${verb}”）。`,
        expected: `比${m[1]}${verb}`,
        actual: m[0],
        replacements: [{ start, end: start + 1, text: "比" }],
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

export const WORDING: NarrRule = {
  meta: {
    id: "NARR.WORDING",
    statement: "表示到某一时点为止应写“截至”；增减率的规范用语为“增长/下降”；写“三公”经费；“与上年”要和“相比”连用（否则写“比上年”）",
    severity: "warning",
    policy: "“截止”误用：警告；增减率用词、“三公经费”引号位置、“与……增加/下降”搭配：提示",
    reads: [],
  },
  pass: "form",
  check: checkWording,
};
