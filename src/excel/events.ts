/**
 * Edits made by the user, as batches of EditEvent. The add-in's own value writes fire `onChanged` too, so
 * they are told apart twice: by `triggerSource === "ThisLocalAddin"` where the host reports it
 * (ExcelApi 1.14) and, on older hosts, by what was written (OwnWrites): each write the add-in makes is
 * expected once, at its exact address and — for a single cell, whose event carries `details.valueAfter`
 * (ExcelApi 1.9) — with the value written. No time window: a user's edit a moment after ours is the user's.
 * Fills, notes and comments (the marks) fire no onChanged at all, so marking registers nothing here.
 */
import { a1ToBox, boxToA1 } from "../domain/grid";
import type { EditEvent } from "../domain/port";
import { splitSheet } from "../domain/address";

interface ExpectedWrite {
  sheet: string;
  /** normalised A1 address of the written block */
  address: string;
  /** the text written, for single cells (their event says what the cell now holds) */
  value?: string;
}

/** More pending writes than this means the host did not report some: the oldest are forgotten. */
const MAX_PENDING = 32;

export class OwnWrites {
  private pending: ExpectedWrite[] = [];

  /** Call before queuing a value write; call the returned function if the write failed (no event will come). */
  expect(sheet: string, address: string, value?: string): () => void {
    const entry: ExpectedWrite = { sheet, address: normalizeAddress(address), ...(value !== undefined ? { value } : {}) };
    this.pending.push(entry);
    if (this.pending.length > MAX_PENDING) this.pending.shift();
    return () => {
      this.pending = this.pending.filter((e) => e !== entry);
    };
  }

  /**
   * Whether this onChanged reports a write the add-in made; if so it is consumed (each write fires once).
   * `valueAfter` is the event's details.valueAfter when the host gave one.
   */
  claim(sheet: string, address: string, valueAfter?: unknown): boolean {
    const where = normalizeAddress(splitSheet(address).range || address);
    const index = this.pending.findIndex(
      (e) => e.sheet === sheet && e.address === where && (valueAfter === undefined || e.value === undefined || sameValue(valueAfter, e.value)),
    );
    if (index < 0) return false;
    this.pending.splice(index, 1);
    return true;
  }
}

function normalizeAddress(address: string): string {
  const plain = address.replace(/\$/g, "").toUpperCase();
  try {
    return boxToA1(a1ToBox(plain));
  } catch {
    return plain; // whole rows/columns ("3:3", "B:B") compare as written
  }
}

/** Excel reports what the cell now holds: text typed as a number comes back as that number. */
function sameValue(valueAfter: unknown, written: string): boolean {
  if (typeof valueAfter === "string") return valueAfter === written || `'${valueAfter}` === written;
  if (typeof valueAfter === "number" || typeof valueAfter === "boolean") return String(valueAfter) === written.trim();
  return false;
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
