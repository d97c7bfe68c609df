/**
 * Which host the task pane runs in, decided once at the edge: WPS 表格 exposes its ET object model as
 * `window.Application` (WPS 加载项); Office exposes `Office`. Everything after this — pane, strings,
 * engine — is the same; only the WorkbookPort differs.
 */
import type { EtApplication } from "../wps/et";

export type TaskPaneHost = { kind: "wps"; app: EtApplication } | { kind: "office" } | { kind: "none" };

export function detectHost(win: unknown = typeof window === "undefined" ? undefined : window): TaskPaneHost {
  const w = (win ?? {}) as { Application?: unknown; wps?: unknown; Office?: unknown };
  // Office never defines Application; WPS defines both Application and its alias wps.
  const app = w.Application ?? w.wps;
  const looksLikeEt = !!app && typeof app === "object" && ("ActiveWorkbook" in app || typeof (app as { CreateTaskPane?: unknown }).CreateTaskPane === "function");
  if (looksLikeEt) return { kind: "wps", app: app as EtApplication };
  if (w.Office !== undefined) return { kind: "office" };
  return { kind: "none" };
}
