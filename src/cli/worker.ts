/** Worker thread: checks the files it is sent, one at a time, and posts each report back. */
import { parentPort } from "node:worker_threads";
import { checkFile, type CheckFileOptions } from "./check-file";

parentPort?.on("message", async (msg: { id: number; file: string; options: CheckFileOptions }) => {
  const report = await checkFile(msg.file, msg.options).catch((e: Error) => ({ file: msg.file, tables: [], findings: [], error: `检查失败：${e.message}` }));
  parentPort?.postMessage({ id: msg.id, report });
});
