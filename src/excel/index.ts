/** Entry for the task pane: the Excel implementation of WorkbookPort (only valid inside an Excel host). */
import { ExcelWorkbookPort, type ExcelPortOptions } from "./excel-port";

export { ExcelWorkbookPort, officeRun, type ExcelPortOptions, type ExcelRun } from "./excel-port";
export { ExcelPortError, ExcelTimeoutError } from "./errors";
export { syncWithTimeout } from "./sync";

export function createExcelPort(options: ExcelPortOptions = {}): ExcelWorkbookPort {
  return new ExcelWorkbookPort(undefined, options);
}
