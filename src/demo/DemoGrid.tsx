/**
 * A small read-mostly spreadsheet view of the MemoryWorkbookPort: sheet tabs, column letters and row
 * numbers, displayed text, merged cells, the add-in's fills and notes, the selection outlined and
 * scrolled into view. Double-click edits a cell through port.editCell (a user edit: fires the
 * pane's live re-check). Cell text is rendered as text.
 */
import * as React from "react";
import type { CellSnapshot, SheetSnapshot } from "../domain/grid";
import { columnLetters, fromA1, toA1 } from "../domain/grid";
import { cellKey, type MemoryWorkbookPort } from "../memory/memory-port";
import { D } from "./strings";

const MAX_ROWS = 1000;
const MAX_COLS = 60;

interface Span {
  rowSpan: number;
  colSpan: number;
}

/** Anchor cells of merges get spans; the other cells of a merge are covered (not rendered). */
function mergeLayout(sheet: SheetSnapshot, rows: number, cols: number) {
  const anchors = new Map<string, Span>();
  const covered = new Set<string>();
  const anchorOf = new Map<string, string>();
  for (const m of sheet.merges) {
    if (m.top >= rows || m.left >= cols) continue;
    const bottom = Math.min(m.bottom, rows - 1);
    const right = Math.min(m.right, cols - 1);
    const anchor = toA1(m.top, m.left);
    anchors.set(anchor, { rowSpan: bottom - m.top + 1, colSpan: right - m.left + 1 });
    for (let r = m.top; r <= bottom; r++) {
      for (let c = m.left; c <= right; c++) {
        const a = toA1(r, c);
        anchorOf.set(a, anchor);
        if (r !== m.top || c !== m.left) covered.add(a);
      }
    }
  }
  return { anchors, covered, anchorOf };
}

function editText(cell: CellSnapshot | null | undefined): string {
  if (!cell) return "";
  if (typeof cell.v === "number") return cell.f && /%/.test(cell.f) ? `${+(cell.v * 100).toPrecision(15)}%` : String(cell.v);
  return cell.t || (cell.v === null ? "" : String(cell.v));
}

export interface DemoGridProps {
  port: MemoryWorkbookPort;
}

export function DemoGrid({ port }: DemoGridProps) {
  const state = React.useSyncExternalStore(
    React.useCallback((listener: () => void) => port.subscribe(listener), [port]),
    () => port.getState(),
  );
  const [editing, setEditing] = React.useState<string | null>(null);
  const [editError, setEditError] = React.useState<string | null>(null);
  const scroller = React.useRef<HTMLDivElement>(null);

  const sheets = state.snapshot.sheets;
  const sheet = sheets.find((s) => s.name === state.activeSheet) ?? sheets[0];
  const rows = sheet ? Math.min(sheet.rowCount, MAX_ROWS) : 0;
  const cols = sheet ? Math.min(sheet.colCount, MAX_COLS) : 0;
  const layout = React.useMemo(() => (sheet ? mergeLayout(sheet, rows, cols) : null), [sheet, rows, cols]);
  const hiddenRows = React.useMemo(() => new Set(sheet?.hiddenRows ?? []), [sheet]);
  const hiddenCols = React.useMemo(() => new Set(sheet?.hiddenCols ?? []), [sheet]);

  const selection = state.selection && sheet && state.selection.sheet === sheet.name ? state.selection.address : null;
  const selectedAnchor = selection && layout ? layout.anchorOf.get(selection) ?? selection : null;

  // Bring the selected cell into view whenever the selection (or the sheet shown) changes.
  React.useEffect(() => {
    if (!selectedAnchor || !sheet || !scroller.current) return;
    const el = scroller.current.querySelector<HTMLElement>(`td[data-addr="${selectedAnchor}"]`);
    el?.scrollIntoView?.({ block: "nearest", inline: "nearest" });
  }, [selectedAnchor, sheet, state.version]);

  if (!sheet || !layout) return <div className="demo-grid-empty">{D.noSheets}</div>;

  const commit = (address: string, text: string) => {
    setEditing(null);
    try {
      const before = editText(sheet.cells[fromA1(address).row]?.[fromA1(address).col]);
      if (text !== before) port.editCell(sheet.name, address, text);
      setEditError(null);
    } catch (e) {
      setEditError(D.editFailed(e instanceof Error ? e.message : String(e)));
    }
  };

  const body: React.ReactNode[] = [];
  for (let r = 0; r < rows; r++) {
    const tds: React.ReactNode[] = [
      <th key="h" className={`demo-rowhead${hiddenRows.has(r) ? " demo-hidden" : ""}`} scope="row">
        {r + 1}
      </th>,
    ];
    for (let c = 0; c < cols; c++) {
      const address = toA1(r, c);
      if (layout.covered.has(address)) continue;
      const span = layout.anchors.get(address);
      const cell = sheet.cells[r]?.[c] ?? undefined;
      const format = state.formats.get(cellKey(sheet.name, address));
      const mark = state.marks.get(cellKey(sheet.name, address));
      const selected = selectedAnchor === address;
      const classes = ["demo-cell"];
      if (typeof cell?.v === "number") classes.push("demo-number");
      if (hiddenRows.has(r) || hiddenCols.has(c)) classes.push("demo-hidden");
      if (selected) classes.push("demo-selected");
      tds.push(
        <td
          key={c}
          className={classes.join(" ")}
          rowSpan={span?.rowSpan}
          colSpan={span?.colSpan}
          data-sheet={sheet.name}
          data-addr={address}
          data-fill={format?.fill ?? ""}
          data-severity={mark?.severity ?? ""}
          data-selected={selected ? "true" : undefined}
          aria-selected={selected}
          title={format?.note ?? undefined}
          style={format?.fill ? { backgroundColor: format.fill } : undefined}
          onClick={() => void port.selectCell(sheet.name, address)}
          onDoubleClick={() => !sheet.protected && setEditing(address)}
        >
          {editing === address ? (
            <CellEditor initial={editText(cell)} onCommit={(text) => commit(address, text)} onCancel={() => setEditing(null)} />
          ) : (
            cell?.t ?? ""
          )}
        </td>,
      );
    }
    body.push(
      <tr key={r} className={hiddenRows.has(r) ? "demo-hidden-row" : undefined}>
        {tds}
      </tr>,
    );
  }

  return (
    <div className="demo-grid" data-testid="demo-grid">
      <div className="demo-tabs" role="tablist">
        {sheets.map((s) => (
          <button
            key={s.name}
            type="button"
            role="tab"
            className="demo-tab"
            aria-selected={s.name === sheet.name}
            data-testid="sheet-tab"
            data-sheet={s.name}
            onClick={() => port.activateSheet(s.name)}
          >
            {s.name}
            {s.hidden ? D.hiddenSheet : ""}
            {s.protected ? D.protectedSheet : ""}
          </button>
        ))}
      </div>
      <div className="demo-hint">
        {D.editHint}
        {(sheet.rowCount > MAX_ROWS || sheet.colCount > MAX_COLS) && ` · ${D.truncated(MAX_ROWS, MAX_COLS)}`}
        {editError && <span className="demo-error"> {editError}</span>}
      </div>
      <div className="demo-scroll" ref={scroller}>
        <table className="demo-table" data-sheet={sheet.name}>
          <thead>
            <tr>
              <th className="demo-corner" />
              {Array.from({ length: cols }, (_, c) => (
                <th key={c} className={`demo-colhead${hiddenCols.has(c) ? " demo-hidden" : ""}`} scope="col">
                  {columnLetters(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{body}</tbody>
        </table>
      </div>
    </div>
  );
}

function CellEditor({ initial, onCommit, onCancel }: { initial: string; onCommit(text: string): void; onCancel(): void }) {
  const [value, setValue] = React.useState(initial);
  const done = React.useRef(false);
  const finish = (commit: boolean) => {
    if (done.current) return;
    done.current = true;
    if (commit) onCommit(value);
    else onCancel();
  };
  return (
    <input
      className="demo-editor"
      autoFocus
      value={value}
      data-testid="cell-editor"
      onChange={(e) => setValue(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === "Enter") finish(true);
        else if (e.key === "Escape") finish(false);
      }}
      onBlur={() => finish(true)}
    />
  );
}
