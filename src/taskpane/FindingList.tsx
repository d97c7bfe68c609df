/**
 * Findings grouped by table, groups with errors first and errors first inside a group. Each finding
 * shows its message and numbers (应为/实为/差额/容差) and the settings it depended on; clicking it
 * selects the flagged cell. All text is rendered as React text (cell text is user data).
 */
import * as React from "react";
import { Badge, makeStyles, mergeClasses, Text, tokens } from "@fluentui/react-components";
import type { TableSummary } from "../domain/engine";
import { compareFindings, severityRank, type Finding, type Severity } from "../domain/findings";
import { qualify } from "../domain/address";
import { S } from "./strings";

const BADGE_COLOR: Record<Severity, "danger" | "warning" | "informative"> = { error: "danger", warning: "warning", info: "informative" };

export interface FindingGroup {
  key: string;
  title: string;
  findings: Finding[];
}

/** Groups in display order: worst severity first, then the order tables appear in the workbook. */
export function groupFindings(findings: readonly Finding[], tables: readonly TableSummary[]): FindingGroup[] {
  const tableIndex = new Map(tables.map((t, i) => [t.id, i]));
  const groups = new Map<string, FindingGroup & { order: number; worst: number }>();
  for (const f of findings) {
    const table = f.table ? tables.find((t) => t.id === f.table) : undefined;
    const key = table ? table.id : f.table ?? "";
    let g = groups.get(key);
    if (!g) {
      g = {
        key,
        title: table ? `${table.sheet} · ${S.kinds[table.kind] ?? table.title}` : f.table ?? S.finding.workbookGroup,
        findings: [],
        order: table ? tableIndex.get(table.id) ?? tables.length : tables.length + 1,
        worst: severityRank(f.severity),
      };
      groups.set(key, g);
    }
    g.findings.push(f);
    g.worst = Math.min(g.worst, severityRank(f.severity));
  }
  const list = [...groups.values()].sort((a, b) => a.worst - b.worst || a.order - b.order);
  // Array.prototype.sort is stable: within a severity the engine's order (sheet, row, column) stays.
  return list.map(({ key, title, findings: fs }) => ({ key, title, findings: [...fs].sort(compareFindings) }));
}

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
});

export interface FindingListProps {
  findings: readonly Finding[];
  tables: readonly TableSummary[];
  onSelect(finding: Finding): void;
}

export function FindingList({ findings, tables, onSelect }: FindingListProps) {
  const styles = useStyles();
  const groups = React.useMemo(() => groupFindings(findings, tables), [findings, tables]);
  return (
    <div data-testid="finding-list">
      {groups.map((group) => (
        <section key={group.key} className={styles.group} data-testid="finding-group" aria-label={group.title}>
          <Text weight="semibold" className={styles.groupTitle}>
            {group.title}
          </Text>
          <ul className={styles.list}>
            {group.findings.map((f, i) => (
              <FindingItem key={`${f.rule}-${f.sheet}-${f.cell}-${i}`} finding={f} onSelect={onSelect} styles={styles} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function FindingItem({ finding: f, onSelect, styles }: { finding: Finding; onSelect(f: Finding): void; styles: ReturnType<typeof useStyles> }) {
  const where = f.sheet && f.cell ? qualify(f.sheet, f.cell) : null;
  const select = () => onSelect(f);
  const interactive = where !== null;
  return (
    <li data-testid="finding" data-rule={f.rule} data-severity={f.severity} data-sheet={f.sheet ?? undefined} data-cell={f.cell ?? undefined} data-expected={f.expected ?? undefined}>
      <div
      className={mergeClasses(styles.item, styles[f.severity], interactive && styles.clickable)}
      role={interactive ? "button" : undefined}
      tabIndex={interactive ? 0 : undefined}
      aria-label={interactive ? `${S.finding.goTo(where)}：${f.message}` : undefined}
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
        <Badge appearance="filled" color={BADGE_COLOR[f.severity]} size="small">
          {S.severity[f.severity]}
        </Badge>
        <Text size={200} className={styles.term}>
          {S.finding.rule} {f.rule}
        </Text>
        {where && (
          <Text size={200} className={styles.term}>
            {S.finding.location} {where}
          </Text>
        )}
      </div>
      <Text className={styles.message}>{f.message}</Text>
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
    </li>
  );
}

function Fact({ term, value, styles }: { term: string; value: string | null; styles: ReturnType<typeof useStyles> }) {
  if (value === null || value === undefined || value === "") return null;
  return (
    <div className={styles.fact}>
      <dt className={styles.term}>{term}</dt>
      <dd className={styles.value}>{value}</dd>
    </div>
  );
}
