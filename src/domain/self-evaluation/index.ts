/**
 * Recognition of 项目支出绩效自评表 and 部门整体支出绩效自评表 (domain README §9.1–9.2), in the
 * 财预〔2020〕10号 附1 layout and the Sichuan, Guizhou and Chongqing variants. Header-driven: a table is a
 * title naming a 绩效自评表 followed by an indicator header with a 得分 column; everything else is found
 * by its header words, wherever it sits, through merges and blank rows. Its own domain module: the
 * 自评表 is a form (fund block, indicator block, texts), not a grid of amounts like the 决算 layouts.
 */
import { boxToA1, type RangeBox, type SheetSnapshot } from "../grid";
import type { EvaluationModel, MoneyUnit, RecognizedTable, TableColumn, Variant } from "../model";
import { normalizeLabel, toHalfWidth } from "../text";
import { executionWeightLabel, readFunds } from "./funds";
import { findHeader, type HeaderRow } from "./header";
import { readIndicators } from "./indicators";
import { SheetReader } from "./sheet-reader";
import { readNotes, readTexts } from "./texts";
import { CANONICAL_TITLE, fundColumnKey, indicatorColumnKey, isAdjustedBudgetHeader, titleKind, type FundColumnKey, type IndicatorColumnKey, type SelfEvaluationKind } from "./vocabulary";

type Form = EvaluationModel["form"];

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

function readTable(reader: SheetReader, title: TitleHit, end: number): RecognizedTable | null {
  const bodyStart = title.synthetic ? title.row : title.row + 1;
  const indicatorHeader = findHeader<IndicatorColumnKey>(
    reader,
    bodyStart,
    end,
    indicatorColumnKey,
    (k) => k.has("score") && k.has("weight") && (k.has("name") || k.has("level1")),
    { twoRows: true },
  );
  if (!indicatorHeader) return null; // no 得分 column: a 目标表 / 指标体系 / 目录 entry, not a 自评表
  const fundsHeader = findHeader<FundColumnKey>(
    reader,
    bodyStart,
    indicatorHeader.row - 1,
    fundColumnKey,
    (k) => k.has("executed") && (k.has("initial-budget") || k.has("annual-budget")),
    { prefer: (key, current, candidate) => key === "annual-budget" && isAdjustedBudgetHeader(candidate) && !isAdjustedBudgetHeader(current) },
  );
  const form = detectForm(title, fundsHeader, indicatorHeader);
  const metaEnd = (fundsHeader?.row ?? indicatorHeader.row) - 1;
  const meta = readMeta(reader, title, metaEnd);

  const funds = fundsHeader ? readFunds(reader, fundsHeader, indicatorHeader.row - 1) : { rows: [], lastRow: -1, reason: undefined };
  const block = readIndicators(reader, indicatorHeader, end);
  const texts = readTexts(reader, title.row + 1, block.lastRow, fundsHeader, indicatorHeader);
  if (funds.reason) texts.push({ key: "execution-reason", label: fundsHeader?.headers.get("reason") ?? "原因", cell: funds.reason });

  const unit = detectUnit(reader, title.row, Math.max(fundsHeader?.row ?? title.row, metaEnd), fundsHeader) ?? (form === "sichuan" ? "万元" : null);
  const lastRow = Math.max(block.lastRow, funds.lastRow, indicatorHeader.last);
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
  if (/部门预算项目支出/.test(titleNorm) || /调整后预算/.test(fundHeaders)) return "sichuan";
  if (/\(A\)|\(B\)/i.test(fundHeaders + "|" + indicatorHeaders) || funds?.cols.has("method") || /全年实际值/.test(indicatorHeaders)) {
    return "guizhou";
  }
  const finance202010 = funds && funds.cols.has("initial-budget") && funds.cols.has("annual-budget") && indicators.cols.has("level1") && indicators.cols.has("level2");
  // 指标性质 and 度量单位 columns are Sichuan's, unless the 资金 block is 附1's (Yunnan prints both under 附1's header)
  if (indicators.cols.has("nature") && indicators.cols.has("unit") && !(finance202010 && /全年预算/.test(fundHeaders))) return "sichuan";
  if (finance202010) return "finance-2020-10";
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
