/**
 * 检查 tab: run the check, show what was recognized, the counts and the findings, and every state in
 * between (reading progress, empty workbook, failure with retry, stale result, protected sheets,
 * limitations of an old Excel).
 */
import * as React from "react";
import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Spinner,
  Switch,
  Text,
  tokens,
} from "@fluentui/react-components";
import type { Finding } from "../domain/findings";
import { qualify } from "../domain/address";
import type { PortCapabilities } from "../domain/port";
import { lazyModule, useLazyModule } from "./lazy";
import { LazyPending } from "./LazyPending";
import { errorMessage, S } from "./strings";
import type { WorkbookCheck } from "./useWorkbookCheck";

/** The result view, fetched when the first check starts (see CheckResults.tsx). */
const resultsModule = lazyModule(() => import(/* webpackChunkName: "check-results" */ "./CheckResults"));

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  toolbar: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  grow: { flexGrow: 1 },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface CheckPanelProps {
  check: WorkbookCheck;
  capabilities: PortCapabilities | null;
  autoRecheck: boolean;
  onAutoRecheckChange(on: boolean): void;
  onSelectCell(sheet: string, address: string): Promise<void>;
}

export function CheckPanel({ check, capabilities, autoRecheck, onAutoRecheckChange, onSelectCell }: CheckPanelProps) {
  const styles = useStyles();
  const { state } = check;
  const [actionError, setActionError] = React.useState<string | null>(null);
  const busy = state.phase === "reading" || state.phase === "checking" || state.phase === "marking";
  const result = state.result;
  const results = useLazyModule(resultsModule, busy || result !== null);

  const select = React.useCallback(
    (f: Finding) => {
      if (!f.sheet || !f.cell) return;
      setActionError(null);
      onSelectCell(f.sheet, f.cell).catch((e) => setActionError(S.finding.selectFailed(errorMessage(e))));
    },
    [onSelectCell],
  );
  const clear = () => {
    setActionError(null);
    check.clearMarks().catch((e) => setActionError(errorMessage(e)));
  };
  const kept = state.keptMarks;

  const protectedSheets = state.outcome?.protectedSheets ?? [];
  const markWarnings = state.outcome?.warnings ?? [];
  const limitations = capabilities?.limitations ?? [];

  return (
    <div className={styles.root} data-testid="check-panel">
      <div className={styles.toolbar}>
        <Button appearance="primary" onClick={() => void check.run()} disabled={busy} data-testid="run-check">
          {result ? S.check.rerun : S.check.run}
        </Button>
        <Button onClick={clear} disabled={busy} data-testid="clear-marks">
          {S.check.clearMarks}
        </Button>
        <span className={styles.grow} />
        <Switch
          checked={autoRecheck}
          onChange={(_, d) => onAutoRecheckChange(d.checked)}
          label={S.check.autoRecheck}
          title={S.check.autoRecheckHint}
          data-testid="auto-recheck"
        />
      </div>

      {limitations.length > 0 && (
        <MessageBar intent="warning" data-testid="limitations">
          <MessageBarBody>
            <MessageBarTitle>{S.check.limitationsTitle}</MessageBarTitle>
            {limitations.join("；")}
          </MessageBarBody>
        </MessageBar>
      )}

      {busy && <Progress phase={state.phase} progress={state.progress} />}

      {state.phase === "error" && (
        <MessageBar intent="error" data-testid="check-error">
          <MessageBarBody>
            <MessageBarTitle>{S.check.errorTitle}</MessageBarTitle>
            {state.error}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => void check.run()}>{S.check.retry}</Button>
          </MessageBarActions>
        </MessageBar>
      )}

      {state.stale && !busy && (
        <MessageBar intent="warning" data-testid="stale">
          <MessageBarBody>
            <MessageBarTitle>{state.stale === "settings" ? S.check.staleSettings : S.check.staleTitle}</MessageBarTitle>
            {state.recheckPending ? S.check.staleAutoPending : null}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => void check.run()}>{S.check.rerun}</Button>
          </MessageBarActions>
        </MessageBar>
      )}

      {actionError && (
        <MessageBar intent="error" data-testid="action-error">
          <MessageBarBody>{actionError}</MessageBarBody>
        </MessageBar>
      )}

      {protectedSheets.length > 0 && (
        <MessageBar intent="warning" data-testid="protected-sheets">
          <MessageBarBody>
            <MessageBarTitle>{S.check.protectedTitle}</MessageBarTitle>
            {S.check.protectedBody(protectedSheets)}
          </MessageBarBody>
        </MessageBar>
      )}

      {(markWarnings.length > 0 || state.markError) && (
        <MessageBar intent="warning" data-testid="mark-warnings">
          <MessageBarBody>
            <MessageBarTitle>{S.check.marksWarningTitle}</MessageBarTitle>
            {[...(state.markError ? [S.check.marksFailed(state.markError)] : []), ...markWarnings].join("；")}
          </MessageBarBody>
        </MessageBar>
      )}

      {state.readNotices.length > 0 && (
        <MessageBar intent="warning" data-testid="read-notices">
          <MessageBarBody>{state.readNotices.join("；")}</MessageBarBody>
        </MessageBar>
      )}

      {kept.length > 0 && (
        <MessageBar intent="warning" data-testid="marks-kept">
          <MessageBarBody>
            <MessageBarTitle>{S.check.keptTitle}</MessageBarTitle>
            {S.check.keptBody(kept.map((c) => qualify(c.sheet, c.address)))}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={clear} data-testid="retry-clear">
              {S.check.retry}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}

      {state.marksCleared && !state.outcome && (
        <MessageBar intent="success" data-testid="marks-cleared">
          <MessageBarBody>{S.check.marksCleared}</MessageBarBody>
        </MessageBar>
      )}

      {!result && state.phase === "idle" && <Text className={styles.muted}>{S.check.idleHint}</Text>}

      {result && !results.module && <LazyPending failed={results.failed} onRetry={results.retry} />}
      {result && results.module && <results.module.CheckResults result={result} outcome={state.outcome} settingsUsed={state.settingsUsed} onSelect={select} />}
    </div>
  );
}

function Progress({ phase, progress }: { phase: string; progress: { done: number; total: number } | null }) {
  const label =
    phase === "reading" && progress && progress.total > 0
      ? S.check.reading(progress.done, progress.total)
      : phase === "checking"
        ? S.check.recomputing
        : phase === "marking"
          ? S.check.marking
          : S.check.running;
  return (
    <div data-testid="check-progress">
      <Spinner size="tiny" label={label} labelPosition="after" />
      {phase === "reading" && progress && progress.total > 0 && (
        <ProgressBar value={Math.min(1, progress.done / progress.total)} aria-label={label} />
      )}
    </div>
  );
}

