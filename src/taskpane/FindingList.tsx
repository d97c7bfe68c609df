/**
 * Findings, one entry per flagged cell (a cell that breaks three identities appears once, with all three),
 * grouped by table, worst first (finding-view.ts). Each rule shows its message and numbers
 * (应为/实为/差额/容差) and the settings it depended on, in plain words; clicking an entry selects the cell.
 * All text is rendered as React text (cell text is user data).
 */
import * as React from "react";
import { Badge, makeStyles, mergeClasses, Text, tokens } from "@fluentui/react-components";
import type { TableSummary } from "../domain/engine";
import { groupFindingsByCell, type CellFindingGroup } from "../domain/finding-groups";
import type { Finding, Severity } from "../domain/findings";
import { qualify } from "../domain/address";
import { groupForPane } from "./finding-view";
import { S } from "./strings";

const BADGE_COLOR: Record<Severity, "danger" | "warning" | "informative"> = { error: "danger", warning: "warning", info: "informative" };

const useStyles = makeStyles({
  group: { marginTop: tokens.spacingVerticalM },
  groupTitle: { display: "block", marginBottom: tokens.spacingVerticalXS },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  item: {
    borderTopWidth: "1px",
    borderRightWidth: "1px",
    borderBottomWidth: "1px",
    borderLeftWidth: "4px",
    borderTopStyle: "solid",
    borderRightStyle: "solid",
    borderBottomStyle: "solid",
    borderLeftStyle: "solid",
    borderTopColor: tokens.colorNeutralStroke2,
    borderRightColor: tokens.colorNeutralStroke2,
    borderBottomColor: tokens.colorNeutralStroke2,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  clickable: {
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outlineWidth: "2px", outlineStyle: "solid", outlineColor: tokens.colorStrokeFocus2 },
  },
  error: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  warning: { borderLeftColor: tokens.colorPaletteYellowBorder2 },
  info: { borderLeftColor: tokens.colorBrandStroke1 },
  head: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  message: { display: "block", marginTop: tokens.spacingVerticalXS, wordBreak: "break-word" },
  facts: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalL, rowGap: "2px", margin: `${tokens.spacingVerticalXS} 0 0 0` },
  fact: { display: "flex", columnGap: tokens.spacingHorizontalXS },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, fontVariantNumeric: "tabular-nums" },
  meta: { color: tokens.colorNeutralForeground3, display: "block", marginTop: "2px" },
  rule: { marginTop: tokens.spacingVerticalXS },
});

export interface FindingListProps {
  findings: readonly Finding[];
  tables: readonly TableSummary[];
  onSelect(finding: Finding): void;
}

export function FindingList({ findings, tables, onSelect }: FindingListProps) {
  const styles = useStyles();
  const groups = React.useMemo(() => groupForPane(groupFindingsByCell(findings), tables), [findings, tables]);
  return (
    <div data-testid="finding-list">
      {groups.map((group) => (
        <section key={group.key} className={styles.group} data-testid="finding-group" aria-label={group.title}>
          <Text weight="semibold" className={styles.groupTitle}>
            {group.title}
          </Text>
          <ul className={styles.list}>
            {group.cells.map((cell) => (
              <CellItem key={cell.key} cell={cell} onSelect={onSelect} styles={styles} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

type Styles = ReturnType<typeof useStyles>;

function CellItem({ cell, onSelect, styles }: { cell: CellFindingGroup; onSelect(f: Finding): void; styles: Styles }) {
  const lead = cell.findings[0];
  const where = cell.sheet && cell.cell ? qualify(cell.sheet, cell.cell) : null;
  const select = () => onSelect(lead);
  const interactive = where !== null;
  const rules = cell.findings.map((f) => f.rule);
  return (
    <li
      data-testid="finding"
      data-rule={lead.rule}
      data-rules={rules.join(" ")}
      data-severity={cell.severity}
      data-sheet={cell.sheet ?? undefined}
      data-cell={cell.cell ?? undefined}
      data-expected={lead.expected ?? undefined}
    >
      <div
        className={mergeClasses(styles.item, styles[cell.severity], interactive && styles.clickable)}
        role={interactive ? "button" : undefined}
        tabIndex={interactive ? 0 : undefined}
        aria-label={interactive ? `${S.finding.goTo(where)}：${lead.message}` : undefined}
        onClick={interactive ? select : undefined}
        onKeyDown={
          interactive
            ? (e) => {
                if (e.key === "Enter" || e.key === " ") {
                  e.preventDefault();
                  select();
                }
              }
            : undefined
        }
      >
        <div className={styles.head}>
          <Badge appearance="filled" color={BADGE_COLOR[cell.severity]} size="small">
            {S.severity[cell.severity]}
          </Badge>
          {where && (
            <Text size={200} weight="semibold">
              {where}
            </Text>
          )}
          {cell.findings.length > 1 && (
            <Text size={200} className={styles.term}>
              {S.check.cellRules(cell.findings.length)}
            </Text>
          )}
        </div>
        {cell.findings.map((f, i) => (
          <RuleEntry key={`${f.rule}-${i}`} finding={f} styles={styles} />
        ))}
      </div>
    </li>
  );
}

function RuleEntry({ finding: f, styles }: { finding: Finding; styles: Styles }) {
  return (
    <div className={styles.rule} data-testid="finding-rule" data-rule={f.rule} data-severity={f.severity}>
      <Text className={styles.message}>
        <Text size={200} className={styles.term}>
          {S.finding.rule} {f.rule}{" "}
        </Text>
        {f.message}
      </Text>
      {(f.expected !== null || f.actual !== null || f.difference || f.tolerance) && (
        <dl className={styles.facts}>
          <Fact term={S.finding.expected} value={f.expected} styles={styles} />
          <Fact term={S.finding.actual} value={f.actual} styles={styles} />
          <Fact term={S.finding.difference} value={f.difference ?? null} styles={styles} />
          <Fact term={S.finding.tolerance} value={f.tolerance ?? null} styles={styles} />
        </dl>
      )}
      {f.settings && f.settings.length > 0 && (
        <Text size={200} className={styles.meta}>
          {S.finding.settings}：{f.settings.join("；")}
        </Text>
      )}
    </div>
  );
}

function Fact({ term, value, styles }: { term: string; value: string | null; styles: Styles }) {
  if (value === null || value === undefined || value === "") return null;
  return (
    <div className={styles.fact}>
      <dt className={styles.term}>{term}</dt>
      <dd className={styles.value}>{value}</dd>
    </div>
  );
}
