/** Text normalisation used by every recogniser: one place, so layouts and proofreading agree. */

/** Full-width ASCII → half-width, ideographic space → space. */
export function toHalfWidth(s: string): string {
  let out = "";
  for (const ch of s) {
    const code = ch.charCodeAt(0);
    if (code === 0x3000) out += " ";
    else if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else out += ch;
  }
  return out;
}

/**
 * Key for matching labels and titles: half-width, no whitespace, unified quotes and brackets,
 * 繁体 unit words folded ("單位：萬元" → "单位:万元"). "（一）" and "(一)" compare equal.
 */
export function normalizeLabel(s: string): string {
  return toHalfWidth(s)
    .replace(/[\s\u00a0]+/g, "")
    .replace(/[“”"「」『』'‘’]/g, '"')
    .replace(/[【〔［]/g, "[")
    .replace(/[】〕］]/g, "]")
    .replace(/：/g, ":")
    .replace(/單位/g, "单位")
    .replace(/萬元/g, "万元")
    .replace(/決算/g, "决算")
    .replace(/開/g, "开")
    .replace(/總/g, "总")
    .replace(/額/g, "额")
    .replace(/撥款/g, "拨款")
    .replace(/項目/g, "项目")
    .replace(/預算/g, "预算")
    .replace(/財政/g, "财政");
}

/** Strip an ordinal prefix: "一、" "（一）" "1." "1、" "(1)" "其中：". */
export function stripOrdinal(s: string): string {
  return s
    .replace(/^\s*(?:[一二三四五六七八九十百]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d)|其中[:：])\s*/, "")
    .trim();
}
