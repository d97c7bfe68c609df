/**
 * Task pane entry: wait for Office, then render the pane over the Excel adapter. The host theme is
 * read here once and passed down (components never touch Office.js).
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { createExcelPort } from "../excel";
import { createWpsPort } from "../wps";
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

const host = detectHost();
if (host.kind === "wps") {
  const container = document.getElementById("root");
  if (container) createRoot(container).render(<App port={createWpsPort(host.app)} hostTheme={null} exportDocx={exportNarrativeDocx} />);
} else void Office.onReady((info) => {
  const container = document.getElementById("root");
  if (!container) return;
  const root = createRoot(container);
  if (info.host !== Office.HostType.Excel) {
    root.render(<p style={{ padding: 16 }}>{S.notInExcel}</p>);
    return;
  }
  root.render(<App port={createExcelPort()} hostTheme={hostTheme()} exportDocx={exportNarrativeDocx} />);
});
