/**
 * Testing Library waits at most 1 s by default for findBy… and waitFor: on a busy 2-vCPU machine a Fluent UI render
 * can take longer than that, and the test would fail for the machine's speed, not for the pane's behaviour.
 * The wait is a hang guard here; a condition that never becomes true still fails.
 */
import { configure } from "@testing-library/react";

configure({ asyncUtilTimeout: 60_000 });
