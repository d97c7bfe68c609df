/** @jest-environment jsdom */
// The pane's on-demand parts (engine, 说明 page, 设置 page, result view): nothing is fetched before it is needed,
// and a part that cannot be fetched (the add-in's server unreachable) explains itself in Chinese and can be retried.
import "./dom-shims";
import * as React from "react";
import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/App";
import { S } from "../../src/taskpane/strings";
import { FakePort, result } from "./fakes";

type Part = "engine" | "narrative" | "settings" | "results";
// How often each on-demand module was fetched, and which fetches fail (a webpack chunk error in the browser).
const mockFetch: { loads: Record<Part, number>; failing: Set<Part> } = { loads: { engine: 0, narrative: 0, settings: 0, results: 0 }, failing: new Set() };
function mockLoad(part: Part, path: string): unknown {
  mockFetch.loads[part] += 1;
  if (mockFetch.failing.has(part)) throw new Error(`Loading chunk ${part} failed.`);
  return jest.requireActual(path);
}
jest.mock("../../src/domain/engine", () => mockLoad("engine", "../../src/domain/engine"));
jest.mock("../../src/taskpane/narrative-page", () => mockLoad("narrative", "../../src/taskpane/narrative-page"));
jest.mock("../../src/taskpane/SettingsPanel", () => mockLoad("settings", "../../src/taskpane/SettingsPanel"));
jest.mock("../../src/taskpane/CheckResults", () => mockLoad("results", "../../src/taskpane/CheckResults"));

beforeEach(() => localStorage.clear());

// One render walks the whole story: module-level caches make later renders see the parts already fetched.
it("fetches each part on first use only, and explains a failed fetch in Chinese with a working 重试", async () => {
  const user = userEvent.setup({ delay: null });
  render(<App port={new FakePort()} />);
  expect(screen.getByTestId("run-check")).toBeInTheDocument();
  // effects, the port's answers and any import() started on mount have all run once act has settled
  await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
  expect(mockFetch.loads).toEqual({ engine: 0, narrative: 0, settings: 0, results: 0 });

  // the engine cannot be fetched: the check fails with the reason, and 重试 runs it once the server answers
  mockFetch.failing.add("engine");
  await user.click(screen.getByTestId("run-check"));
  const error = await screen.findByTestId("check-error");
  expect(error).toHaveTextContent(S.lazy.engineFailed);
  expect(mockFetch.loads.engine).toBe(1);
  mockFetch.failing.delete("engine");
  await user.click(within(error).getByRole("button", { name: S.check.retry }));
  // the empty workbook is checked by the real engine; its result view arrives with it
  expect(await screen.findByTestId("empty")).toHaveTextContent(S.check.emptyTitle);
  expect(mockFetch.loads).toEqual({ engine: 2, narrative: 0, settings: 0, results: 1 });

  // the 说明 page cannot be fetched: the tab says so instead of staying blank, and 重试 brings the page
  mockFetch.failing.add("narrative");
  await user.click(screen.getByTestId("tab-narrative"));
  const failed = await screen.findByTestId("lazy-failed");
  expect(failed).toHaveTextContent(S.lazy.failedTitle);
  expect(failed).toHaveTextContent("请确认网络连通后点“重试”");
  mockFetch.failing.delete("narrative");
  await user.click(within(failed).getByRole("button", { name: S.lazy.retry }));
  expect(await screen.findByTestId("narrative-panel")).toBeInTheDocument();
  expect(screen.queryByTestId("lazy-failed")).not.toBeInTheDocument();
  expect(mockFetch.loads.settings).toBe(0);

  await user.click(screen.getByTestId("tab-settings"));
  expect(await screen.findByTestId("settings-panel")).toBeInTheDocument();
  expect(mockFetch.loads).toEqual({ engine: 2, narrative: 2, settings: 1, results: 1 });
});

it("shows the check as running while the engine's code is still arriving, then the result", async () => {
  let arrive!: () => void;
  const engine = { load: () => new Promise<void>((resolve) => (arrive = resolve)), check: jest.fn(() => result([], [])) };
  const port = new FakePort();
  const user = userEvent.setup({ delay: null });
  render(<App port={port} engine={engine} />);
  await user.click(screen.getByTestId("run-check"));
  expect(await screen.findByTestId("check-progress")).toHaveTextContent(S.check.running);
  expect(screen.getByTestId("run-check")).toBeDisabled();
  expect(port.readSnapshot).not.toHaveBeenCalled();
  await act(async () => arrive());
  expect(await screen.findByTestId("empty")).toBeInTheDocument();
  expect(engine.check).toHaveBeenCalledTimes(1);
  expect(screen.queryByTestId("check-progress")).not.toBeInTheDocument();
});
