/**
 * Parts of the pane fetched on first use (the check engine, 说明/校对, 设置, the Fluent pieces only they
 * need), so that opening the pane loads only what its first screen shows. A failed fetch (the add-in's
 * server unreachable on an intranet) is forgotten, so the next use asks again instead of failing forever.
 */
import * as React from "react";

export interface LazyModule<T> {
  /** fetches the module once; concurrent and later calls share the same promise until it fails */
  load(): Promise<T>;
  /** the module when it has arrived, else null */
  current(): T | null;
}

export function lazyModule<T>(importer: () => Promise<T>): LazyModule<T> {
  let value: T | null = null;
  let loading: Promise<T> | null = null;
  return {
    load() {
      loading ??= importer().then(
        (m) => (value = m),
        (e: unknown) => {
          loading = null;
          throw e;
        },
      );
      return loading;
    },
    current: () => value,
  };
}

export type LazyState<T> = { module: T; failed: false } | { module: null; failed: boolean };

/**
 * The module once `wanted` has been true (a tab opened, say), with a failure flag and a retry.
 * Before it is wanted nothing is fetched.
 */
export function useLazyModule<T>(lazy: LazyModule<T>, wanted: boolean): LazyState<T> & { retry(): void } {
  const [module, setModule] = React.useState<T | null>(lazy.current);
  const [failed, setFailed] = React.useState(false);
  const [attempt, setAttempt] = React.useState(0);
  React.useEffect(() => {
    if (!wanted || module) return;
    let live = true;
    setFailed(false);
    lazy.load().then(
      (m) => live && setModule(() => m),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [lazy, wanted, module, attempt]);
  const retry = React.useCallback(() => setAttempt((a) => a + 1), []);
  return module ? { module, failed: false, retry } : { module: null, failed, retry };
}
