/** The 绩效指标 block of a 自评表: indicator rows, group weights, the 总分 row and the rows after it. */
import { Decimal, sum } from "../decimal";
import { parseIndicatorValue, parseNatureCell } from "../indicator-value";
import type { AmountCell, IndicatorRow, TextCell, WeightLabel } from "../model";
import { normalizeLabel, toHalfWidth } from "../text";
import type { HeaderRow } from "./header";
import type { SheetReader } from "./sheet-reader";
import {
  indicatorColumnKey,
  isBareTrailingLabel,
  isExecutionRateLabel,
  isGradeLabel,
  isTotalLabel,
  isTrailingLabel,
  level1Family,
  level1FamilyOf,
  splitWeightLabel,
  type IndicatorColumnKey,
} from "./vocabulary";

export interface IndicatorBlock {
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

export function readIndicators(reader: SheetReader, header: HeaderRow<IndicatorColumnKey>, end: number): IndicatorBlock {
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
  let lastRow = header.last;
  let totalRow: number | undefined;
  let blanks = 0;

  const coefficientHeader = normalizeLabel(header.headers.get("coefficient") ?? "");
  for (let r = header.last + 1; r <= end; r++) {
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
    const trailing = readTrailing(reader, totalRow, end);
    // 合计 (indicators) then 总分 (with the 执行率): the last total is the table's
    block.totalRow = trailing.lastTotalRow;
    const totals = totalCells(reader, trailing.lastTotalRow, weightCol, scoreCol);
    if (totals.weight) block.totalWeight = totals.weight;
    if (totals.score) block.totalScore = totals.score;
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

/** Rows after the first total that belong to the table (总分, 等级, 偏差原因, 评价结论 …), the last total and the grade among them. */
function readTrailing(reader: SheetReader, totalRow: number, end: number): { lastRow: number; lastTotalRow: number; grade?: TextCell } {
  let lastRow = totalRow;
  let lastTotalRow = totalRow;
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
      if (isTotalLabel(texts[0].norm)) lastTotalRow = r;
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
  return { lastRow, lastTotalRow, ...(grade ? { grade } : {}) };
}
