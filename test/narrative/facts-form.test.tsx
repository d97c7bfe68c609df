/** @jest-environment jsdom */
/**
 * The 补充信息 form in the 说明 tab: it lists what is still missing, saves what the user enters with the
 * workbook (the port's stored settings, never a sheet) and regenerates; the saved set is read back next time.
 */
import "../taskpane/dom-shims";
import * as React from "react";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { generateNarrative } from "../../src/domain/narrative";
import { FACTS_STORE_KEY, NarrativePanel } from "../../src/taskpane/NarrativePanel";
import { MemoryWorkbookPort } from "../../src/memory/memory-port";
import { buildTables, xicheng2023 } from "./build-tables";

jest.setTimeout(120_000);

async function setup(port: MemoryWorkbookPort) {
  // the 西城区 2023 tables as recognized (Beijing layout); the port only stores the facts here
  const tables = buildTables(xicheng2023());
  const narrative = jest.fn(generateNarrative);
  const user = userEvent.setup();
  const view = render(
    <NarrativePanel
      tables={tables}
      ensureTables={async () => tables}
      readPreviousTables={async () => []}
      narrative={narrative}
      proofread={() => []}
      defaultPercentDecimals={2}
      selectCell={async () => undefined}
      insertTextSheet={async () => undefined}
      loadFacts={() => port.readStored(FACTS_STORE_KEY)}
      saveFacts={(json) => port.writeStored(FACTS_STORE_KEY, json)}
    />,
  );
  return { narrative, user, view };
}

it("shows the missing facts, stores an entered one with the workbook and fills it into the text", async () => {
  const port = new MemoryWorkbookPort({ sheets: [] });
  const sheetsBefore = (await port.readSnapshot()).sheets.map((s) => s.name);
  const { narrative, user, view } = await setup(port);
  await user.click(screen.getByTestId("generate-narrative"));
  await screen.findByTestId("narrative-preview");
  expect(screen.getByTestId("narrative-template")).toHaveTextContent("北京市部门决算说明（2023年度）（按识别到的北京版式");
  const missing = narrative.mock.results[0].value.missing!.length;
  expect(screen.getByText(`补充信息（尚缺 ${missing} 项）`)).toBeInTheDocument();

  await user.type(screen.getByTestId("fact-previous.overall"), "100.00");
  await user.type(screen.getByTestId("fact-procurement.total"), "12.50");
  await user.click(screen.getByTestId("facts-save"));
  // two facts entered: two fewer missing (the 收支总计 reason stays missing, now as 增加的主要原因)
  await waitFor(() => expect(screen.getByText(`补充信息（尚缺 ${missing - 2} 项）`)).toBeInTheDocument());
  const text = screen.getByTestId("narrative-preview").textContent!;
  // 123.78 − 100.00 = 23.78; 23.78 ÷ 100.00 = 23.78%
  expect(text).toContain("2023年度收、支总计123.78万元，比上年增加23.78万元，增长23.78%。");
  expect(text).toContain("政府采购金额（以合同签订为准）为12.50万元");
  expect(JSON.parse((await port.readStored(FACTS_STORE_KEY))!)).toMatchObject({ previous: { overall: "100.00" }, procurement: { total: "12.50" } });
  expect((await port.readSnapshot()).sheets.map((s) => s.name)).toEqual(sheetsBefore);

  // next time: read back from the workbook
  view.unmount();
  const again = await setup(port);
  await again.user.click(screen.getByTestId("generate-narrative"));
  await screen.findByTestId("narrative-preview");
  expect(screen.getByTestId("narrative-preview").textContent).toContain("比上年增加23.78万元，增长23.78%");
});
