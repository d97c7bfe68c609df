/**
 * Which Excel features this host has. Office.js from the CDN always defines every API; the host
 * decides at sync time, so anything newer than the add-in's minimum is gated on the requirement set.
 */
import type { PortCapabilities } from "../domain/port";

export type SetSupported = (name: string, version: string) => boolean;

/** Requirement sets the adapter cares about and what each one brings. */
export const API = {
  /** RangeAreas, getCellProperties/getRowProperties, worksheets.onChanged (collection) */
  rangeAreas: "1.9",
  /** threaded comments */
  comments: "1.10",
  /** Range.getMergedAreasOrNullObject */
  mergedAreas: "1.13",
  /** WorksheetChangedEventArgs.triggerSource ("ThisLocalAddin") */
  triggerSource: "1.14",
  /** notes (the classic yellow 备注) */
  notes: "1.18",
  /** Excel.run({ mergeUndoGroup }) */
  undoGroup: "1.20",
} as const;

export type ApiFeature = keyof typeof API;

export const LIMITATIONS = {
  noRangeAreas: "Excel 版本过旧（需要 Excel 2019 / Microsoft 365），无法在单元格上标记问题，问题只在任务窗格中列出。",
  commentsInsteadOfNotes: "此版本 Excel 不支持添加“备注”，问题说明将以批注形式添加（批注会署上当前登录用户的名字）。",
  paneOnly: "此版本 Excel 不支持备注和批注，问题说明只在任务窗格中显示。",
  noEvents: "此版本 Excel 无法监听表格修改，修改后请手动点击“重新检查”。",
  noMergedAreas: "此版本 Excel 无法读取合并单元格，表头识别可能不够准确。",
} as const;

/** Office.context.requirements.isSetSupported, or "nothing" outside an Office host. */
export function officeSetSupported(): SetSupported {
  return (name, version) => {
    if (typeof Office === "undefined" || !Office.context?.requirements) return false;
    return Office.context.requirements.isSetSupported(name, version);
  };
}

export class Requirements {
  private readonly cache = new Map<ApiFeature, boolean>();

  constructor(private readonly isSetSupported: SetSupported) {}

  has(feature: ApiFeature): boolean {
    let known = this.cache.get(feature);
    if (known === undefined) {
      known = safeCheck(this.isSetSupported, API[feature]);
      this.cache.set(feature, known);
    }
    return known;
  }

  capabilities(): PortCapabilities {
    const rangeAreas = this.has("rangeAreas");
    const notes = rangeAreas && this.has("notes");
    const comments = rangeAreas && this.has("comments");
    const events = rangeAreas; // worksheets.onChanged on the collection is ExcelApi 1.9
    const limitations: string[] = [];
    if (!rangeAreas) limitations.push(LIMITATIONS.noRangeAreas);
    else if (!notes && comments) limitations.push(LIMITATIONS.commentsInsteadOfNotes);
    else if (!notes && !comments) limitations.push(LIMITATIONS.paneOnly);
    if (!events) limitations.push(LIMITATIONS.noEvents);
    if (!this.has("mergedAreas")) limitations.push(LIMITATIONS.noMergedAreas);
    return { host: "excel", notes, comments, events, limitations };
  }
}

function safeCheck(isSetSupported: SetSupported, version: string): boolean {
  try {
    return isSetSupported("ExcelApi", version);
  } catch {
    return false;
  }
}
