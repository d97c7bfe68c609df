#!/usr/bin/env node
// Removes dist-cli/ before the engine is compiled: `tsc -b` never deletes the output of a source file that was
// moved or renamed, and a stale dist-cli/domain/rules/evaluation.js would shadow the new rules/evaluation/index.js.
import { rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

rmSync(join(dirname(fileURLToPath(import.meta.url)), "..", "dist-cli"), { recursive: true, force: true });
