/**
 * Every round trip to Excel goes through here. Excel on the web can leave a sync pending forever
 * while a large workbook is still loading (office-js #4805, #6150, #6678), so each sync races a timer
 * and the pane can offer 重试 instead of spinning.
 */
import { ExcelTimeoutError } from "./errors";

export const DEFAULT_SYNC_TIMEOUT_MS = 20_000;

/** The one thing a request context must do for this helper (keeps it testable with a fake). */
export interface Syncable {
  sync(): Promise<unknown>;
}

export async function syncWithTimeout(context: Syncable, ms: number = DEFAULT_SYNC_TIMEOUT_MS): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ExcelTimeoutError(ms)), ms);
  });
  try {
    await Promise.race([context.sync(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
