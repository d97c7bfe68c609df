import type { EvaluationText } from "../../model";
import { SELF_EVALUATION_KINDS, type EvaluationRule, type RuleResult } from "./context";

const TEXT_CAPS: Partial<Record<EvaluationText["key"], number>> = {
  goal: 100,
  achievement: 100,
  "execution-reason": 100,
  conclusion: 200,
  problems: 200,
  improvements: 200,
};

function charCount(text: string): number {
  return [...text.replace(/\s+/g, "")].length;
}

export const P11: EvaluationRule = {
  id: "P11",
  severity: "warning",
  reads: SELF_EVALUATION_KINDS,
  forms: ["sichuan"],
  statement: "四川表文字字数上限：年度目标、完成情况、执行原因 100 字；评价结论、存在问题、改进措施 200 字",
  check(ctx) {
    const out: RuleResult[] = [];
    for (const t of ctx.model.texts ?? []) {
      const cap = TEXT_CAPS[t.key];
      if (!cap) continue;
      const n = charCount(t.cell.text);
      if (n <= cap) continue;
      out.push({
        cell: t.cell.address,
        cells: [t.cell.address],
        message: `${t.label}（${t.cell.address}）共 ${n} 字，超过表中规定的 ${cap} 字`,
        expected: String(cap),
        actual: String(n),
        difference: String(n - cap),
      });
    }
    return out;
  },
};
