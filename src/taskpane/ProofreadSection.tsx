/**
 * 校对: paste a 说明, check it against the recognized tables, and see each problem highlighted in
 * the text. The pasted text is user data: it is rendered as text segments with <mark>, never as HTML.
 */
import * as React from "react";
import {
  Badge,
  Button,
  Field,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import type { Severity } from "../domain/findings";
import type { RecognizedTable } from "../domain/model";
import type { ProofreadFinding, ProofreadOptions } from "../domain/proofread/types";
import { copyText } from "./clipboard";
import { readFileBytes } from "./files";
import { joinSource, replacementFor, type JoinedText, type TextSheetSource } from "./text-sources";
import { FilePicker } from "./FilePicker";
import { errorMessage, S } from "./strings";

export type ProofreadFn = (text: string, options?: ProofreadOptions) => ProofreadFinding[];

const BADGE_COLOR: Record<Severity, "danger" | "warning" | "informative"> = { error: "danger", warning: "warning", info: "informative" };

interface Located {
  finding: ProofreadFinding;
  index: number;
  start: number;
  end: number;
}

/** Where each finding's excerpt is in the text: at its offset when it matches there, else its first occurrence. */
function locateExcerpts(text: string, findings: readonly ProofreadFinding[]): Located[] {
  const located: Located[] = [];
  findings.forEach((finding, index) => {
    const len = finding.excerpt.length;
    if (len === 0) return;
    let start = finding.offset;
    if (!(start >= 0 && text.slice(start, start + len) === finding.excerpt)) start = text.indexOf(finding.excerpt);
    if (start < 0) return;
    located.push({ finding, index, start, end: start + len });
  });
  return located.sort((a, b) => a.start - b.start || b.end - a.end);
}

type Piece = { text: string; mark?: Located };

function highlightPieces(text: string, located: readonly Located[]): Piece[] {
  const pieces: Piece[] = [];
  let at = 0;
  for (const l of located) {
    if (l.start < at) continue; // overlapping excerpt: its finding is still listed, only not highlighted twice
    if (l.start > at) pieces.push({ text: text.slice(at, l.start) });
    pieces.push({ text: text.slice(l.start, l.end), mark: l });
    at = l.end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at) });
  return pieces;
}

export interface ParagraphGroup {
  /** 0-based index of the paragraph among the non-empty lines (ProofreadFinding.paragraph) */
  paragraph: number;
  /** the start of the paragraph, to recognize it */
  lead: string;
  items: { finding: ProofreadFinding; index: number }[];
}

/** Findings by the paragraph (non-empty line) of the text they are in, in the order of the text. */
export function groupByParagraph(text: string, findings: readonly ProofreadFinding[]): ParagraphGroup[] {
  const lines: { start: number; end: number }[] = [];
  let at = 0;
  for (const line of text.split("\n")) {
    if (line.trim() !== "") lines.push({ start: at, end: at + line.length });
    at += line.length + 1;
  }
  const lineOf = (f: ProofreadFinding): number => {
    if (f.paragraph !== undefined && f.paragraph < lines.length) return f.paragraph;
    const i = lines.findIndex((l) => f.offset >= l.start && f.offset < l.end);
    return i >= 0 ? i : Math.max(0, lines.findIndex((l) => f.offset < l.start));
  };
  const groups = new Map<number, ParagraphGroup>();
  findings.forEach((finding, index) => {
    const paragraph = lineOf(finding);
    let group = groups.get(paragraph);
    if (!group) {
      const line = lines[paragraph];
      const full = line ? text.slice(line.start, line.end).trim() : "";
      group = { paragraph, lead: full.length > 28 ? `${full.slice(0, 28)}…` : full, items: [] };
      groups.set(paragraph, group);
    }
    group.items.push({ finding, index });
  });
  return [...groups.values()].sort((a, b) => a.paragraph - b.paragraph);
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  row: { display: "flex", columnGap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  text: {
    whiteSpace: "pre-wrap",
    wordBreak: "break-word",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
    maxHeight: "40vh",
    overflowY: "auto",
    lineHeight: tokens.lineHeightBase400,
  },
  mark: { backgroundColor: tokens.colorPaletteYellowBackground2, color: "inherit", cursor: "pointer" },
  markError: { backgroundColor: tokens.colorPaletteRedBackground2 },
  active: { outlineWidth: "2px", outlineStyle: "solid", outlineColor: tokens.colorStrokeFocus2 },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  item: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
    cursor: "pointer",
  },
  itemActive: { borderTopColor: tokens.colorBrandStroke1, borderRightColor: tokens.colorBrandStroke1, borderBottomColor: tokens.colorBrandStroke1, borderLeftColor: tokens.colorBrandStroke1 },
  muted: { color: tokens.colorNeutralForeground3 },
  excerpt: { display: "block", fontWeight: tokens.fontWeightSemibold },
  group: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
});

export interface ProofreadSectionProps {
  proofread: ProofreadFn;
  tables: readonly RecognizedTable[] | null;
  percentDecimals: 0 | 1 | 2;
  /** sheets of the open workbook that hold 说明 text (absent: only pasting is offered) */
  readTextSources?(): Promise<TextSheetSource[]>;
  /** write one cell — only when the user clicks a suggested fix */
  writeCellText?(sheet: string, address: string, text: string): Promise<void>;
}

export function ProofreadSection({ proofread, tables, percentDecimals, readTextSources, writeCellText }: ProofreadSectionProps) {
  const styles = useStyles();
  const [text, setTextState] = React.useState("");
  const [sources, setSources] = React.useState<TextSheetSource[] | null>(null);
  const [joined, setJoined] = React.useState<JoinedText | null>(null);
  const [notice, setNotice] = React.useState<string | null>(null);
  // typing in the box detaches the text from the sheet it was read from
  const setText = (value: string) => {
    setTextState(value);
    setJoined(null);
  };
  const [checked, setChecked] = React.useState<{ text: string; findings: ProofreadFinding[] } | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [active, setActive] = React.useState<number | null>(null);
  const [copied, setCopied] = React.useState<number | null>(null);
  const markRefs = React.useRef(new Map<number, HTMLElement>());

  const loadSources = async () => {
    setError(null);
    try {
      const found = await readTextSources!();
      setSources(found);
      if (found.length > 0) pickSource(found[0]);
    } catch (e) {
      setError(S.proofread.readFailed(errorMessage(e)));
    }
  };

  const openFile = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    try {
      // mammoth is loaded only when a .docx is opened
      const { readNarrativeText } = await import("../export/read-text");
      setText(await readNarrativeText(await readFileBytes(file), file.name));
      setChecked(null);
    } catch (e) {
      setError(S.proofread.fileFailed(errorMessage(e)));
    }
  };

  const pickSource = (source: TextSheetSource) => {
    const j = joinSource(source);
    setTextState(j.text);
    setJoined(j);
    setChecked(null);
  };

  const replaceInSheet = async (start: number, end: number, suggestion: string) => {
    if (!joined || !writeCellText) return;
    const target = replacementFor(joined, start, end, suggestion);
    if (!target) return;
    try {
      await writeCellText(joined.sheet, target.address, target.cellText);
      const newText = joined.text.slice(0, start) + suggestion + joined.text.slice(end);
      const delta = suggestion.length - (end - start);
      const spans = joined.spans.map((s) => (s.address === target.address ? { ...s, end: s.end + delta } : s.start > start ? { ...s, start: s.start + delta, end: s.end + delta } : s));
      const next = { ...joined, text: newText, spans };
      setJoined(next);
      setTextState(newText);
      setNotice(S.proofread.replaced(joined.sheet, target.address));
      run(newText);
    } catch (e) {
      setError(S.proofread.replaceFailed(errorMessage(e)));
    }
  };

  const run = (current = text) => {
    setError(null);
    setActive(null);
    try {
      const findings = proofread(current, { tables: tables ?? undefined, percentDecimals });
      setChecked({ text: current, findings });
    } catch (e) {
      setChecked(null);
      setError(S.proofread.failed(errorMessage(e)));
    }
  };

  const located = React.useMemo(() => (checked ? locateExcerpts(checked.text, checked.findings) : []), [checked]);
  const pieces = React.useMemo(() => (checked ? highlightPieces(checked.text, located) : []), [checked, located]);
  const groups = React.useMemo(() => (checked ? groupByParagraph(checked.text, checked.findings) : []), [checked]);

  const focusFinding = (index: number) => {
    setActive(index);
    markRefs.current.get(index)?.scrollIntoView?.({ block: "nearest" });
  };

  return (
    <section className={styles.root} data-testid="proofread">
      <Text weight="semibold">{S.proofread.heading}</Text>
      <Text size={200} className={styles.muted}>
        {S.proofread.hint}
      </Text>
      <div className={styles.row}>
        <Field label={S.proofread.fromFile}>
          <FilePicker
            label={S.files.choose}
            accept=".txt,.docx,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            data-testid="proofread-file"
            onFile={(file) => void openFile(file)}
          />
        </Field>
      </div>
      {readTextSources && (
        <div className={styles.row}>
          <Button onClick={() => void loadSources()} data-testid="proofread-from-sheet">
            {S.proofread.fromSheet}
          </Button>
          {sources && sources.length > 0 && (
            <Field label={S.proofread.fromSheetLabel}>
              <Select
                value={joined?.sheet ?? ""}
                onChange={(_, d) => {
                  const s = sources.find((x) => x.sheet === d.value);
                  if (s) pickSource(s);
                }}
                data-testid="proofread-sheet"
              >
                {sources.map((s) => (
                  <option key={s.sheet} value={s.sheet}>
                    {s.sheet}
                  </option>
                ))}
              </Select>
            </Field>
          )}
          {sources && sources.length === 0 && <Text size={200}>{S.proofread.noTextSheet}</Text>}
        </div>
      )}
      {notice && (
        <MessageBar intent="success">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      <Field label={S.proofread.textLabel}>
        <Textarea value={text} onChange={(_, d) => setText(d.value)} resize="vertical" rows={6} data-testid="proofread-input" />
      </Field>
      <div className={styles.row}>
        <Button appearance="primary" onClick={() => run()} disabled={text.trim() === ""} data-testid="proofread-run">
          {S.proofread.run}
        </Button>
        <Button
          onClick={() => {
            setText("");
            setChecked(null);
            setError(null);
          }}
          disabled={text === "" && !checked}
        >
          {S.proofread.clear}
        </Button>
      </div>
      {!tables && (
        <Text size={200} className={styles.muted}>
          {S.proofread.noTablesNote}
        </Text>
      )}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {checked && (
        <>
          <Text data-testid="proofread-count">{checked.findings.length === 0 ? S.proofread.none : S.proofread.count(checked.findings.length)}</Text>
          {checked.findings.length > 0 && (
            <>
              <Text size={200} className={styles.muted}>
                {S.proofread.textPreview}
              </Text>
              <div className={styles.text} data-testid="proofread-text">
                {pieces.map((p, i) =>
                  p.mark ? (
                    <mark
                      key={i}
                      ref={(el) => {
                        if (el) markRefs.current.set(p.mark!.index, el);
                        else markRefs.current.delete(p.mark!.index);
                      }}
                      className={mergeClasses(
                        styles.mark,
                        p.mark.finding.severity === "error" && styles.markError,
                        active === p.mark.index && styles.active,
                      )}
                      data-testid="proofread-mark"
                      data-finding={p.mark.index}
                      title={p.mark.finding.message}
                      onClick={() => setActive(p.mark!.index)}
                    >
                      {p.text}
                    </mark>
                  ) : (
                    <React.Fragment key={i}>{p.text}</React.Fragment>
                  ),
                )}
              </div>
              <ul className={styles.list}>
                {groups.map((g) => (
                  <li key={g.paragraph} className={styles.group} data-testid="proofread-paragraph" data-paragraph={g.paragraph}>
                    <Text size={200} weight="semibold">
                      {S.proofread.paragraph(g.paragraph + 1, g.lead, g.items.length)}
                    </Text>
                    <ul className={styles.list}>
                      {g.items.map(({ finding: f, index: i }) => (
                        <li
                          key={i}
                          className={mergeClasses(styles.item, active === i && styles.itemActive)}
                          data-testid="proofread-finding"
                          data-rule={f.rule}
                          onClick={() => focusFinding(i)}
                        >
                          <div className={styles.row}>
                            <Badge appearance="filled" color={BADGE_COLOR[f.severity]} size="small">
                              {S.severity[f.severity]}
                            </Badge>
                            <Text size={200} className={styles.muted}>
                              {S.finding.rule} {f.rule}
                            </Text>
                          </div>
                          <Text className={styles.excerpt}>「{f.excerpt}」</Text>
                          <Text>{f.message}</Text>
                          {f.dependents && f.dependents.length > 0 && (
                            <Text size={200} className={styles.muted} as="p" data-testid="proofread-dependents">
                              {S.proofread.dependents(f.dependents.map((d) => `「${d.excerpt}」`).join("、"))}
                            </Text>
                          )}
                          {(f.expected !== null || f.actual !== null) && (
                            <Text size={200} className={styles.muted} as="p">
                              {f.expected !== null && `${S.finding.expected} ${f.expected}`}
                              {f.expected !== null && f.actual !== null && "；"}
                              {f.actual !== null && `${S.finding.actual} ${f.actual}`}
                            </Text>
                          )}
                          {f.suggestion && (
                            <div className={styles.row}>
                              <Text size={200}>
                                {S.proofread.suggestion}：<span data-testid="proofread-suggestion">{f.suggestion}</span>
                              </Text>
                              <Button
                                size="small"
                                onClick={(e) => {
                                  e.stopPropagation();
                                  void copyText(f.suggestion!).then((ok) => setCopied(ok ? i : null));
                                }}
                              >
                                {copied === i ? S.narrative.copied : S.proofread.copySuggestion}
                              </Button>
                              {(() => {
                                const at = located.find((l) => l.index === i);
                                const target = at && joined && writeCellText && checked.text === joined.text ? replacementFor(joined, at.start, at.end, f.suggestion!) : null;
                                return target ? (
                                  <Button
                                    size="small"
                                    data-testid="proofread-replace"
                                    onClick={(e) => {
                                      e.stopPropagation();
                                      void replaceInSheet(at!.start, at!.end, f.suggestion!);
                                    }}
                                  >
                                    {S.proofread.replaceInCell(target.address)}
                                  </Button>
                                ) : null;
                              })()}
                            </div>
                          )}
                        </li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
