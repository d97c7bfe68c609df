/** @jest-environment jsdom */
import "./dom-shims";
import * as React from "react";
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { DEFAULT_SETTINGS, type CheckSettings } from "../../src/domain/findings";
import type { WorkbookSnapshot } from "../../src/domain/grid";
import { MARK_FILL } from "../../src/domain/marks";
import { MemoryWorkbookPort } from "../../src/memory/memory-port";
import { App } from "../../src/taskpane/App";
import { describeSettings, loadSettings, sanitizeSettings, SETTINGS_STORAGE_KEY } from "../../src/taskpane/settings-storage";
import { paneTheme, relativeLuminance } from "../../src/taskpane/theme";
import { finding, result, table } from "./fakes";

beforeEach(() => localStorage.clear());

describe("settings storage", () => {
  it("round-trips valid settings and repairs broken ones", () => {
    const custom: CheckSettings = { tolerance: { kind: "fixed", amount: "0.05" }, percentDecimals: 1, reverseFormula: "ratio", scoreDecimals: 0 };
    localStorage.setItem(SETTINGS_STORAGE_KEY, JSON.stringify(custom));
    expect(loadSettings()).toEqual(custom);
    localStorage.setItem(SETTINGS_STORAGE_KEY, "{not json");
    expect(loadSettings()).toEqual(DEFAULT_SETTINGS);
    expect(sanitizeSettings({ tolerance: { kind: "fixed", amount: "-1" }, percentDecimals: 7, reverseFormula: "x" })).toEqual(DEFAULT_SETTINGS);
  });

  it("survives a storage that throws", () => {
    const spy = jest.spyOn(Storage.prototype, "getItem").mockImplementation(() => {
      throw new Error("SecurityError");
    });
    expect(loadSettings()).toEqual(DEFAULT_SETTINGS);
    spy.mockRestore();
  });

  it("describes settings the way findings show them", () => {
    expect(describeSettings(DEFAULT_SETTINGS)).toEqual(["容差=舍位容差", "百分比小数位=2", "反向指标=超出目标按比例扣分", "绩效得分小数位=2"]);
    expect(describeSettings({ ...DEFAULT_SETTINGS, tolerance: { kind: "fixed", amount: "0.1" } })[0]).toBe("容差=固定 0.1");
  });
});

describe("设置 tab", () => {
  it("edits and persists every setting", async () => {
    const user = userEvent.setup({ delay: null });
    render(<App port={new MemoryWorkbookPort({ sheets: [] })} engine={{ check: () => result([], []) }} />);
    await user.click(screen.getByTestId("tab-settings"));
    const panel = await screen.findByTestId("settings-panel"); // fetched when the tab is first opened
    await user.click(within(panel).getByLabelText(/固定金额/));
    const amount = within(panel).getByTestId("tolerance-amount");
    await user.clear(amount);
    await user.type(amount, "abc");
    expect(within(panel).getByText("请输入不小于 0 的数字，如 0.01")).toBeInTheDocument();
    await user.clear(amount);
    await user.type(amount, "0.05");
    await user.click(within(panel).getByLabelText(/目标值 ÷ 实际值/));
    const score = within(panel).getByText("绩效得分小数位").closest(".fui-Field") as HTMLElement;
    await user.click(within(score).getByLabelText("0"));
    expect(JSON.parse(localStorage.getItem(SETTINGS_STORAGE_KEY)!)).toEqual({
      tolerance: { kind: "fixed", amount: "0.05" },
      percentDecimals: 2,
      reverseFormula: "ratio",
      scoreDecimals: 0,
    });
    expect(within(panel).getByTestId("settings-persistence")).toHaveTextContent("设置已保存在本机");
    await user.click(within(panel).getByRole("button", { name: "恢复默认" }));
    expect(JSON.parse(localStorage.getItem(SETTINGS_STORAGE_KEY)!)).toEqual(DEFAULT_SETTINGS);
  });
});

describe("theme", () => {
  it("uses a CJK font stack and follows a dark Office theme", () => {
    expect(paneTheme(null).fontFamilyBase).toContain("Microsoft YaHei UI");
    expect(paneTheme(null).fontFamilyBase).toContain("Noto Sans CJK SC");
    const dark = paneTheme({ bodyBackgroundColor: "#262626", bodyForegroundColor: "#FFFFFF" });
    expect(dark.colorNeutralBackground1).toBe("#262626");
    expect(dark.colorNeutralForeground1).toBe("#FFFFFF");
    expect(relativeLuminance("#262626")).toBeLessThan(0.1);
    expect(paneTheme({ isDarkTheme: false, bodyBackgroundColor: "#ffffff" }).colorNeutralBackground1).toBe("#ffffff");
  });
});

describe("pane over the in-memory workbook", () => {
  const snapshot: WorkbookSnapshot = {
    sheets: [
      {
        name: "总表",
        index: 0,
        cells: [[{ v: "本年收入合计", t: "本年收入合计" }, { v: 10, t: "10.00", f: "0.00" }]],
        rowCount: 1,
        colCount: 2,
        merges: [],
        hiddenRows: [],
        hiddenCols: [],
      },
    ],
  };
  const t = table("总表!A1:B1", "总表", "income-expenditure-summary");
  const wrong = finding({ rule: "T1.1", severity: "error", sheet: "总表", cell: "B1", message: "合计不符", expected: "11.00", actual: "10.00", table: t.id });

  it("marks, selects, clears and re-checks after a user edit — values untouched by the pane", async () => {
    const port = new MemoryWorkbookPort(snapshot);
    // The fake engine sees the real cell: wrong while B1 is 10, right once the user types 11.
    const engine = { check: jest.fn((s: WorkbookSnapshot) => result([t], s.sheets[0].cells[0][1]?.v === 10 ? [wrong] : [])) };
    const user = userEvent.setup({ delay: null });
    render(<App port={port} engine={engine} recheckDelayMs={10} />);
    await user.click(screen.getByTestId("run-check"));
    await screen.findByTestId("finding-list");
    expect(port.cellFormat("总表", "B1").fill).toBe(MARK_FILL.error);
    expect(port.cellFormat("总表", "B1").note).toContain("[T1.1] 合计不符");

    await user.click(screen.getByText("合计不符"));
    expect(port.getState().selection).toEqual({ sheet: "总表", address: "B1" });

    await user.click(screen.getByTestId("clear-marks"));
    expect(port.cellFormat("总表", "B1")).toEqual({ fill: null, note: null });
    expect(port.cell("总表", "B1")).toEqual({ v: 10, t: "10.00", f: "0.00" });

    act(() => port.editCell("总表", "B1", "11"));
    expect(screen.getByTestId("stale")).toBeInTheDocument();
    expect(await screen.findByTestId("no-findings")).toBeInTheDocument();
    await waitFor(() => expect(engine.check).toHaveBeenCalledTimes(2));
    expect(port.cell("总表", "B1")).toEqual({ v: 11, t: "11.00", f: "0.00" });
  });
});
