/**
 * 检查 tab: run the check, show what was recognized, the counts and the findings, and every state in
 * between (reading progress, empty workbook, failure with retry, stale result, protected sheets,
 * limitations of an old Excel).
 */
import * as React from "react";
import {
  Button,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Spinner,
  Switch,
  Text,
  ToggleButton,
  tokens,
} from "@fluentui/react-components";
import type { TableSummary } from "../domain/engine";
import type { Finding, Severity } from "../domain/findings";
import { ChevronDownRegular, ChevronRightRegular } from "@fluentui/react-icons";
import { qualify } from "../domain/address";
import type { PortCapabilities } from "../domain/port";
import { FindingList } from "./FindingList";
import { errorMessage, S } from "./strings";
import type { WorkbookCheck } from "./useWorkbookCheck";

const SEVERITIES: Severity[] = ["error", "warning", "info"];

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  toolbar: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  grow: { flexGrow: 1 },
  tables: { width: "100%", borderCollapse: "collapse", fontSize: tokens.fontSizeBase200 },
  th: { textAlign: "left", fontWeight: tokens.fontWeightSemibold, borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, padding: "2px 4px" },
  td: { borderBottom: `1px solid ${tokens.colorNeutralStroke3}`, padding: "2px 4px", verticalAlign: "top", wordBreak: "break-all" },
  nowrap: { whiteSpace: "nowrap" },
  filters: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  muted: { color: tokens.colorNeutralForeground3 },
  toggle: { paddingLeft: 0, fontWeight: tokens.fontWeightSemibold },
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
  const [visible, setVisible] = React.useState<Record<Severity, boolean>>({ error: true, warning: true, info: true });
  const [actionError, setActionError] = React.useState<string | null>(null);
  const busy = state.phase === "reading" || state.phase === "checking" || state.phase === "marking";
  const result = state.result;

  const counts = React.useMemo(() => {
    const c: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
    for (const f of result?.findings ?? []) c[f.severity] += 1;
    return c;
  }, [result]);
  const shown = React.useMemo(() => (result?.findings ?? []).filter((f) => visible[f.severity]), [result, visible]);

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

      {result && result.tables.length === 0 && (
        <MessageBar intent="info" data-testid="empty">
          <MessageBarBody>
            <MessageBarTitle>{S.check.emptyTitle}</MessageBarTitle>
            {S.check.emptyBody}
          </MessageBarBody>
        </MessageBar>
      )}

      {result && result.tables.length > 0 && <TablesSummary tables={result.tables} unrecognized={result.unrecognizedSheets ?? []} />}

      {result && (result.tables.length > 0 || result.findings.length > 0) && (
        <>
          <div className={styles.filters} role="group" aria-label={S.check.filterLabel} data-testid="severity-filters">
            {SEVERITIES.map((sev) => (
              <ToggleButton
                key={sev}
                size="small"
                checked={visible[sev]}
                onClick={() => setVisible((v) => ({ ...v, [sev]: !v[sev] }))}
                data-testid={`filter-${sev}`}
              >
                {S.severityCount(sev, counts[sev])}
              </ToggleButton>
            ))}
          </div>
          {state.outcome && (
            <Text size={200} className={styles.muted} data-testid="mark-outcome">
              {S.check.marked(state.outcome.marked)}
              {state.outcome.marked > 0 && `。${S.check.explanations[state.outcome.explanations]}`}
            </Text>
          )}
          <Text size={200} className={styles.muted} data-testid="settings-used">
            {S.check.settingsUsed}
            {state.settingsUsed.join("；")}
          </Text>
          {result.findings.length === 0 ? (
            <Text data-testid="no-findings">{S.check.noFindings}</Text>
          ) : shown.length === 0 ? (
            <Text className={styles.muted}>{S.check.noFindingsInFilter}</Text>
          ) : (
            <FindingList findings={shown} tables={result.tables} onSelect={select} />
          )}
        </>
      )}
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

/** Collapsed by default, so that in a 350 px pane the first finding is in view without scrolling. */
function TablesSummary({ tables, unrecognized }: { tables: readonly TableSummary[]; unrecognized: readonly string[] }) {
  const styles = useStyles();
  const [open, setOpen] = React.useState(false);
  const c = S.check.tableColumns;
  return (
    <section data-testid="tables-summary">
      <Button
        appearance="transparent"
        size="small"
        className={styles.toggle}
        icon={open ? <ChevronDownRegular /> : <ChevronRightRegular />}
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        data-testid="tables-toggle"
      >
        {S.check.tablesToggle(tables.length, unrecognized.length, open)}
      </Button>
      {open && (
        <table className={styles.tables}>
          <thead>
            <tr>
              <th className={styles.th}>{c.sheet}</th>
              <th className={styles.th}>{c.kind}</th>
              <th className={mergeClasses(styles.th, styles.nowrap)}>{c.unit}</th>
              <th className={mergeClasses(styles.th, styles.nowrap)}>{c.year}</th>
            </tr>
          </thead>
          <tbody>
            {tables.map((t) => (
              <tr key={t.id} data-testid="table-row" data-kind={t.kind} title={`${t.title} ${t.range}`}>
                <td className={styles.td}>{t.sheet}</td>
                <td className={styles.td}>{S.kinds[t.kind] ?? t.title}</td>
                <td className={mergeClasses(styles.td, styles.nowrap)}>{t.unit ? S.units[t.unit] : S.check.unknown}</td>
                <td className={mergeClasses(styles.td, styles.nowrap)}>{t.year !== null ? S.year(t.year) : S.check.unknown}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {open && unrecognized.length > 0 && (
        <div data-testid="unrecognized-sheets">
          <Text size={200} weight="semibold" block>
            {S.check.unrecognizedHeading(unrecognized.length)}
          </Text>
          <Text size={200} className={styles.muted} block>
            {unrecognized.map((n) => `“${n}”`).join("、")}
          </Text>
          <Text size={200} className={styles.muted} block>
            {S.check.unrecognizedHint}
          </Text>
        </div>
      )}
    </section>
  );
}
