// Webpack 5 build of the add-in: task pane, ribbon command file and the browser demo, plus the manifest,
// icons and fixture workbooks copied next to them. `npm start` (scripts/start.mjs) drives the dev server.
"use strict";

const path = require("node:path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

/** Base URL the manifest uses during development. */
const urlDev = "https://localhost:3000/";
/**
 * Base URL of the deployed add-in, from the environment: JUESUAN_URL_PROD=https://intranet.example.gov.cn/juesuan/
 * npm run build. A production build without it fails (a manifest pointing at localhost must never ship).
 */
const urlProd = process.env.JUESUAN_URL_PROD;
/** Source maps ship in a production build only when asked for: JUESUAN_SOURCE_MAPS=1 (they would publish the whole source). */
const sourceMapsInProduction = process.env.JUESUAN_SOURCE_MAPS === "1";

/** The checked production base URL, or an error saying what to set. */
function productionUrl() {
  if (!urlProd) {
    throw new Error(
      "生产构建需要部署地址：请设置环境变量 JUESUAN_URL_PROD（如 JUESUAN_URL_PROD=https://intranet.example.gov.cn/juesuan/ npm run build）。\n" +
        "A production build needs JUESUAN_URL_PROD (the https base URL that serves dist/); refusing to ship a manifest that points at localhost.",
    );
  }
  if (!/^https:\/\/[^/\s]+\/(?:[^\s]*\/)?$/.test(urlProd) || /^https:\/\/(localhost|127\.|\[::1\])/i.test(urlProd)) {
    throw new Error(`JUESUAN_URL_PROD 必须是以 / 结尾的 https 地址且不是本机地址，收到“${urlProd}”。/ JUESUAN_URL_PROD must be a non-local https URL ending in /.`);
  }
  return urlProd;
}

/** Rewrites every development URL of a manifest to the deployed base URL. */
function transformManifest(content, targetUrl = productionUrl()) {
  return Buffer.from(content.toString().split(urlDev).join(targetUrl));
}

const PAGES = [
  { name: "taskpane", entry: "./src/taskpane/index.tsx", template: "./src/taskpane/taskpane.html" },
  { name: "commands", entry: "./src/commands/commands.ts", template: "./src/commands/commands.html" },
  { name: "demo", entry: "./src/demo/index.tsx", template: "./src/demo/demo.html" },
];

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode === "production";
  if (production) productionUrl(); // fail before building anything
  const sourceMaps = !production || sourceMapsInProduction;

  const config = {
    mode: production ? "production" : "development",
    target: ["web", "es2020"],
    devtool: sourceMaps ? "source-map" : false,
    context: __dirname,
    entry: Object.fromEntries(PAGES.map((page) => [page.name, page.entry])),
    output: {
      path: path.join(__dirname, "dist"),
      filename: production ? "[name].[contenthash:8].js" : "[name].js",
      chunkFilename: production ? "[name].[contenthash:8].js" : "[name].js",
      assetModuleFilename: "assets/[name].[contenthash:8][ext]",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".mjs", ".json"],
      alias: {
        // ExcelJS's package entry pulls in node streams/fs; its prebuilt browser bundle is self-contained.
        exceljs$: path.join(__dirname, "node_modules/exceljs/dist/exceljs.min.js"),
      },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              configFile: path.join(__dirname, "tsconfig.json"),
              compilerOptions: { noEmit: false, sourceMap: sourceMaps },
            },
          },
        },
        { test: /\.(png|jpe?g|gif|svg|woff2?)$/i, type: "asset/resource" },
      ],
    },
    plugins: [
      ...PAGES.map(
        (page) =>
          new HtmlWebpackPlugin({
            filename: `${page.name}.html`,
            template: page.template,
            chunks: [page.name],
            scriptLoading: "defer",
          }),
      ),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext]" },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            transform: production ? (content) => transformManifest(content) : undefined,
          },
          { from: "test/fixtures/xlsx/*.xlsx", to: "fixtures/[name][ext]", noErrorOnMissing: true },
        ],
      }),
    ],
    // Size is budgeted where it matters, the task pane's initial JS gzipped (scripts/bundle-size.mjs, run by npm test);
    // webpack's 244 KiB hint on minified assets is noise here. Production mode already tree-shakes (usedExports,
    // package sideEffects) and the default async splitChunks shares vendor code between the on-demand chunks.
    performance: { hints: false },
    devServer: {
      port: 3000,
      host: "localhost",
      hot: false,
      headers: { "Access-Control-Allow-Origin": "*" },
      // Serve only the bundle and what CopyWebpackPlugin puts in it, never the project folder.
      static: false,
      client: { overlay: { warnings: false, errors: true } },
    },
  };

  // `webpack serve` run by hand: pick certificates the same way npm start does (never prompts).
  if (env.WEBPACK_SERVE) {
    const { resolveDevServerCertificates } = require("./scripts/dev-certs.cjs");
    const certificates = await resolveDevServerCertificates((message) => console.warn(message));
    config.devServer.server =
      certificates.protocol === "https" ? { type: "https", options: certificates.options } : { type: "http" };
  }

  return config;
};

module.exports.urlDev = urlDev;
module.exports.urlProd = urlProd;
module.exports.transformManifest = transformManifest;
module.exports.PAGES = PAGES;
