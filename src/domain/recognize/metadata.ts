/**
 * Stage 5 of recognition: what a table says about itself — unit (元/万元), year, unit name, 表号, form
 * variant — from its title, meta rows and headers; then the workbook's majority and its cover fill the gaps.
 */
import type { MoneyUnit, RecognizedTable, Variant } from "../model";
import { normalizeLabel } from "../text";
import { SheetView } from "./sheet-view";
import type { Segment } from "./columns";
import type { WorkbookSnapshot } from "../grid";

export interface TableMeta {
  unit: MoneyUnit | null;
  year: number | null;
  unitName: string | null;
  tableNumber: string | undefined;
  variant: Variant;
}

export function tableMeta(sheetName: string, title: string, metaTexts: string[], headers: string[], segments: Segment[]): TableMeta {
  const allMeta = [title, ...metaTexts].map(normalizeLabel);
  const unit = unitOf(allMeta, headers);
  const year = yearOf([title, ...metaTexts]);
  const unitName = unitNameOf(title, metaTexts);
  const tableNumber = allMeta.map((m) => /公开\d+表/.exec(m)?.[0]).find(Boolean);
  const splitCodes = segments.some((s) => s.codeCols.length > 1);
  const variant: Variant = /^C\d{2}/i.test(sheetName) ? "beijing" : tableNumber ? (/部门[:：]/.test(allMeta.join()) && unit === "元" ? "central" : "guangdong") : splitCodes ? "shanghai" : "generic";
  return { unit, year, unitName, tableNumber, variant };
}

function unitOf(meta: string[], headers: string[]): MoneyUnit | null {
  for (const m of [...meta, ...headers]) {
    const u = /单位[:：]?(万元|元)/.exec(m) ?? /[(（](万元|元)[)）]/.exec(m);
    if (u) return u[1] as MoneyUnit;
  }
  return null;
}

function yearOf(texts: string[]): number | null {
  for (const t of texts) {
    const m = /((?:19|20)\d{2})\s*年/.exec(normalizeLabel(t));
    if (m) return Number(m[1]);
  }
  return null;
}

const ORG_RE = /(中心|局|委员会|委|院|会|所|站|馆|办公室|办|处|部|学校|校|协会|队|厅|室|政府|街道|公司|医院|集团|管委会)$/;

function unitNameOf(title: string, meta: string[]): string | null {
  for (const m of meta) {
    const norm = m.replace(/\s+/g, " ").trim();
    const hit = /(?:^|\s)(?:部门|编制单位|填报单位|单位名称|部门\(单位\)名称|部门（单位）名称)\s*[:：]\s*(.+?)(?:\s{2,}|\s+金额单位|\s+单位[:：]|$)/.exec(norm);
    if (hit && hit[1].trim() && !/^(万元|元)$/.test(hit[1].trim())) return hit[1].trim();
  }
  const t = normalizeLabel(title);
  const prefix = /^(.{2,40}?)(?:(?:19|20)\d{2}年度?)/.exec(t)?.[1];
  if (prefix && ORG_RE.test(prefix)) return prefix;
  return null;
}

/**
 * Year and unit name from a cover sheet ("上海市某某区绿化和市容管理局" above "2024年度部门决算"),
 * for forms whose tables print neither (Shanghai).
 */
export function coverInfo(snapshot: WorkbookSnapshot): { year: number | null; unitName: string | null } {
  for (const sheet of snapshot.sheets) {
    const view = new SheetView(sheet);
    for (let r = 0; r < Math.min(view.rowCount, 40); r++) {
      for (const { text } of view.rowTexts(r)) {
        // the cover line names a year (年); normalising never produces 年
        if (!text.includes("年")) continue;
        const norm = normalizeLabel(text);
        const m = /^(.{0,40}?)((?:19|20)\d{2})年度?(?:部门|单位)?(?:决算|部门决算|单位决算)(?:公开|报告|情况说明)?$/.exec(norm);
        if (!m) continue;
        let unitName: string | null = m[1] && ORG_RE.test(m[1]) ? m[1] : null;
        for (let up = r - 1; up >= Math.max(0, r - 4) && !unitName; up--) {
          const above = view.rowTexts(up).map((t) => normalizeLabel(t.text)).find((t) => t.length >= 4 && t.length <= 40 && ORG_RE.test(t));
          if (above) unitName = above;
        }
        return { year: Number(m[2]), unitName };
      }
    }
  }
  return { year: null, unitName: null };
}

/** Year and unit name are printed on some tables only: fill the rest from the workbook's majority, then the cover. */
export function fillWorkbookDefaults(tables: RecognizedTable[], fileName?: string, cover: { year: number | null; unitName: string | null } = { year: null, unitName: null }): void {
  const majority = <T>(values: (T | null)[]): T | null => {
    const counts = new Map<T, number>();
    for (const v of values) if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
    let best: T | null = null;
    let n = 0;
    for (const [v, c] of counts) if (c > n) [best, n] = [v, c];
    return best;
  };
  const core = tables.filter((t) => t.kind !== "project-self-evaluation" && t.kind !== "department-self-evaluation");
  const year = majority(core.map((t) => t.year)) ?? cover.year ?? (fileName ? yearOf([fileName]) : null);
  const unitName = majority(core.map((t) => t.unitName)) ?? cover.unitName;
  const unit = majority(core.map((t) => t.unit));
  for (const t of core) {
    t.year ??= year;
    t.unitName ??= unitName;
    t.unit ??= unit;
  }
}
