/** The shared shape of 二、收入 and 三、支出: a total, its change, and its non-zero parts with shares. */
import type { ParagraphBuilder, Figure } from "../builder";
import type { NarrativeContext } from "../context";
import { isZero } from "../source";
import { writeChange, writeList, writeReason, writeShareItem, writeYearPrefix, type Change } from "../sentences";

interface Breakdown {
  /** "本年收入合计" */
  totalLabel: string;
  total: Figure;
  previous: Figure | undefined;
  parts: { label: string; figure: Figure }[];
  /** Beijing denominator phrase: "收入合计的" */
  denominatorPhrase: string;
  /** 补充信息 slot of the 上年数 and the reason ("income") */
  slot: string;
}

export function writeBreakdown(ctx: NarrativeContext, data: Breakdown): ParagraphBuilder {
  const b: ParagraphBuilder = ctx.paragraph();
  const shanghai = ctx.options.style === "shanghai";
  const parts = data.parts.filter((p) => !isZero(p.figure));
  writeYearPrefix(b, ctx, shanghai).add(data.totalLabel).amount(data.total).add(ctx.unit);
  let change: Change = { direction: "flat" };
  if (!shanghai) {
    b.add("，");
    change = writeChange(b, ctx, data.totalLabel, { current: data.total, previous: data.previous, fact: { key: `previous.${data.slot}`, what: data.totalLabel } });
  }
  if (parts.length > 0) {
    b.add("，其中：");
    writeList(b, parts, (p) => writeShareItem(b, ctx, p.label, p.figure, data.total, shanghai ? "" : data.denominatorPhrase));
  }
  b.add("。");
  writeReason(b, ctx, change, data.slot, data.totalLabel);
  return b;
}
