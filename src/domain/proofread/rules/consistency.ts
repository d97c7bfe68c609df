/** NARR.CONSISTENCY: one indicator stated twice with two figures in one part of the text. */
import { roundHalfUp } from "../../decimal";
import { inWan, isMoney, type Claim } from "../claims";
import { makeFinding } from "../finding";
import type { ProofreadFinding } from "../types";
import type { NarrRule, ProofreadContext } from "./rule";

/* ---------------------------------------------------------------- consistency */

function checkConsistency(ctx: ProofreadContext): ProofreadFinding[] {
  const out: ProofreadFinding[] = [];
  const groups = new Map<string, Claim[]>();
  for (const c of ctx.claims) {
    if (!isMoney(c) || c.bound || !c.indicator || (c.measure !== "actual" && c.measure !== "budget")) continue;
    if (c.binding !== "explicit" && c.binding !== "heading") continue;
    const key = `${c.paragraph.section}|${c.indicator}|${c.measure}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  for (const claims of groups.values()) {
    const first = claims[0];
    for (const c of claims.slice(1)) {
      const a = roundHalfUp(inWan(first), Math.min(first.decimals, c.decimals));
      const b = roundHalfUp(inWan(c), Math.min(first.decimals, c.decimals));
      if (a.eq(b) || a.isZero() || b.isZero()) continue;
      out.push(
        makeFinding(ctx.doc, {
          rule: "NARR.CONSISTENCY",
          severity: "warning",
          span: { start: c.clause.start, end: c.clause.end },
          message: `同一部分中“${c.indicatorName ?? c.chain?.join("") ?? "该指标"}”前文为${first.printed}${first.unit}，此处为${c.printed}${c.unit}，请核对。`,
          expected: `${first.printed}${first.unit}`,
          actual: `${c.printed}${c.unit}`,
        }),
      );
    }
  }
  return out;
}

export const CONSISTENCY: NarrRule = {
  meta: { id: "NARR.CONSISTENCY", statement: "同一部分中同一指标的金额前后一致", severity: "warning", policy: "警告", reads: [] },
  pass: "text",
  check: checkConsistency,
};
