/**
 * Recognition of 项目支出绩效自评表 and 部门整体支出绩效自评表 (domain README §9.1–9.2), in the
 * 财预〔2020〕10号 附1 layout and the Sichuan, Guizhou and Chongqing variants. Header-driven: a table is a
 * title naming a 绩效自评表 followed by an indicator header with a 得分 column; everything else is found
 * by its header words, wherever it sits, through merges and blank rows.
 */
import { Decimal, sum } from "../decimal";
import { boxToA1, type RangeBox, type SheetSnapshot } from "../grid";
import type {
  AmountCell,
  EvaluationModel,
  EvaluationText,
  IndicatorRow,
  MoneyUnit,
  RecognizedTable,
  TableColumn,
  TableRow,
  TextCell,
  Variant,
  WeightLabel,
} from "../model";
import { parseIndicatorValue, parseNatureCell } from "../indicator-value";
import { normalizeLabel, stripOrdinal, toHalfWidth } from "../text";
import { SheetReader } from "./self-evaluation/sheet-reader";
import {
  CANONICAL_TITLE,
  FUND_ROW_LABELS,
  fundColumnKey,
  fundRowKey,
  indicatorColumnKey,
  isExecutionRateLabel,
  isGradeLabel,
  isSectionLabel,
  isTotalLabel,
  isBareTrailingLabel,
  isTrailingLabel,
  level1Family,
  level1FamilyOf,
  splitWeightLabel,
  textKey,
  titleKind,
  type FundColumnKey,
  type IndicatorColumnKey,
  type SelfEvaluationKind,
} from "./self-evaluation/vocabulary";

type Form = EvaluationModel["form"];

interface HeaderRow<K extends string> {
  row: number;
  /** first column of each key (left to right) */
  cols: Map<K, number>;
  headers: Map<K, string>;
}

interface TitleHit {
  row: number;
  col: number;
  kind: SelfEvaluationKind;
  text: string;
  /** no title printed: the sheet's name names the table, which starts at `row` */
  synthetic?: boolean;
}

/** Every 绩效自评表 on the sheet, top to bottom. */
export function findSelfEvaluationTables(sheet: SheetSnapshot): RecognizedTable[] {
  const reader = new SheetReader(sheet);
  const titles = findTitles(reader);
  const tables: RecognizedTable[] = [];
  for (let i = 0; i < titles.length; i++) {
    const end = i + 1 < titles.length ? titles[i + 1].row - 1 : reader.rowCount - 1;
    const table = readTable(reader, titles[i], end);
    if (table) tables.push(table);
  }
  return tables;
}

function findTitles(reader: SheetReader): TitleHit[] {
  const hits: TitleHit[] = [];
  for (let r = 0; r < reader.rowCount; r++) {
    for (const { col, text, norm } of reader.rowTexts(r)) {
      const kind = titleKind(norm);
      if (kind) {
        hits.push({ row: r, col, kind, text });
        break;
      }
    }
  }
  // no printed title: a sheet named after the table starts at its first row
  const sheetKind = titleKind(normalizeLabel(reader.sheet.name));
  if (hits.length === 0 && sheetKind) {
    for (let r = 0; r < reader.rowCount; r++) {
      const first = reader.rowTexts(r)[0];
      if (first) {
        hits.push({ row: r, col: first.col, kind: sheetKind, text: reader.sheet.name, synthetic: true });
        break;
      }
    }
  }
  return hits;
}

/** Header row inside [from, to] whose cells map to the wanted keys. */
function findHeader<K extends string>(
  reader: SheetReader,
  from: number,
  to: number,
  keyOf: (norm: string) => K | null,
  accept: (keys: ReadonlySet<K>) => boolean,
): HeaderRow<K> | null {
  for (let r = from; r <= to; r++) {
    const cols = new Map<K, number>();
    const headers = new Map<K, string>();
    for (const { col, text, norm } of reader.rowTexts(r)) {
      const key = keyOf(norm);
      if (key && !cols.has(key)) {
        cols.set(key, col);
        headers.set(key, text.replace(/\s+/g, ""));
      }
    }
    if (accept(new Set(cols.keys()))) return { row: r, cols, headers };
  }
  return null;
}

function readTable(reader: SheetReader, title: TitleHit, end: number): RecognizedTable | null {
  const bodyStart = title.synthetic ? title.row : title.row + 1;
  const indicatorHeader = findHeader<IndicatorColumnKey>(reader, bodyStart, end, indicatorColumnKey, (k) =>
    k.has("score") && k.has("weight") && (k.has("name") || k.has("level1")),
  );
  if (!indicatorHeader) return null; // no 得分 column: a 目标表 / 指标体系 / 目录 entry, not a 自评表
  const fundsHeader = findHeader<FundColumnKey>(reader, bodyStart, indicatorHeader.row - 1, fundColumnKey, (k) =>
    k.has("executed") && (k.has("initial-budget") || k.has("annual-budget")),
  );
  const form = detectForm(title, fundsHeader, indicatorHeader);
  const metaEnd = (fundsHeader?.row ?? indicatorHeader.row) - 1;
  const meta = readMeta(reader, title, metaEnd);

  const funds = fundsHeader ? readFunds(reader, fundsHeader, indicatorHeader.row - 1) : { rows: [], lastRow: -1, reason: undefined };
  const block = readIndicators(reader, indicatorHeader, end);
  const texts = readTexts(reader, title.row + 1, block.lastRow, fundsHeader, indicatorHeader);
  if (funds.reason) texts.push({ key: "execution-reason", label: fundsHeader?.headers.get("reason") ?? "原因", cell: funds.reason });

  const unit = detectUnit(reader, title.row, Math.max(fundsHeader?.row ?? title.row, metaEnd), fundsHeader) ?? (form === "sichuan" ? "万元" : null);
  const lastRow = Math.max(block.lastRow, funds.lastRow, indicatorHeader.row);
  const notes = readNotes(reader, lastRow + 1, end);
  const box = tableBox(reader, title.row, lastRow);
  const range = boxToA1(box);

  const evaluation: EvaluationModel = {
    form,
    ...(meta.projectName ? { projectName: meta.projectName } : {}),
    ...(meta.department ? { department: meta.department } : {}),
    ...(meta.implementer ? { implementer: meta.implementer } : {}),
    funds: funds.rows,
    indicators: block.indicators,
    level1Weights: block.level1Weights,
    level2Weights: block.level2Weights,
    ...(block.totalWeight ? { totalWeight: block.totalWeight } : {}),
    ...(block.totalScore ? { totalScore: block.totalScore } : {}),
    ...(block.grade ? { grade: block.grade } : {}),
    ...(block.totalRow !== undefined ? { totalRow: block.totalRow } : {}),
    ...(block.indicatorsWeight ? { indicatorsWeight: block.indicatorsWeight } : {}),
    ...(fundsHeader ? executionWeightLabel(reader, fundsHeader) : {}),
    texts,
  };

  const columns: TableColumn[] = [
    ...(fundsHeader ? columnsOf(fundsHeader, "funds") : []),
    ...columnsOf(indicatorHeader, "indicators"),
  ];
  const hasAmounts =
    funds.rows.some((r) => Object.values(r.cells).some((c) => !c.blank)) ||
    block.indicators.some((i) => (i.weight && !i.weight.blank) || (i.score && !i.score.blank));

  return {
    id: `${reader.sheet.name}!${range}`,
    kind: title.kind,
    title: CANONICAL_TITLE[title.kind],
    printedTitle: title.text.replace(/\s+/g, " ").trim(),
    sheet: reader.sheet.name,
    range,
    box,
    titleCell: reader.textCell(title.row, title.col, title.synthetic ? reader.ownText(title.row, title.col) : title.text),
    unit,
    year: detectYear(reader, title, metaEnd),
    unitName:
      title.kind === "project-self-evaluation"
        ? (meta.implementer ?? meta.department ?? meta.unitName ?? null)
        : (meta.unitName ?? meta.department ?? meta.implementer ?? null),
    variant: variantOf(form),
    columns,
    rows: funds.rows,
    notes,
    empty: !hasAmounts,
    evaluation,
  };
}

function columnsOf<K extends string>(header: HeaderRow<K>, group: string): TableColumn[] {
  return [...header.cols.entries()].map(([key, col]) => ({ key, group, col, header: header.headers.get(key) ?? key }));
}

function variantOf(form: Form): Variant {
  return form === "sichuan" || form === "guizhou" || form === "chongqing" ? form : "generic";
}

function detectForm(
  title: TitleHit,
  funds: HeaderRow<FundColumnKey> | null,
  indicators: HeaderRow<IndicatorColumnKey>,
): Form {
  const fundHeaders = funds ? [...funds.headers.values()].map(normalizeLabel).join("|") : "";
  const indicatorHeaders = [...indicators.headers.values()].map(normalizeLabel).join("|");
  const titleNorm = normalizeLabel(title.text);
  if (indicators.cols.has("coefficient") || indicators.cols.has("core") || indicators.cols.has("adjusted-target") || /执行率权重|执行率得分/.test(fundHeaders)) {
    return "chongqing";
  }
  if (/部门预算项目支出/.test(titleNorm) || /调整后预算/.test(fundHeaders) || (indicators.cols.has("nature") && indicators.cols.has("unit"))) {
    return "sichuan";
  }
  if (/\(A\)|\(B\)/i.test(fundHeaders + "|" + indicatorHeaders) || funds?.cols.has("method") || /全年实际值/.test(indicatorHeaders)) {
    return "guizhou";
  }
  if (funds && funds.cols.has("initial-budget") && funds.cols.has("annual-budget") && indicators.cols.has("level1") && indicators.cols.has("level2")) {
    return "finance-2020-10";
  }
  return "generic";
}

interface Meta {
  projectName?: string;
  department?: string;
  implementer?: string;
  unitName?: string;
}

const META_LABELS: ReadonlyArray<[RegExp, keyof Meta]> = [
  [/^项目名称/, "projectName"],
  [/^(主管部门|主管单位)/, "department"],
  [/^(实施单位|项目实施单位|预算单位|项目单位)/, "implementer"],
  [/^(部门\(单位\)名称|部门名称|单位名称|填报单位|预算部门|编制单位)/, "unitName"],
];

function isMetaLabel(norm: string): boolean {
  return META_LABELS.some(([re]) => re.test(norm));
}

/** 项目名称 / 主管部门 / 实施单位 / 部门(单位)名称: "label | value" or "label：value". */
function readMeta(reader: SheetReader, title: TitleHit, lastRow: number): Meta {
  const meta: Meta = {};
  for (let r = title.row + 1; r <= lastRow; r++) {
    const texts = reader.rowTexts(r);
    for (let i = 0; i < texts.length; i++) {
      const { norm, text } = texts[i];
      for (const [re, field] of META_LABELS) {
        const m = re.exec(norm);
        if (!m || meta[field]) continue;
        const after = toHalfWidth(text).replace(/\s+/g, "");
        const colon = after.search(/[:：]/);
        let value = colon >= 0 ? after.slice(colon + 1).trim() : "";
        if (!value && i + 1 < texts.length && !isMetaLabel(texts[i + 1].norm)) value = texts[i + 1].text.trim();
        if (value) meta[field] = value.replace(/\s+/g, "");
        break;
      }
    }
  }
  return meta;
}

function detectYear(reader: SheetReader, title: TitleHit, lastRow: number): number | null {
  const candidates = [title.text];
  for (let r = title.row + 1; r <= Math.min(lastRow, title.row + 3); r++) {
    for (const t of reader.rowTexts(r)) if (/年度?/.test(t.norm) && t.norm.length <= 20) candidates.push(t.text);
  }
  for (const c of candidates) {
    const m = /((?:19|20)\d{2})年/.exec(toHalfWidth(c).replace(/\s+/g, ""));
    if (m) return Number(m[1]);
  }
  return null;
}

/** The unit printed in the head or the 资金 header; the Sichuan form (510000_0013zp) is in 万元 without saying so. */
function detectUnit(reader: SheetReader, from: number, to: number, funds: HeaderRow<FundColumnKey> | null): MoneyUnit | null {
  const rows = new Set<number>();
  for (let r = from; r <= to; r++) rows.add(r);
  const texts: string[] = [];
  for (const r of rows) for (const t of reader.rowTexts(r)) texts.push(t.norm);
  if (funds) for (const h of funds.headers.values()) texts.push(normalizeLabel(h));
  for (const t of texts) {
    if (/万元/.test(t) && /(资金|单位|金额|预算)/.test(t)) return "万元";
  }
  for (const t of texts) {
    if (/单位[:]?元$|\(元\)$/.test(t)) return "元";
  }
  return null;
}

/* ------------------------------------------------------------------ funds */

interface FundsBlock {
  rows: TableRow[];
  lastRow: number;
  reason?: TextCell;
}

const AMOUNT_KEYS: FundColumnKey[] = ["initial-budget", "annual-budget", "executed", "weight", "rate", "score"];

function readFunds(reader: SheetReader, header: HeaderRow<FundColumnKey>, limit: number): FundsBlock {
  const valueCols = AMOUNT_KEYS.filter((k) => header.cols.has(k)).map((k) => header.cols.get(k) as number);
  const firstValueCol = Math.min(...valueCols, header.cols.get("reason") ?? Infinity);
  const rows: TableRow[] = [];
  let lastRow = header.row;
  let reason: TextCell | undefined;
  let blanks = 0;
  for (let r = header.row + 1; r <= limit; r++) {
    const label = fundLabel(reader, r, firstValueCol, header.row);
    if (reader.rowTexts(r).some((t) => isSectionLabel(t.norm) || textKey(t.norm))) break;
    if (label && indicatorColumnKey(label.norm) === "level1") break; // the indicator header itself
    const hasValue = valueCols.some((c) => reader.ownText(r, c) !== "");
    if (!label && !hasValue) {
      if (++blanks > 2) break;
      continue;
    }
    blanks = 0;
    const key = label ? fundRowKey(label.norm) : rows.length === 0 ? "total" : null;
    if (!key && !hasValue) break; // a labelled row without amounts: the block is over
    const cells: Record<string, AmountCell> = {};
    for (const k of AMOUNT_KEYS) {
      const col = header.cols.get(k);
      if (col === undefined) continue;
      const headerText = normalizeLabel(header.headers.get(k) ?? "");
      cells[k] = reader.amountCell(r, col, { percentHeader: k === "rate" && /%/.test(headerText), rateColumn: k === "rate" });
    }
    const labelText = label ? stripOrdinal(label.text).replace(/^其中[:：]?/, "") : "";
    const finalKey = key ?? `label:${labelText}`;
    rows.push({
      key: finalKey,
      label: labelText || (key ? FUND_ROW_LABELS[key] : ""),
      ...(finalKey === "total" ? { level: "total" as const } : {}),
      group: "funds",
      row: r,
      labelCell: label ? reader.textCell(r, label.col, label.text) : reader.textCell(r, Math.max(0, firstValueCol - 1), ""),
      cells,
    });
    const reasonCol = header.cols.get("reason");
    if (reasonCol !== undefined && !reason) {
      const text = reader.text(r, reasonCol);
      if (finalKey === "total" || text) reason = reader.textCell(r, reasonCol, text);
    }
    lastRow = r;
  }
  return { rows, lastRow, ...(reason ? { reason } : {}) };
}

/** The row label: the rightmost own text left of the amounts, skipping the block's label (a merge opened in the header row). */
function fundLabel(reader: SheetReader, row: number, firstValueCol: number, headerRow: number): { col: number; text: string; norm: string } | null {
  for (let c = Math.min(firstValueCol, reader.colCount) - 1; c >= 0; c--) {
    const m = reader.mergeAt(row, c);
    if (m && m.top <= headerRow) continue;
    const text = reader.ownText(row, c);
    if (!text) continue;
    const norm = normalizeLabel(text);
    if (/资金.*万元|总体资金|^项目资金|^预算执行情况|^资金来源/.test(norm) && !fundRowKey(norm)) continue;
    return { col: c, text: text.replace(/\s+/g, ""), norm };
  }
  return null;
}

/** "分值(10分)" in the 资金 header, or "预算执行情况(10分)" beside it. */
function executionWeightLabel(reader: SheetReader, header: HeaderRow<FundColumnKey>): Pick<EvaluationModel, "executionWeightLabel"> {
  const candidates: { col: number; text: string }[] = [];
  const weightCol = header.cols.get("weight");
  if (weightCol !== undefined) candidates.push({ col: weightCol, text: header.headers.get("weight") ?? "" });
  for (const t of reader.rowTexts(header.row)) if (/预算执行|资金/.test(t.norm)) candidates.push({ col: t.col, text: t.text });
  for (const c of candidates) {
    const { name, weight } = splitWeightLabel(c.text);
    if (weight) {
      return { executionWeightLabel: { name, stated: new Decimal(weight), cell: reader.textCell(header.row, c.col, c.text), source: "label" } };
    }
  }
  return {};
}

/* ------------------------------------------------------------- indicators */

interface IndicatorBlock {
  indicators: IndicatorRow[];
  level1Weights: WeightLabel[];
  level2Weights: WeightLabel[];
  indicatorsWeight?: WeightLabel;
  totalWeight?: AmountCell;
  totalScore?: AmountCell;
  totalRow?: number;
  grade?: TextCell;
  lastRow: number;
}

function readIndicators(reader: SheetReader, header: HeaderRow<IndicatorColumnKey>, end: number): IndicatorBlock {
  const col = (k: IndicatorColumnKey) => header.cols.get(k);
  const nameCol = col("name") ?? col("level2") ?? (col("level1") as number);
  const weightCol = col("weight") as number;
  const scoreCol = col("score") as number;
  const indicators: IndicatorRow[] = [];
  let level1 = "";
  let level1Cell: TextCell | undefined;
  let level1Inferred = false;
  let level2 = "";
  let level2Cell: TextCell | undefined;
  const level1Labels = new Map<string, WeightLabel>();
  const level2Labels = new Map<string, WeightLabel>();
  /** where each group's label is printed (or, for an inferred 一级, where it is missing) */
  const groupCells = new Map<string, TextCell>();
  let lastRow = header.row;
  let totalRow: number | undefined;
  let blanks = 0;

  const coefficientHeader = normalizeLabel(header.headers.get("coefficient") ?? "");
  for (let r = header.row + 1; r <= end; r++) {
    const texts = reader.rowTexts(r);
    if (texts.length === 0) {
      if (++blanks > 3) break;
      continue;
    }
    blanks = 0;
    const first = texts[0];
    if (texts.some((t) => t.col <= weightCol && isTotalLabel(t.norm))) {
      totalRow = r;
      lastRow = r;
      break;
    }
    // rows after the indicators when no 总分 row closes them: a label left of the names, or a bare label
    const closing = (t: { norm: string }) => isTrailingLabel(t.norm) || /^注[:：]|^说明[:：]/.test(t.norm);
    if (texts.some((t) => t.col < nameCol && closing(t)) || (texts.length <= 2 && isBareTrailingLabel(first.norm))) break;
    if (indicatorColumnKey(first.norm) && texts.filter((t) => indicatorColumnKey(t.norm)).length >= 3) continue; // repeated header

    // 一级 / 二级: own text, the text of a merge, or carried down from above
    const l1Col = col("level1");
    if (l1Col !== undefined) {
      const t = reader.text(r, l1Col);
      if (t && splitWeightLabel(t).name !== level1) {
        const { name, weight } = splitWeightLabel(t);
        level1 = name;
        level1Inferred = false;
        level1Cell = reader.textCell(r, l1Col, t);
        level2 = "";
        level2Cell = undefined;
        if (!groupCells.has(name)) groupCells.set(name, level1Cell);
        if (weight && !level1Labels.has(name)) level1Labels.set(name, { name, stated: new Decimal(weight), cell: level1Cell, source: "label" });
      }
    }
    const l2Col = col("level2");
    if (l2Col !== undefined) {
      const t = reader.text(r, l2Col);
      if (t && splitWeightLabel(t).name !== level2) {
        const { name, weight } = splitWeightLabel(t);
        level2 = name;
        level2Cell = reader.textCell(r, l2Col, t);
        // a 二级 of another family under a carried 一级: the 一级 label is missing (the seed has no 效益指标 cell)
        const family = level1FamilyOf(name);
        const carried = level1Family(level1);
        const ownLevel1 = l1Col !== undefined ? reader.text(r, l1Col) : "";
        if (family && carried && family !== carried && !ownLevel1) {
          level1 = family;
          level1Inferred = true;
          level1Cell = reader.textCell(r, l1Col ?? l2Col, "");
          if (!groupCells.has(level1)) groupCells.set(level1, level1Cell);
        }
        const key = `${level1}/${name}`;
        if (!groupCells.has(key)) groupCells.set(key, level2Cell);
        if (weight && !level2Labels.has(key)) {
          level2Labels.set(key, { name, stated: new Decimal(weight), cell: level2Cell, source: "label", parent: level1 });
        }
      }
    }

    const nameText = nameCol !== undefined ? reader.ownText(r, nameCol) : "";
    const weightText = reader.ownText(r, weightCol);
    const scoreText = reader.ownText(r, scoreCol);
    if (!nameText && !weightText && !scoreText) {
      continue; // a row that only carries 一级/二级 text, or a stray note in the margin
    }
    const name = nameText.replace(/\s+/g, "") || level2 || level1;
    const indicator: IndicatorRow = {
      row: r,
      level1,
      level2,
      name,
      nameCell: reader.textCell(r, nameCol, nameText),
      weight: reader.amountCell(r, weightCol),
      score: reader.amountCell(r, scoreCol),
    };
    if (level1Inferred) indicator.level1Inferred = true;
    const unitCol = col("unit");
    const unit = unitCol !== undefined ? reader.ownText(r, unitCol).replace(/\s+/g, "") : "";
    if (unit) indicator.unit = unit;
    const natureCol = col("nature");
    const declared = natureCol !== undefined ? parseNatureCell(reader.ownText(r, natureCol)) : undefined;
    if (declared) indicator.nature = declared;

    const targetCol = col("adjusted-target") !== undefined && reader.ownText(r, col("adjusted-target") as number) ? col("adjusted-target") : col("target");
    if (targetCol !== undefined) {
      const raw = reader.ownText(r, targetCol);
      if (raw) indicator.target = { ...withColumnFacts(parseIndicatorValue(raw), declared, unit), cell: reader.textCell(r, targetCol, raw) };
    }
    const actualCol = col("actual");
    if (actualCol !== undefined) {
      const raw = reader.ownText(r, actualCol);
      if (raw) indicator.actual = { ...withColumnFacts(parseIndicatorValue(raw), undefined, unit), cell: reader.textCell(r, actualCol, raw) };
    }
    const deviationCol = col("deviation");
    if (deviationCol !== undefined) indicator.deviation = reader.textCell(r, deviationCol, reader.ownText(r, deviationCol));
    const coefficientCol = col("coefficient");
    if (coefficientCol !== undefined) {
      indicator.coefficient = reader.amountCell(r, coefficientCol, { percentHeader: /%/.test(coefficientHeader), rateColumn: true });
    }
    if (isExecutionRateLabel(name) || isExecutionRateLabel(level1) || (isExecutionRateLabel(level2) && !nameText)) indicator.isExecutionRate = true;
    indicators.push(indicator);
    lastRow = r;
  }

  const block: IndicatorBlock = {
    indicators,
    level1Weights: groupWeights(indicators, (i) => i.level1, level1Labels, groupCells, reader, "level1"),
    level2Weights: groupWeights(indicators, (i) => `${i.level1}/${i.level2}`, level2Labels, groupCells, reader, "level2"),
    lastRow,
  };
  const blockLabel = indicatorsWeightLabel(reader, header);
  if (blockLabel) block.indicatorsWeight = blockLabel;

  if (totalRow !== undefined) {
    block.totalRow = totalRow;
    const totals = totalCells(reader, totalRow, weightCol, scoreCol);
    if (totals.weight) block.totalWeight = totals.weight;
    if (totals.score) block.totalScore = totals.score;
    const trailing = readTrailing(reader, totalRow, end);
    block.lastRow = trailing.lastRow;
    if (trailing.grade) block.grade = trailing.grade;
  }
  return block;
}

/** Sichuan lists the nature and unit in their own columns: complete the parsed value with them. */
function withColumnFacts<T extends ReturnType<typeof parseIndicatorValue>>(value: T, declared: IndicatorRow["nature"], unit: string): T {
  const out = { ...value };
  if (out.nature !== "qualitative") {
    const explicit = /^[\s]*([<>=≥≤≦≧]|不|大于|小于|等于|达到|至少)/.test(toHalfWidth(value.raw)) || /以上|以下|以内/.test(value.raw);
    if (declared && declared !== "qualitative" && !explicit) out.nature = declared;
    if (!out.unit && unit) out.unit = unit;
  }
  return out;
}

function groupWeights(
  indicators: IndicatorRow[],
  keyOf: (i: IndicatorRow) => string,
  labels: Map<string, WeightLabel>,
  groupCells: Map<string, TextCell>,
  reader: SheetReader,
  level: "level1" | "level2",
): WeightLabel[] {
  const groups = new Map<string, IndicatorRow[]>();
  for (const i of indicators) {
    if (i.isExecutionRate) continue;
    const name = level === "level1" ? i.level1 : i.level2;
    if (!name) continue;
    const key = keyOf(i);
    const list = groups.get(key);
    if (list) list.push(i);
    else groups.set(key, [i]);
  }
  const out: WeightLabel[] = [];
  for (const [key, rows] of groups) {
    const label = labels.get(key);
    if (label) {
      out.push(label);
      continue;
    }
    const first = rows[0];
    const name = level === "level1" ? first.level1 : first.level2;
    out.push({
      name,
      stated: sum(rows.map((i) => i.weight?.value ?? new Decimal(0))),
      cell: groupCells.get(key) ?? reader.textCell(first.row, first.nameCell.col, ""),
      source: "sum",
      ...(level === "level2" ? { parent: first.level1 } : {}),
    });
  }
  return out;
}

/** Sichuan "绩效指标(90分)": the block label left of (or above) the indicator header. */
function indicatorsWeightLabel(reader: SheetReader, header: HeaderRow<IndicatorColumnKey>): WeightLabel | undefined {
  for (const row of [header.row, header.row - 1]) {
    if (row < 0) continue;
    for (const t of reader.rowTexts(row)) {
      if (!/^绩效指标|^指标/.test(t.norm) || indicatorColumnKey(t.norm)) continue;
      const { name, weight } = splitWeightLabel(t.text);
      if (weight) return { name, stated: new Decimal(weight), cell: reader.textCell(row, t.col, t.text), source: "label" };
    }
  }
  return undefined;
}

/** 分值 and 得分 of the 总分 row: in their columns, else the numbers after the label in order. */
function totalCells(reader: SheetReader, row: number, weightCol: number, scoreCol: number): { weight?: AmountCell; score?: AmountCell } {
  const weight = reader.amountCell(row, weightCol);
  const score = reader.amountCell(row, scoreCol);
  if (!weight.blank || !score.blank) return { ...(weight.blank ? {} : { weight }), ...(score.blank ? {} : { score }) };
  const numbers: AmountCell[] = [];
  for (let c = 0; c < reader.colCount; c++) if (reader.isNumeric(row, c)) numbers.push(reader.amountCell(row, c));
  if (numbers.length >= 2) return { weight: numbers[0], score: numbers[1] };
  if (numbers.length === 1) return { score: numbers[0] };
  return {};
}

/** Rows after 总分 that belong to the table (等级, 评价结论, 负责人 …) and the grade among them. */
function readTrailing(reader: SheetReader, totalRow: number, end: number): { lastRow: number; grade?: TextCell } {
  let lastRow = totalRow;
  let grade: TextCell | undefined;
  let blanks = 0;
  for (let r = totalRow; r <= end; r++) {
    const texts = reader.rowTexts(r);
    if (r > totalRow) {
      if (texts.length === 0) {
        if (++blanks > 1) break;
        continue;
      }
      if (!isTrailingLabel(texts[0].norm)) break;
      blanks = 0;
      lastRow = r;
    }
    if (grade) continue;
    for (let i = 0; i < texts.length; i++) {
      if (!isGradeLabel(texts[i].norm)) continue;
      const colon = toHalfWidth(texts[i].text).search(/[:：]/);
      const inline = colon >= 0 ? toHalfWidth(texts[i].text).slice(colon + 1).trim() : "";
      if (inline) grade = reader.textCell(r, texts[i].col, texts[i].text);
      else if (i + 1 < texts.length) grade = reader.textCell(r, texts[i + 1].col, texts[i + 1].text);
      break;
    }
  }
  return { lastRow, ...(grade ? { grade } : {}) };
}

/* ------------------------------------------------------------------ texts */

function readTexts(
  reader: SheetReader,
  from: number,
  to: number,
  funds: HeaderRow<FundColumnKey> | null,
  indicators: HeaderRow<IndicatorColumnKey>,
): EvaluationText[] {
  const out: EvaluationText[] = [];
  const seen = new Set<string>();
  const add = (key: EvaluationText["key"], label: string, cell: TextCell) => {
    if (seen.has(key) || !cell.text) return;
    seen.add(key);
    out.push({ key, label, cell });
  };
  for (let r = from; r <= to; r++) {
    if (r === funds?.row || r === indicators.row) continue;
    const texts = reader.rowTexts(r);
    const keyed = texts.map((t) => ({ ...t, key: textKey(t.norm) })).filter((t) => t.key);
    // header above the texts (附1: 年度总体目标 | 预期目标 | 实际完成情况, texts on the next rows)
    const others = texts.filter((t) => !textKey(t.norm) && !/目标|基本情况/.test(t.norm));
    if (keyed.length >= 2 && others.length === 0) {
      for (const h of keyed) {
        for (let rr = r + 1; rr <= Math.min(to, r + 3); rr++) {
          const t = reader.ownText(rr, h.col);
          if (t) {
            add(h.key as EvaluationText["key"], h.text.replace(/\s+/g, ""), reader.textCell(rr, h.col, t));
            break;
          }
        }
      }
      continue;
    }
    // label left, text right
    for (let i = 0; i < texts.length; i++) {
      const key = textKey(texts[i].norm);
      if (!key || i + 1 >= texts.length) continue;
      const next = texts[i + 1];
      if (textKey(next.norm)) continue;
      add(key, texts[i].text.replace(/\s+/g, ""), reader.textCell(r, next.col, next.text));
    }
  }
  return out;
}

function readNotes(reader: SheetReader, from: number, end: number): TextCell[] {
  const notes: TextCell[] = [];
  for (let r = from; r <= Math.min(end, from + 6); r++) {
    const texts = reader.rowTexts(r);
    if (texts.length === 0) continue;
    if (/^(注|说明|备注)\d*[:：.、]/.test(toHalfWidth(texts[0].text).replace(/\s+/g, ""))) notes.push(reader.textCell(r, texts[0].col, texts[0].text));
    else break;
  }
  return notes;
}

function tableBox(reader: SheetReader, top: number, bottom: number): RangeBox {
  let left = Infinity;
  let right = -Infinity;
  for (let r = top; r <= bottom; r++) {
    for (const t of reader.rowTexts(r)) {
      const m = reader.mergeAt(r, t.col);
      left = Math.min(left, t.col);
      right = Math.max(right, m ? m.right : t.col);
    }
  }
  for (const m of reader.sheet.merges) {
    if (m.top >= top && m.top <= bottom) {
      left = Math.min(left, m.left);
      right = Math.max(right, m.right);
    }
  }
  if (!Number.isFinite(left)) left = 0;
  if (!Number.isFinite(right)) right = left;
  return { top, left, bottom, right };
}
