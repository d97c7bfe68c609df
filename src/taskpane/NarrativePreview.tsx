/**
 * The generated 说明, paragraph by paragraph. A number with provenance is a focusable span whose
 * tooltip lists its source cells and formula; clicking it selects the first source cell. Placeholders
 * (【待填：上年数】) are highlighted. Paragraph text is split into plain text segments — never HTML.
 */
import * as React from "react";
import { makeStyles, Text, Tooltip, tokens } from "@fluentui/react-components";
import type { NarrativeDocument, NarrativeParagraph, NumberProvenance, Placeholder } from "../domain/narrative/types";
import { S } from "./strings";

type Segment =
  | { kind: "text"; text: string }
  | { kind: "number"; text: string; provenance: NumberProvenance }
  | { kind: "placeholder"; text: string; placeholder: Placeholder };

/** Splits a paragraph at its numbers and placeholders; overlapping or out-of-range spans are ignored. */
function paragraphSegments(p: NarrativeParagraph): Segment[] {
  const spans = [
    ...p.numbers.map((n) => ({ start: n.start, end: n.end, make: (text: string): Segment => ({ kind: "number", text, provenance: n }) })),
    ...p.placeholders.map((h) => ({ start: h.start, end: h.end, make: (text: string): Segment => ({ kind: "placeholder", text, placeholder: h }) })),
  ]
    .filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end > s.start && s.end <= p.text.length)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const segments: Segment[] = [];
  let at = 0;
  for (const s of spans) {
    if (s.start < at) continue;
    if (s.start > at) segments.push({ kind: "text", text: p.text.slice(at, s.start) });
    segments.push(s.make(p.text.slice(s.start, s.end)));
    at = s.end;
  }
  if (at < p.text.length) segments.push({ kind: "text", text: p.text.slice(at) });
  return segments;
}

/** The document as plain text, one line per heading and paragraph (for copying and the new sheet). */
export function narrativeLines(doc: NarrativeDocument): string[] {
  const lines: string[] = [doc.title];
  for (const p of doc.paragraphs) {
    if (p.heading) lines.push(p.heading);
    if (p.text) lines.push(p.text);
  }
  return lines;
}

const useStyles = makeStyles({
  root: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    maxHeight: "60vh",
    overflowY: "auto",
    backgroundColor: tokens.colorNeutralBackground1,
  },
  title: { display: "block", textAlign: "center", marginBottom: tokens.spacingVerticalS },
  heading: { display: "block", marginTop: tokens.spacingVerticalS },
  paragraph: { margin: `${tokens.spacingVerticalXS} 0`, textIndent: "2em", lineHeight: tokens.lineHeightBase400, wordBreak: "break-word" },
  number: {
    color: tokens.colorBrandForeground1,
    textDecorationLine: "underline",
    textDecorationStyle: "dotted",
    cursor: "pointer",
    ":focus-visible": { outlineWidth: "2px", outlineStyle: "solid", outlineColor: tokens.colorStrokeFocus2 },
  },
  placeholder: { backgroundColor: tokens.colorPaletteYellowBackground2, color: "inherit", padding: "0 2px" },
  tip: { display: "flex", flexDirection: "column", rowGap: "2px" },
});

export interface NarrativePreviewProps {
  doc: NarrativeDocument;
  onSelectSource(ref: string): void;
}

export function NarrativePreview({ doc, onSelectSource }: NarrativePreviewProps) {
  const styles = useStyles();
  return (
    <article className={styles.root} data-testid="narrative-preview">
      <Text weight="semibold" size={400} className={styles.title}>
        {doc.title}
      </Text>
      {doc.paragraphs.map((p, i) => (
        <React.Fragment key={`${p.section}-${i}`}>
          {p.heading && (
            <Text weight="semibold" className={styles.heading} as="h4">
              {p.heading}
            </Text>
          )}
          {p.text && (
            <p className={styles.paragraph} data-section={p.section}>
              {paragraphSegments(p).map((s, j) =>
                s.kind === "text" ? (
                  <React.Fragment key={j}>{s.text}</React.Fragment>
                ) : s.kind === "placeholder" ? (
                  <mark key={j} className={styles.placeholder} data-testid="narrative-placeholder">
                    {s.text}
                  </mark>
                ) : (
                  <NumberSpan key={j} segment={s} onSelectSource={onSelectSource} className={styles.number} tipClass={styles.tip} />
                ),
              )}
            </p>
          )}
        </React.Fragment>
      ))}
    </article>
  );
}

function NumberSpan({
  segment,
  onSelectSource,
  className,
  tipClass,
}: {
  segment: Extract<Segment, { kind: "number" }>;
  onSelectSource(ref: string): void;
  className: string;
  tipClass: string;
}) {
  const { provenance } = segment;
  const first = provenance.sources[0];
  const select = () => {
    if (first) onSelectSource(first);
  };
  const tip = (
    <div className={tipClass}>
      <span>
        {S.narrative.numberTooltipSources}
        {provenance.sources.join("、")}
      </span>
      {provenance.formula && (
        <span>
          {S.narrative.numberTooltipFormula}
          {provenance.formula}
        </span>
      )}
    </div>
  );
  return (
    <Tooltip content={tip} relationship="description" withArrow>
      <span
        className={className}
        role="button"
        tabIndex={0}
        data-testid="narrative-number"
        data-source={first ?? ""}
        onClick={select}
        onKeyDown={(e) => {
          if (e.key === "Enter" || e.key === " ") {
            e.preventDefault();
            select();
          }
        }}
      >
        {segment.text}
      </span>
    </Tooltip>
  );
}
