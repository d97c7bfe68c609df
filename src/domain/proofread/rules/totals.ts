/** NARR.TOTALS: 收入总计 and 支出总计 stated unequal. */
import { Decimal } from "../../decimal";
import { makeFinding } from "../finding";
import type { ProofreadFinding } from "../types";
import type { NarrRule, ProofreadContext } from "./rule";

/** 收入总计 and 支出总计 balance by definition: "收、支总计各是4125.49,4143.91万元" cannot be. */
function checkGrandTotals(ctx: ProofreadContext): ProofreadFinding[] {
  const out: ProofreadFinding[] = [];
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
      out.push(
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
  return out;
}

export const TOTALS: NarrRule = {
  meta: { id: "NARR.TOTALS", statement: "收入总计 = 支出总计（按定义相等）", severity: "error", policy: "错误", reads: [] },
  pass: "text",
  check: checkGrandTotals,
};
