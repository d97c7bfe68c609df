/** Keys under which the pane keeps values with the workbook (WorkbookPort.readStored/writeStored), never in a sheet. */

/** The 补充信息 (facts) of the 说明, as JSON: entered once, there again next year. */
export const FACTS_STORE_KEY = "juesuan.narrativeFacts";
