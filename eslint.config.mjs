// ESLint 9 flat config: typescript-eslint's recommended rules everywhere, Microsoft's Office add-in rules
// on the only folder that talks to Excel (src/excel), and the project's architecture rules
// (no network, no eval, no HTML injection, a pure src/domain) turned into lint errors.
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";

// The plugin's own "recommended" preset drags in prettier and React presets; only its rules are wanted.
const officeRules = {
  "office-addins/call-sync-after-load": "error",
  "office-addins/call-sync-before-read": "error",
  "office-addins/load-object-before-read": "error",
  "office-addins/no-context-sync-in-loop": "error",
  "office-addins/no-empty-load": "error",
  "office-addins/no-navigational-load": "error",
  "office-addins/no-office-initialize": "error",
  "office-addins/test-for-null-using-isNullObject": "error",
};

const networkGlobals = ["fetch", "XMLHttpRequest", "WebSocket", "EventSource"].map((name) => ({
  name,
  message: "决算助手不发出任何网络请求 / no network calls: everything stays on the machine.",
}));

const unsafeSyntax = [
  {
    selector: "MemberExpression[property.name='sendBeacon']",
    message: "决算助手不发出任何网络请求 / no network calls (sendBeacon).",
  },
  {
    selector: "AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]",
    message: "不要用 innerHTML 写入文本 / render cell text as text, never as HTML.",
  },
  {
    selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
    message: "不要用 insertAdjacentHTML / render cell text as text, never as HTML.",
  },
  {
    selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
    message: "不要用 dangerouslySetInnerHTML / render cell text as text, never as HTML.",
  },
];

export default tseslint.config(
  {
    ignores: ["dist/**", "dist-cli/**", "coverage/**", "node_modules/**", "test/artifacts/**", "test/fixtures/out/**", ".certs/**", ".scratch/**"],
  },
  {
    files: ["**/*.{ts,tsx,js,mjs,cjs}"],
    extends: [tseslint.configs.recommended],
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
  {
    // CommonJS files (configs, the bin stub, scripts/*.cjs) are loaded by node's require.
    files: ["**/*.{js,cjs}"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["src/**/*.{ts,tsx}"],
    rules: {
      "no-eval": "error",
      "no-implied-eval": "error",
      "no-new-func": "error",
      "no-restricted-globals": ["error", ...networkGlobals],
      "no-restricted-syntax": ["error", ...unsafeSyntax],
    },
  },
  {
    // Only src/excel may drive Excel; everything else goes through a WorkbookPort.
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/excel/**"],
    rules: {
      "no-restricted-globals": [
        "error",
        ...networkGlobals,
        { name: "Excel", message: "只有 src/excel 调用 Excel API / only src/excel talks to Excel; use a WorkbookPort." },
      ],
    },
  },
  {
    // src/domain is pure TypeScript: no Office.js, no DOM, no node APIs, no file formats.
    files: ["src/domain/**/*.ts"],
    rules: {
      "no-restricted-globals": [
        "error",
        ...networkGlobals,
        ...["Excel", "Office", "window", "document", "localStorage", "process", "require"].map((name) => ({
          name,
          message: "src/domain 必须是纯 TypeScript / src/domain is pure: no Office.js, DOM or node globals.",
        })),
      ],
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["node:*", "fs", "fs/*", "path", "os", "child_process", "exceljs", "react", "react-dom", "@fluentui/*"],
              message: "src/domain 必须是纯 TypeScript / src/domain is pure: no node, Excel or UI imports.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["src/excel/**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins },
    rules: officeRules,
  },
);
