/** @jest-environment jsdom */
import "./dom-shims";
import * as React from "react";
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MARK_FILL, marksFromFindings } from "../../src/domain/marks";
import { App } from "../../src/taskpane/App";
import { engineReturning, FakePort, finding, result, table } from "./fakes";

const T1 = table("总表!A1:F30", "总表", "income-expenditure-summary");
const T2 = table("收入表!A1:J20", "收入表", "income", { unit: "元", year: 2024 });

const T1_ERROR = finding({
  rule: "T1.1",
  severity: "error",
  sheet: "总表",
  cell: "B12",
  cells: ["总表!B12", "总表!B6"],
  message: "本年收入合计不等于各项收入之和",
  expected: "1,234.56",
  actual: "1,234.50",
  difference: "-0.06",
  tolerance: "±0.03（舍位容差 0.005×(5+1)）",
  table: T1.id,
  settings: ["容差=舍位容差"],
});
const T1_WARNING = finding({ rule: "T1.5", severity: "warning", sheet: "总表", cell: "D20", message: "年末结转和结余为负数", table: T1.id });
const T2_WARNING = finding({ rule: "T2.2", severity: "warning", sheet: "收入表", cell: "C9", message: "财政拨款收入列与总表不一致", table: T2.id, expected: "10.00", actual: "9.00" });
const T2_INFO = finding({ rule: "T2.9", severity: "info", sheet: "收入表", cell: "C10", message: "舍位差异 0.01", table: T2.id });

beforeEach(() => localStorage.clear());

/** Fewer, fuller renders: each test renders once and checks everything that render shows. */
async function renderChecked(port = new FakePort(), engine = engineReturning(result([T2, T1], [T2_WARNING, T1_WARNING, T1_ERROR, T2_INFO]))) {
  const user = userEvent.setup({ delay: null });
  render(<App port={port} engine={engine} recheckDelayMs={20} />);
  await user.click(screen.getByTestId("run-check"));
  await screen.findByTestId("finding-list");
  return { user, port, engine };
}

describe("检查 tab", () => {
  it("shows reading progress while the snapshot loads, then the results", async () => {
    const port = new FakePort();
    let open!: () => void;
    port.gate = new Promise<void>((resolve) => (open = resolve));
    port.progressSteps = [{ done: 1, total: 3 }];
    const user = userEvent.setup({ delay: null });
    render(<App port={port} engine={engineReturning(result([T1], []))} />);
    expect(screen.getByText(/点击“检查”/)).toBeInTheDocument();
    await user.click(screen.getByTestId("run-check"));
    const progress = await screen.findByTestId("check-progress");
    expect(within(progress).getByText("正在读取工作表 1/3")).toBeInTheDocument();
    const bar = within(progress)
      .getAllByRole("progressbar")
      .find((el) => el.hasAttribute("aria-valuenow"));
    expect(bar).toHaveAttribute("aria-valuenow", String(1 / 3));
    expect(screen.getByTestId("run-check")).toBeDisabled();
    await act(async () => open());
    expect(await screen.findByTestId("no-findings")).toHaveTextContent("未发现问题");
    expect(screen.queryByTestId("check-progress")).not.toBeInTheDocument();
  });

  it("says what to do when no standard table is recognized", async () => {
    const user = userEvent.setup({ delay: null });
    render(<App port={new FakePort()} engine={engineReturning(result([], []))} />);
    await user.click(screen.getByTestId("run-check"));
    const empty = await screen.findByTestId("empty");
    expect(empty).toHaveTextContent("未识别到标准决算公开表");
    expect(empty).toHaveTextContent("收入支出决算总表");
    expect(screen.queryByTestId("tables-summary")).not.toBeInTheDocument();
  });

  it("shows counts, groups by table with errors first, numbers in plain words, a collapsed table list; clicking selects; filters hide", async () => {
    const { user, port } = await renderChecked();
    expect(screen.getByTestId("filter-error")).toHaveTextContent("错误 1");
    expect(screen.getByTestId("filter-warning")).toHaveTextContent("警告 2");
    expect(screen.getByTestId("filter-info")).toHaveTextContent("提示 1");
    expect(port.writeMarks).toHaveBeenCalledWith(marksFromFindings([T2_WARNING, T1_WARNING, T1_ERROR, T2_INFO]));
    expect(screen.getByTestId("settings-used")).toHaveTextContent("本次检查设置：容差=舍位容差；百分比小数位=2");
    expect(screen.queryByText(/毫秒|舍位包络|pmkpi/)).not.toBeInTheDocument();
    expect(MARK_FILL.error).toBe("#FFC7CE");

    // The table list starts collapsed (the first finding stays in view in a narrow pane).
    expect(screen.queryAllByTestId("table-row")).toHaveLength(0);
    await user.click(screen.getByTestId("tables-toggle"));
    const rows = within(screen.getByTestId("tables-summary")).getAllByTestId("table-row");
    expect(rows.map((r) => r.textContent)).toEqual(["收入表收入决算表元2024 年", "总表收入支出决算总表万元2023 年"]);

    const groups = screen.getAllByTestId("finding-group");
    // The group holding an error comes first although its table is second in the workbook.
    expect(groups.map((g) => g.getAttribute("aria-label"))).toEqual(["总表 · 收入支出决算总表", "收入表 · 收入决算表"]);
    const first = within(groups[0]).getAllByTestId("finding");
    expect(first.map((f) => f.getAttribute("data-rule"))).toEqual(["T1.1", "T1.5"]);
    expect(within(groups[1]).getAllByTestId("finding").map((f) => f.getAttribute("data-severity"))).toEqual(["warning", "info"]);
    const error = first[0];
    for (const text of ["总表!B12", "本年收入合计不等于各项收入之和", "应为1,234.56", "实为1,234.50", "差额-0.06", "容差±0.03（舍位容差 0.005×(5+1)）", "设置：容差=舍位容差"]) {
      expect(error).toHaveTextContent(text);
    }

    await user.click(within(error).getByText("本年收入合计不等于各项收入之和"));
    expect(port.selectCell).toHaveBeenCalledWith("总表", "B12");
    const warning = screen.getAllByTestId("finding").find((f) => f.getAttribute("data-rule") === "T2.2")!;
    within(warning).getByRole("button").focus();
    await user.keyboard("{Enter}");
    expect(port.selectCell).toHaveBeenLastCalledWith("收入表", "C9");

    await user.click(screen.getByTestId("filter-warning"));
    expect(screen.getAllByTestId("finding").map((f) => f.getAttribute("data-severity"))).toEqual(["error", "info"]);
    await user.click(screen.getByTestId("filter-error"));
    await user.click(screen.getByTestId("filter-info"));
    expect(screen.queryAllByTestId("finding")).toHaveLength(0);
    expect(screen.getByText("当前筛选下没有问题。")).toBeInTheDocument();
  });

  it("shows a cell that breaks several rules once, with every rule, and the sheets that matched nothing", async () => {
    const rowSum = finding({ rule: "T1.2", severity: "error", sheet: "总表", cell: "B12", message: "本行合计不等于各列之和", table: T1.id, settings: ["容差=舍位容差"] });
    const cross = finding({ rule: "X1", severity: "warning", sheet: "总表", cell: "B12", message: "与收入决算表不一致", table: T2.id });
    const checked = result([T1, T2], [T1_ERROR, rowSum, cross, T2_WARNING]);
    checked.unrecognizedSheets = ["封面", "目录"];
    const { user } = await renderChecked(new FakePort(), engineReturning(checked));
    const entries = screen.getAllByTestId("finding");
    expect(entries.map((e) => e.getAttribute("data-cell"))).toEqual(["B12", "C9"]);
    expect(entries[0].getAttribute("data-rules")).toBe("T1.1 T1.2 X1");
    expect(entries[0]).toHaveTextContent("此格有 3 处问题");
    expect(within(entries[0]).getAllByTestId("finding-rule")).toHaveLength(3);
    expect(entries[0]).toHaveTextContent("设置：容差=舍位容差");

    expect(screen.getByTestId("tables-toggle")).toHaveTextContent("识别到 2 张表，另有 2 张工作表未检查");
    await user.click(screen.getByTestId("tables-toggle"));
    expect(screen.getByTestId("unrecognized-sheets")).toHaveTextContent("“封面”、“目录”");
  });

  it("清除标记 says which cells kept their marks and retries; then says all were cleared", async () => {
    const port = new FakePort();
    const { user } = await renderChecked(port);
    port.keptOnClear = [{ sheet: "总表", address: "B12" }];
    await user.click(screen.getByTestId("clear-marks"));
    const kept = await screen.findByTestId("marks-kept");
    expect(kept).toHaveTextContent("1 个单元格仍保留标记");
    expect(kept).toHaveTextContent("总表!B12");
    port.keptOnClear = [];
    await user.click(within(kept).getByTestId("retry-clear"));
    expect(await screen.findByTestId("marks-cleared")).toHaveTextContent("已清除");
    expect(screen.queryByTestId("marks-kept")).not.toBeInTheDocument();
    expect(port.clearMarks).toHaveBeenCalledTimes(2);
  });

  it("an edit shows the stale banner and the automatic re-check replaces the result", async () => {
    const port = new FakePort();
    const engine = engineReturning(result([T1], [T1_ERROR]), result([T1], []));
    await renderChecked(port, engine);
    act(() => port.userEdits("总表", "B12"));
    expect(screen.getByTestId("stale")).toHaveTextContent("表格已修改，结果可能已过期");
    expect(await screen.findByTestId("no-findings")).toBeInTheDocument();
    expect(screen.queryByTestId("stale")).not.toBeInTheDocument();
  });

  it("shows an error with 重试 when reading fails, and recovers on retry", async () => {
    const port = new FakePort();
    port.readFailures = [new Error("Excel 响应超时，请重试")];
    const user = userEvent.setup({ delay: null });
    render(<App port={port} engine={engineReturning(result([T1], [T1_ERROR]))} />);
    await user.click(screen.getByTestId("run-check"));
    const error = await screen.findByTestId("check-error");
    expect(error).toHaveTextContent("检查失败");
    expect(error).toHaveTextContent("Excel 响应超时，请重试");
    await user.click(within(error).getByRole("button", { name: "重试" }));
    expect(await screen.findByTestId("finding-list")).toBeInTheDocument();
    expect(screen.queryByTestId("check-error")).not.toBeInTheDocument();
  });

  it("warns about protected sheets, the host's mark warnings and a failed marking; shows an old Excel's limitations", async () => {
    const port = new FakePort();
    port.caps = { ...port.caps, notes: false, limitations: ["Excel 版本过旧，无法添加注释"] };
    port.outcome = { marked: 1, explanations: "comments", protectedSheets: ["封面"], warnings: ["此 Excel 不支持注释，已改用批注"] };
    const { user } = await renderChecked(port);
    expect(screen.getByTestId("limitations")).toHaveTextContent("Excel 版本过旧，无法添加注释");
    expect(screen.getByTestId("protected-sheets")).toHaveTextContent("工作表 “封面” 受保护，未做标记");
    expect(screen.getByTestId("mark-warnings")).toHaveTextContent("此 Excel 不支持注释，已改用批注");
    expect(screen.getByTestId("mark-outcome")).toHaveTextContent("说明已改写为批注");

    port.writeMarks.mockRejectedValueOnce(new Error("工作表受保护，无法写入。"));
    await user.click(screen.getByTestId("run-check"));
    await waitFor(() => expect(screen.getByTestId("mark-warnings")).toHaveTextContent("未能在单元格上做标记：工作表受保护，无法写入。"));
    expect(screen.getAllByTestId("finding")).toHaveLength(4);
  });

  it("renders cell text and sheet names from the workbook as text, never HTML", async () => {
    const evil = "<img src=x onerror=alert(1)>";
    const t = table(`${evil}!A1:B2`, evil, "income");
    const f = finding({ rule: "T2.1", severity: "error", sheet: evil, cell: "B2", message: `项目“${evil}”合计不符`, table: t.id, actual: evil, expected: "1" });
    const { user } = await renderChecked(new FakePort(), engineReturning(result([t], [f])));
    await user.click(screen.getByTestId("tables-toggle"));
    expect(document.querySelector("img")).toBeNull();
    expect(screen.getByText(`项目“${evil}”合计不符`)).toBeInTheDocument();
    expect(within(screen.getByTestId("tables-summary")).getByText(evil)).toBeInTheDocument();
  });
});
