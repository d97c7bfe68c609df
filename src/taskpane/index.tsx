/**
 * Task pane entry: wait for Office, then render the pane over the Excel adapter. The host theme is
 * read here once and passed down (components never touch Office.js).
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { createExcelPort } from "../excel";
import { detectHost } from "./host";
import { App } from "./App";
import { exportNarrativeDocx } from "./docx-export";
import { S } from "./strings";
import type { HostTheme } from "./theme";

function hostTheme(): HostTheme | null {
  try {
    const t = Office.context?.officeTheme;
    if (!t) return null;
    return {
      bodyBackgroundColor: t.bodyBackgroundColor,
      bodyForegroundColor: t.bodyForegroundColor,
      controlBackgroundColor: t.controlBackgroundColor,
      controlForegroundColor: t.controlForegroundColor,
      isDarkTheme: typeof t.isDarkTheme === "boolean" ? t.isDarkTheme : undefined,
    };
  } catch {
    return null; // some hosts throw instead of returning undefined
  }
}

/** How long Office may take to say it is ready before the pane explains why it is still empty. */
const OFFICE_READY_WAIT_MS = 15_000;

const host = detectHost();
const container = document.getElementById("root");
if (container && host.kind === "wps") {
  // WPS 表格 loads no office.js: the same pane over the ET object model, whose adapter only WPS fetches.
  const root = createRoot(container);
  const app = host.app;
  import(/* webpackChunkName: "wps" */ "../wps").then(
    ({ createWpsPort }) => root.render(<App port={createWpsPort(app)} hostTheme={null} exportDocx={exportNarrativeDocx} />),
    () => root.render(<ChunkUnavailable />),
  );
} else if (container) {
  const root = createRoot(container);
  if (typeof Office === "undefined") {
    // office.js comes from Microsoft's CDN, which government intranets often block: say so, in Chinese.
    root.render(<OfficeUnavailable />);
  } else {
    let ready = false;
    const waiting = setTimeout(() => {
      if (!ready) root.render(<OfficeUnavailable />);
    }, OFFICE_READY_WAIT_MS);
    void Office.onReady((info) => {
      ready = true;
      clearTimeout(waiting);
      if (info.host !== Office.HostType.Excel) {
        root.render(<p style={{ padding: 16 }}>{S.notInExcel}</p>);
        return;
      }
      root.render(<App port={createExcelPort()} hostTheme={hostTheme()} exportDocx={exportNarrativeDocx} />);
    });
  }
}

/** The pane's own code could not be fetched from the add-in's server: say so instead of a blank pane. */
function ChunkUnavailable() {
  return (
    <div style={{ padding: 16, lineHeight: 1.6 }} data-testid="chunk-unavailable" role="alert">
      <h2 style={{ fontSize: 16, margin: "0 0 8px" }}>{S.lazy.failedTitle}</h2>
      <p style={{ margin: "0 0 8px" }}>{S.lazy.failedBody}</p>
      <button type="button" onClick={() => window.location.reload()}>
        {S.lazy.retry}
      </button>
    </div>
  );
}

function OfficeUnavailable() {
  const m = S.officeUnavailable;
  return (
    <div style={{ padding: 16, lineHeight: 1.6 }} data-testid="office-unavailable" role="alert">
      <h2 style={{ fontSize: 16, margin: "0 0 8px" }}>{m.title}</h2>
      <p style={{ margin: "0 0 8px" }}>{m.body}</p>
      <ol style={{ margin: 0, paddingLeft: 20 }}>
        {m.steps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
    </div>
  );
}
