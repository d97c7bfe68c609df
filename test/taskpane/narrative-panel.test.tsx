/** @jest-environment jsdom */
import "./dom-shims";
import * as React from "react";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { NarrativeDocument, NarrativeOptions, NarrativeParagraph } from "../../src/domain/narrative/types";
import type { ProofreadFinding } from "../../src/domain/proofread/types";
import type { RecognizedTable } from "../../src/domain/model";
import { App } from "../../src/taskpane/App";
import { engineReturning, FakePort, result, table } from "./fakes";

const T1 = table("收入支出决算总表!A1:F30", "收入支出决算总表", "income-expenditure-summary");
const PREVIOUS = table("上年总表!A1:F30", "上年总表", "income-expenditure-summary", { year: 2022 });

/** A paragraph whose numbers and placeholders are located by their text (offsets computed, not typed). */
function paragraph(text: string, numbers: { text: string; sources: string[]; formula: string }[], placeholders: string[]): NarrativeParagraph {
  return {
    section: "overall",
    heading: "一、收入支出决算总体情况说明",
    text,
    numbers: numbers.map((n) => {
      const start = text.indexOf(n.text);
      return { start, end: start + n.text.length, ...n };
    }),
    placeholders: placeholders.map((p) => {
      const start = text.indexOf(p);
      return { start, end: start + p.length, text: p };
    }),
  };
}

const DOC: NarrativeDocument = {
  title: "2023年度某单位部门决算说明",
  paragraphs: [
    paragraph(
      "2023年度收入总计123.78万元，比上年减少15.30万元，下降11.00%。主要原因是【请填写主要原因】。",
      [
        { text: "123.78", sources: ["收入支出决算总表!B20"], formula: "收入总计" },
        { text: "15.30", sources: ["'Sheet 1'!C7", "收入支出决算总表!B20"], formula: "139.08 − 123.78" },
        { text: "11.00%", sources: [], formula: "(123.78 − 139.08) ÷ 139.08" },
      ],
      ["【请填写主要原因】"],
    ),
  ],
};

beforeEach(() => localStorage.clear());

function setup(extra: Partial<React.ComponentProps<typeof App>> = {}) {
  const port = new FakePort();
  // Last year's workbook (read by the readWorkbook prop) is recognized as PREVIOUS, this year's as T1.
  const engine = {
    check: jest.fn((snapshot: { fileName?: string }) => (snapshot.fileName === "2022.xlsx" ? result([PREVIOUS], []) : result([T1], []))),
  };
  const narrative = jest.fn((tables: readonly RecognizedTable[], options?: Partial<NarrativeOptions>) => {
    void tables;
    void options;
    return DOC;
  });
  const proofread = jest.fn((): ProofreadFinding[] => []);
  const user = userEvent.setup({ delay: null });
  const view = render(<App port={port} engine={engine} narrative={narrative} proofread={proofread} {...extra} />);
  return { port, engine, narrative, proofread, user, view };
}

async function generate(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByTestId("tab-narrative"));
  await user.click(screen.getByTestId("generate-narrative"));
  return screen.findByTestId("narrative-preview");
}

describe("说明 tab", () => {
  it("generates from the recognized tables (checking first when needed) with the chosen style and decimals", async () => {
    const { user, narrative, port } = setup();
    await user.click(screen.getByTestId("tab-narrative"));
    // the 说明 page is fetched when its tab is first opened
    await screen.findByTestId("narrative-panel");
    await user.click(screen.getByLabelText("上海"));
    const decimals = screen.getByText("百分比小数位").closest(".fui-Field") as HTMLElement;
    await user.click(within(decimals).getByLabelText("1"));
    await user.click(screen.getByTestId("generate-narrative"));
    await screen.findByTestId("narrative-preview");
    expect(port.readSnapshot).toHaveBeenCalledTimes(1);
    expect(narrative).toHaveBeenCalledTimes(1);
    const [tables, options] = narrative.mock.calls[0];
    expect(tables.map((t) => t.id)).toEqual([T1.id]);
    expect(options).toEqual({ template: "shanghai-2024", percentDecimals: 1, previous: undefined, facts: {} });
  });

  it("renders numbers with provenance and a tooltip, highlights placeholders; clicking a number selects its source", async () => {
    const { user, port } = setup();
    const preview = await generate(user);
    expect(within(preview).getByText("一、收入支出决算总体情况说明")).toBeInTheDocument();
    // The paragraph reads exactly as generated.
    expect(preview.querySelector("p")?.textContent).toBe(DOC.paragraphs[0].text);
    const marks = within(preview).getAllByTestId("narrative-placeholder");
    expect(marks.map((m) => [m.tagName, m.textContent])).toEqual([["MARK", "【请填写主要原因】"]]);
    expect(screen.getByText("有 1 处待填内容（黄色标出），请补充后再发布。")).toBeInTheDocument();

    const numbers = within(preview).getAllByTestId("narrative-number");
    expect(numbers.map((n) => n.textContent)).toEqual(["123.78", "15.30", "11.00%"]);
    await user.hover(numbers[1]);
    const tip = () => document.getElementById(numbers[1].getAttribute("aria-describedby") ?? "");
    await waitFor(() => expect(tip()).toHaveTextContent("来源：'Sheet 1'!C7、收入支出决算总表!B20"));
    expect(tip()).toHaveTextContent("计算：139.08 − 123.78");

    await user.click(numbers[0]);
    expect(port.selectCell).toHaveBeenLastCalledWith("收入支出决算总表", "B20");
    await user.click(numbers[1]);
    expect(port.selectCell).toHaveBeenLastCalledWith("Sheet 1", "C7");
    const calls = port.selectCell.mock.calls.length;
    await user.click(numbers[2]); // computed, no source cell: nothing to select
    expect(port.selectCell).toHaveBeenCalledTimes(calls);
  });

  it("says so when the workbook has no recognized table", async () => {
    const port = new FakePort();
    const narrative = jest.fn(() => DOC);
    const user = userEvent.setup({ delay: null });
    render(<App port={port} engine={engineReturning(result([], []))} narrative={narrative} />);
    await user.click(screen.getByTestId("tab-narrative"));
    await user.click(screen.getByTestId("generate-narrative"));
    expect(await screen.findByTestId("narrative-notice")).toHaveTextContent("未识别到决算公开表");
    expect(narrative).not.toHaveBeenCalled();
  });

  it("copies the text through the clipboard, and falls back to selected text when the clipboard is refused", async () => {
    const { user } = setup();
    await generate(user);
    const writeText = jest.fn(async (text: string) => void text);
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    await user.click(screen.getByTestId("narrative-copy"));
    expect(writeText).toHaveBeenCalledWith(
      ["2023年度某单位部门决算说明", "一、收入支出决算总体情况说明", DOC.paragraphs[0].text].join("\n"),
    );
    expect(await screen.findByTestId("narrative-notice")).toHaveTextContent("已复制到剪贴板");

    writeText.mockRejectedValueOnce(new Error("NotAllowedError"));
    await user.click(screen.getByTestId("narrative-copy"));
    const fallback = (await screen.findByTestId("copy-fallback")) as HTMLTextAreaElement;
    expect(fallback.value).toContain(DOC.paragraphs[0].text);
    expect(screen.getByTestId("narrative-notice")).toHaveTextContent("Ctrl+C");
  });

  it("inserts the 说明 into a new sheet; the next time asks before replacing it: 另建新工作表 keeps it, 替换 rewrites it", async () => {
    const { user, port } = setup();
    await generate(user);
    await user.click(screen.getByTestId("narrative-insert"));
    await waitFor(() =>
      expect(port.insertTextSheet).toHaveBeenCalledWith(
        "决算说明",
        ["2023年度某单位部门决算说明", "一、收入支出决算总体情况说明", DOC.paragraphs[0].text],
        { replaceOwn: false },
      ),
    );
    expect(await screen.findByTestId("narrative-notice")).toHaveTextContent("已写入工作表“决算说明”");
    expect(screen.queryByText("替换上次插入的说明？")).not.toBeInTheDocument();

    port.insertTextSheet.mockClear();
    port.ownSheet = "决算说明(2)";
    await user.click(screen.getByTestId("narrative-insert"));
    expect(await screen.findByText("替换上次插入的说明？")).toBeInTheDocument();
    expect(port.insertTextSheet).not.toHaveBeenCalled();
    await user.click(screen.getByTestId("insert-new-sheet"));
    await waitFor(() => expect(port.insertTextSheet).toHaveBeenLastCalledWith("决算说明", expect.any(Array), { replaceOwn: false }));

    await user.click(screen.getByTestId("narrative-insert"));
    await user.click(await screen.findByTestId("replace-own-sheet"));
    await waitFor(() => expect(port.insertTextSheet).toHaveBeenLastCalledWith("决算说明", expect.any(Array), { replaceOwn: true }));
    expect(await screen.findByTestId("narrative-notice")).toHaveTextContent("已写入工作表“决算说明(2)”");
  });

  it("hides 导出 Word without an exporter, and downloads the .docx with one", async () => {
    const first = setup();
    await generate(first.user);
    expect(screen.queryByTestId("narrative-docx")).not.toBeInTheDocument();
    first.view.unmount();

    const exportDocx = jest.fn(async () => new Uint8Array([80, 75, 3, 4]));
    const createObjectURL = jest.fn(() => "blob:docx");
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => undefined);
    const { user } = setup({ exportDocx });
    await generate(user);
    await user.click(screen.getByTestId("narrative-docx"));
    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(exportDocx).toHaveBeenCalledWith(DOC);
    const blob = (createObjectURL.mock.calls[0] as unknown[])[0] as Blob;
    expect(blob.type).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect((click.mock.instances[0] as unknown as HTMLAnchorElement).download).toBe("决算说明.docx");
    click.mockRestore();
  });

  it("reads last year's workbook and passes its tables as `previous`", async () => {
    const readWorkbook = jest.fn(async () => ({ fileName: "2022.xlsx", sheets: [] }));
    const { user, narrative } = setup({ readWorkbook });
    await user.click(screen.getByTestId("tab-narrative"));
    const file = new File([new Uint8Array([80, 75, 3, 4])], "2022.xlsx");
    await user.upload(screen.getByTestId("previous-workbook"), file);
    expect(await screen.findByTestId("previous-loaded")).toHaveTextContent("已读取上年工作簿“2022.xlsx”，识别到 1 张表");
    expect(readWorkbook).toHaveBeenCalledWith(expect.any(ArrayBuffer), "2022.xlsx");
    await user.click(screen.getByTestId("generate-narrative"));
    await screen.findByTestId("narrative-preview");
    expect(narrative.mock.calls[0][1]?.previous?.map((t) => t.id)).toEqual([PREVIOUS.id]);
  });
});

describe("校对", () => {
  it("highlights each finding's excerpt as plain text and never renders pasted HTML", async () => {
    const evil = "<img src=x onerror=alert(1)>";
    const text = `2023年度支出合计100.00万元，${evil}比上年增长10.00%。`;
    const finding: ProofreadFinding = {
      rule: "P3",
      severity: "error",
      excerpt: `${evil}比上年增长10.00%`,
      offset: text.indexOf(evil),
      message: "增长率与表中数据不符",
      expected: "12.00%",
      actual: "10.00%",
      suggestion: "比上年增长12.00%",
    };
    const proofread = jest.fn(() => [finding]);
    const { user, view } = setup({ proofread });
    await user.click(screen.getByTestId("tab-narrative"));
    await user.click(screen.getByTestId("proofread-input"));
    await user.paste(text);
    await user.click(screen.getByTestId("proofread-run"));
    expect(proofread).toHaveBeenCalledWith(text, { tables: undefined, percentDecimals: 2 });
    const shown = await screen.findByTestId("proofread-text");
    expect(shown.textContent).toBe(text);
    const marks = within(shown).getAllByTestId("proofread-mark");
    expect(marks).toHaveLength(1);
    expect(marks[0].textContent).toBe(`${evil}比上年增长10.00%`);
    expect(view.container.querySelector("img")).toBeNull();
    expect(document.querySelector("img")).toBeNull();
    const item = screen.getByTestId("proofread-finding");
    expect(item).toHaveTextContent("增长率与表中数据不符");
    expect(item).toHaveTextContent("应为 12.00%；实为 10.00%");
    expect(within(item).getByTestId("proofread-suggestion")).toHaveTextContent("比上年增长12.00%");

    const writeText = jest.fn(async (t: string) => void t);
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    await user.click(within(item).getByRole("button", { name: "复制" }));
    expect(writeText).toHaveBeenCalledWith("比上年增长12.00%");
  });

  it("checks against the recognized tables once the workbook was checked", async () => {
    const proofread = jest.fn((): ProofreadFinding[] => []);
    const { user } = setup({ proofread });
    await user.click(screen.getByTestId("run-check"));
    await screen.findByTestId("no-findings");
    await user.click(screen.getByTestId("tab-narrative"));
    await user.click(screen.getByTestId("proofread-input"));
    await user.paste("收入总计123.78万元。");
    await user.click(screen.getByTestId("proofread-run"));
    expect((proofread.mock.calls[0] as unknown[])[1]).toMatchObject({ tables: [expect.objectContaining({ id: T1.id })] });
    expect(await screen.findByTestId("proofread-count")).toHaveTextContent("未发现问题");
  });

  it("falls back to the first occurrence when a finding's offset is stale", async () => {
    const text = "甲乙丙丁甲乙";
    const proofread = jest.fn((): ProofreadFinding[] => [
      { rule: "P1", severity: "warning", excerpt: "丙丁", offset: 99, message: "m", expected: null, actual: null },
    ]);
    const { user } = setup({ proofread });
    await user.click(screen.getByTestId("tab-narrative"));
    await user.click(screen.getByTestId("proofread-input"));
    await user.paste(text);
    await user.click(screen.getByTestId("proofread-run"));
    const marks = within(await screen.findByTestId("proofread-text")).getAllByTestId("proofread-mark");
    expect(marks.map((m) => m.textContent)).toEqual(["丙丁"]);
  });
});
