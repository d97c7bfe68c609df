/**
 * Jest, two projects: the engine, CLI, adapter and tooling tests run in plain node; only the React pane and demo
 * components (*.test.tsx) run in jsdom, which is slow to start and to render Fluent UI.
 * TypeScript goes through ts-jest transpile-only: types are checked once by `tsc -b` in npm test.
 *
 * No test may depend on the machine's speed: the suite runs on small, busy 2-vCPU machines (and beside a second
 * `npm test`). So the per-test timeout and Testing Library's waitFor/findBy timeout are hang guards measured in
 * minutes, never a speed requirement; benchmarks live in test/bench/ and only print.
 */
const transform = {
  "^.+\\.tsx?$": ["ts-jest", { tsconfig: { jsx: "react-jsx", module: "commonjs", esModuleInterop: true, isolatedModules: true } }],
};
const shared = {
  rootDir: __dirname,
  roots: ["<rootDir>/test"],
  transform,
  moduleNameMapper: { "\\.(css|png|svg)$": "<rootDir>/test/support/file-stub.js" },
  testPathIgnorePatterns: ["/node_modules/", "/test/browser/", "/test/bench/", "/test/artifacts/"],
};

module.exports = {
  testTimeout: 180_000,
  projects: [
    { ...shared, displayName: "node", testEnvironment: "node", testMatch: ["**/*.test.ts"] },
    {
      ...shared,
      displayName: "dom",
      testEnvironment: "jsdom",
      testMatch: ["**/*.test.tsx"],
      setupFilesAfterEnv: ["<rootDir>/test/support/dom-timeouts.ts"],
    },
  ],
};
