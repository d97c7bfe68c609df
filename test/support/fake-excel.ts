/**
 * A hand-written fake of the slice of the Excel JavaScript object model that src/excel uses,
 * strict about the proxy rules that make real add-ins fail:
 *   - reading a property that was not load()ed and then sync()ed throws PropertyNotLoaded;
 *   - ClientResult.value is readable only after the sync;
 *   - queued writes and method calls take effect only at sync, in order; the first failing action
 *     rejects the sync, later actions are dropped, earlier ones stay applied, loads are not delivered;
 *   - protected sheets refuse every write (AccessDenied);
 *   - APIs newer than the simulated host's requirement set fail at sync (ApiNotFound);
 *   - Excel on the web quirks: No Fill reads back as "#FFFFFF", notes may be refused although 1.18 is
 *     reported, a response above 5 MB fails, a range above the cell limit returns null values.
 * It counts syncs (and which ones wrote), records every write, and fires onChanged events.
 */
import { qualify } from "../../src/domain/address";
import { a1ToBox, boxToA1, fromA1, type RangeBox, type RawValue } from "../../src/domain/grid";

export class FakeRichApiError extends Error {
  override name = "RichApi.Error";
  constructor(
    readonly code: string,
    message: string,
    readonly debugInfo: { errorLocation?: string } = {},
  ) {
    super(message);
  }
}

function notLoaded(owner: string, property: string): FakeRichApiError {
  return new FakeRichApiError(
    "PropertyNotLoaded",
    `The property '${property}' of ${owner} is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

export interface FakeFill {
  pattern: string;
  color: string;
  patternColor?: string;
}

export interface FakeCell {
  v?: RawValue;
  /** displayed text; defaults to String(v) */
  t?: string;
  /** number format; defaults to "General" */
  f?: string;
  /** formula without "=" */
  formula?: string;
  fill?: FakeFill;
  font?: { name?: string; size?: number };
  wrap?: boolean;
  verticalAlignment?: string;
}

export const NO_FILL: FakeFill = { pattern: "None", color: "#FFFFFF" };

const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

export class FakeSheetModel {
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  protected = false;
  readonly cells = new Map<string, FakeCell>();
  merges: RangeBox[] = [];
  readonly hiddenRows = new Set<number>();
  readonly hiddenCols = new Set<number>();
  readonly columnWidths = new Map<number, number>();

  constructor(
    public name: string,
    readonly id: string,
  ) {}

  cell(row: number, col: number): FakeCell | undefined {
    return this.cells.get(`${row},${col}`);
  }

  ensure(row: number, col: number): FakeCell {
    const key = `${row},${col}`;
    let cell = this.cells.get(key);
    if (!cell) {
      cell = {};
      this.cells.set(key, cell);
    }
    return cell;
  }

  /** Set cells from { "B3": 12.5, "A1": { v: "标题", f: "@" } }. */
  set(cells: Record<string, RawValue | FakeCell>): this {
    for (const [address, spec] of Object.entries(cells)) {
      const { row, col } = fromA1(address);
      const target = this.ensure(row, col);
      if (spec !== null && typeof spec === "object") Object.assign(target, spec);
      else target.v = spec;
    }
    return this;
  }

  fillAt(address: string): FakeFill {
    const { row, col } = fromA1(address);
    return { ...(this.cell(row, col)?.fill ?? NO_FILL) };
  }

  /** The used range, of the whole sheet or within `within` (Range.getUsedRange). */
  usedBox(valuesOnly: boolean, within?: RangeBox): RangeBox | null {
    let box: RangeBox | null = null;
    for (const [key, cell] of this.cells) {
      const hasValue = (cell.v !== undefined && cell.v !== null && cell.v !== "") || !!cell.formula;
      const hasFormat = !!cell.fill || !!cell.f || !!cell.font || !!cell.wrap;
      if (!hasValue && (valuesOnly || !hasFormat)) continue;
      const [row, col] = key.split(",").map(Number);
      if (within && (row < within.top || row > within.bottom || col < within.left || col > within.right)) continue;
      if (!box) box = { top: row, left: col, bottom: row, right: col };
      else {
        box.top = Math.min(box.top, row);
        box.left = Math.min(box.left, col);
        box.bottom = Math.max(box.bottom, row);
        box.right = Math.max(box.right, col);
      }
    }
    return box;
  }
}

export interface FakeNoteModel {
  sheet: FakeSheetModel;
  address: string;
  content: string;
  author: string;
}

export interface FakeCommentModel {
  id: string;
  sheet: FakeSheetModel;
  address: string;
  content: string;
  author: string;
}

export interface FakeExcelOptions {
  /** highest ExcelApi 1.x minor version the host supports (default 18 → ExcelApi 1.18) */
  apiVersion?: number;
  /** Excel on the web refusing notes although 1.18 is reported: "add" fails adding, "all" fails any notes call */
  notesRefused?: "add" | "all";
  /** cells above which a range read returns null values (every platform: 5 million) */
  maxCellsPerRangeRead?: number;
  /** response size limit per sync (Excel on the web: 5 MB) */
  maxResponseBytes?: number;
  /** getRanges address lists longer than this fail (office-js #5198) */
  maxRangesAddressLength?: number;
  /** who notes/comments are attributed to */
  user?: string;
}

export interface WriteRecord {
  op: string;
  sheet?: string;
  address?: string;
  value?: unknown;
}

export interface SyncRecord {
  /** actions that only read */
  reads: number;
  /** actions that changed the workbook */
  writes: number;
  failed: boolean;
}

interface Action {
  kind: "read" | "write";
  run: () => void;
}

type ChangedHandler = (args: Record<string, unknown>) => Promise<unknown> | void;

export class FakeContext {
  queue: Action[] = [];
  private staged: (() => void)[] = [];
  private stagedBytes = 0;
  readonly workbook: FakeWorkbook;

  constructor(readonly excel: FakeExcel) {
    this.workbook = new FakeWorkbook(this);
  }

  enqueue(kind: Action["kind"], run: () => void): void {
    this.queue.push({ kind, run });
  }

  /** Deliver loaded data when (and only if) the sync succeeds. */
  stage(apply: () => void, payload: unknown): void {
    this.staged.push(apply);
    this.stagedBytes += payload === undefined ? 0 : (JSON.stringify(payload) ?? "").length;
  }

  requireApi(minor: number, api: string): void {
    if (minor > this.excel.apiVersion) throw new FakeRichApiError("ApiNotFound", `${api} needs ExcelApi 1.${minor}`, { errorLocation: api });
  }

  async sync(): Promise<void> {
    const excel = this.excel;
    const number = ++excel.syncCount;
    const queue = this.queue;
    this.queue = [];
    if (excel.hangOnSync === number) return new Promise<void>(() => undefined);
    await Promise.resolve();
    if (excel.syncDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, excel.syncDelayMs));
    this.staged = [];
    this.stagedBytes = 0;
    const record: SyncRecord = { reads: 0, writes: 0, failed: false };
    excel.syncs.push(record);
    try {
      for (const action of queue) {
        action.run();
        if (action.kind === "write") record.writes++;
        else record.reads++;
      }
      if (this.stagedBytes > excel.maxResponseBytes) {
        throw new FakeRichApiError("ResponsePayloadSizeLimitExceeded", `response of ${this.stagedBytes} bytes exceeds ${excel.maxResponseBytes}`);
      }
    } catch (error) {
      record.failed = true;
      this.staged = [];
      throw error;
    }
    const staged = this.staged;
    this.staged = [];
    for (const apply of staged) apply();
    excel.flushAddinEvents();
  }

  /** Office.js lets a batch finish with queued work; here it is a bug in the code under test. */
  assertDrained(): void {
    if (this.queue.length > 0) throw new Error(`fake-excel: Excel.run finished with ${this.queue.length} queued action(s) never synced`);
  }
}

/** Base of every proxy: properties readable only once loaded and synced. */
abstract class FakeObject<M> {
  private readonly loaded = new Map<string, unknown>();
  private nullState: boolean | undefined;

  constructor(
    protected readonly ctx: FakeContext,
    protected readonly resolve: () => M | null,
    protected readonly label: string,
    protected readonly nullable = false,
  ) {}

  get context(): FakeContext {
    return this.ctx;
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw notLoaded(this.label, "isNullObject");
    return this.nullState;
  }

  load(spec?: string | string[]): this {
    const paths = (Array.isArray(spec) ? spec : (spec ?? "").split(","))
      .map((p) => p.trim())
      .filter(Boolean);
    if (paths.length === 0) throw new Error(`fake-excel: load() on ${this.label} without property names`);
    this.ctx.enqueue("read", () => this.performLoad(paths));
    return this;
  }

  /** Runs at sync time. */
  performLoad(paths: string[]): void {
    const model = this.resolve();
    if (model === null) {
      if (!this.nullable) throw new FakeRichApiError("ItemNotFound", `${this.label} not found`, { errorLocation: this.label });
      this.ctx.stage(() => {
        this.nullState = true;
      }, null);
      return;
    }
    const scalars: [string, unknown][] = [];
    const navigation = new Map<string, string[]>();
    for (const path of paths) {
      const [head, ...rest] = path.split("/");
      if (rest.length > 0) navigation.set(head, [...(navigation.get(head) ?? []), rest.join("/")]);
      else scalars.push([head, this.readScalar(model, head)]);
    }
    this.ctx.stage(
      () => {
        this.nullState = false;
        for (const [name, value] of scalars) this.loaded.set(name, value);
      },
      scalars.map(([, v]) => v),
    );
    for (const [head, rest] of navigation) this.navigate(head).performLoad(rest);
  }

  protected prop<T>(name: string): T {
    if (!this.loaded.has(name)) throw notLoaded(this.label, name);
    return this.loaded.get(name) as T;
  }

  protected model(): M {
    const model = this.resolve();
    if (model === null) throw new FakeRichApiError("ItemNotFound", `${this.label} not found`, { errorLocation: this.label });
    return model;
  }

  protected readScalar(_model: M, name: string): unknown {
    throw new Error(`fake-excel: ${this.label}.${name} cannot be loaded in this fake`);
  }

  protected navigate(name: string): FakeObject<unknown> {
    throw new Error(`fake-excel: ${this.label}.${name} is not a navigation property in this fake`);
  }
}

export class FakeClientResult<T> {
  private has = false;
  private result: T | undefined;

  set(value: T): void {
    this.has = true;
    this.result = value;
  }

  get value(): T {
    if (!this.has) throw notLoaded("ClientResult", "value");
    return this.result as T;
  }
}

/** A collection whose items are proxies created at load time. */
abstract class FakeCollection<M, P extends FakeObject<M>> extends FakeObject<M[]> {
  private itemProxies: P[] | undefined;

  get items(): P[] {
    if (!this.itemProxies) throw notLoaded(this.label, "items");
    return this.itemProxies;
  }

  override performLoad(paths: string[]): void {
    const models = this.model();
    const itemPaths = paths.filter((p) => p.startsWith("items/")).map((p) => p.slice("items/".length));
    const proxies = models.map((m) => this.itemProxy(m));
    if (itemPaths.length > 0) for (const proxy of proxies) proxy.performLoad(itemPaths);
    this.ctx.stage(() => {
      this.itemProxies = proxies;
    }, null);
  }

  protected abstract itemProxy(model: M): P;
}

// ---------------------------------------------------------------- workbook

export class FakeWorkbook extends FakeObject<FakeExcel> {
  readonly worksheets: FakeWorksheetCollection;
  readonly settings: FakeSettingCollection;
  readonly notes: FakeNoteCollection;
  readonly comments: FakeCommentCollection;
  readonly application: { suspendApiCalculationUntilNextSync: () => void };

  constructor(ctx: FakeContext) {
    super(ctx, () => ctx.excel, "Workbook");
    this.application = {
      suspendApiCalculationUntilNextSync: () =>
        ctx.enqueue("read", () => {
          ctx.requireApi(6, "Application.suspendApiCalculationUntilNextSync");
          ctx.excel.calculationSuspended++;
        }),
    };
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.settings = new FakeSettingCollection(ctx);
    this.notes = new FakeNoteCollection(ctx, null);
    this.comments = new FakeCommentCollection(ctx);
  }

  get name(): string {
    return this.prop("name");
  }

  protected override readScalar(model: FakeExcel, name: string): unknown {
    if (name === "name") return model.fileName;
    return super.readScalar(model, name);
  }
}

export class FakeWorksheetCollection extends FakeCollection<FakeSheetModel, FakeWorksheet> {
  readonly onChanged: { add: (handler: ChangedHandler) => { context: FakeContext; remove: () => void } };

  constructor(ctx: FakeContext) {
    super(ctx, () => ctx.excel.sheets, "WorksheetCollection");
    this.onChanged = {
      add: (handler) => {
        ctx.enqueue("read", () => {
          ctx.requireApi(9, "WorksheetCollection.onChanged");
          ctx.excel.handlers.add(handler);
        });
        return {
          context: ctx,
          remove: () => ctx.enqueue("read", () => ctx.excel.handlers.delete(handler)),
        };
      },
    };
  }

  protected itemProxy(model: FakeSheetModel): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => (this.ctx.excel.sheets.includes(model) ? model : null), `Worksheet '${model.name}'`);
  }

  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.excel.sheet(name) ?? null, `Worksheet '${name}'`);
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.excel.sheet(name) ?? null, `Worksheet '${name}'`, true);
  }

  add(name: string): FakeWorksheet {
    this.ctx.enqueue("write", () => {
      if (this.ctx.excel.sheet(name)) throw new FakeRichApiError("ItemAlreadyExists", `sheet ${name} exists`);
      this.ctx.excel.addSheet(name);
      this.ctx.excel.record({ op: "sheet.add", sheet: name });
    });
    return this.getItem(name);
  }
}

export class FakeWorksheet extends FakeObject<FakeSheetModel> {
  get name(): string {
    return this.prop("name");
  }
  get id(): string {
    return this.prop("id");
  }
  get visibility(): string {
    return this.prop("visibility");
  }
  get position(): number {
    return this.prop("position");
  }
  get protection(): FakeProtection {
    return this.protectionProxy;
  }
  get notes(): FakeNoteCollection {
    return new FakeNoteCollection(this.ctx, this);
  }

  private readonly protectionProxy = new FakeProtection(this.ctx, () => this.resolve(), `${this.label}.protection`);

  sheetModel(): FakeSheetModel {
    return this.model();
  }

  protected override readScalar(model: FakeSheetModel, name: string): unknown {
    switch (name) {
      case "name":
        return model.name;
      case "id":
        return model.id;
      case "visibility":
        return model.visibility;
      case "position":
        return this.ctx.excel.sheets.indexOf(model);
      default:
        return super.readScalar(model, name);
    }
  }

  protected override navigate(name: string): FakeObject<unknown> {
    if (name === "protection") return this.protectionProxy as FakeObject<unknown>;
    return super.navigate(name);
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(this.ctx, this, () => (address ? parseRef(address) : { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 }), address ?? "(sheet)");
  }

  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    return new FakeRange(this.ctx, this, () => ({ top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 }), `R${row}C${col}+${rows}x${cols}`);
  }

  getRanges(address: string): FakeRangeAreas {
    return new FakeRangeAreas(this.ctx, this, address);
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.ctx, this, () => this.model().usedBox(valuesOnly === true), "usedRange", true);
  }

  activate(): void {
    this.ctx.enqueue("read", () => {
      this.ctx.excel.activeSheet = this.model().name;
    });
  }
}

export class FakeProtection extends FakeObject<FakeSheetModel> {
  get protected(): boolean {
    return this.prop("protected");
  }
  protected override readScalar(model: FakeSheetModel, name: string): unknown {
    if (name === "protected") return model.protected;
    return super.readScalar(model, name);
  }
}

// ---------------------------------------------------------------- ranges

function parseRef(address: string): RangeBox {
  return a1ToBox(address.replace(/\$/g, ""));
}

function boxCells(box: RangeBox): number {
  return (box.bottom - box.top + 1) * (box.right - box.left + 1);
}

function writable(ctx: FakeContext, sheet: FakeSheetModel, what: string): void {
  if (sheet.protected) throw new FakeRichApiError("AccessDenied", `${what}: sheet '${sheet.name}' is protected`, { errorLocation: what });
}

/** Fill writes shared by Range and RangeAreas: applied per cell at sync. */
class FakeFillProxy {
  constructor(
    private readonly ctx: FakeContext,
    private readonly target: () => { sheet: FakeSheetModel; boxes: RangeBox[] },
    private readonly label: string,
  ) {}

  private apply(op: string, value: unknown, change: (fill: FakeFill) => FakeFill): void {
    this.ctx.enqueue("write", () => {
      const { sheet, boxes } = this.target();
      writable(this.ctx, sheet, `${this.label}.${op}`);
      for (const box of boxes) {
        for (let r = box.top; r <= box.bottom; r++) {
          for (let c = box.left; c <= box.right; c++) {
            const cell = sheet.ensure(r, c);
            const next = change(cell.fill ?? NO_FILL);
            cell.fill = next.pattern === "None" ? undefined : next;
          }
        }
      }
      // One record per API call (a RangeAreas call covers many cells).
      this.ctx.excel.record({ op: `fill.${op}`, sheet: sheet.name, address: boxes.map(boxToA1).join(","), value });
    });
  }

  set color(color: string) {
    this.apply("color", color, (fill) => ({ ...fill, pattern: fill.pattern === "None" ? "Solid" : fill.pattern, color: color.toUpperCase() }));
  }
  get color(): string {
    throw notLoaded(this.label, "color");
  }
  set pattern(pattern: string) {
    this.apply("pattern", pattern, (fill) => (pattern === "None" ? { ...NO_FILL } : { ...fill, pattern }));
  }
  get pattern(): string {
    throw notLoaded(this.label, "pattern");
  }
  set patternColor(color: string) {
    this.apply("patternColor", color, (fill) => ({ ...fill, patternColor: color.toUpperCase() }));
  }
  get patternColor(): string {
    throw notLoaded(this.label, "patternColor");
  }
  clear(): void {
    this.apply("clear", undefined, () => ({ ...NO_FILL }));
  }
}

class FakeRangeFormat {
  readonly fill: FakeFillProxy;
  readonly font: { name: string; size: number };

  constructor(
    private readonly ctx: FakeContext,
    private readonly target: () => { sheet: FakeSheetModel; boxes: RangeBox[] },
    private readonly label: string,
  ) {
    this.fill = new FakeFillProxy(ctx, target, `${label}.format.fill`);
    const font = (key: "name" | "size", value: string | number) =>
      this.each(`font.${key}`, value, (cell) => {
        cell.font = { ...cell.font, [key]: value };
      });
    this.font = {
      set name(value: string) {
        font("name", value);
      },
      get name(): string {
        throw notLoaded(`${label}.format.font`, "name");
      },
      set size(value: number) {
        font("size", value);
      },
      get size(): number {
        throw notLoaded(`${label}.format.font`, "size");
      },
    };
  }

  private each(op: string, value: unknown, change: (cell: FakeCell) => void): void {
    this.ctx.enqueue("write", () => {
      const { sheet, boxes } = this.target();
      writable(this.ctx, sheet, `${this.label}.format.${op}`);
      for (const box of boxes) {
        for (let r = box.top; r <= box.bottom; r++) for (let c = box.left; c <= box.right; c++) change(sheet.ensure(r, c));
      }
      this.ctx.excel.record({ op: `format.${op}`, sheet: sheet.name, address: boxes.map(boxToA1).join(","), value });
    });
  }

  set wrapText(value: boolean) {
    this.each("wrapText", value, (cell) => {
      cell.wrap = value;
    });
  }
  set verticalAlignment(value: string) {
    this.each("verticalAlignment", value, (cell) => {
      cell.verticalAlignment = value;
    });
  }
  set columnWidth(value: number) {
    this.ctx.enqueue("write", () => {
      const { sheet, boxes } = this.target();
      writable(this.ctx, sheet, `${this.label}.format.columnWidth`);
      for (const box of boxes) for (let c = box.left; c <= box.right; c++) sheet.columnWidths.set(c, value);
      this.ctx.excel.record({ op: "format.columnWidth", sheet: sheet.name, value });
    });
  }
  autofitRows(): void {
    this.ctx.enqueue("write", () => {
      const { sheet } = this.target();
      writable(this.ctx, sheet, `${this.label}.format.autofitRows`);
      this.ctx.excel.record({ op: "format.autofitRows", sheet: sheet.name });
    });
  }
}

export class FakeRange extends FakeObject<RangeBox> {
  readonly format: FakeRangeFormat;

  constructor(
    ctx: FakeContext,
    private readonly worksheet: FakeWorksheet,
    box: () => RangeBox | null,
    label: string,
    nullable = false,
  ) {
    super(ctx, box, `Range ${label}`, nullable);
    this.format = new FakeRangeFormat(ctx, () => ({ sheet: this.worksheet.sheetModel(), boxes: [this.model()] }), this.label);
  }

  /** The used part of this range (ExcelApi 1.4), a null object when it holds nothing. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.ctx, this.worksheet, () => this.worksheet.sheetModel().usedBox(valuesOnly === true, this.model()), `${this.label}.usedRange`, true);
  }

  get values(): unknown[][] | null {
    return this.prop("values");
  }
  set values(values: unknown[][] | null) {
    this.writeCells("values", values);
  }
  get text(): string[][] | null {
    return this.prop("text");
  }
  get numberFormat(): string[][] | null {
    return this.prop("numberFormat");
  }
  set numberFormat(formats: string[][] | null) {
    this.writeCells("numberFormat", formats);
  }
  get formulas(): unknown[][] | null {
    return this.prop("formulas");
  }
  set formulas(formulas: unknown[][] | null) {
    this.writeCells("formulas", formulas);
  }
  get address(): string {
    return this.prop("address");
  }
  get rowIndex(): number {
    return this.prop("rowIndex");
  }
  get columnIndex(): number {
    return this.prop("columnIndex");
  }
  get rowCount(): number {
    return this.prop("rowCount");
  }
  get columnCount(): number {
    return this.prop("columnCount");
  }

  private grid<T>(box: RangeBox, read: (cell: FakeCell | undefined) => T): T[][] | null {
    if (boxCells(box) > this.ctx.excel.maxCellsPerRangeRead) return null;
    const sheet = this.worksheet.sheetModel();
    const rows: T[][] = [];
    for (let r = box.top; r <= box.bottom; r++) {
      const row: T[] = [];
      for (let c = box.left; c <= box.right; c++) row.push(read(sheet.cell(r, c)));
      rows.push(row);
    }
    return rows;
  }

  protected override readScalar(box: RangeBox, name: string): unknown {
    switch (name) {
      case "values":
        return this.grid(box, (c) => c?.v ?? "");
      case "text":
        return this.grid(box, (c) => c?.t ?? (c?.v === undefined || c.v === null ? "" : String(c.v)));
      case "numberFormat":
        return this.grid(box, (c) => c?.f ?? "General");
      case "formulas":
        return this.grid(box, (c) => (c?.formula ? `=${c.formula}` : (c?.v ?? "")));
      case "address":
        return qualify(this.worksheet.sheetModel().name, boxToA1(box));
      case "rowIndex":
        return box.top;
      case "columnIndex":
        return box.left;
      case "rowCount":
        return box.bottom - box.top + 1;
      case "columnCount":
        return box.right - box.left + 1;
      default:
        return super.readScalar(box, name);
    }
  }

  private writeCells(kind: "values" | "numberFormat" | "formulas", data: unknown[][] | null): void {
    this.ctx.enqueue("write", () => {
      const sheet = this.worksheet.sheetModel();
      const box = this.model();
      writable(this.ctx, sheet, `Range.${kind}`);
      if (!data) throw new FakeRichApiError("InvalidArgument", `${kind} must be a 2D array`);
      for (let r = box.top; r <= box.bottom; r++) {
        for (let c = box.left; c <= box.right; c++) {
          const value = data[r - box.top]?.[c - box.left];
          const cell = sheet.ensure(r, c);
          if (kind === "numberFormat") cell.f = String(value);
          else if (kind === "formulas" || (typeof value === "string" && value.startsWith("=") && cell.f !== "@")) {
            cell.formula = String(value).replace(/^=/, "");
            cell.v = 0;
          } else {
            cell.v = typeof value === "string" && value.startsWith("'") ? value.slice(1) : (value as RawValue);
            cell.t = undefined;
            cell.formula = undefined;
          }
        }
      }
      this.ctx.excel.record({ op: kind, sheet: sheet.name, address: boxToA1(box), value: data });
      if (kind !== "numberFormat") {
        const single = box.top === box.bottom && box.left === box.right;
        this.ctx.excel.queueAddinEvent(sheet, boxToA1(box), single ? sheet.cell(box.top, box.left)?.v : undefined);
      }
    });
  }

  getCellProperties(options: { format?: { fill?: { color?: boolean; pattern?: boolean; patternColor?: boolean } } }): FakeClientResult<unknown[][]> {
    const result = new FakeClientResult<unknown[][]>();
    this.ctx.enqueue("read", () => {
      this.ctx.requireApi(9, "Range.getCellProperties");
      const want = options.format?.fill ?? {};
      const value = this.grid(this.model(), (cell) => {
        const fill = cell?.fill ?? NO_FILL;
        const out: Record<string, unknown> = {};
        // Excel reports No Fill as white: the pattern is the only way to tell them apart.
        if (want.color) out.color = fill.pattern === "None" ? "#FFFFFF" : fill.color;
        if (want.pattern) out.pattern = fill.pattern;
        if (want.patternColor) out.patternColor = fill.patternColor ?? "#000000";
        return { format: { fill: out } };
      });
      this.ctx.stage(() => result.set(value ?? []), value);
    });
    return result;
  }

  getRowProperties(options: { rowHidden?: boolean; rowIndex?: boolean }): FakeClientResult<{ rowIndex?: number; rowHidden?: boolean }[]> {
    const result = new FakeClientResult<{ rowIndex?: number; rowHidden?: boolean }[]>();
    this.ctx.enqueue("read", () => {
      this.ctx.requireApi(9, "Range.getRowProperties");
      const box = this.model();
      const sheet = this.worksheet.sheetModel();
      const value: { rowIndex?: number; rowHidden?: boolean }[] = [];
      for (let r = box.top; r <= box.bottom; r++) {
        const p: { rowIndex?: number; rowHidden?: boolean } = {};
        if (options.rowIndex) p.rowIndex = r;
        if (options.rowHidden) p.rowHidden = sheet.hiddenRows.has(r);
        value.push(p);
      }
      this.ctx.stage(() => result.set(value), value);
    });
    return result;
  }

  getColumnProperties(options: { columnHidden?: boolean; columnIndex?: boolean }): FakeClientResult<{ columnIndex?: number; columnHidden?: boolean }[]> {
    const result = new FakeClientResult<{ columnIndex?: number; columnHidden?: boolean }[]>();
    this.ctx.enqueue("read", () => {
      this.ctx.requireApi(9, "Range.getColumnProperties");
      const box = this.model();
      const sheet = this.worksheet.sheetModel();
      const value: { columnIndex?: number; columnHidden?: boolean }[] = [];
      for (let c = box.left; c <= box.right; c++) {
        const p: { columnIndex?: number; columnHidden?: boolean } = {};
        if (options.columnIndex) p.columnIndex = c;
        if (options.columnHidden) p.columnHidden = sheet.hiddenCols.has(c);
        value.push(p);
      }
      this.ctx.stage(() => result.set(value), value);
    });
    return result;
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    const areas = new FakeRangeAreas(this.ctx, this.worksheet, () => {
      this.ctx.requireApi(13, "Range.getMergedAreasOrNullObject");
      const box = this.model();
      const inside = this.worksheet.sheetModel().merges.filter((m) => m.top <= box.bottom && m.bottom >= box.top && m.left <= box.right && m.right >= box.left);
      return inside.length > 0 ? inside : null;
    });
    return areas;
  }

  /** Sheet and single-cell address, for comments.add(range, …). Runs at sync time. */
  location(): { sheet: FakeSheetModel; address: string } {
    const box = this.model();
    if (box.top !== box.bottom || box.left !== box.right) throw new FakeRichApiError("InvalidCellAddress", "not a single cell");
    return { sheet: this.worksheet.sheetModel(), address: boxToA1(box) };
  }

  select(): void {
    this.ctx.enqueue("read", () => {
      this.ctx.excel.selection = { sheet: this.worksheet.sheetModel().name, address: boxToA1(this.model()) };
    });
  }

  clear(): void {
    this.ctx.enqueue("write", () => {
      const sheet = this.worksheet.sheetModel();
      const box = this.model();
      writable(this.ctx, sheet, "Range.clear");
      for (const key of [...sheet.cells.keys()]) {
        const [r, c] = key.split(",").map(Number);
        if (r >= box.top && r <= box.bottom && c >= box.left && c <= box.right) sheet.cells.delete(key);
      }
      this.ctx.excel.record({ op: "clear", sheet: sheet.name, address: boxToA1(box) });
    });
  }
}

export class FakeRangeAreas extends FakeObject<RangeBox[]> {
  readonly format: FakeRangeFormat;

  constructor(
    ctx: FakeContext,
    private readonly worksheet: FakeWorksheet,
    source: string | (() => RangeBox[] | null),
  ) {
    const resolve =
      typeof source === "string"
        ? () => {
            ctx.requireApi(9, "Worksheet.getRanges");
            if (source.length > ctx.excel.maxRangesAddressLength) {
              throw new FakeRichApiError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.", { errorLocation: "Worksheet.getRanges" });
            }
            return source.split(",").map((a) => parseRef(a.trim()));
          }
        : source;
    super(ctx, resolve, `RangeAreas ${typeof source === "string" ? source : "(merged)"}`, typeof source !== "string");
    this.format = new FakeRangeFormat(ctx, () => ({ sheet: this.worksheet.sheetModel(), boxes: this.model() }), this.label);
  }

  get address(): string {
    return this.prop("address");
  }

  protected override readScalar(boxes: RangeBox[], name: string): unknown {
    if (name === "address") {
      const sheet = this.worksheet.sheetModel().name;
      return boxes.map((b) => qualify(sheet, boxToA1(b))).join(", ");
    }
    return super.readScalar(boxes, name);
  }
}

// ---------------------------------------------------------------- settings, notes, comments

export class FakeSettingCollection extends FakeObject<Map<string, unknown>> {
  constructor(ctx: FakeContext) {
    super(ctx, () => ctx.excel.settings, "SettingCollection");
  }

  getItemOrNullObject(key: string): FakeSetting {
    return new FakeSetting(this.ctx, key);
  }

  add(key: string, value: unknown): FakeSetting {
    this.ctx.enqueue("write", () => {
      this.ctx.excel.settings.set(key, JSON.parse(JSON.stringify(value)));
      this.ctx.excel.record({ op: "setting.add", value: key });
    });
    return new FakeSetting(this.ctx, key);
  }
}

export class FakeSetting extends FakeObject<{ key: string; value: unknown }> {
  constructor(
    ctx: FakeContext,
    private readonly key: string,
  ) {
    super(ctx, () => (ctx.excel.settings.has(key) ? { key, value: ctx.excel.settings.get(key) } : null), `Setting '${key}'`, true);
  }

  get value(): unknown {
    return this.prop("value");
  }

  protected override readScalar(model: { key: string; value: unknown }, name: string): unknown {
    if (name === "value") return model.value;
    if (name === "key") return model.key;
    return super.readScalar(model, name);
  }

  delete(): void {
    this.ctx.enqueue("write", () => {
      if (!this.ctx.excel.settings.delete(this.key)) throw new FakeRichApiError("ItemNotFound", `setting ${this.key}`);
      this.ctx.excel.record({ op: "setting.delete", value: this.key });
    });
  }
}

function notesCall(ctx: FakeContext, api: string, adding: boolean): void {
  ctx.requireApi(18, api);
  const refused = ctx.excel.notesRefused;
  if (refused === "all" || (refused === "add" && adding)) {
    throw new FakeRichApiError("GeneralException", "An internal error has occurred while processing the request.", { errorLocation: api });
  }
}

export class FakeNoteCollection extends FakeCollection<FakeNoteModel, FakeNote> {
  constructor(
    ctx: FakeContext,
    private readonly worksheet: FakeWorksheet | null,
  ) {
    super(
      ctx,
      () => {
        notesCall(ctx, "NoteCollection.load", false);
        const sheet = worksheet?.sheetModel();
        return ctx.excel.notes.filter((n) => !sheet || n.sheet === sheet);
      },
      worksheet ? "Worksheet.notes" : "Workbook.notes",
    );
  }

  protected itemProxy(model: FakeNoteModel): FakeNote {
    return new FakeNote(this.ctx, () => (this.ctx.excel.notes.includes(model) ? model : null), "Note");
  }

  getItemOrNullObject(address: string): FakeNote {
    const worksheet = this.requireSheet();
    return new FakeNote(
      this.ctx,
      () => {
        notesCall(this.ctx, "NoteCollection.getItemOrNullObject", false);
        const sheet = worksheet.sheetModel();
        const key = address.replace(/\$/g, "").toUpperCase();
        return this.ctx.excel.notes.find((n) => n.sheet === sheet && n.address === key) ?? null;
      },
      `Note ${address}`,
      true,
    );
  }

  add(address: string, content: string): FakeNote {
    const worksheet = this.requireSheet();
    const key = address.replace(/\$/g, "").toUpperCase();
    this.ctx.enqueue("write", () => {
      notesCall(this.ctx, "NoteCollection.add", true);
      const sheet = worksheet.sheetModel();
      writable(this.ctx, sheet, "NoteCollection.add");
      this.ctx.excel.assertCellFree(sheet, key, "NoteCollection.add");
      this.ctx.excel.notes.push({ sheet, address: key, content, author: this.ctx.excel.user });
      this.ctx.excel.record({ op: "note.add", sheet: sheet.name, address: key, value: content });
    });
    return new FakeNote(this.ctx, () => this.ctx.excel.notes.find((n) => n.sheet.name === worksheet.sheetModel().name && n.address === key) ?? null, `Note ${key}`);
  }

  private requireSheet(): FakeWorksheet {
    if (!this.worksheet) throw new Error("fake-excel: use worksheet.notes for cell addresses");
    return this.worksheet;
  }
}

export class FakeNote extends FakeObject<FakeNoteModel> {
  get content(): string {
    return this.prop("content");
  }
  get authorName(): string {
    return this.prop("authorName");
  }

  protected override readScalar(model: FakeNoteModel, name: string): unknown {
    if (name === "content") return model.content;
    if (name === "authorName") return model.author;
    return super.readScalar(model, name);
  }

  delete(): void {
    this.ctx.enqueue("write", () => {
      notesCall(this.ctx, "Note.delete", false);
      const note = this.model();
      writable(this.ctx, note.sheet, "Note.delete");
      this.ctx.excel.notes = this.ctx.excel.notes.filter((n) => n !== note);
      this.ctx.excel.record({ op: "note.delete", sheet: note.sheet.name, address: note.address });
    });
  }

  getLocation(): FakeRange {
    const sheetName = () => this.model().sheet.name;
    const worksheet = new FakeWorksheet(this.ctx, () => this.ctx.excel.sheet(sheetName()) ?? null, "Worksheet (note)");
    return new FakeRange(this.ctx, worksheet, () => parseRef(this.model().address), "note location");
  }
}

export class FakeCommentCollection extends FakeCollection<FakeCommentModel, FakeComment> {
  constructor(ctx: FakeContext) {
    super(
      ctx,
      () => {
        ctx.requireApi(10, "CommentCollection.load");
        return ctx.excel.comments;
      },
      "Workbook.comments",
    );
  }

  protected itemProxy(model: FakeCommentModel): FakeComment {
    return new FakeComment(this.ctx, () => (this.ctx.excel.comments.includes(model) ? model : null), `Comment ${model.id}`);
  }

  add(cell: FakeRange | string, content: string): FakeComment {
    const excel = this.ctx.excel;
    const id = `comment-${++excel.commentSeq}`;
    this.ctx.enqueue("write", () => {
      this.ctx.requireApi(10, "CommentCollection.add");
      if (typeof cell === "string") throw new Error("fake-excel: pass a Range to comments.add");
      const { sheet, address } = cell.location();
      writable(this.ctx, sheet, "CommentCollection.add");
      excel.assertCellFree(sheet, address, "CommentCollection.add");
      excel.comments.push({ id, sheet, address, content, author: excel.user });
      excel.record({ op: "comment.add", sheet: sheet.name, address, value: content });
    });
    return new FakeComment(this.ctx, () => excel.comments.find((c) => c.id === id) ?? null, `Comment ${id}`);
  }
}

export class FakeComment extends FakeObject<FakeCommentModel> {
  get content(): string {
    return this.prop("content");
  }
  get id(): string {
    return this.prop("id");
  }

  protected override readScalar(model: FakeCommentModel, name: string): unknown {
    if (name === "content") return model.content;
    if (name === "id") return model.id;
    if (name === "authorName") return model.author;
    return super.readScalar(model, name);
  }

  delete(): void {
    this.ctx.enqueue("write", () => {
      const comment = this.model();
      writable(this.ctx, comment.sheet, "Comment.delete");
      this.ctx.excel.comments = this.ctx.excel.comments.filter((c) => c !== comment);
      this.ctx.excel.record({ op: "comment.delete", sheet: comment.sheet.name, address: comment.address });
    });
  }

  getLocation(): FakeRange {
    const sheetName = () => this.model().sheet.name;
    const worksheet = new FakeWorksheet(this.ctx, () => this.ctx.excel.sheet(sheetName()) ?? null, "Worksheet (comment)");
    return new FakeRange(this.ctx, worksheet, () => parseRef(this.model().address), "comment location");
  }
}

// ---------------------------------------------------------------- the fake host

export class FakeExcel {
  sheets: FakeSheetModel[] = [];
  notes: FakeNoteModel[] = [];
  comments: FakeCommentModel[] = [];
  readonly settings = new Map<string, unknown>();
  readonly handlers = new Set<ChangedHandler>();
  fileName = "部门决算.xlsx";
  activeSheet: string | undefined;
  selection: { sheet: string; address: string } | undefined;

  apiVersion: number;
  notesRefused: FakeExcelOptions["notesRefused"];
  maxCellsPerRangeRead: number;
  maxResponseBytes: number;
  maxRangesAddressLength: number;
  user: string;

  syncCount = 0;
  /** times suspendApiCalculationUntilNextSync ran */
  calculationSuspended = 0;
  syncs: SyncRecord[] = [];
  writes: WriteRecord[] = [];
  runs: { options: unknown }[] = [];
  /** the sync with this number (syncCount after it starts) never resolves — Excel on the web stuck */
  hangOnSync: number | undefined;
  syncDelayMs = 0;
  commentSeq = 0;
  private sheetSeq = 0;
  private pendingAddinEvents: { sheet: FakeSheetModel; address: string; valueAfter?: RawValue }[] = [];

  constructor(options: FakeExcelOptions = {}) {
    this.apiVersion = options.apiVersion ?? 18;
    this.notesRefused = options.notesRefused;
    this.maxCellsPerRangeRead = options.maxCellsPerRangeRead ?? 5_000_000;
    this.maxResponseBytes = options.maxResponseBytes ?? 5 * 1024 * 1024;
    this.maxRangesAddressLength = options.maxRangesAddressLength ?? 8000;
    this.user = options.user ?? "张会计";
  }

  addSheet(name: string, cells: Record<string, RawValue | FakeCell> = {}): FakeSheetModel {
    const sheet = new FakeSheetModel(name, `{SHEET-${String(++this.sheetSeq).padStart(4, "0")}}`);
    sheet.set(cells);
    this.sheets.push(sheet);
    return sheet;
  }

  sheet(name: string): FakeSheetModel | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  /** Office.context.requirements.isSetSupported for this simulated host. */
  readonly isSetSupported = (name: string, version: string): boolean => {
    if (name !== "ExcelApi") return false;
    const [major, minor] = version.split(".").map(Number);
    return major === 1 && (minor ?? 0) <= this.apiVersion;
  };

  /** Excel.run: a fresh context, or the given one (to remove event handlers). */
  readonly run = <T>(options: unknown, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const ctx = options instanceof FakeContext ? options : new FakeContext(this);
    this.runs.push({ options: options instanceof FakeContext ? "previous context" : options });
    return batch(ctx as unknown as Excel.RequestContext).then((result) => {
      ctx.assertDrained();
      return result;
    });
  };

  record(write: WriteRecord): void {
    this.writes.push(write);
  }

  /** A user (or another add-in) note/comment already on the cell blocks adding another. */
  assertCellFree(sheet: FakeSheetModel, address: string, api: string): void {
    const taken = this.notes.some((n) => n.sheet === sheet && n.address === address) || this.comments.some((c) => c.sheet === sheet && c.address === address);
    if (taken) throw new FakeRichApiError("InvalidArgument", `${sheet.name}!${address} already has a note or comment`, { errorLocation: api });
  }

  // -- test helpers -------------------------------------------------------

  addNote(sheetName: string, address: string, content: string, author = "用户"): void {
    this.notes.push({ sheet: this.mustSheet(sheetName), address, content, author });
  }

  addComment(sheetName: string, address: string, content: string, author = "用户"): void {
    this.comments.push({ id: `user-comment-${++this.commentSeq}`, sheet: this.mustSheet(sheetName), address, content, author });
  }

  notesOn(sheetName: string): FakeNoteModel[] {
    return this.notes.filter((n) => n.sheet.name === sheetName);
  }

  /** Value or formula writes — the marks code must never produce one. */
  valueWrites(): WriteRecord[] {
    return this.writes.filter((w) => w.op === "values" || w.op === "formulas" || w.op === "clear");
  }

  /** Syncs that changed something / that only read. */
  writeSyncs(from = 0): number {
    return this.syncs.slice(from).filter((s) => s.writes > 0).length;
  }

  readSyncs(from = 0): number {
    return this.syncs.slice(from).filter((s) => s.writes === 0).length;
  }

  resetCounters(): void {
    this.syncCount = 0;
    this.syncs = [];
    this.writes = [];
    this.runs = [];
  }

  /**
   * A user edit, as Excel reports it to worksheets.onChanged. A single-cell change carries
   * details.valueAfter (ExcelApi 1.9): the value the cell holds now (defaults to the model's).
   */
  async fireChange(sheetName: string, address: string, triggerSource?: string, valueAfter?: RawValue): Promise<void> {
    const sheet = this.mustSheet(sheetName);
    const args: Record<string, unknown> = { type: "WorksheetChanged", worksheetId: sheet.id, address, source: "Local", changeType: "RangeEdited" };
    if (this.apiVersion >= 14) args.triggerSource = triggerSource ?? "Unknown";
    if (!address.includes(":")) {
      const { row, col } = fromA1(address);
      args.details = { valueAfter: valueAfter !== undefined ? valueAfter : (sheet.cell(row, col)?.v ?? "") };
    }
    await Promise.all([...this.handlers].map((h) => h(args)));
  }

  queueAddinEvent(sheet: FakeSheetModel, address: string, valueAfter?: RawValue): void {
    this.pendingAddinEvents.push({ sheet, address, valueAfter });
  }

  /** Value writes by the add-in fire onChanged too (after the sync), tagged ThisLocalAddin on 1.14+. */
  flushAddinEvents(): void {
    const events = this.pendingAddinEvents;
    this.pendingAddinEvents = [];
    for (const { sheet, address, valueAfter } of events) {
      setTimeout(() => void this.fireChange(sheet.name, address, "ThisLocalAddin", valueAfter), 0);
    }
  }

  private mustSheet(name: string): FakeSheetModel {
    const sheet = this.sheet(name);
    if (!sheet) throw new Error(`fake-excel: no sheet ${name}`);
    return sheet;
  }
}
