/**
 * A fake of the WPS 表格 (ET) object model slice that src/wps uses, written from the et-jsapi-declare
 * typings and the COM Excel behaviour they mirror. It counts every crossing into the host (each property
 * read or write and each method call, by name), and lets a test pick the behaviours the documentation
 * leaves open:
 *   - an empty cell in Value2: undefined, null or "";
 *   - what Interior.Color reads on a No Fill cell (white 16777215 by default; Pattern is xlNone either way);
 *   - whether the add-in's own writes (values, fills, 批注) fire SheetChange: never, synchronously, or later;
 *   - whether a write on a protected sheet throws or is silently ignored;
 *   - whether a formula error reads as a CVErr code or as its text;
 *   - whether the host has Workbook.CustomXMLParts and Application.ApiEvent.
 * Range.NumberFormat / MergeCells / EntireRow.Hidden return null for mixed ranges, as COM does.
 */
import { a1ToBox, boxToA1, fromA1, type RangeBox, type RawValue, type WorkbookSnapshot } from "../../src/domain/grid";
import type { EtRange, SheetChangeListener } from "../../src/wps/et";

export const XL_NONE = -4142;
export const XL_SOLID = 1;
export const WHITE = 0xffffff;

export interface FakeEtFill {
  pattern: number;
  color: number;
  patternColor?: number;
}

export interface FakeEtCell {
  v?: RawValue;
  formula?: string;
  f?: string;
  fill?: FakeEtFill;
  comment?: { text: string; author: string };
  wrap?: boolean;
  font?: { name?: string; size?: number };
}

export interface FakeEtOptions {
  emptyAs?: "undefined" | "null" | "empty-string";
  /** Interior.Color of a No Fill cell */
  noFillColor?: number;
  ownWriteEvents?: "none" | "sync" | "async";
  protectedWrites?: "throw" | "ignore";
  errorsAs?: "code" | "text";
  customXmlParts?: boolean;
  events?: boolean;
  user?: string;
}

const CVERR: Record<string, number> = {
  "#NULL!": -2146826288,
  "#DIV/0!": -2146826281,
  "#VALUE!": -2146826273,
  "#REF!": -2146826265,
  "#NAME?": -2146826259,
  "#NUM!": -2146826252,
  "#N/A": -2146826246,
};

export class FakeEtSheet {
  visible = -1;
  protected = false;
  /** writes fail (or are ignored) although ProtectContents reads false — e.g. protected after the add-in looked */
  locked = false;
  readonly cells = new Map<string, FakeEtCell>();
  merges: RangeBox[] = [];
  readonly hiddenRows = new Set<number>();
  readonly hiddenCols = new Set<number>();
  readonly columnWidths = new Map<number, number>();

  constructor(
    public name: string,
    readonly codeName = "",
  ) {}

  cell(address: string): FakeEtCell | undefined {
    const { row, col } = fromA1(address);
    return this.cells.get(`${row},${col}`);
  }

  at(row: number, col: number): FakeEtCell | undefined {
    return this.cells.get(`${row},${col}`);
  }

  ensure(row: number, col: number): FakeEtCell {
    const key = `${row},${col}`;
    let cell = this.cells.get(key);
    if (!cell) this.cells.set(key, (cell = {}));
    return cell;
  }

  set(cells: Record<string, RawValue | FakeEtCell>): this {
    for (const [address, spec] of Object.entries(cells)) {
      const { row, col } = fromA1(address);
      const target = this.ensure(row, col);
      if (spec !== null && typeof spec === "object") Object.assign(target, spec);
      else target.v = spec;
    }
    return this;
  }

  usedBox(): RangeBox {
    let box: RangeBox | null = null;
    for (const [key, cell] of this.cells) {
      const used = (cell.v !== undefined && cell.v !== null && cell.v !== "") || !!cell.formula || !!cell.fill || !!cell.comment || !!cell.f;
      if (!used) continue;
      const [row, col] = key.split(",").map(Number);
      if (!box) box = { top: row, left: col, bottom: row, right: col };
      else box = { top: Math.min(box.top, row), left: Math.min(box.left, col), bottom: Math.max(box.bottom, row), right: Math.max(box.right, col) };
    }
    return box ?? { top: 0, left: 0, bottom: 0, right: 0 };
  }
}

export class FakeEt {
  sheets: FakeEtSheet[] = [];
  xmlParts: { namespace: string; xml: string }[] = [];
  readonly listeners = new Set<SheetChangeListener>();
  fileName = "部门决算.xlsx";
  activeSheet: string | undefined;
  selection: { sheet: string; address: string } | undefined;
  /** every crossing into the host */
  calls = 0;
  readonly counts = new Map<string, number>();
  /** writes that changed the workbook: kind and where */
  writes: { op: string; sheet: string; address: string; value?: unknown }[] = [];
  readonly options: Required<FakeEtOptions>;
  readonly app: FakeApplication;
  private sheetSeq = 0;

  constructor(options: FakeEtOptions = {}) {
    this.options = {
      emptyAs: "undefined",
      noFillColor: WHITE,
      ownWriteEvents: "none",
      protectedWrites: "throw",
      errorsAs: "code",
      customXmlParts: true,
      events: true,
      user: "张会计",
      ...options,
    };
    this.app = new FakeApplication(this);
  }

  tick(name: string): void {
    this.calls++;
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
  }

  resetCounts(): void {
    this.calls = 0;
    this.counts.clear();
  }

  addSheet(name: string, cells: Record<string, RawValue | FakeEtCell> = {}): FakeEtSheet {
    const sheet = new FakeEtSheet(name, `Sheet${this.sheets.length + 1}`);
    sheet.set(cells);
    this.sheets.push(sheet);
    return sheet;
  }

  sheet(name: string): FakeEtSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  newSheetName(): string {
    let name: string;
    do name = `Sheet${++this.sheetSeq}`;
    while (this.sheet(name));
    return name;
  }

  /** A write by the add-in: refused on protected sheets (throw or silently), recorded, maybe fires SheetChange. */
  write(sheet: FakeEtSheet, box: RangeBox, op: string, value: unknown, apply: () => void): void {
    if (sheet.protected || sheet.locked) {
      if (this.options.protectedWrites === "throw") throw new Error(`工作表“${sheet.name}”受保护（${op}）`);
      return;
    }
    apply();
    this.writes.push({ op, sheet: sheet.name, address: boxToA1(box), value });
    const mode = this.options.ownWriteEvents;
    if (mode === "sync") this.fire(sheet, box);
    else if (mode === "async") setTimeout(() => this.fire(sheet, box), 0);
  }

  /** A user typing into cells: the value changes and SheetChange fires at once. */
  userEdit(sheetName: string, address: string, value: RawValue): void {
    const sheet = this.mustSheet(sheetName);
    const { row, col } = fromA1(address);
    sheet.ensure(row, col).v = value;
    this.fire(sheet, a1ToBox(address));
  }

  /** A user clearing a whole row: SheetChange reports the entire row ("3:3"). */
  userClearRow(sheetName: string, row: number): void {
    const sheet = this.mustSheet(sheetName);
    for (const [key, cell] of sheet.cells) if (key.startsWith(`${row},`)) delete cell.v;
    this.fire(sheet, { top: row, bottom: row, left: 0, right: 16383 }, "row");
  }

  fire(sheet: FakeEtSheet, box: RangeBox, axis?: "row" | "col"): void {
    const worksheet = new FakeWorksheet(this, sheet);
    const range = new FakeRange(this, sheet, box, axis);
    for (const listener of [...this.listeners]) listener(worksheet as never, range as unknown as EtRange);
  }

  valueWrites(): FakeEt["writes"] {
    return this.writes.filter((w) => w.op === "Value2" || w.op === "Formula");
  }

  mustSheet(name: string): FakeEtSheet {
    const sheet = this.sheet(name);
    if (!sheet) throw new Error(`fake-et: no sheet ${name}`);
    return sheet;
  }
}

export class FakeApplication {
  constructor(private readonly et: FakeEt) {}
  get ActiveWorkbook(): FakeWorkbook {
    this.et.tick("Application.ActiveWorkbook");
    return new FakeWorkbook(this.et);
  }
  get ApiEvent(): FakeApiEvent | undefined {
    this.et.tick("Application.ApiEvent");
    return this.et.options.events ? new FakeApiEvent(this.et) : undefined;
  }
}

export class FakeApiEvent {
  constructor(private readonly et: FakeEt) {}
  AddApiEventListener(name: string, callback: SheetChangeListener): void {
    this.et.tick("ApiEvent.AddApiEventListener");
    if (name === "SheetChange") this.et.listeners.add(callback);
  }
  RemoveApiEventListener(name: string, callback?: SheetChangeListener): void {
    this.et.tick("ApiEvent.RemoveApiEventListener");
    if (name !== "SheetChange") return;
    if (callback) this.et.listeners.delete(callback);
    else this.et.listeners.clear();
  }
}

export class FakeWorkbook {
  constructor(private readonly et: FakeEt) {}
  get Name(): string {
    this.et.tick("Workbook.Name");
    return this.et.fileName;
  }
  get Worksheets(): FakeSheets {
    this.et.tick("Workbook.Worksheets");
    return new FakeSheets(this.et);
  }
  get CustomXMLParts(): FakeXmlParts | undefined {
    this.et.tick("Workbook.CustomXMLParts");
    return this.et.options.customXmlParts ? new FakeXmlParts(this.et, null) : undefined;
  }
}

export class FakeSheets {
  constructor(private readonly et: FakeEt) {}
  get Count(): number {
    this.et.tick("Sheets.Count");
    return this.et.sheets.length;
  }
  Item(index: number | string): FakeWorksheet {
    this.et.tick("Sheets.Item");
    const sheet = typeof index === "number" ? this.et.sheets[index - 1] : this.et.sheet(index);
    if (!sheet) throw new Error(`下标越界：${index}`);
    return new FakeWorksheet(this.et, sheet);
  }
  Add(before?: FakeWorksheet, after?: FakeWorksheet): FakeWorksheet {
    this.et.tick("Sheets.Add");
    const name = this.et.newSheetName();
    const sheet = new FakeEtSheet(name, `Added${name}`);
    const anchor = after ?? before;
    const at = anchor ? this.et.sheets.indexOf(anchor.model) + (after ? 1 : 0) : this.et.sheets.length;
    this.et.sheets.splice(at, 0, sheet);
    this.et.activeSheet = sheet.name;
    return new FakeWorksheet(this.et, sheet);
  }
}

export class FakeWorksheet {
  constructor(
    private readonly et: FakeEt,
    readonly model: FakeEtSheet,
  ) {}
  get Name(): string {
    this.et.tick("Worksheet.Name");
    return this.model.name;
  }
  set Name(name: string) {
    this.et.tick("Worksheet.Name=");
    if (this.et.sheets.some((s) => s !== this.model && s.name === name)) throw new Error(`工作表名称“${name}”已被占用`);
    this.model.name = name;
  }
  get CodeName(): string {
    this.et.tick("Worksheet.CodeName");
    return this.model.codeName;
  }
  get Index(): number {
    this.et.tick("Worksheet.Index");
    return this.et.sheets.indexOf(this.model) + 1;
  }
  get Visible(): number {
    this.et.tick("Worksheet.Visible");
    return this.model.visible;
  }
  get ProtectContents(): boolean {
    this.et.tick("Worksheet.ProtectContents");
    return this.model.protected;
  }
  get UsedRange(): FakeRange {
    this.et.tick("Worksheet.UsedRange");
    return new FakeRange(this.et, this.model, this.model.usedBox());
  }
  Range(address: string): FakeRange {
    this.et.tick("Worksheet.Range");
    return new FakeRange(this.et, this.model, a1ToBox(address.replace(/\$/g, "")));
  }
  Activate(): void {
    this.et.tick("Worksheet.Activate");
    this.et.activeSheet = this.model.name;
  }
  get Comments(): { Count: number; Item(i: number): FakeComment } {
    this.et.tick("Worksheet.Comments");
    const et = this.et;
    const withComments = [...this.model.cells.entries()].filter(([, c]) => c.comment);
    return {
      get Count() {
        et.tick("Comments.Count");
        return withComments.length;
      },
      Item: (i: number) => {
        et.tick("Comments.Item");
        const [key] = withComments[i - 1];
        const [row, col] = key.split(",").map(Number);
        return new FakeComment(et, this.model, { top: row, left: col, bottom: row, right: col });
      },
    };
  }
}

export class FakeRange {
  constructor(
    private readonly et: FakeEt,
    private readonly sheet: FakeEtSheet,
    readonly box: RangeBox,
    private readonly axis?: "row" | "col",
  ) {}

  private each<T>(read: (cell: FakeEtCell | undefined, row: number, col: number) => T): T[][] {
    const out: T[][] = [];
    for (let r = this.box.top; r <= this.box.bottom; r++) {
      const line: T[] = [];
      for (let c = this.box.left; c <= this.box.right; c++) line.push(read(this.sheet.at(r, c), r, c));
      out.push(line);
    }
    return out;
  }

  private single(): boolean {
    return this.box.top === this.box.bottom && this.box.left === this.box.right;
  }

  private common<T>(values: T[][]): T | null {
    const flat = values.flat();
    return flat.every((v) => v === flat[0]) ? flat[0] : null;
  }

  Address(rowAbsolute = true, columnAbsolute = true): string {
    this.et.tick("Range.Address");
    const cell = (row: number, col: number) => {
      const a1 = boxToA1({ top: row, left: col, bottom: row, right: col });
      const [, letters, digits] = /^([A-Z]+)(\d+)$/.exec(a1)!;
      return `${columnAbsolute ? "$" : ""}${letters}${rowAbsolute ? "$" : ""}${digits}`;
    };
    const { top, left, bottom, right } = this.box;
    if (this.axis === "row") return `${rowAbsolute ? "$" : ""}${top + 1}:${rowAbsolute ? "$" : ""}${bottom + 1}`;
    const a = cell(top, left);
    return top === bottom && left === right ? a : `${a}:${cell(bottom, right)}`;
  }
  get Row(): number {
    this.et.tick("Range.Row");
    return this.box.top + 1;
  }
  get Column(): number {
    this.et.tick("Range.Column");
    return this.box.left + 1;
  }
  get Rows(): { Count: number } {
    this.et.tick("Range.Rows");
    const et = this.et;
    const n = this.box.bottom - this.box.top + 1;
    return {
      get Count() {
        et.tick("Rows.Count");
        return n;
      },
    };
  }
  get Columns(): { Count: number } {
    this.et.tick("Range.Columns");
    const et = this.et;
    const n = this.box.right - this.box.left + 1;
    return {
      get Count() {
        et.tick("Columns.Count");
        return n;
      },
    };
  }

  get Value2(): unknown {
    this.et.tick("Range.Value2");
    const empty = { undefined: undefined, null: null, "empty-string": "" }[this.et.options.emptyAs];
    const values = this.each((cell) => {
      const v = cell?.v;
      if (v === undefined || v === null || v === "") return empty;
      if (typeof v === "string" && cell?.formula && CVERR[v] !== undefined && this.et.options.errorsAs === "code") return CVERR[v];
      return v;
    });
    return this.single() ? values[0][0] : values;
  }
  set Value2(value: unknown) {
    this.et.tick("Range.Value2=");
    const rows = Array.isArray(value) ? (value as unknown[][]) : null;
    this.et.write(this.sheet, this.box, "Value2", value, () => {
      for (let r = this.box.top; r <= this.box.bottom; r++) {
        for (let c = this.box.left; c <= this.box.right; c++) {
          const v = rows ? rows[r - this.box.top]?.[c - this.box.left] : value;
          const cell = this.sheet.ensure(r, c);
          delete cell.formula;
          if (v === null || v === undefined || v === "") delete cell.v;
          else if (typeof v === "string" && v.startsWith("'")) cell.v = v.slice(1);
          else if (typeof v === "string" && v.startsWith("=") && cell.f !== "@") {
            cell.formula = v.slice(1);
            cell.v = null;
          } else cell.v = v as RawValue;
        }
      }
    });
  }

  get Formula(): unknown {
    this.et.tick("Range.Formula");
    const values = this.each((cell) => {
      if (cell?.formula) return `=${cell.formula}`;
      const v = cell?.v;
      if (v === undefined || v === null) return "";
      return typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v);
    });
    return this.single() ? values[0][0] : values;
  }

  get NumberFormat(): string | null {
    this.et.tick("Range.NumberFormat");
    return this.common(this.each((cell) => cell?.f ?? "General"));
  }
  set NumberFormat(format: string | null) {
    this.et.tick("Range.NumberFormat=");
    this.et.write(this.sheet, this.box, "NumberFormat", format, () => {
      this.each((_, r, c) => (this.sheet.ensure(r, c).f = format ?? undefined));
    });
  }

  private mergeOf(row: number, col: number): RangeBox | undefined {
    return this.sheet.merges.find((m) => m.top <= row && row <= m.bottom && m.left <= col && col <= m.right);
  }

  get MergeCells(): boolean | null {
    this.et.tick("Range.MergeCells");
    return this.common(this.each((_, r, c) => this.mergeOf(r, c) !== undefined));
  }
  get MergeArea(): FakeRange {
    this.et.tick("Range.MergeArea");
    const area = this.mergeOf(this.box.top, this.box.left);
    return new FakeRange(this.et, this.sheet, area ?? { top: this.box.top, left: this.box.left, bottom: this.box.top, right: this.box.left });
  }

  get EntireRow(): FakeRange {
    this.et.tick("Range.EntireRow");
    return new FakeRange(this.et, this.sheet, { top: this.box.top, bottom: this.box.bottom, left: 0, right: 16383 }, "row");
  }
  get EntireColumn(): FakeRange {
    this.et.tick("Range.EntireColumn");
    return new FakeRange(this.et, this.sheet, { top: 0, bottom: 1048575, left: this.box.left, right: this.box.right }, "col");
  }
  get Hidden(): boolean | null {
    this.et.tick("Range.Hidden");
    const states: boolean[] = [];
    if (this.axis === "col") for (let c = this.box.left; c <= this.box.right; c++) states.push(this.sheet.hiddenCols.has(c));
    else for (let r = this.box.top; r <= this.box.bottom; r++) states.push(this.sheet.hiddenRows.has(r));
    return states.every((s) => s === states[0]) ? states[0] : null;
  }
  AutoFit(): boolean {
    this.et.tick("Range.AutoFit");
    return true;
  }

  get Interior(): FakeInterior {
    this.et.tick("Range.Interior");
    return new FakeInterior(this.et, this.sheet, this.box);
  }

  get Comment(): FakeComment | null {
    this.et.tick("Range.Comment");
    return this.sheet.at(this.box.top, this.box.left)?.comment ? new FakeComment(this.et, this.sheet, this.box) : null;
  }
  AddComment(text = ""): FakeComment {
    this.et.tick("Range.AddComment");
    const cell = this.sheet.ensure(this.box.top, this.box.left);
    // COM refuses a second comment on a cell.
    if (cell.comment) throw new Error(`${this.sheet.name}!${boxToA1(this.box)} 已有批注`);
    this.et.write(this.sheet, this.box, "AddComment", text, () => {
      cell.comment = { text, author: this.et.options.user };
    });
    return new FakeComment(this.et, this.sheet, this.box);
  }

  Select(): boolean {
    this.et.tick("Range.Select");
    if (this.et.activeSheet !== this.sheet.name) throw new Error("不能选择非活动工作表上的单元格");
    this.et.selection = { sheet: this.sheet.name, address: boxToA1(this.box) };
    return true;
  }

  set ColumnWidth(width: number) {
    this.et.tick("Range.ColumnWidth=");
    this.et.write(this.sheet, this.box, "ColumnWidth", width, () => {
      for (let c = this.box.left; c <= this.box.right; c++) this.sheet.columnWidths.set(c, width);
    });
  }
  set WrapText(wrap: boolean) {
    this.et.tick("Range.WrapText=");
    this.et.write(this.sheet, this.box, "WrapText", wrap, () => this.each((_, r, c) => (this.sheet.ensure(r, c).wrap = wrap)));
  }
  set VerticalAlignment(value: number) {
    this.et.tick("Range.VerticalAlignment=");
    this.et.write(this.sheet, this.box, "VerticalAlignment", value, () => undefined);
  }
  get Font(): { Name: string; Size: number } {
    this.et.tick("Range.Font");
    const et = this.et;
    const sheet = this.sheet;
    const box = this.box;
    const setAll = (patch: { name?: string; size?: number }) =>
      et.write(sheet, box, "Font", patch, () => {
        for (let r = box.top; r <= box.bottom; r++) for (let c = box.left; c <= box.right; c++) sheet.ensure(r, c).font = { ...sheet.ensure(r, c).font, ...patch };
      });
    return {
      get Name() {
        et.tick("Font.Name");
        return sheet.at(box.top, box.left)?.font?.name ?? "宋体";
      },
      set Name(name: string) {
        et.tick("Font.Name=");
        setAll({ name });
      },
      get Size() {
        et.tick("Font.Size");
        return sheet.at(box.top, box.left)?.font?.size ?? 11;
      },
      set Size(size: number) {
        et.tick("Font.Size=");
        setAll({ size });
      },
    };
  }
}

export class FakeInterior {
  constructor(
    private readonly et: FakeEt,
    private readonly sheet: FakeEtSheet,
    private readonly box: RangeBox,
  ) {}
  private get fill(): FakeEtFill | undefined {
    return this.sheet.at(this.box.top, this.box.left)?.fill;
  }
  private update(op: string, value: unknown, change: (fill: FakeEtFill | undefined) => FakeEtFill | undefined): void {
    this.et.write(this.sheet, this.box, op, value, () => {
      for (let r = this.box.top; r <= this.box.bottom; r++) {
        for (let c = this.box.left; c <= this.box.right; c++) {
          const cell = this.sheet.ensure(r, c);
          const next = change(cell.fill ? { ...cell.fill } : undefined);
          if (next) cell.fill = next;
          else delete cell.fill;
        }
      }
    });
  }
  get Color(): number {
    this.et.tick("Interior.Color");
    return this.fill ? this.fill.color : this.et.options.noFillColor;
  }
  set Color(color: number) {
    this.et.tick("Interior.Color=");
    // Setting a colour on No Fill makes the fill solid, as in COM.
    this.update("Interior.Color", color, (fill) => ({ ...(fill ?? { pattern: XL_SOLID }), color }));
  }
  get Pattern(): number {
    this.et.tick("Interior.Pattern");
    return this.fill ? this.fill.pattern : XL_NONE;
  }
  set Pattern(pattern: number) {
    this.et.tick("Interior.Pattern=");
    this.update("Interior.Pattern", pattern, (fill) => (pattern === XL_NONE ? undefined : { ...(fill ?? { color: WHITE }), pattern }));
  }
  get PatternColor(): number {
    this.et.tick("Interior.PatternColor");
    return this.fill?.patternColor ?? 0;
  }
  set PatternColor(color: number) {
    this.et.tick("Interior.PatternColor=");
    this.update("Interior.PatternColor", color, (fill) => ({ ...(fill ?? { pattern: XL_SOLID, color: WHITE }), patternColor: color }));
  }
}

export class FakeComment {
  constructor(
    private readonly et: FakeEt,
    private readonly sheet: FakeEtSheet,
    private readonly box: RangeBox,
  ) {}
  private get model(): { text: string; author: string } {
    const comment = this.sheet.at(this.box.top, this.box.left)?.comment;
    if (!comment) throw new Error("批注已删除");
    return comment;
  }
  Text(text?: string): string {
    this.et.tick("Comment.Text");
    if (text !== undefined) this.et.write(this.sheet, this.box, "Comment.Text", text, () => (this.model.text = text));
    return this.model.text;
  }
  get Author(): string {
    this.et.tick("Comment.Author");
    return this.model.author;
  }
  Delete(): void {
    this.et.tick("Comment.Delete");
    this.et.write(this.sheet, this.box, "Comment.Delete", undefined, () => {
      delete this.sheet.ensure(this.box.top, this.box.left).comment;
    });
  }
}

export class FakeXmlParts {
  constructor(
    private readonly et: FakeEt,
    private readonly namespace: string | null,
  ) {}
  private list(): FakeEt["xmlParts"] {
    return this.et.xmlParts.filter((p) => this.namespace === null || p.namespace === this.namespace);
  }
  get Count(): number {
    this.et.tick("CustomXMLParts.Count");
    return this.list().length;
  }
  Item(index: number): { XML: string; Delete(): void } {
    this.et.tick("CustomXMLParts.Item");
    const part = this.list()[index - 1];
    if (!part) throw new Error(`下标越界：${index}`);
    const et = this.et;
    return {
      get XML() {
        et.tick("CustomXMLPart.XML");
        return part.xml;
      },
      Delete() {
        et.tick("CustomXMLPart.Delete");
        et.xmlParts = et.xmlParts.filter((p) => p !== part);
      },
    };
  }
  Add(xml = ""): { XML: string; Delete(): void } {
    this.et.tick("CustomXMLParts.Add");
    const namespace = /xmlns="([^"]*)"/.exec(xml)?.[1] ?? "";
    const part = { namespace, xml };
    this.et.xmlParts.push(part);
    return { XML: xml, Delete: () => (this.et.xmlParts = this.et.xmlParts.filter((p) => p !== part)) };
  }
  SelectByNamespace(namespace: string): FakeXmlParts {
    this.et.tick("CustomXMLParts.SelectByNamespace");
    return new FakeXmlParts(this.et, namespace);
  }
}

/** A fake WPS holding a workbook snapshot cell for cell (values, formulas, formats, merges, hidden rows/cols, protection). */
export function fakeEtFromSnapshot(snapshot: WorkbookSnapshot, options: FakeEtOptions = {}): FakeEt {
  const et = new FakeEt(options);
  if (snapshot.fileName) et.fileName = snapshot.fileName;
  for (const s of snapshot.sheets) {
    const sheet = et.addSheet(s.name);
    s.cells.forEach((row, r) =>
      row?.forEach((c, col) => {
        if (!c) return;
        const cell = sheet.ensure(r, col);
        cell.v = c.v;
        if (c.f) cell.f = c.f;
        if (c.formula) cell.formula = c.formula;
      }),
    );
    sheet.merges = s.merges.map((m) => ({ ...m }));
    for (const r of s.hiddenRows) sheet.hiddenRows.add(r);
    for (const c of s.hiddenCols) sheet.hiddenCols.add(c);
    if (s.hidden) sheet.visible = 0;
    if (s.protected) sheet.protected = true;
  }
  return et;
}

/** The port's view of the fake application. */
export function appOf(et: FakeEt): import("../../src/wps/et").EtApplication {
  return et.app as unknown as import("../../src/wps/et").EtApplication;
}
