/**
 * 说明 tab: generate the 说明 from the recognized tables (optionally with last year's workbook),
 * preview it with number provenance, copy it, insert it as a sheet, export it to Word; and proofread
 * a pasted 说明 against the tables.
 */
import * as React from "react";
import {
  Button,
  Checkbox,
  Divider,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Spinner,
  Text,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import type { RecognizedTable } from "../domain/model";
import type { MissingFact, NarrativeDocument, NarrativeOptions } from "../domain/narrative/types";
import { parseFacts, withFact, type NarrativeFacts } from "../domain/narrative/facts";
import { TEMPLATES, type TemplateId } from "../domain/narrative/templates";
import { copyText } from "./clipboard";
import { downloadBlob } from "./files";
import { narrativeLines, NarrativePreview } from "./NarrativePreview";
import { ProofreadSection, type ProofreadFn } from "./ProofreadSection";
import type { TextSheetSource } from "./text-sources";
import { parseAddress } from "../domain/address";
import { FilePicker } from "./FilePicker";
import { errorMessage, S } from "./strings";

export type NarrativeFn = (tables: readonly RecognizedTable[], options?: Partial<NarrativeOptions>) => NarrativeDocument;
export type ExportDocxFn = (doc: NarrativeDocument) => Promise<Blob | Uint8Array>;

const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground3 },
  fallback: { width: "100%" },
});

export interface NarrativePanelProps {
  /** recognized tables of the last check (null before any check) */
  tables: readonly RecognizedTable[] | null;
  /** the last check's tables, or a fresh check when there is none */
  ensureTables(): Promise<readonly RecognizedTable[] | null>;
  /** last year's workbook file → its recognized tables */
  readPreviousTables(file: File): Promise<RecognizedTable[]>;
  narrative: NarrativeFn;
  proofread: ProofreadFn;
  exportDocx?: ExportDocxFn;
  defaultPercentDecimals: 0 | 1 | 2;
  selectCell(sheet: string, address: string): Promise<void>;
  /** resolves to the sheet written (a new unique name unless the user chose to replace the add-in's own) */
  insertTextSheet(name: string, paragraphs: readonly string[]): Promise<{ sheet: string } | void>;
  /** sheets holding 说明 text, for proofreading in place */
  readTextSources?(): Promise<TextSheetSource[]>;
  /** write one cell: only for a fix the user clicks */
  writeCellText?(sheet: string, address: string, text: string): Promise<void>;
  /** the 补充信息 stored with the workbook (JSON text), null when none; absent ⇒ kept for the session only */
  loadFacts?(): Promise<string | null>;
  saveFacts?(json: string): Promise<void>;
}

/** Where the pane keeps the facts in the workbook's settings. */
export { FACTS_STORE_KEY } from "./stored-keys";

type Notice = { intent: "success" | "error" | "warning" | "info"; text: string };

export function NarrativePanel(props: NarrativePanelProps) {
  const styles = useStyles();
  const [template, setTemplate] = React.useState<"auto" | TemplateId>("auto");
  const [thousands, setThousands] = React.useState<boolean | null>(null);
  const [percentDecimals, setPercentDecimals] = React.useState<0 | 1 | 2>(props.defaultPercentDecimals);
  const [previous, setPrevious] = React.useState<{ name: string; tables: RecognizedTable[] } | null>(null);
  const [previousBusy, setPreviousBusy] = React.useState(false);
  const [doc, setDoc] = React.useState<NarrativeDocument | null>(null);
  const [busy, setBusy] = React.useState(false);
  const [notice, setNotice] = React.useState<Notice | null>(null);
  const [fallbackText, setFallbackText] = React.useState<string | null>(null);
  const fileInput = React.useRef<HTMLInputElement>(null);
  // the 补充信息 set: entered once, stored with the workbook; drafts are what the form holds before saving
  const [facts, setFacts] = React.useState<NarrativeFacts>({});
  const [drafts, setDrafts] = React.useState<Record<string, string>>({});
  const { loadFacts } = props;

  React.useEffect(() => {
    if (!loadFacts) return;
    let alive = true;
    loadFacts()
      .then((json) => {
        if (alive && json) setFacts(parseFacts(JSON.parse(json)).facts);
      })
      .catch((e) => alive && setNotice({ intent: "warning", text: S.narrative.factsLoadFailed(errorMessage(e)) }));
    return () => {
      alive = false;
    };
  }, [loadFacts]);

  React.useEffect(() => setPercentDecimals(props.defaultPercentDecimals), [props.defaultPercentDecimals]);

  const options = (withFacts: NarrativeFacts): Partial<NarrativeOptions> => ({
    ...(template !== "auto" ? { template } : {}),
    percentDecimals,
    ...(thousands !== null ? { conventions: { thousands } } : {}),
    previous: previous?.tables,
    facts: withFacts,
  });

  const generate = async (withFacts: NarrativeFacts = facts) => {
    setBusy(true);
    setNotice(null);
    setFallbackText(null);
    try {
      const tables = await props.ensureTables();
      if (!tables || tables.length === 0) {
        setDoc(null);
        setNotice({ intent: "warning", text: S.narrative.noTables });
        return;
      }
      setDoc(props.narrative(tables, options(withFacts)));
    } catch (e) {
      setNotice({ intent: "error", text: S.narrative.failed(errorMessage(e)) });
    } finally {
      setBusy(false);
    }
  };

  const pickPrevious = async (file: File | undefined) => {
    if (!file) return;
    setPreviousBusy(true);
    setNotice(null);
    try {
      const tables = await props.readPreviousTables(file);
      if (tables.length === 0) {
        setPrevious(null);
        setNotice({ intent: "warning", text: S.narrative.previousNone(file.name) });
      } else {
        setPrevious({ name: file.name, tables });
      }
    } catch (e) {
      setPrevious(null);
      setNotice({ intent: "error", text: S.narrative.previousFailed(errorMessage(e)) });
    } finally {
      setPreviousBusy(false);
    }
  };

  const saveFacts = async () => {
    let next = facts;
    let n = 0;
    for (const [key, value] of Object.entries(drafts)) {
      if (value.trim() === "") continue;
      const kind = doc?.missing?.find((m) => m.key === key)?.kind;
      next = withFact(next, key, kind === "list" ? value.split(/[、，,\n]/).map((x) => x.trim()).filter(Boolean) : value.trim());
      n += 1;
    }
    setFacts(next);
    setDrafts({});
    try {
      if (props.saveFacts) {
        await props.saveFacts(JSON.stringify(next));
        setNotice({ intent: "success", text: S.narrative.factsSaved(n) });
      } else setNotice({ intent: "info", text: S.narrative.factsSessionOnly });
    } catch (e) {
      setNotice({ intent: "error", text: S.narrative.factsLoadFailed(errorMessage(e)) });
    }
    await generate(next);
  };

  const selectSource = (ref: string) => {
    const at = parseAddress(ref);
    if (!at) return;
    props.selectCell(at.sheet, at.address).catch((e) => setNotice({ intent: "error", text: S.finding.selectFailed(errorMessage(e)) }));
  };

  const copy = async () => {
    if (!doc) return;
    const text = narrativeLines(doc).join("\n");
    if (await copyText(text)) {
      setFallbackText(null);
      setNotice({ intent: "success", text: S.narrative.copied });
    } else {
      setFallbackText(text);
      setNotice({ intent: "info", text: S.narrative.copyFallback });
    }
  };

  const insert = async () => {
    if (!doc) return;
    try {
      const written = await props.insertTextSheet(S.narrative.sheetName, narrativeLines(doc));
      setNotice({ intent: "success", text: S.narrative.insertedSheet(written?.sheet ?? S.narrative.sheetName) });
    } catch (e) {
      setNotice({ intent: "error", text: S.narrative.insertFailed(errorMessage(e)) });
    }
  };

  const exportWord = async () => {
    if (!doc || !props.exportDocx) return;
    try {
      const data = await props.exportDocx(doc);
      const blob = data instanceof Blob ? data : new Blob([data as BlobPart], { type: DOCX_MIME });
      downloadBlob(blob, S.narrative.docxFileName);
    } catch (e) {
      setNotice({ intent: "error", text: S.narrative.exportFailed(errorMessage(e)) });
    }
  };

  const placeholderCount = doc ? doc.paragraphs.reduce((n, p) => n + p.placeholders.length, 0) : 0;

  return (
    <div className={styles.root} data-testid="narrative-panel">
      <Field label={S.narrative.template}>
        <RadioGroup layout="horizontal" value={template} onChange={(_, d) => setTemplate(d.value as "auto" | TemplateId)}>
          <Radio value="auto" label={S.narrative.templateAuto} />
          {(Object.keys(TEMPLATES) as TemplateId[]).map((id) => (
            <Radio key={id} value={id} label={S.narrative.templates[id]} />
          ))}
        </RadioGroup>
      </Field>
      <Field hint={S.narrative.thousandsHint}>
        <Checkbox
          label={S.narrative.thousands}
          checked={thousands ?? (doc?.template ? TEMPLATES[doc.template.id].conventions.thousands : false)}
          onChange={(_, d) => setThousands(Boolean(d.checked))}
          data-testid="narrative-thousands"
        />
      </Field>
      <Field label={S.narrative.percentDecimals}>
        <RadioGroup
          layout="horizontal"
          value={String(percentDecimals)}
          onChange={(_, d) => setPercentDecimals(Number(d.value) as 0 | 1 | 2)}
        >
          <Radio value="0" label="0" />
          <Radio value="1" label="1" />
          <Radio value="2" label="2" />
        </RadioGroup>
      </Field>
      <Field label={S.narrative.previousWorkbook} hint={S.narrative.previousHint}>
        <div className={styles.row}>
          <FilePicker
            inputRef={fileInput}
            label={S.files.choose}
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            data-testid="previous-workbook"
            onFile={(file) => void pickPrevious(file)}
          />
          {previousBusy && <Spinner size="tiny" />}
          {previous && (
            <Button
              size="small"
              onClick={() => {
                setPrevious(null);
                if (fileInput.current) fileInput.current.value = "";
              }}
            >
              {S.narrative.previousClear}
            </Button>
          )}
        </div>
      </Field>
      {previous && (
        <Text size={200} className={styles.muted} data-testid="previous-loaded">
          {S.narrative.previousLoaded(previous.name, previous.tables.length)}
        </Text>
      )}

      <div className={styles.row}>
        <Button appearance="primary" onClick={() => void generate()} disabled={busy} data-testid="generate-narrative">
          {doc ? S.narrative.regenerate : S.narrative.generate}
        </Button>
        {busy && <Spinner size="tiny" label={S.narrative.generating} />}
      </div>

      {notice && (
        <MessageBar intent={notice.intent} data-testid="narrative-notice">
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      )}
      {fallbackText !== null && (
        <Textarea
          className={styles.fallback}
          value={fallbackText}
          readOnly
          rows={6}
          ref={(el) => el?.select()}
          data-testid="copy-fallback"
        />
      )}

      {doc && (
        <>
          <div className={styles.row}>
            <Button onClick={() => void copy()} data-testid="narrative-copy">
              {S.narrative.copy}
            </Button>
            <Button onClick={() => void insert()} data-testid="narrative-insert">
              {S.narrative.insertSheet}
            </Button>
            {props.exportDocx && (
              <Button onClick={() => void exportWord()} data-testid="narrative-docx">
                {S.narrative.exportDocx}
              </Button>
            )}
          </div>
          {doc.template && (
            <Text size={200} className={styles.muted} data-testid="narrative-template">
              {S.narrative.templateUsed(doc.template.name, doc.template.reason)}
            </Text>
          )}
          {(doc.warnings ?? []).length > 0 && (
            <MessageBar intent="warning" data-testid="narrative-warnings">
              <MessageBarBody>
                {S.narrative.warningsHeading}
                {doc.warnings!.map((w) => (
                  <div key={w}>{w}</div>
                ))}
              </MessageBarBody>
            </MessageBar>
          )}
          {placeholderCount > 0 && (
            <Text size={200} className={styles.muted}>
              {S.narrative.placeholderCount(placeholderCount)}
            </Text>
          )}
          <FactsForm missing={(doc.missing ?? []).filter((m) => !m.key.startsWith("tables."))} drafts={drafts} onDraft={(key, value) => setDrafts((d) => ({ ...d, [key]: value }))} onSave={() => void saveFacts()} busy={busy} />
          {doc.paragraphs.length === 0 ? <Text>{S.narrative.empty}</Text> : <NarrativePreview doc={doc} onSelectSource={selectSource} />}
        </>
      )}

      <Divider />
      <ProofreadSection
        proofread={props.proofread}
        tables={props.tables}
        percentDecimals={percentDecimals}
        readTextSources={props.readTextSources}
        writeCellText={props.writeCellText}
      />
    </div>
  );
}

/** The facts still missing, one field each, labelled with exactly what to enter. */
function FactsForm(props: { missing: MissingFact[]; drafts: Record<string, string>; onDraft(key: string, value: string): void; onSave(): void; busy: boolean }) {
  const styles = useStyles();
  return (
    <details data-testid="facts-form" open={props.missing.length > 0 && props.missing.length <= 20}>
      <summary>{S.narrative.factsHeading(props.missing.length)}</summary>
      <Text size={200} className={styles.muted} as="p">
        {S.narrative.factsHint}
      </Text>
      {props.missing.map((m) => (
        <Field key={m.key} label={m.label} hint={m.key}>
          {m.kind === "text" || m.kind === "list" ? (
            <Textarea value={props.drafts[m.key] ?? ""} rows={2} data-testid={`fact-${m.key}`} onChange={(_, d) => props.onDraft(m.key, d.value)} />
          ) : (
            <Input
              value={props.drafts[m.key] ?? ""}
              inputMode={m.kind === "count" ? "numeric" : "decimal"}
              data-testid={`fact-${m.key}`}
              onChange={(_, d) => props.onDraft(m.key, d.value)}
            />
          )}
        </Field>
      ))}
      {props.missing.length > 0 && (
        <Button appearance="primary" onClick={props.onSave} disabled={props.busy} data-testid="facts-save">
          {S.narrative.factsSave}
        </Button>
      )}
    </details>
  );
}
