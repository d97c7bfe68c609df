/**
 * Ribbon callbacks of the WPS add-in (ribbon.xml calls ribbon.OnAddinLoad / OnAction / GetImage).
 * The button opens the task pane once per WPS window and then toggles it; the pane's id is kept in
 * Application.PluginStorage, shared by the add-in's pages.
 */
import type { EtApplication, EtTaskPane } from "../et";

const PANE_KEY = "juesuan.taskpane.id";

interface WpsRoot extends EtApplication {
  CreateTaskPane(url: string, title?: string): EtTaskPane;
  GetTaskPane(id: number): EtTaskPane;
  readonly PluginStorage: { getItem(key: string): unknown; setItem(key: string, value: unknown): void };
}

export function createRibbon(app: WpsRoot, baseUrl: string) {
  return {
    OnAddinLoad(): boolean {
      return true;
    },
    OnAction(control: { Id: string }): boolean {
      if (control.Id !== "btnShowTaskPane") return true;
      const id = Number(app.PluginStorage.getItem(PANE_KEY));
      let pane: EtTaskPane | undefined;
      if (id) {
        try {
          pane = app.GetTaskPane(id);
        } catch {
          pane = undefined; // closed with its window
        }
      }
      if (pane) {
        pane.Visible = !pane.Visible;
        return true;
      }
      pane = app.CreateTaskPane(new URL("taskpane.html", baseUrl).href, "决算助手");
      app.PluginStorage.setItem(PANE_KEY, pane.ID);
      pane.Visible = true;
      return true;
    },
    GetImage(): string {
      return "assets/icon-32.png";
    },
  };
}

declare global {
  interface Window {
    ribbon?: ReturnType<typeof createRibbon>;
  }
}

if (typeof window !== "undefined") {
  const root = (window as unknown as { Application?: WpsRoot }).Application;
  if (root) window.ribbon = createRibbon(root, document.location.href);
}
