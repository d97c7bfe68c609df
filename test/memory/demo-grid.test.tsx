/** @jest-environment jsdom */
import "../taskpane/dom-shims";
import * as React from "react";
import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { DemoGrid } from "../../src/demo/DemoGrid";
import type { WorkbookSnapshot } from "../../src/domain/grid";
import { MARK_FILL, NOTE_PREFIX } from "../../src/domain/marks";
import { MemoryWorkbookPort } from "../../src/memory/memory-port";

const evil = "<img src=x onerror=alert(1)>";
const snapshot: WorkbookSnapshot = {
  sheets: [
    {
      name: "总表",
      index: 0,
      cells: [
        [{ v: "收入支出决算总表", t: "收入支出决算总表" }],
        [{ v: evil, t: evil }, { v: 10, t: "10.00", f: "0.00" }],
      ],
      rowCount: 2,
      colCount: 3,
      merges: [{ top: 0, left: 0, bottom: 0, right: 2 }],
      hiddenRows: [],
      hiddenCols: [],
    },
    { name: "第二张", index: 1, cells: [[{ v: "x", t: "x" }]], rowCount: 1, colCount: 1, merges: [], hiddenRows: [], hiddenCols: [] },
  ],
};

const td = (container: HTMLElement, sheet: string, addr: string) =>
  container.querySelector<HTMLTableCellElement>(`td[data-sheet="${sheet}"][data-addr="${addr}"]`);

describe("DemoGrid", () => {
  it("renders letters, row numbers, merged cells and cell text as text", () => {
    const { container } = render(<DemoGrid port={new MemoryWorkbookPort(snapshot)} />);
    expect([...container.querySelectorAll("thead th")].map((th) => th.textContent)).toEqual(["", "A", "B", "C"]);
    const title = td(container, "总表", "A1")!;
    expect(title.colSpan).toBe(3);
    expect(td(container, "总表", "B1")).toBeNull();
    expect(td(container, "总表", "A2")!.textContent).toBe(evil);
    expect(container.querySelector("img")).toBeNull();
    expect(td(container, "总表", "B2")!.className).toContain("demo-number");
  });

  it("shows the add-in's fills and notes, the selection on its sheet, and loses them on clear", async () => {
    const port = new MemoryWorkbookPort(snapshot);
    const { container } = render(<DemoGrid port={port} />);
    await act(() => port.writeMarks([{ sheet: "总表", address: "B2", severity: "error", note: `${NOTE_PREFIX}\n[T1.1] 不符`, rules: ["T1.1"] }]));
    const cell = td(container, "总表", "B2")!;
    expect(cell.getAttribute("data-fill")).toBe(MARK_FILL.error);
    expect(cell.style.backgroundColor).toBe("rgb(255, 199, 206)");
    expect(cell.title).toContain("[T1.1] 不符");

    await act(() => port.selectCell("第二张", "A1"));
    expect(screen.getByRole("tab", { selected: true })).toHaveTextContent("第二张");
    expect(td(container, "第二张", "A1")!.getAttribute("data-selected")).toBe("true");
    await act(() => port.selectCell("总表", "C1")); // inside the merge: its anchor is outlined
    expect(td(container, "总表", "A1")!.getAttribute("data-selected")).toBe("true");

    await act(() => port.clearMarks());
    expect(td(container, "总表", "B2")!.getAttribute("data-fill")).toBe("");
    expect(td(container, "总表", "B2")!.title).toBe("");
  });

  it("double-click edits a cell as a user edit (edit event fired)", async () => {
    const port = new MemoryWorkbookPort(snapshot);
    const edits = jest.fn();
    await port.subscribeToEdits(edits);
    const user = userEvent.setup();
    const { container } = render(<DemoGrid port={port} />);
    await user.dblClick(td(container, "总表", "B2")!);
    const editor = screen.getByTestId("cell-editor") as HTMLInputElement;
    expect(editor.value).toBe("10");
    await user.clear(editor);
    await user.type(editor, "12.5{Enter}");
    expect(port.cell("总表", "B2")).toEqual({ v: 12.5, t: "12.50", f: "0.00" });
    expect(td(container, "总表", "B2")!.textContent).toBe("12.50");
    expect(edits).toHaveBeenCalledWith([{ sheet: "总表", address: "B2" }]);

    await user.dblClick(td(container, "总表", "B2")!);
    await user.type(screen.getByTestId("cell-editor"), "999{Escape}");
    expect(port.cell("总表", "B2")?.v).toBe(12.5);
    expect(edits).toHaveBeenCalledTimes(1);
  });
});
