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

async function renderChecked(port = new FakePort(), engine = engineReturning(result([T2, T1], [T2_WARNING, T1_WARNING, T1_ERROR, T2_INFO]))) {
  const user = userEvent.setup();
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
    const user = userEvent.setup();
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
    const user = userEvent.setup();
    render(<App port={new FakePort()} engine={engineReturning(result([], []))} />);
    await user.click(screen.getByTestId("run-check"));
    const empty = await screen.findByTestId("empty");
    expect(empty).toHaveTextContent("未识别到标准决算公开表");
    expect(empty).toHaveTextContent("收入支出决算总表");
    expect(screen.queryByTestId("tables-summary")).not.toBeInTheDocument();
  });

  it("summarizes recognized tables and counts by severity, and writes the marks", async () => {
    const { port } = await renderChecked();
    const rows = within(screen.getByTestId("tables-summary")).getAllByTestId("table-row");
    expect(rows.map((r) => r.textContent)).toEqual(["收入表收入决算表元2024 年", "总表收入支出决算总表万元2023 年"]);
    expect(screen.getByTestId("filter-error")).toHaveTextContent("错误 1");
    expect(screen.getByTestId("filter-warning")).toHaveTextContent("警告 2");
    expect(screen.getByTestId("filter-info")).toHaveTextContent("提示 1");
    expect(port.writeMarks).toHaveBeenCalledTimes(1);
    expect(port.writeMarks).toHaveBeenCalledWith(marksFromFindings([T2_WARNING, T1_WARNING, T1_ERROR, T2_INFO]));
    expect(port.writeMarks.mock.calls[0][0].find((m) => m.address === "B12")?.severity).toBe("error");
    expect(screen.getByTestId("engine-time")).toHaveTextContent("引擎用时 42 毫秒（识别 12 毫秒，复核 30 毫秒）");
    expect(screen.getByTestId("settings-used")).toHaveTextContent("本次检查设置：容差=舍位容差；百分比小数位=2");
    expect(MARK_FILL.error).toBe("#FFC7CE");
  });

  it("groups findings by table with errors first, showing 应为/实为/差额/容差 and settings", async () => {
    await renderChecked();
    const groups = screen.getAllByTestId("finding-group");
    // The group holding an error comes first although its table is second in the workbook.
    expect(groups.map((g) => g.getAttribute("aria-label"))).toEqual(["总表 · 收入支出决算总表", "收入表 · 收入决算表"]);
    const first = within(groups[0]).getAllByTestId("finding");
    expect(first.map((f) => f.getAttribute("data-rule"))).toEqual(["T1.1", "T1.5"]);
    const second = within(groups[1]).getAllByTestId("finding");
    expect(second.map((f) => f.getAttribute("data-severity"))).toEqual(["warning", "info"]);
    const error = first[0];
    expect(error).toHaveTextContent("本年收入合计不等于各项收入之和");
    expect(error).toHaveTextContent("应为1,234.56");
    expect(error).toHaveTextContent("实为1,234.50");
    expect(error).toHaveTextContent("差额-0.06");
    expect(error).toHaveTextContent("容差±0.03（舍位容差 0.005×(5+1)）");
    expect(error).toHaveTextContent("设置：容差=舍位容差");
    expect(error).toHaveTextContent("位置 总表!B12");
  });

  it("selects the flagged cell when a finding is clicked or activated by keyboard", async () => {
    const { user, port } = await renderChecked();
    const error = screen.getAllByTestId("finding").find((f) => f.getAttribute("data-rule") === "T1.1")!;
    await user.click(within(error).getByText("本年收入合计不等于各项收入之和"));
    expect(port.selectCell).toHaveBeenCalledWith("总表", "B12");
    const warning = screen.getAllByTestId("finding").find((f) => f.getAttribute("data-rule") === "T2.2")!;
    within(warning).getByRole("button").focus();
    await user.keyboard("{Enter}");
    expect(port.selectCell).toHaveBeenLastCalledWith("收入表", "C9");
  });

  it("filters findings by severity", async () => {
    const { user } = await renderChecked();
    expect(screen.getAllByTestId("finding")).toHaveLength(4);
    await user.click(screen.getByTestId("filter-warning"));
    expect(screen.getAllByTestId("finding").map((f) => f.getAttribute("data-severity"))).toEqual(["error", "info"]);
    await user.click(screen.getByTestId("filter-error"));
    await user.click(screen.getByTestId("filter-info"));
    expect(screen.queryAllByTestId("finding")).toHaveLength(0);
    expect(screen.getByText("当前筛选下没有问题。")).toBeInTheDocument();
    await user.click(screen.getByTestId("filter-error"));
    expect(screen.getAllByTestId("finding").map((f) => f.getAttribute("data-rule"))).toEqual(["T1.1"]);
  });

  it("清除标记 calls port.clearMarks and says so", async () => {
    const { user, port } = await renderChecked();
    await user.click(screen.getByTestId("clear-marks"));
    expect(port.clearMarks).toHaveBeenCalledTimes(1);
    expect(await screen.findByTestId("marks-cleared")).toHaveTextContent("已清除");
  });

  it("marks the result stale after an edit, and re-checks automatically after the quiet period", async () => {
    const port = new FakePort();
    const engine = engineReturning(result([T1], [T1_ERROR]), result([T1], []));
    await renderChecked(port, engine);
    expect(port.readSnapshot).toHaveBeenCalledTimes(1);
    act(() => port.userEdits("总表", "B12"));
    expect(screen.getByTestId("stale")).toHaveTextContent("表格已修改，结果可能已过期");
    expect(await screen.findByTestId("no-findings")).toBeInTheDocument();
    expect(port.readSnapshot).toHaveBeenCalledTimes(2);
    expect(screen.queryByTestId("stale")).not.toBeInTheDocument();
  });

  it("with 自动复查 off, an edit only shows the stale banner; 重新检查 re-runs", async () => {
    const port = new FakePort();
    const { user } = await renderChecked(port, engineReturning(result([T1], [T1_ERROR]), result([T1], [])));
    await user.click(screen.getByRole("switch"));
    expect(screen.getByRole("switch")).not.toBeChecked();
    act(() => port.userEdits("总表", "B3"));
    const stale = screen.getByTestId("stale");
    expect(stale).toHaveTextContent("表格已修改，结果可能已过期");
    await new Promise((r) => setTimeout(r, 60));
    expect(port.readSnapshot).toHaveBeenCalledTimes(1);
    await user.click(within(stale).getByRole("button", { name: "重新检查" }));
    expect(await screen.findByTestId("no-findings")).toBeInTheDocument();
    expect(port.readSnapshot).toHaveBeenCalledTimes(2);
  });

  it("shows an error with 重试 when reading fails, and recovers on retry", async () => {
    const port = new FakePort();
    port.readFailures = [new Error("同步超时：Excel 没有响应")];
    const user = userEvent.setup();
    render(<App port={port} engine={engineReturning(result([T1], [T1_ERROR]))} />);
    await user.click(screen.getByTestId("run-check"));
    const error = await screen.findByTestId("check-error");
    expect(error).toHaveTextContent("检查失败");
    expect(error).toHaveTextContent("同步超时：Excel 没有响应");
    await user.click(within(error).getByRole("button", { name: "重试" }));
    expect(await screen.findByTestId("finding-list")).toBeInTheDocument();
    expect(screen.queryByTestId("check-error")).not.toBeInTheDocument();
  });

  it("warns about protected sheets and the host's mark warnings", async () => {
    const port = new FakePort();
    port.outcome = { marked: 1, explanations: "comments", protectedSheets: ["封面"], warnings: ["此 Excel 不支持注释，已改用批注"] };
    await renderChecked(port);
    expect(screen.getByTestId("protected-sheets")).toHaveTextContent("工作表 “封面” 受保护，未做标记");
    expect(screen.getByTestId("mark-warnings")).toHaveTextContent("此 Excel 不支持注释，已改用批注");
    expect(screen.getByTestId("mark-outcome")).toHaveTextContent("说明已改写为批注");
  });

  it("keeps the findings when marking fails, and says marking failed", async () => {
    const port = new FakePort();
    port.writeMarks.mockRejectedValueOnce(new Error("AccessDenied"));
    await renderChecked(port);
    expect(screen.getByTestId("mark-warnings")).toHaveTextContent("未能在单元格上做标记：AccessDenied");
    expect(screen.getAllByTestId("finding")).toHaveLength(4);
  });

  it("shows the limitations of an old Excel", async () => {
    const port = new FakePort();
    port.caps = { ...port.caps, notes: false, limitations: ["Excel 版本过旧，无法添加注释"] };
    render(<App port={port} engine={engineReturning(result([], []))} />);
    expect(await screen.findByTestId("limitations")).toHaveTextContent("Excel 版本过旧，无法添加注释");
  });

  it("renders cell text and sheet names from the workbook as text, never HTML", async () => {
    const evil = "<img src=x onerror=alert(1)>";
    const t = table(`${evil}!A1:B2`, evil, "income");
    const f = finding({ rule: "T2.1", severity: "error", sheet: evil, cell: "B2", message: `项目“${evil}”合计不符`, table: t.id, actual: evil, expected: "1" });
    const { container } = render(<App port={new FakePort()} engine={engineReturning(result([t], [f]))} />);
    await userEvent.setup().click(screen.getByTestId("run-check"));
    await screen.findByTestId("finding-list");
    expect(container.querySelector("img")).toBeNull();
    expect(screen.getByText(`项目“${evil}”合计不符`)).toBeInTheDocument();
    expect(within(screen.getByTestId("tables-summary")).getByText(evil)).toBeInTheDocument();
  });

  it("a changed setting makes the result stale and is used by the next check", async () => {
    const engine = engineReturning(result([T1], [T1_ERROR]));
    const { user } = await renderChecked(new FakePort(), engine);
    await user.click(screen.getByTestId("tab-settings"));
    const percent = screen.getByTestId("percent-decimals");
    await user.click(within(percent).getByLabelText("1"));
    expect(JSON.parse(localStorage.getItem("juesuan.checkSettings.v1")!).percentDecimals).toBe(1);
    await user.click(screen.getByTestId("tab-check"));
    expect(screen.getByTestId("stale")).toHaveTextContent("设置已更改");
    await user.click(screen.getByTestId("run-check"));
    await waitFor(() => expect(engine.check).toHaveBeenCalledTimes(2));
    expect((engine.check.mock.calls[1] as unknown[])[1]).toMatchObject({ percentDecimals: 1 });
    await waitFor(() => expect(screen.getByTestId("settings-used")).toHaveTextContent("百分比小数位=1"));
  });
});
