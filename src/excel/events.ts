/**
 * Edits made by the user, as batches of EditEvent. The add-in's own writes fire `onChanged` too, so
 * they are filtered out twice: by `triggerSource === "ThisLocalAddin"` where the host reports it
 * (ExcelApi 1.14) and, on older hosts, by remembering what we are writing (OwnWrites) for the
 * duration of the write plus a short grace period. Formatting (our fills) fires onFormatChanged, not
 * onChanged, and notes/comments fire neither — they are registered anyway so nothing slips through.
 */
import { a1ToBox, type RangeBox } from "../domain/grid";
import type { EditEvent } from "../domain/port";
import { splitSheet } from "../domain/address";

interface OwnWrite {
  sheet: string;
  /** null = the whole sheet (e.g. the 说明 sheet we just filled) */
  boxes: RangeBox[] | null;
  until: number;
}

export class OwnWrites {
  private entries: OwnWrite[] = [];

  constructor(
    private readonly graceMs = 1500,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Call before queuing a write; call the returned function once it has been synced (or failed). */
  begin(sheet: string, addresses: readonly string[] | null): () => void {
    const entry: OwnWrite = { sheet, boxes: addresses ? addresses.map((a) => safeBox(a)).filter(isBox) : null, until: Infinity };
    this.entries.push(entry);
    return () => {
      entry.until = this.now() + this.graceMs;
    };
  }

  matches(sheet: string, address: string): boolean {
    const now = this.now();
    this.entries = this.entries.filter((e) => e.until >= now);
    const box = safeBox(splitSheet(address).range || address);
    return this.entries.some((e) => e.sheet === sheet && (e.boxes === null || !box || e.boxes.some((b) => intersects(b, box))));
  }
}

function safeBox(address: string): RangeBox | undefined {
  try {
    return a1ToBox(address.replace(/\$/g, ""));
  } catch {
    return undefined; // whole rows/columns ("3:3", "B:B") are treated as "anywhere on the sheet"
  }
}

function isBox(box: RangeBox | undefined): box is RangeBox {
  return box !== undefined;
}

function intersects(a: RangeBox, b: RangeBox): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/** Collects events and hands them over together once the burst is over (the pane debounces further). */
export class EditBatcher {
  private pending: EditEvent[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly deliver: (events: EditEvent[]) => void,
    private readonly delayMs: number,
  ) {}

  push(event: EditEvent): void {
    this.pending.push(event);
    this.timer ??= setTimeout(() => this.flush(), this.delayMs);
  }

  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const events = this.pending;
    this.pending = [];
    if (events.length > 0) this.deliver(events);
  }

  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = [];
  }
}
