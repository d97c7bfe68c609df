/** @jest-environment jsdom */
/**
 * Proofreading a 说明 that lives in the workbook: read it from its sheet, find the real residue
 * "增加减少", and — only when the user clicks — write the corrected sentence back to that one cell.
 */
import "./dom-shims";
import * as React from "react";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/App";
import { proofread } from "../../src/domain/proofread";
import type { WorkbookSnapshot } from "../../src/domain/grid";
import { FakePort, result } from "./fakes";
import { buildTables, xicheng2023 } from "../narrative/build-tables";
import { summarize } from "../../src/domain/engine";
import { generateNarrative } from "../../src/domain/narrative";

const SENTENCE = "2023年度财政拨款收、支总计123.78万元，比上年增加减少15.30万元，下降11%。";

const SNAPSHOT: WorkbookSnapshot = {
  sheets: [
    { name: "收入支出决算总表", index: 0, cells: [[{ v: "收入支出决算总表", t: "收入支出决算总表" }]], rowCount: 1, colCount: 1, merges: [], hiddenRows: [], hiddenCols: [] },
    {
      name: "决算说明",
      index: 1,
      cells: [[{ v: "三、财政拨款收入支出决算总体情况说明", t: "三、财政拨款收入支出决算总体情况说明" }], [{ v: SENTENCE, t: SENTENCE }]],
      rowCount: 2,
      colCount: 1,
      merges: [],
      hiddenRows: [],
      hiddenCols: [],
    },
  ],
};

it("reads the 说明 from its sheet and writes the clicked fix to exactly that cell", async () => {
  const port = new FakePort();
  port.readSnapshot.mockImplementation(async () => SNAPSHOT);
  const engine = { check: jest.fn(() => result([], [])) };
  const user = userEvent.setup({ delay: null });
  render(<App port={port} engine={engine} narrative={jest.fn()} proofread={proofread} />);
  await user.click(screen.getByTestId("tab-narrative"));
  await user.click(screen.getByTestId("proofread-from-sheet"));
  expect((screen.getByTestId("proofread-input") as HTMLTextAreaElement).value).toBe(SENTENCE);
  await user.click(screen.getByTestId("proofread-run"));
  const replace = (await screen.findAllByTestId("proofread-replace"))[0];
  expect(replace.textContent).toContain("A2");
  expect(port.writeCellText).not.toHaveBeenCalled();
  await user.click(replace);
  expect(port.writeCellText).toHaveBeenCalledTimes(1);
  expect(port.writeCellText).toHaveBeenCalledWith("决算说明", "A2", SENTENCE.replace("增加减少", "减少"));
  expect((screen.getByTestId("proofread-input") as HTMLTextAreaElement).value).toContain("比上年减少15.30万元");
});

it("opens a .txt 说明 from a file and proofreads it", async () => {
  const port = new FakePort();
  const engine = { check: jest.fn(() => result([], [])) };
  const user = userEvent.setup({ delay: null });
  render(<App port={port} engine={engine} narrative={jest.fn()} proofread={proofread} />);
  await user.click(screen.getByTestId("tab-narrative"));
  const file = new File([SENTENCE], "说明.txt", { type: "text/plain" });
  await user.upload(screen.getByTestId("proofread-file") as HTMLInputElement, file);
  await waitFor(() => expect((screen.getByTestId("proofread-input") as HTMLTextAreaElement).value).toBe(SENTENCE));
  await user.click(screen.getByTestId("proofread-run"));
  expect((await screen.findAllByTestId("proofread-finding")).map((e) => e.getAttribute("data-rule"))).toContain("NARR.RESIDUE");
});

it("passes the 年初预算 the user enters in the 补充信息 form to the 说明 generator, and nothing for the items left blank", async () => {
  // the 西城 2023 tables as recognized (built directly: ExcelJS does not load under jsdom)
  const tables = buildTables(xicheng2023());
  const real = { ...result([], []), recognized: tables, tables: tables.map(summarize) };
  const port = new FakePort();
  const engine = { check: jest.fn(() => real) };
  const narrative = jest.fn(generateNarrative);
  const user = userEvent.setup({ delay: null });
  render(<App port={port} engine={engine} narrative={narrative} proofread={proofread} />);
  await user.click(screen.getByTestId("run-check"));
  expect(await screen.findByTestId("tables-toggle")).toHaveTextContent(/识别到 \d+ 张表/);
  await user.click(screen.getByTestId("tab-narrative"));
  await user.click(await screen.findByTestId("generate-narrative"));
  // the form lists the 年初预算 of each 项 and of the total as missing facts
  await user.type(await screen.findByTestId("fact-initialBudgets.2060702"), "3.00");
  await user.type(screen.getByTestId("fact-initialBudgets.total"), "120.00");
  await user.click(screen.getByTestId("facts-save"));
  await waitFor(() => expect(narrative.mock.calls.length).toBeGreaterThanOrEqual(2));
  const facts = narrative.mock.calls[narrative.mock.calls.length - 1][1]?.facts;
  expect(facts?.initialBudgets).toEqual({ "2060702": "3.00", total: "120.00" });
  const preview = await screen.findByTestId("narrative-preview");
  // 4.70 against 3.00: 156.67 %; 123.78 against 120.00: 103.15 %
  await waitFor(() => expect(preview.textContent).toContain("156.67%"));
  expect(preview.textContent).toContain("103.15%");
  // what was entered is no longer asked for; the 项 left blank still are
  expect(screen.queryByTestId("fact-initialBudgets.2060702")).not.toBeInTheDocument();
  expect(screen.queryAllByTestId(/^fact-initialBudgets\.\d+$/).length).toBeGreaterThan(0);
});
