/** Worker thread: checks the files it is sent, one at a time, and posts each outcome back. */
import { parentPort } from "node:worker_threads";
import { checkFileOutcome, type CheckFileOptions, type CheckOutcome } from "./check-file";

parentPort?.on("message", async (msg: { id: number; file: string; options: CheckFileOptions }) => {
  const outcome: CheckOutcome = await checkFileOutcome(msg.file, msg.options).catch((e: Error) => ({
    report: { file: msg.file, tables: [], findings: [], unrecognizedSheets: [], error: `${msg.file.split(/[\\/]/).pop()}：检查时出错，未完成。` },
    detail: e.stack ?? e.message,
  }));
  parentPort?.postMessage({ id: msg.id, outcome });
});
