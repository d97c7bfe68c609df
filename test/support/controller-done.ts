import type { CheckController } from "../../src/taskpane/check-controller";

/** Resolves when the controller has finished (done or failed) the next check it starts, e.g. the one an edit triggers. */
export function nextCheckDone(controller: CheckController): Promise<void> {
  return new Promise((resolve) => {
    let started = false;
    const off = controller.subscribe(() => {
      const phase = controller.getState().phase;
      if (phase === "reading") started = true;
      if (started && (phase === "done" || phase === "error")) {
        off();
        resolve();
      }
    });
  });
}
