// Webpack 5 build of the WPS 加载项 (WPS 表格): the same task pane entry as the Office add-in, built with a
// page that does not load office.js, plus the ribbon page, ribbon.xml, the JsPlugin manifest and icons.
// Output: dist-wps/juesuan_<version>/ — the folder WPS loads (see scripts/wps-package.ts and README).
"use strict";

const path = require("node:path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { version } = require("./package.json");

const ADDIN_NAME = "juesuan";
const ADDIN_FOLDER = `${ADDIN_NAME}_${version}`;

const PAGES = [
  // index.html is the page WPS loads invisibly at start-up; it defines window.ribbon.
  { name: "index", entry: "./src/wps/addin/ribbon.ts", template: "./src/wps/addin/index.html" },
  { name: "taskpane", entry: "./src/taskpane/index.tsx", template: "./src/wps/addin/taskpane.html" },
];

module.exports = (_env = {}, argv = {}) => {
  const production = argv.mode === "production";
  return {
    mode: production ? "production" : "development",
    // WPS embeds Chromium (CEF); ES2017 keeps older 信创 builds working.
    target: ["web", "es2017"],
    devtool: production ? false : "source-map",
    context: __dirname,
    entry: Object.fromEntries(PAGES.map((page) => [page.name, page.entry])),
    output: {
      path: path.join(__dirname, "dist-wps", ADDIN_FOLDER),
      // Relative paths: an offline add-in is loaded from its folder, not from a server root.
      publicPath: "",
      filename: production ? "[name].[contenthash:8].js" : "[name].js",
      chunkFilename: production ? "[name].[contenthash:8].js" : "[name].js",
      assetModuleFilename: "assets/[name].[contenthash:8][ext]",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".mjs", ".json"],
      alias: { exceljs$: path.join(__dirname, "node_modules/exceljs/dist/exceljs.min.js") },
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
              compilerOptions: { noEmit: false, sourceMap: !production, target: "ES2017" },
            },
          },
        },
        { test: /\.(png|jpe?g|gif|svg|woff2?)$/i, type: "asset/resource" },
      ],
    },
    plugins: [
      ...PAGES.map(
        (page) => new HtmlWebpackPlugin({ filename: `${page.name}.html`, template: page.template, chunks: [page.name], scriptLoading: "defer" }),
      ),
      new CopyWebpackPlugin({
        patterns: [
          { from: "src/wps/addin/ribbon.xml", to: "ribbon.xml" },
          { from: "src/wps/addin/manifest.xml", to: "manifest.xml" },
          { from: "assets/icon-*.png", to: "assets/[name][ext]" },
          { from: "assets/help.html", to: "assets/help.html", noErrorOnMissing: true },
        ],
      }),
    ],
    performance: { hints: false },
  };
};

module.exports.ADDIN_NAME = ADDIN_NAME;
module.exports.ADDIN_FOLDER = ADDIN_FOLDER;
