/** Entry for the task pane inside WPS 表格: the WPS implementation of WorkbookPort. */
import type { EtApplication } from "./et";
import { WpsWorkbookPort, type WpsPortOptions } from "./wps-port";

export { WpsWorkbookPort, WpsPortError, type WpsPortOptions } from "./wps-port";
export type { EtApplication } from "./et";

export function createWpsPort(app: EtApplication, options: WpsPortOptions = {}): WpsWorkbookPort {
  return new WpsWorkbookPort(app, options);
}
