/**
 * 说明 tab: generate the 说明 from the recognized tables (optionally with last year's workbook),
 * preview it with number provenance, copy it, insert it as a sheet, export it to Word; and proofread
 * a pasted 说明 against the tables.
 */
import * as React from "react";
import {
  Button,
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
import type { NarrativeDocument, NarrativeOptions, NarrativeStyle } from "../domain/narrative/types";
import { copyText } from "./clipboard";
import { downloadBlob } from "./files";
import { narrativeLines, NarrativePreview } from "./NarrativePreview";
import { ProofreadSection, type ProofreadFn } from "./ProofreadSection";
import type { TextSheetSource } from "./text-sources";
import { parseQualifiedRef } from "./refs";
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
}

type Notice = { intent: "success" | "error" | "warning" | "info"; text: string };

export function NarrativePanel(props: NarrativePanelProps) {
  const styles = useStyles();
  const [style, setStyle] = React.useState<NarrativeStyle>("beijing");
  const [percentDecimals, setPercentDecimals] = React.useState<0 | 1 | 2>(props.defaultPercentDecimals);
  const [previous, setPrevious] = React.useState<{ name: string; tables: RecognizedTable[] } | null>(null);
  const [previousBusy, setPreviousBusy] = React.useState(false);
  const [doc, setDoc] = React.useState<NarrativeDocument | null>(null);
  const [busy, setBusy] = React.useState(false);
  const [notice, setNotice] = React.useState<Notice | null>(null);
  const [fallbackText, setFallbackText] = React.useState<string | null>(null);
  const fileInput = React.useRef<HTMLInputElement>(null);
  // 年初预算 is not in the public tables: the user types it (by 项 code, and the 合计); nothing is assumed
  const [budgets, setBudgets] = React.useState<Record<string, string>>({});
  const budgetItems = React.useMemo(() => {
    const t5 = props.tables?.find((t) => t.kind === "general-budget-expenditure");
    return (t5?.rows ?? []).filter((r) => r.level === "item" && r.code && !(r.cells.total?.displayed.isZero() ?? true)).map((r) => ({ code: r.code!, label: r.label }));
  }, [props.tables]);
  const validBudgets = React.useMemo(() => Object.fromEntries(Object.entries(budgets).filter(([, v]) => /^\d+(\.\d+)?$/.test(v.replace(/,/g, "").trim())).map(([k, v]) => [k, v.replace(/,/g, "").trim()])), [budgets]);

  React.useEffect(() => setPercentDecimals(props.defaultPercentDecimals), [props.defaultPercentDecimals]);

  const generate = async () => {
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
      setDoc(props.narrative(tables, { style, percentDecimals, previous: previous?.tables, initialBudgets: Object.keys(validBudgets).length ? validBudgets : undefined }));
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

  const selectSource = (ref: string) => {
    const at = parseQualifiedRef(ref);
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
      <Field label={S.narrative.style}>
        <RadioGroup layout="horizontal" value={style} onChange={(_, d) => setStyle(d.value as NarrativeStyle)}>
          <Radio value="beijing" label={S.narrative.styles.beijing} />
          <Radio value="shanghai" label={S.narrative.styles.shanghai} />
        </RadioGroup>
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

      {budgetItems.length > 0 && (
        <details data-testid="initial-budgets">
          <summary>{S.narrative.initialBudgets}</summary>
          <Text size={200} className={styles.muted} as="p">
            {S.narrative.initialBudgetsHint}
          </Text>
          {[{ code: "total", label: S.narrative.initialBudgetTotal }, ...budgetItems].map((item) => (
            <Field key={item.code} label={item.code === "total" ? item.label : `${item.code} ${item.label}`} orientation="horizontal">
              <Input
                value={budgets[item.code] ?? ""}
                inputMode="decimal"
                placeholder="0.00"
                data-testid={`initial-budget-${item.code}`}
                onChange={(_, d) => setBudgets((b) => ({ ...b, [item.code]: d.value }))}
              />
            </Field>
          ))}
        </details>
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
          {placeholderCount > 0 && (
            <Text size={200} className={styles.muted}>
              {S.narrative.placeholderCount(placeholderCount)}
            </Text>
          )}
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
