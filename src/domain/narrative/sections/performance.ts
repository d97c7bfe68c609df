/** 绩效: one paragraph per 绩效自评表 — 总分, 等级, 一级指标 scores, 执行率. */
import type { Figure, ParagraphBuilder } from "../builder";
import { writeText, type NarrativeContext } from "../context";
import { cellFigure } from "../source";
import { writeShare } from "../sentences";
import { Decimal } from "../../decimal";
import { formatScore, GRADE_BANDS, gradeBandIndex } from "../../format";
import type { AmountCell, RecognizedTable } from "../../model";
import type { SectionTemplate } from "./section";

interface Score {
  value: Decimal;
  sources: string[];
  formula: string;
}

function scoreOf(table: RecognizedTable, cell: AmountCell): Score {
  const f = cellFigure(table, cell);
  return { value: cell.displayed, sources: f.sources, formula: f.formula };
}

function sumScores(scores: Score[]): Score {
  return {
    value: scores.reduce((acc, s) => acc.plus(s.value), new Decimal(0)),
    sources: scores.flatMap((s) => s.sources),
    formula: scores.map((s) => formatScore(s.value)).join(" + "),
  };
}

/** "产出指标(50分)" / "满意度\n指标" → "产出指标" / "满意度指标". */
function levelName(raw: string): string {
  return raw.replace(/\s+/g, "").replace(/[（(][^）)]*分[）)]$/, "");
}

function writeEvaluation(ctx: NarrativeContext, table: RecognizedTable): ParagraphBuilder {
  const evaluation = table.evaluation!;
  const b = ctx.paragraph();
  const project = table.kind === "project-self-evaluation";
  const name = project ? evaluation.projectName : (evaluation.department ?? ctx.unitName ?? undefined);
  if (name) b.add(name);
  else b.missing(project ? "tables.项目名称" : "tables.部门名称", project ? "项目名称（自评表中未填）" : "部门名称（自评表中未填）");
  b.add(project ? "项目绩效自评得分" : "部门整体支出绩效自评得分");

  const fundsTotal = evaluation.funds.find((r) => r.key === "total");
  const executionScoreCell = fundsTotal?.cells.score ?? evaluation.indicators.find((i) => i.isExecutionRate)?.score;
  const groups = new Map<string, Score[]>();
  for (const indicator of evaluation.indicators) {
    if (indicator.isExecutionRate || !indicator.score) continue;
    const level = levelName(indicator.level1);
    groups.set(level, [...(groups.get(level) ?? []), scoreOf(table, indicator.score)]);
  }
  const parts: { label: string; score: Score }[] = [];
  if (executionScoreCell) parts.push({ label: "预算执行率", score: scoreOf(table, executionScoreCell) });
  for (const [level, scores] of groups) parts.push({ label: level, score: scores.length === 1 ? scores[0] : sumScores(scores) });

  const total = evaluation.totalScore ? scoreOf(table, evaluation.totalScore) : parts.length > 0 ? sumScores(parts.map((p) => p.score)) : undefined;
  if (total) b.score(total.value, total.sources, total.formula).add("分");
  else b.missing("tables.总分", "自评总分（自评表中未填）").add("分");
  const printedGrade = evaluation.grade?.text.replace(/\s+/g, "");
  if (printedGrade) b.add(`，自评等级为“${printedGrade}”`);
  else if (total) {
    const band = GRADE_BANDS[gradeBandIndex(total.value)];
    b.add(`，自评等级为“${ctx.options.style === "shanghai" ? band.shanghai : band.beijing}”`);
  }
  b.add("。");
  if (parts.length > 0) {
    b.add("其中：");
    parts.forEach((p, i) => {
      if (i > 0) b.add("，");
      b.add(`${p.label}得分`).score(p.score.value, p.score.sources, p.score.formula).add("分");
    });
    b.add("。");
  }
  const budgetCell = fundsTotal?.cells["annual-budget"];
  const executedCell = fundsTotal?.cells.executed;
  if (budgetCell && executedCell && !budgetCell.displayed.isZero()) {
    const budget: Figure = cellFigure(table, budgetCell);
    const executed: Figure = cellFigure(table, executedCell);
    b.add(project ? "项目全年预算数" : "全年预算数").amount(budget).add(`${ctx.unit}，全年执行数`).amount(executed).add(`${ctx.unit}，预算执行率`);
    writeShare(b, ctx, executed, budget, true);
    b.add("。");
  }
  return b;
}

export const performance: SectionTemplate = {
  id: "performance",
  title: "预算绩效情况说明",
  write(ctx) {
    const tables = ctx.current.tables.filter(
      (t) => (t.kind === "project-self-evaluation" || t.kind === "department-self-evaluation") && t.evaluation,
    );
    if (tables.length === 0) {
      const b = ctx.paragraph();
      writeText(b, ctx, "performance.report", "绩效评价结果（工作簿中没有绩效自评表）");
      if (!/[。！；]$/.test(b.written)) b.add("。");
      return [b];
    }
    return tables.map((t) => writeEvaluation(ctx, t));
  },
};
