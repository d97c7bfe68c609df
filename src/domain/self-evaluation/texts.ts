/** Free-text cells of a 自评表 (目标, 完成情况, 评价结论 …) and the notes under it. */
import type { EvaluationText, TextCell } from "../model";
import { toHalfWidth } from "../text";
import type { HeaderRow } from "./header";
import type { SheetReader } from "./sheet-reader";
import { textKey, type FundColumnKey, type IndicatorColumnKey } from "./vocabulary";

export function readTexts(
  reader: SheetReader,
  from: number,
  to: number,
  funds: HeaderRow<FundColumnKey> | null,
  indicators: HeaderRow<IndicatorColumnKey>,
): EvaluationText[] {
  const out: EvaluationText[] = [];
  const seen = new Set<string>();
  const add = (key: EvaluationText["key"], label: string, cell: TextCell) => {
    if (seen.has(key) || !cell.text) return;
    seen.add(key);
    out.push({ key, label, cell });
  };
  for (let r = from; r <= to; r++) {
    if (r === funds?.row || (r >= indicators.row && r <= indicators.last)) continue;
    const texts = reader.rowTexts(r);
    const keyed = texts.map((t) => ({ ...t, key: textKey(t.norm) })).filter((t) => t.key);
    // header above the texts (附1: 年度总体目标 | 预期目标 | 实际完成情况, texts on the next rows)
    const others = texts.filter((t) => !textKey(t.norm) && !/目标|基本情况/.test(t.norm));
    if (keyed.length >= 2 && others.length === 0) {
      for (const h of keyed) {
        for (let rr = r + 1; rr <= Math.min(to, r + 3); rr++) {
          const t = reader.ownText(rr, h.col);
          if (t) {
            add(h.key as EvaluationText["key"], h.text.replace(/\s+/g, ""), reader.textCell(rr, h.col, t));
            break;
          }
        }
      }
      continue;
    }
    // label left, text right
    for (let i = 0; i < texts.length; i++) {
      const key = textKey(texts[i].norm);
      if (!key || i + 1 >= texts.length) continue;
      const next = texts[i + 1];
      if (textKey(next.norm)) continue;
      add(key, texts[i].text.replace(/\s+/g, ""), reader.textCell(r, next.col, next.text));
    }
  }
  return out;
}

export function readNotes(reader: SheetReader, from: number, end: number): TextCell[] {
  const notes: TextCell[] = [];
  for (let r = from; r <= Math.min(end, from + 6); r++) {
    const texts = reader.rowTexts(r);
    if (texts.length === 0) continue;
    if (/^(注|说明|备注)\d*[:：.、]/.test(toHalfWidth(texts[0].text).replace(/\s+/g, ""))) notes.push(reader.textCell(r, texts[0].col, texts[0].text));
    else break;
  }
  return notes;
}
