/**
 * What jsdom lacks and Fluent UI v9 calls: MessageBar measures itself with ResizeObserver
 * (reflow of its actions). Layout does not exist in jsdom, so observing does nothing.
 */
import "@testing-library/jest-dom";

class NoLayoutResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

const g = globalThis as unknown as { ResizeObserver?: unknown };
if (typeof g.ResizeObserver === "undefined") g.ResizeObserver = NoLayoutResizeObserver;
