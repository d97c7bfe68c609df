/**
 * Stage 1 of recognition: the titles on a sheet decide which tables it holds (never sheet names, order or 表号,
 * except for a sheet with no title that is named after its table).
 */
import { LAYOUTS, type LayoutSpec } from "../layouts";
import { normalizeLabel } from "../text";
import type { SheetView } from "./sheet-view";

export interface TitleCandidate {
  row: number;
  col: number;
  text: string;
  layout: LayoutSpec;
  /** the title is the sheet's name: no title row on the sheet */
  fromSheetName?: boolean;
}

/** Title text cleaned for matching: no spaces, no 表号 / year / ordinal decorations. */
export function cleanTitle(text: string): string {
  let t = normalizeLabel(text);
  t = t.replace(/公开\d+表/g, "");
  for (let i = 0; i < 3; i++) t = t.replace(/[([][^()[\]]*[)\]]$/, "");
  // unit name and year before the title: "北京市某中心2023年度收入决算表" → "收入决算表"
  t = t.replace(/^.*?(?:19|20)\d{2}年(?:度)?(?:部门|单位)?(?=.{4,}$)/, "");
  t = t.replace(/^(?:(?:附表|表)[一二三四五六七八九十\d]+[、.:\-]?|[一二三四五六七八九十\d]+[、.:\-])/, "");
  return t;
}

/** Distinct texts already matched: a workbook repeats its titles, headers and labels on every sheet. */
const layoutCache = new Map<string, LayoutSpec | null>();

export function layoutForTitle(text: string): LayoutSpec | undefined {
  // every title ends in 表 once cleaned, and normalising never produces 表: the other texts (amounts, labels)
  // are rejected before any cleaning
  if (!text.includes("表")) return undefined;
  let hit = layoutCache.get(text);
  if (hit === undefined) {
    hit = matchTitle(text) ?? null;
    // bounded: a hostile file could hold any number of distinct texts
    if (layoutCache.size > 10_000) layoutCache.clear();
    layoutCache.set(text, hit);
  }
  return hit ?? undefined;
}

function matchTitle(text: string): LayoutSpec | undefined {
  const norm = normalizeLabel(text);
  if (norm.length < 4 || norm.length > 64) return undefined;
  const t = cleanTitle(text);
  if (!t.endsWith("表")) return undefined;
  if (/绩效|自评|目录|说明$/.test(t)) return undefined;
  return LAYOUTS.find((l) => l.matchesTitle(t));
}

export function findTitleCandidates(view: SheetView): TitleCandidate[] {
  const out: TitleCandidate[] = [];
  for (let r = 0; r < view.rowCount; r++) {
    if (!view.rowMentions(r, "表")) continue; // no text here can be a title (layoutForTitle)
    const texts = view.rowTexts(r);
    if (texts.length === 0 || texts.length > 6) continue;
    for (const { col, text } of texts) {
      const layout = layoutForTitle(text);
      // several titles on one row: tables standing side by side
      if (layout) out.push({ row: r, col, text, layout });
    }
  }
  return out;
}
