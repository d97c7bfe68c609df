/**
 * The production build's safety switches in webpack.config.js: no deployed URL → the build fails
 * loudly (never a manifest pointing at localhost); no source maps unless JUESUAN_SOURCE_MAPS=1.
 */
type Config = ((env: object, argv: { mode: string }) => Promise<{ devtool: unknown }>) & {
  transformManifest: (content: Buffer, targetUrl?: string) => Buffer;
  urlDev: string;
};

function loadConfig(env: Record<string, string | undefined>): Config {
  const saved = { url: process.env.JUESUAN_URL_PROD, maps: process.env.JUESUAN_SOURCE_MAPS };
  let config!: Config;
  try {
    for (const [k, v] of Object.entries(env)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      config = require("../../webpack.config.js") as Config;
    });
  } finally {
    for (const [k, v] of [["JUESUAN_URL_PROD", saved.url], ["JUESUAN_SOURCE_MAPS", saved.maps]] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
  return config;
}

describe("production build configuration", () => {
  it("refuses a production build without JUESUAN_URL_PROD, naming the variable", async () => {
    const config = loadConfig({ JUESUAN_URL_PROD: undefined });
    await expect(config({}, { mode: "production" })).rejects.toThrow(/JUESUAN_URL_PROD/);
    expect(() => config.transformManifest(Buffer.from(`<a href="${config.urlDev}x"/>`))).toThrow(/JUESUAN_URL_PROD/);
  });

  it("refuses a local or non-https deployment URL", async () => {
    for (const url of ["https://localhost:3000/", "http://intranet.example.gov.cn/juesuan/", "https://intranet.example.gov.cn/juesuan"]) {
      await expect(loadConfig({ JUESUAN_URL_PROD: url })({}, { mode: "production" })).rejects.toThrow(/JUESUAN_URL_PROD/);
    }
  });

  it("writes the deployment URL into the manifest and ships no source maps unless asked", async () => {
    const url = "https://intranet.example.gov.cn/juesuan/";
    const config = loadConfig({ JUESUAN_URL_PROD: url, JUESUAN_SOURCE_MAPS: undefined });
    expect((await config({}, { mode: "production" })).devtool).toBe(false);
    expect(config.transformManifest(Buffer.from(`<a href="${config.urlDev}taskpane.html"/>`)).toString()).toBe(`<a href="${url}taskpane.html"/>`);
    expect((await loadConfig({ JUESUAN_URL_PROD: url, JUESUAN_SOURCE_MAPS: "1" })({}, { mode: "production" })).devtool).toBe("source-map");
    // development builds keep their maps and need no URL
    expect((await loadConfig({ JUESUAN_URL_PROD: undefined })({}, { mode: "development" })).devtool).toBe("source-map");
  });
});
