import { readFileSync } from "node:fs";
import { join } from "node:path";
import { jspluginsXml, offlinePublishXml, onlinePublishXml, ADDIN_FOLDER } from "../../scripts/wps-package";
import { detectHost } from "../../src/taskpane/host";
import { createRibbon } from "../../src/wps/addin/ribbon";
import { FakeEt } from "./fake-et";

const ROOT = join(__dirname, "..", "..");

describe("WPS add-in files", () => {
  it("ribbon.xml has a 决算助手 tab whose button is the one ribbon.ts opens the pane for", () => {
    const xml = readFileSync(join(ROOT, "src/wps/addin/ribbon.xml"), "utf8");
    expect(xml).toMatch(/<tab id="juesuanTab" label="决算助手">/);
    expect(xml).toContain('onLoad="ribbon.OnAddinLoad"');
    const button = /<button id="(\w+)"[^>]*onAction="ribbon.OnAction"[^>]*getImage="ribbon.GetImage"/.exec(xml);
    expect(button?.[1]).toBe("btnShowTaskPane");
  });

  it("the button creates the task pane once (Application.CreateTaskPane), then toggles it", () => {
    const panes: { ID: number; Visible: boolean; url: string }[] = [];
    const storage = new Map<string, unknown>();
    const app = {
      ActiveWorkbook: null,
      CreateTaskPane: (url: string) => {
        const pane = { ID: panes.length + 7, Visible: false, url };
        panes.push(pane);
        return pane;
      },
      GetTaskPane: (id: number) => panes.find((p) => p.ID === id)!,
      PluginStorage: { getItem: (k: string) => storage.get(k), setItem: (k: string, v: unknown) => void storage.set(k, v) },
    };
    const ribbon = createRibbon(app, "file:///home/u/.local/share/Kingsoft/wps/jsaddons/juesuan_0.1.0/index.html");
    expect(ribbon.OnAddinLoad()).toBe(true);
    ribbon.OnAction({ Id: "btnShowTaskPane" });
    expect(panes).toEqual([{ ID: 7, Visible: true, url: "file:///home/u/.local/share/Kingsoft/wps/jsaddons/juesuan_0.1.0/taskpane.html" }]);
    ribbon.OnAction({ Id: "btnShowTaskPane" });
    expect(panes).toHaveLength(1);
    expect(panes[0].Visible).toBe(false);
  });

  it("registration files name the folder webpack builds", () => {
    const webpackWps = readFileSync(join(ROOT, "webpack.wps.config.js"), "utf8");
    expect(webpackWps).toContain('path.join(__dirname, "dist-wps", ADDIN_FOLDER)');
    expect(ADDIN_FOLDER).toMatch(/^juesuan_\d+\.\d+\.\d+$/);
    expect(offlinePublishXml()).toContain(`<jsplugin name="juesuan" type="et" url="${ADDIN_FOLDER}"`);
    expect(jspluginsXml("http://10.0.0.8/a&b.7z")).toContain('url="http://10.0.0.8/a&amp;b.7z"');
    expect(onlinePublishXml("https://intranet.example.gov.cn/juesuan-wps/")).toContain(
      '<jspluginonline name="juesuan" type="et" url="https://intranet.example.gov.cn/juesuan-wps/"',
    );
    expect(() => onlinePublishXml("intranet/juesuan")).toThrow("http");
  });
});

describe("host detection", () => {
  it("WPS: window.Application with the ET object model", () => {
    const app = new FakeEt().app;
    expect(detectHost({ Application: app })).toEqual({ kind: "wps", app });
    expect(detectHost({ wps: app })).toMatchObject({ kind: "wps" });
  });

  it("Office when only Office is there, none in a plain page", () => {
    expect(detectHost({ Office: {} })).toEqual({ kind: "office" });
    expect(detectHost({})).toEqual({ kind: "none" });
  });
});
