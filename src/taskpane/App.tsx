/**
 * The task pane. It talks to the workbook only through a WorkbookPort (Excel, or the in-memory port
 * of the demo and tests), so the same component runs inside Excel and in a plain browser.
 */
import * as React from "react";
import { FluentProvider, makeStyles, Tab, TabList, tokens } from "@fluentui/react-components";
import type { CheckSettings } from "../domain/findings";
import type { WorkbookSnapshot } from "../domain/grid";
import type { RecognizedTable } from "../domain/model";
import type { PortCapabilities, WorkbookPort } from "../domain/port";
import { CheckPanel } from "./CheckPanel";
import { readFileBytes } from "./files";
import { lazyModule, useLazyModule } from "./lazy";
import { LazyPending } from "./LazyPending";
import { FACTS_STORE_KEY } from "./stored-keys";
import type { ExportDocxFn, NarrativeFn } from "./NarrativePanel";
import type { ProofreadFn } from "./ProofreadSection";
import { loadSettings, saveSettings } from "./settings-storage";
import { textSourcesOf } from "./text-sources";
import { S } from "./strings";
import { paneTheme, type HostTheme } from "./theme";
import { useWorkbookCheck, type LoadableEngine } from "./useWorkbookCheck";

export type { CheckEngine, LoadableEngine } from "./useWorkbookCheck";

export type ReadWorkbookFn = (buffer: ArrayBuffer, fileName?: string) => Promise<WorkbookSnapshot>;

export interface AppProps {
  port: WorkbookPort;
  /** the check engine; by default the project's, fetched on the first check */
  engine?: LoadableEngine;
  narrative?: NarrativeFn;
  proofread?: ProofreadFn;
  /** 导出 Word; the button is hidden when absent */
  exportDocx?: ExportDocxFn;
  /** reads the optional 上年工作簿 (.xlsx); default: src/xlsx/read-workbook, loaded on first use */
  readWorkbook?: ReadWorkbookFn;
  /** Office.context.officeTheme when inside Office; light theme otherwise */
  hostTheme?: HostTheme | null;
  /** a fixed quiet period before an automatic re-check (ms); by default it adapts to the last check's duration */
  recheckDelayMs?: number;
}

// Opening the pane shows only the 检查 page's buttons: the engine, the 说明 page (with 校对) and the 设置 page
// are fetched when first used, each its own chunk.
const engineModule = lazyModule(() => import(/* webpackChunkName: "engine" */ "../domain/recheck"));
const narrativeModule = lazyModule(() => import(/* webpackChunkName: "pane-narrative" */ "./narrative-page"));
const settingsModule = lazyModule(() => import(/* webpackChunkName: "pane-settings" */ "./SettingsPanel"));

/** The engine with live re-check (src/domain/recheck.ts: an edit of a few amounts reuses the last recognition). */
function loadedEngine(): typeof import("../domain/recheck").LIVE_ENGINE {
  const engine = engineModule.current();
  if (!engine) throw new Error(S.lazy.engineFailed);
  return engine.LIVE_ENGINE;
}

/** The engine, fetched when the first check starts (useWorkbookCheck waits for `load` before running). */
const DEFAULT_ENGINE: LoadableEngine = {
  load: () => engineModule.load(),
  check: (snapshot, settings) => loadedEngine().check(snapshot, settings),
  live: {
    checkLive: (snapshot, settings) => loadedEngine().live.checkLive(snapshot, settings),
    rangesToRead: (base, events) => loadedEngine().live.rangesToRead(base, events),
    recheck: (base, readout, settings) => loadedEngine().live.recheck(base, readout, settings),
  },
};

const defaultReadWorkbook: ReadWorkbookFn = async (buffer, fileName) => {
  // ExcelJS is large: load it only when the user picks last year's workbook.
  const { readWorkbookBuffer } = await import("../xlsx/read-workbook");
  return readWorkbookBuffer(buffer, fileName);
};

type TabId = "check" | "narrative" | "settings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", minHeight: "100%", backgroundColor: tokens.colorNeutralBackground1 },
  panel: { padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}` },
});

export function App({
  port,
  engine = DEFAULT_ENGINE,
  narrative,
  proofread,
  exportDocx,
  readWorkbook = defaultReadWorkbook,
  hostTheme,
  recheckDelayMs,
}: AppProps) {
  const styles = useStyles();
  const theme = React.useMemo(() => paneTheme(hostTheme), [hostTheme]);
  const [tab, setTab] = React.useState<TabId>("check");
  const [settings, setSettings] = React.useState<CheckSettings>(loadSettings);
  const [persisted, setPersisted] = React.useState(true);
  const [autoRecheck, setAutoRecheck] = React.useState(true);
  const [capabilities, setCapabilities] = React.useState<PortCapabilities | null>(null);
  // A tab's chunk is fetched the first time the tab is opened; its panel then stays mounted.
  const [opened, setOpened] = React.useState<ReadonlySet<TabId>>(() => new Set(["check"]));
  const narrativePage = useLazyModule(narrativeModule, opened.has("narrative"));
  const settingsPage = useLazyModule(settingsModule, opened.has("settings"));
  const selectTab = (next: TabId) => {
    setTab(next);
    setOpened((o) => (o.has(next) ? o : new Set([...o, next])));
  };

  React.useEffect(() => {
    let live = true;
    port
      .capabilities()
      .then((c) => live && setCapabilities(c))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [port]);

  const check = useWorkbookCheck({ port, engine, settings, autoRecheck, recheckDelayMs });

  const changeSettings = (next: CheckSettings) => {
    setSettings(next);
    setPersisted(saveSettings(next));
  };

  const selectCell = React.useCallback((sheet: string, address: string) => port.selectCell(sheet, address), [port]);
  // The 说明 sheet the add-in inserted before is replaced only when the user says so; otherwise a new sheet.
  const [replaceQuestion, setReplaceQuestion] = React.useState<{ sheet: string; answer: (replace: boolean) => void } | null>(null);
  const insertTextSheet = React.useCallback(
    async (name: string, lines: readonly string[]) => {
      const own = await port.ownTextSheet();
      const replaceOwn = own !== null && (await new Promise<boolean>((answer) => setReplaceQuestion({ sheet: own, answer })));
      return port.insertTextSheet(name, lines, { replaceOwn });
    },
    [port],
  );
  const answerReplace = (replace: boolean) => {
    replaceQuestion?.answer(replace);
    setReplaceQuestion(null);
  };
  const readTextSources = React.useCallback(async () => textSourcesOf(await port.readSnapshot()), [port]);
  const writeCellText = React.useCallback((sheet: string, address: string, text: string) => port.writeCellText(sheet, address, text), [port]);
  const loadFacts = React.useMemo(() => (port.readStored ? () => port.readStored!(FACTS_STORE_KEY) : undefined), [port]);
  const saveFacts = React.useMemo(() => (port.writeStored ? (json: string) => port.writeStored!(FACTS_STORE_KEY, json) : undefined), [port]);
  const ensureTables = React.useCallback(async () => (await check.ensureResult())?.recognized ?? null, [check]);
  const readPreviousTables = React.useCallback(
    async (file: File): Promise<RecognizedTable[]> => {
      const snapshot = await readWorkbook(await readFileBytes(file), file.name);
      await engine.load?.();
      return engine.check(snapshot, settings).recognized;
    },
    [readWorkbook, engine, settings],
  );

  return (
    // No className on the provider: Fluent copies it onto portal mount nodes (tooltips), which would then cover the page.
    <FluentProvider theme={theme}>
      <div className={styles.root}>
        <TabList selectedValue={tab} onTabSelect={(_, d) => selectTab(d.value as TabId)} size="medium">
          <Tab value="check" data-testid="tab-check">
            {S.tabs.check}
          </Tab>
          <Tab value="narrative" data-testid="tab-narrative">
            {S.tabs.narrative}
          </Tab>
          <Tab value="settings" data-testid="tab-settings">
            {S.tabs.settings}
          </Tab>
        </TabList>
        {/* Panels stay mounted so a generated 说明 or pasted text survives switching tabs. */}
        <div className={styles.panel} role="tabpanel" hidden={tab !== "check"}>
          <CheckPanel
            check={check}
            capabilities={capabilities}
            autoRecheck={autoRecheck}
            onAutoRecheckChange={setAutoRecheck}
            onSelectCell={selectCell}
          />
        </div>
        <div className={styles.panel} role="tabpanel" hidden={tab !== "narrative"}>
          {!narrativePage.module && opened.has("narrative") && <LazyPending failed={narrativePage.failed} onRetry={narrativePage.retry} />}
          {narrativePage.module && (
            <narrativePage.module.NarrativePanel
              tables={check.state.result?.recognized ?? null}
              ensureTables={ensureTables}
              readPreviousTables={readPreviousTables}
              narrative={narrative ?? narrativePage.module.generateNarrative}
              proofread={proofread ?? narrativePage.module.proofread}
              exportDocx={exportDocx}
              defaultPercentDecimals={settings.percentDecimals}
              selectCell={selectCell}
              insertTextSheet={insertTextSheet}
              readTextSources={readTextSources}
              loadFacts={loadFacts}
              saveFacts={saveFacts}
              writeCellText={writeCellText}
            />
          )}
        </div>
        {/* Only the 说明 page asks this question, so its page chunk is there whenever it is asked. */}
        {narrativePage.module && <narrativePage.module.ReplaceSheetDialog sheet={replaceQuestion?.sheet ?? null} onAnswer={answerReplace} />}
        <div className={styles.panel} role="tabpanel" hidden={tab !== "settings"}>
          {!settingsPage.module && opened.has("settings") && <LazyPending failed={settingsPage.failed} onRetry={settingsPage.retry} />}
          {settingsPage.module && <settingsPage.module.SettingsPanel settings={settings} onChange={changeSettings} persisted={persisted} />}
        </div>
      </div>
    </FluentProvider>
  );
}

export default App;
