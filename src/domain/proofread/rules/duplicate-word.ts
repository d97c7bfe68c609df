/** NARR.DUPLICATE-WORD: a word typed twice ("支出支出", "的的"). */
import { makeFinding } from "../finding";
import type { ProofreadFinding } from "../types";
import type { NarrRule, ProofreadContext } from "./rule";
import { clauseSpan } from "./support";

const STRONG_DUPLICATES = new Set(["支出", "收入", "增加", "减少", "增长", "下降", "经费", "预算", "决算", "合计", "万元", "项目", "财政", "拨款"]);

function checkDuplicateWords(ctx: ProofreadContext): ProofreadFinding[] {
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

export const DUPLICATE_WORD: NarrRule = {
  meta: {
    id: "NARR.DUPLICATE-WORD",
    statement: "同一个词不应连写两次（叠词如“的的确确”除外）",
    severity: "error",
    policy: "支出、收入、增加、预算、万元等常用词重复：错误；其他词重复：警告",
    reads: [],
  },
  pass: "form",
  check: checkDuplicateWords,
};
