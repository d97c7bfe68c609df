/** Worker thread: checks the files it is sent, one at a time, and posts each outcome back. */
import { join } from "node:path";
import { parentPort } from "node:worker_threads";
import type { CheckFileOptions, CheckOutcome } from "./check-file";
import { enableCompileCache, saveCompileCache } from "./compile-cache";

// the engine is loaded after the code cache is on (a worker has its own module loader)
enableCompileCache(join(__dirname, "..", ".."), "worker");
const checkFile = import("./check-file");
let first = true;

parentPort?.on("message", async (msg: { id: number; file: string; options: CheckFileOptions }) => {
  const outcome: CheckOutcome = await checkFile
    .then(({ checkFileOutcome }) => checkFileOutcome(msg.file, msg.options))
    .catch((e: Error) => ({
      report: { file: msg.file, tables: [], findings: [], unrecognizedSheets: [], error: `${msg.file.split(/[\\/]/).pop()}：检查时出错，未完成。` },
      detail: e.stack ?? e.message,
    }));
  // a worker is terminated, never exits by itself: the cache is saved (if it needs to be) before the first answer
  if (first) saveCompileCache(!outcome.report.error);
  first = false;
  parentPort?.postMessage({ id: msg.id, outcome });
});
