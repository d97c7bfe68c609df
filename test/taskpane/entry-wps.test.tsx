/** @jest-environment jsdom */
// The pane's entry inside WPS 表格: the ET adapter is its own chunk, fetched only there. When it cannot be fetched
// the pane explains why in Chinese instead of staying blank; when it arrives the pane opens over it.
import "./dom-shims";
import { screen, within } from "@testing-library/react";
import { S } from "../../src/taskpane/strings";
import { FakePort } from "./fakes";

const mockWps = { fail: false, created: 0 };
jest.mock("../../src/wps", () => {
  if (mockWps.fail) throw new Error("Loading chunk wps failed.");
  return {
    createWpsPort: () => {
      mockWps.created += 1;
      return new FakePort();
    },
  };
});

/** Loads the entry as the browser would: a page with #root inside a host that exposes the ET object model. */
async function openPane() {
  document.body.innerHTML = '<div id="root"></div>';
  (window as unknown as { Application?: unknown }).Application = { ActiveWorkbook: {} };
  // A fresh copy of the entry (it renders when evaluated) with its own React, so act must come from that copy too.
  await new Promise<void>((done, fail) =>
    jest.isolateModules(() => {
      const { act } = jest.requireActual<typeof import("react")>("react");
      act(async () => {
        jest.requireActual("../../src/taskpane/index");
        await new Promise((resolve) => setTimeout(resolve, 0)); // the entry's import() settles inside act
      }).then(done, fail);
    }),
  );
}

afterEach(() => {
  delete (window as unknown as { Application?: unknown }).Application;
});

it("explains in Chinese when the WPS adapter cannot be fetched", async () => {
  mockWps.fail = true;
  await openPane();
  const box = await screen.findByTestId("chunk-unavailable");
  expect(box).toHaveTextContent(S.lazy.failedTitle);
  expect(box).toHaveTextContent("请确认网络连通");
  expect(within(box).getByRole("button", { name: S.lazy.retry })).toBeInTheDocument(); // reloads the page
  expect(screen.queryByTestId("run-check")).not.toBeInTheDocument();
  expect(mockWps.created).toBe(0);
});

it("opens the pane over the WPS adapter once it has arrived", async () => {
  mockWps.fail = false;
  await openPane();
  expect(await screen.findByTestId("run-check")).toBeInTheDocument();
  expect(screen.queryByTestId("chunk-unavailable")).not.toBeInTheDocument();
  expect(mockWps.created).toBe(1);
});
