/**
 * The 检查 tab's result: what was recognized, the counts with their filters, and the findings. It is shown
 * only after a check, which fetches the engine anyway, so it travels in a chunk of its own that CheckPanel
 * asks for when a check starts (the pane's first load carries only the buttons and messages).
 */
import * as React from "react";
import { Button, makeStyles, mergeClasses, MessageBar, MessageBarBody, MessageBarTitle, Text, ToggleButton, tokens } from "@fluentui/react-components";
import { ChevronDownRegular, ChevronRightRegular } from "@fluentui/react-icons";
import type { CheckResult, TableSummary } from "../domain/engine";
import type { Finding, Severity } from "../domain/findings";
import type { MarkOutcome } from "../domain/port";
import { FindingList } from "./FindingList";
import { S } from "./strings";

const SEVERITIES: Severity[] = ["error", "warning", "info"];

const useStyles = makeStyles({
  tables: { width: "100%", borderCollapse: "collapse", fontSize: tokens.fontSizeBase200 },
  th: { textAlign: "left", fontWeight: tokens.fontWeightSemibold, borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, padding: "2px 4px" },
  td: { borderBottom: `1px solid ${tokens.colorNeutralStroke3}`, padding: "2px 4px", verticalAlign: "top", wordBreak: "break-all" },
  nowrap: { whiteSpace: "nowrap" },
  filters: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  muted: { color: tokens.colorNeutralForeground3 },
  toggle: { paddingLeft: 0, fontWeight: tokens.fontWeightSemibold },
});

export interface CheckResultsProps {
  result: CheckResult;
  outcome: MarkOutcome | null;
  settingsUsed: readonly string[];
  onSelect(finding: Finding): void;
}

export function CheckResults({ result, outcome, settingsUsed, onSelect }: CheckResultsProps) {
  const styles = useStyles();
  const [visible, setVisible] = React.useState<Record<Severity, boolean>>({ error: true, warning: true, info: true });
  const counts = React.useMemo(() => {
    const c: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
    for (const f of result.findings) c[f.severity] += 1;
    return c;
  }, [result]);
  const shown = React.useMemo(() => result.findings.filter((f) => visible[f.severity]), [result, visible]);

  return (
    <>
      {result.tables.length === 0 && (
        <MessageBar intent="info" data-testid="empty">
          <MessageBarBody>
            <MessageBarTitle>{S.check.emptyTitle}</MessageBarTitle>
            {S.check.emptyBody}
          </MessageBarBody>
        </MessageBar>
      )}

      {result.tables.length > 0 && <TablesSummary tables={result.tables} unrecognized={result.unrecognizedSheets ?? []} />}

      {(result.tables.length > 0 || result.findings.length > 0) && (
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
          {outcome && (
            <Text size={200} className={styles.muted} data-testid="mark-outcome">
              {S.check.marked(outcome.marked)}
              {outcome.marked > 0 && `。${S.check.explanations[outcome.explanations]}`}
            </Text>
          )}
          <Text size={200} className={styles.muted} data-testid="settings-used">
            {S.check.settingsUsed}
            {settingsUsed.join("；")}
          </Text>
          {result.findings.length === 0 ? (
            <Text data-testid="no-findings">{S.check.noFindings}</Text>
          ) : shown.length === 0 ? (
            <Text className={styles.muted}>{S.check.noFindingsInFilter}</Text>
          ) : (
            <FindingList findings={shown} tables={result.tables} onSelect={onSelect} />
          )}
        </>
      )}
    </>
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
