/**
 * The task pane. It talks to the workbook only through a WorkbookPort (Excel, or the in-memory port
 * of the demo and tests), so the same component runs inside Excel and in a plain browser.
 */
import * as React from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  FluentProvider,
  makeStyles,
  Spinner,
  Tab,
  TabList,
  tokens,
} from "@fluentui/react-components";
import { LIVE_ENGINE } from "../domain/recheck";
import type { CheckSettings } from "../domain/findings";
import type { WorkbookSnapshot } from "../domain/grid";
import type { RecognizedTable } from "../domain/model";
import type { PortCapabilities, WorkbookPort } from "../domain/port";
import { CheckPanel } from "./CheckPanel";
import { readFileBytes } from "./files";
import { FACTS_STORE_KEY } from "./stored-keys";
import type { ExportDocxFn, NarrativeFn } from "./NarrativePanel";
import type { ProofreadFn } from "./ProofreadSection";
import { loadSettings, saveSettings } from "./settings-storage";
import { textSourcesOf } from "./text-sources";
import { S } from "./strings";
import { paneTheme, type HostTheme } from "./theme";
import { useWorkbookCheck, type CheckEngine } from "./useWorkbookCheck";

export type { CheckEngine } from "./useWorkbookCheck";

export type ReadWorkbookFn = (buffer: ArrayBuffer, fileName?: string) => Promise<WorkbookSnapshot>;

export interface AppProps {
  port: WorkbookPort;
  engine?: CheckEngine;
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

/** Live re-check: an edit of a few amounts reuses the last recognition (src/domain/recheck.ts). */
const DEFAULT_ENGINE: CheckEngine = LIVE_ENGINE;

const defaultReadWorkbook: ReadWorkbookFn = async (buffer, fileName) => {
  // ExcelJS is large: load it only when the user picks last year's workbook.
  const { readWorkbookBuffer } = await import("../xlsx/read-workbook");
  return readWorkbookBuffer(buffer, fileName);
};

type Deferred = typeof import("./deferred");
let deferredModule: Deferred | null = null;
let deferredLoading: Promise<Deferred> | null = null;
/** 说明/校对/设置 and their engines: a separate chunk, fetched alongside (not before) the pane's first render. */
function loadDeferred(): Promise<Deferred> {
  deferredLoading ??= import(/* webpackChunkName: "pane-deferred" */ "./deferred").then((m) => (deferredModule = m));
  return deferredLoading;
}
loadDeferred().catch(() => {
  deferredLoading = null; // retried when the pane mounts
});

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
  const [deferred, setDeferred] = React.useState<Deferred | null>(deferredModule);

  React.useEffect(() => {
    let live = true;
    if (!deferredModule) {
      loadDeferred()
        .then((m) => live && setDeferred(m))
        .catch(() => {
          deferredLoading = null; // retried on the next mount
        });
    }
    return () => {
      live = false;
    };
  }, []);

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
      return engine.check(snapshot, settings).recognized;
    },
    [readWorkbook, engine, settings],
  );

  return (
    // No className on the provider: Fluent copies it onto portal mount nodes (tooltips), which would then cover the page.
    <FluentProvider theme={theme}>
      <div className={styles.root}>
        <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabId)} size="medium">
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
          {!deferred && tab === "narrative" && <Spinner size="small" />}
          {deferred && (
            <deferred.NarrativePanel
              tables={check.state.result?.recognized ?? null}
              ensureTables={ensureTables}
              readPreviousTables={readPreviousTables}
              narrative={narrative ?? deferred.generateNarrative}
              proofread={proofread ?? deferred.proofread}
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
        <Dialog open={replaceQuestion !== null} onOpenChange={(_, d) => !d.open && answerReplace(false)}>
          <DialogSurface>
            <DialogBody>
              <DialogTitle>{S.narrative.replaceTitle}</DialogTitle>
              <DialogContent>{replaceQuestion ? S.narrative.replaceBody(replaceQuestion.sheet) : null}</DialogContent>
              <DialogActions>
                <Button appearance="primary" data-testid="insert-new-sheet" onClick={() => answerReplace(false)}>
                  {S.narrative.insertNew}
                </Button>
                <Button data-testid="replace-own-sheet" onClick={() => answerReplace(true)}>
                  {replaceQuestion ? S.narrative.replaceOwn(replaceQuestion.sheet) : null}
                </Button>
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
        <div className={styles.panel} role="tabpanel" hidden={tab !== "settings"}>
          {!deferred && tab === "settings" && <Spinner size="small" />}
          {deferred && <deferred.SettingsPanel settings={settings} onChange={changeSettings} persisted={persisted} />}
        </div>
      </div>
    </FluentProvider>
  );
}

export default App;
