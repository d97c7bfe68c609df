/** @jest-environment jsdom */
/**
 * The 校对 pane groups findings by paragraph and shows which statements depend on a figure found wrong,
 * on the real 钱塘区行政审批局 2021 text with the seeded errors of the corpus.
 */
import "../taskpane/dom-shims";
import * as React from "react";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ProofreadSection, groupByParagraph } from "../../src/taskpane/ProofreadSection";
import { proofread } from "../../src/domain/proofread";

const TEXT = [
  "杭州市钱塘区行政审批局2021年度部门决算",
  "三、2020年度部门决算情况说明",
  "本年支出合计4352.47万元，其中基本支出2054.70万元，占47.2%；项目支出2287.77万元，占52.8%；上缴上级支出0万元，占0%；经营支出0万元，占0%；对附属单位补助支出0万元，占0%。",
  "",
  "2021年度收入总计4352.47万元，支出总计4352.47万元。",
].join("\n");

it("groups findings by paragraph, in the order of the text", () => {
  const findings = proofread(TEXT);
  const groups = groupByParagraph(TEXT, findings);
  expect(groups.map((g) => g.paragraph)).toEqual([1, 2]);
  expect(groups[0].lead).toBe("三、2020年度部门决算情况说明");
  expect(groups[1].items.map((i) => i.finding.rule)).toContain("NARR.SUM");
  // every finding is in exactly one group
  expect(groups.flatMap((g) => g.items.map((i) => i.index)).sort((a, b) => a - b)).toEqual(findings.map((_, i) => i));
});

it("falls back to the offset when a finding has no paragraph", () => {
  const groups = groupByParagraph("甲\n\n乙段", [{ rule: "X", severity: "info", excerpt: "乙", offset: 3, message: "", expected: null, actual: null }]);
  expect(groups).toEqual([{ paragraph: 1, lead: "乙段", items: [expect.objectContaining({ index: 0 })] }]);
});

it("shows the groups and the dependent statements in the pane", async () => {
  render(<ProofreadSection proofread={proofread} tables={null} percentDecimals={2} />);
  await userEvent.click(screen.getByTestId("proofread-input"));
  await userEvent.paste(TEXT);
  await userEvent.click(screen.getByTestId("proofread-run"));
  const groups = await screen.findAllByTestId("proofread-paragraph");
  expect(groups.map((g) => g.getAttribute("data-paragraph"))).toEqual(["1", "2"]);
  expect(groups[0].textContent).toContain("第 2 段");
  const sum = within(groups[1]).getAllByTestId("proofread-finding").find((e) => e.getAttribute("data-rule") === "NARR.SUM")!;
  expect(within(sum).getByTestId("proofread-dependents").textContent).toContain("占52.8%");
});
