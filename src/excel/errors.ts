/**
 * Errors the Excel adapter hands to the pane: always a zh-CN message an accountant can act on,
 * plus whether offering 重试 makes sense. Office.js errors (RichApi.Error) carry a `code`.
 */

export const MESSAGES = {
  timeout: "Excel 响应超时，请重试（网页版 Excel 有时会卡住）",
  accessDenied: "工作表受保护，无法写入。请先撤销工作表保护再重试。",
  itemNotFound: "找不到工作表或单元格（可能已改名或删除），请重新检查后再试。",
  cellEditMode: "Excel 正处于单元格编辑状态，请按 Enter 或 Esc 结束编辑后重试。",
  payloadTooLarge: "工作簿太大，Excel 一次传不完，请重试；若仍失败，请先删除无关的大工作表。",
  generic: "Excel 未能完成这一步操作，请重试；若一再失败，请保存并重新打开工作簿后再试。",
} as const;

export class ExcelPortError extends Error {
  constructor(
    message: string,
    /** Office.js error code when there was one ("AccessDenied", "ItemNotFound" …) or "Timeout" */
    readonly code: string,
    /** the pane may offer 重试 */
    readonly retryable: boolean,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = "ExcelPortError";
  }
}

export class ExcelTimeoutError extends ExcelPortError {
  constructor(readonly timeoutMs: number) {
    super(MESSAGES.timeout, "Timeout", true);
    this.name = "ExcelTimeoutError";
  }
}

/** Office.js error code of a thrown value, if any. */
export function errorCode(error: unknown): string | undefined {
  if (error && typeof error === "object" && "code" in error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === "string" ? code : undefined;
  }
  return undefined;
}

/** Turn whatever Office.js threw into an ExcelPortError with a zh-CN message. */
export function toPortError(error: unknown): ExcelPortError {
  if (error instanceof ExcelPortError) return error;
  const code = errorCode(error) ?? "Unknown";
  switch (code) {
    case "AccessDenied":
      return new ExcelPortError(MESSAGES.accessDenied, code, false, error);
    case "ItemNotFound":
      return new ExcelPortError(MESSAGES.itemNotFound, code, true, error);
    case "InvalidOperationInCellEditMode":
      return new ExcelPortError(MESSAGES.cellEditMode, code, true, error);
    case "RequestPayloadSizeLimitExceeded":
    case "ResponsePayloadSizeLimitExceeded":
      return new ExcelPortError(MESSAGES.payloadTooLarge, code, true, error);
    default:
      // Excel's own message is English and technical: kept in `cause` for the console, never shown.
      return new ExcelPortError(MESSAGES.generic, code, true, error);
  }
}
