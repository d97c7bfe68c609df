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

// jsdom has no TextDecoder/TextEncoder; browsers and Office webviews do (the pane decodes .txt files with it).
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from "node:util";
const t = globalThis as unknown as { TextDecoder?: unknown; TextEncoder?: unknown };
if (typeof t.TextDecoder === "undefined") t.TextDecoder = NodeTextDecoder;
if (typeof t.TextEncoder === "undefined") t.TextEncoder = NodeTextEncoder;

// Hang guard only, never a speed requirement: a full Fluent render in jsdom takes seconds on a busy
// 2-vCPU machine, far beyond jest's default 5 s per test.
jest.setTimeout(120_000);
// The same for findBy*/waitFor: wait as long as it takes (default 1 s), fail only on a real hang.
import { configure } from "@testing-library/react";
configure({ asyncUtilTimeout: 60_000 });
