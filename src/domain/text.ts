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

/** Character folds applied by normalizeLabel (quotes, brackets, colon, 繁体 words seen in Guangdong forms). */
const CHAR_FOLD: Record<string, string> = {
  "“": '"', "”": '"', "「": '"', "」": '"', "『": '"', "』": '"', "'": '"', "‘": '"', "’": '"',
  "【": "[", "〔": "[", "［": "[", "】": "]", "〕": "]", "］": "]", "：": ":",
  單: "单", 萬: "万", 決: "决", 開: "开", 總: "总", 額: "额", 撥: "拨", 項: "项", 預: "预", 財: "财",
};
const WORD_FOLD = /撥款|項目|預算|財政|單位|萬元|決算|開|總|額/;

const normalizeCache = new Map<string, string>();
const NEEDS_NORMALIZING = /[\s\u00a0\u3000\uff01-\uff5e“”「」『』'‘’【〔［】〕］：單萬決開總額撥項預財]/;

/**
 * Key for matching labels and titles: half-width, no whitespace, unified quotes and brackets,
 * 繁体 unit words folded ("單位：萬元" → "单位:万元"). "（一）" and "(一)" compare equal.
 * Single pass and memoised: recognition calls it for every label of every table.
 */
export function normalizeLabel(s: string): string {
  if (!NEEDS_NORMALIZING.test(s)) return s;
  const hit = normalizeCache.get(s);
  if (hit !== undefined) return hit;
  let out = "";
  const fold = WORD_FOLD.test(s);
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    const code = ch.charCodeAt(0);
    if (code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0xa0 || code === 0x3000) continue;
    if (code >= 0xff01 && code <= 0xff5e) {
      const half = String.fromCharCode(code - 0xfee0);
      out += CHAR_FOLD[half] ?? half;
      continue;
    }
    if (code < 0x80 && ch !== "'") {
      out += ch;
      continue;
    }
    if (/\s/.test(ch)) continue;
    out += (fold || code < 0x3100 ? CHAR_FOLD[ch] : undefined) ?? ch;
  }
  if (normalizeCache.size > 100_000) normalizeCache.clear();
  normalizeCache.set(s, out);
  return out;
}

/** Strip an ordinal prefix: "一、" "（一）" "1." "1、" "(1)" "其中：". */
export function stripOrdinal(s: string): string {
  return s
    .replace(/^\s*(?:[一二三四五六七八九十百]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d)|其中[:：])\s*/, "")
    .trim();
}
