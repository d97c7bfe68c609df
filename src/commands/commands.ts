/*
 * Function file of the ribbon (manifest FunctionFile → commands.html). Office loads it invisibly when
 * the workbook opens. The only ribbon button is a ShowTaskpane action, so no function command is
 * associated here; the file must still load and initialise Office.js cleanly, and say so when it cannot.
 */

/** The part of the Office.js global this file relies on (kept narrow so tests can pass a fake). */
export interface OfficeLike {
  onReady(): Promise<{ host: Office.HostType | null; platform: Office.PlatformType | null }>;
}

export type CommandsStatus =
  | { state: "ready"; host: string | null }
  | { state: "failed"; message: string };

const LOG_PREFIX = "【决算助手】";

/** Waits for Office.js; failures are logged to the console (a function file has no UI) and returned. */
export async function startCommands(office: OfficeLike | undefined): Promise<CommandsStatus> {
  if (!office) {
    const message = "Office.js 未加载（需联网访问 appsforoffice.microsoft.com）/ Office.js is not loaded";
    console.error(`${LOG_PREFIX}${message}`);
    return { state: "failed", message };
  }
  try {
    const info = await office.onReady();
    return { state: "ready", host: info.host === null ? null : String(info.host) };
  } catch (error) {
    const message = `命令初始化失败 / commands failed to initialise: ${error instanceof Error ? error.message : String(error)}`;
    console.error(`${LOG_PREFIX}${message}`);
    return { state: "failed", message };
  }
}

void startCommands(typeof Office === "undefined" ? undefined : Office);
