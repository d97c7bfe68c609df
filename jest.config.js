/** Jest: TypeScript through ts-jest (type checking is done once by `tsc` in npm test, so transpile only here). */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: { jsx: "react-jsx", module: "commonjs", esModuleInterop: true, isolatedModules: true } }],
  },
  moduleNameMapper: { "\\.(css|png|svg)$": "<rootDir>/test/support/file-stub.js" },
  testPathIgnorePatterns: ["/node_modules/", "/test/browser/", "/test/bench/", "/test/artifacts/"],
};
