/**
 * The slice of the WPS 表格 (ET) object model this add-in uses: the VBA/COM Excel object model called
 * synchronously from JavaScript. Member names and shapes follow the `et-jsapi-declare` 2.5.0 typings
 * (lib.et.d.ts, lib.kso.d.ts, addon.et.d.ts); only what src/wps calls is declared, so the project does
 * not take on a 650 kB global declaration package (it declares `Application`, `wps` and `confirm` globally).
 * Every property read, write and method call on these objects crosses into WPS: see read-snapshot.ts.
 */

/** XlConstants / XlPattern / XlSheetVisibility values used here. */
export const XL = {
  /** Interior.Pattern: no fill (also ColorIndex "none") */
  none: -4142,
  /** Interior.Pattern: solid */
  solid: 1,
  /** Worksheet.Visible */
  sheetVisible: -1,
  sheetHidden: 0,
  sheetVeryHidden: 2,
  /** Range.VerticalAlignment: top */
  top: -4160,
} as const;

/** A cell value as Value2 hands it over; dates are serial numbers, errors may be CVErr codes. */
export type EtValue = string | number | boolean | null | undefined;

export interface EtCount {
  readonly Count: number;
}

export interface EtInterior {
  /** BGR integer (red = 255, blue = 16711680) */
  Color: number | null;
  Pattern: number | null;
  PatternColor: number | null;
}

export interface EtFont {
  Name: string;
  Size: number;
}

export interface EtComment {
  /** With no argument returns the text; with one sets it. */
  Text(text?: string): string;
  readonly Author: string;
  Delete(): void;
}

export interface EtComments extends EtCount {
  Item(index: number): EtComment;
}

export interface EtRange {
  /** "$A$1:$E$3" by default; (false, false) gives "A1:E3"; areas are comma-separated */
  Address(rowAbsolute?: boolean, columnAbsolute?: boolean): string;
  readonly Row: number;
  readonly Column: number;
  readonly Rows: EtCount;
  readonly Columns: EtCount;
  /** a scalar for one cell, rows of values for several cells */
  Value2: EtValue | EtValue[][];
  /** "=…" for formula cells, the constant as text otherwise; rows of them for several cells */
  readonly Formula: string | string[][];
  /** the common number format, or null when the cells differ */
  NumberFormat: string | null;
  /** true / false, or null when the range is partly merged */
  readonly MergeCells: boolean | null;
  readonly MergeArea: EtRange;
  /** on EntireRow / EntireColumn: true / false, or null when mixed */
  Hidden: boolean | null;
  readonly EntireRow: EtRange;
  readonly EntireColumn: EtRange;
  readonly Interior: EtInterior;
  /** null when the cell has no 批注 */
  readonly Comment: EtComment | null;
  AddComment(text?: string): EtComment;
  Select(): unknown;
  ColumnWidth: number;
  WrapText: boolean;
  VerticalAlignment: number;
  readonly Font: EtFont;
  AutoFit(): unknown;
}

export interface EtWorksheet {
  Name: string;
  /** the VBA code name: survives renaming the tab (may be empty on some hosts) */
  readonly CodeName: string;
  readonly Index: number;
  Visible: number;
  readonly ProtectContents: boolean;
  readonly UsedRange: EtRange;
  Range(address: string): EtRange;
  Activate(): void;
  readonly Comments: EtComments;
}

export interface EtSheets extends EtCount {
  Item(index: number | string): EtWorksheet;
  Add(before?: EtWorksheet, after?: EtWorksheet, count?: number, type?: number): EtWorksheet;
}

export interface EtCustomXMLPart {
  readonly XML: string;
  Delete(): void;
}

export interface EtCustomXMLParts extends EtCount {
  Item(index: number): EtCustomXMLPart;
  Add(xml?: string): EtCustomXMLPart;
  SelectByNamespace(namespaceURI: string): EtCustomXMLParts;
}

export interface EtWorkbook {
  readonly Name: string;
  readonly Worksheets: EtSheets;
  readonly CustomXMLParts?: EtCustomXMLParts;
}

/** Callbacks receive the worksheet and the changed range (addon.et.d.ts: SheetChange). */
export type SheetChangeListener = (sheet: EtWorksheet, target: EtRange) => void;

export interface EtApiEvent {
  AddApiEventListener(event: "SheetChange", callback: SheetChangeListener): void;
  RemoveApiEventListener(event: "SheetChange", callback?: SheetChangeListener): void;
}

export interface EtTaskPane {
  Visible: boolean;
  readonly ID: number;
  Width?: number;
}

export interface EtApplication {
  readonly ActiveWorkbook: EtWorkbook | null;
  readonly ApiEvent?: EtApiEvent;
  CreateTaskPane?(url: string, title?: string): EtTaskPane;
  GetTaskPane?(id: number): EtTaskPane;
  readonly PluginStorage?: { getItem(key: string): unknown; setItem(key: string, value: unknown): void };
}

/** "#FFC7CE" → BGR integer as Interior.Color takes it. */
export function hexToBgr(hex: string): number {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) throw new Error(`not a #RRGGBB colour: ${hex}`);
  return parseInt(m[1], 16) | (parseInt(m[2], 16) << 8) | (parseInt(m[3], 16) << 16);
}

/** BGR integer → "#RRGGBB". */
export function bgrToHex(bgr: number): string {
  const r = bgr & 0xff;
  const g = (bgr >> 8) & 0xff;
  const b = (bgr >> 16) & 0xff;
  return `#${[r, g, b].map((n) => n.toString(16).padStart(2, "0")).join("").toUpperCase()}`;
}
