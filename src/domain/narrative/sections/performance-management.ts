/**
 * 预算绩效管理情况 (§7.9): the template's sentence. The 自评 part (项目数, 金额, 平均得分, counts by 评级) is
 * computed from the workbook's 项目支出绩效自评表 when it holds any (provenance: their cells), else taken from
 * the facts; 制度, 机制, 目标/跟踪 counts and 问题/整改 are facts.
 */
import { Decimal } from "../../decimal";
import { formatScore, GRADE_BANDS, gradeBandIndex, gradeWordBandIndex } from "../../format";
import { sumFigures, type Figure, type ParagraphBuilder } from "../builder";
import { writeAmountFact, writeCount, writeText, type NarrativeContext } from "../context";
import { cellFigure } from "../source";
import { writeYear, writeYearPrefix } from "../sentences";
import type { RecognizedTable } from "../../model";
import type { SectionTemplate } from "./section";

interface Evaluated {
  table: RecognizedTable;
  score?: { value: Decimal; source: string };
  band?: number;
  budget?: Figure;
}

function evaluated(ctx: NarrativeContext): Evaluated[] {
  return ctx.current.all("project-self-evaluation").filter((t) => t.evaluation).map((table) => {
    const e = table.evaluation!;
    const score = e.totalScore ? { value: e.totalScore.displayed, source: cellFigure(table, e.totalScore).sources[0] } : undefined;
    const printed = e.grade?.text.replace(/\s+/g, "");
    const band = (printed ? gradeWordBandIndex(printed) : undefined) ?? (score ? gradeBandIndex(score.value) : undefined);
    const budgetCell = e.funds.find((r) => r.key === "total")?.cells["annual-budget"];
    return { table, score, band, budget: budgetCell ? cellFigure(table, budgetCell) : undefined };
  });
}

/** "N个，涉及预算金额X万元" for targets/tracking (facts). */
function countAndAmount(b: ParagraphBuilder, ctx: NarrativeContext, count: string, amount: string): void {
  writeCount(b, ctx, count).add("个，涉及预算金额");
  writeAmountFact(b, ctx, amount).add(ctx.unit);
}

const GRADE_FACTS = ["performance.excellent", "performance.good", "performance.pass", "performance.fail"];

export const performanceManagement: SectionTemplate = {
  id: "performance-management",
  title: "预算绩效管理情况",
  write(ctx) {
    const u = ctx.unit;
    const b = ctx.paragraph();
    writeYearPrefix(b, ctx, true).add("预算绩效管理工作开展情况如下：本部门建立了如下预算绩效管理制度：");
    writeText(b, ctx, "performance.systems", undefined, "list").add("，建立了");
    writeText(b, ctx, "performance.mechanism").add("的预算绩效管理工作机制；全过程绩效管理实施情况：编报绩效目标的");
    writeYear(b, ctx).add("年度项目");
    countAndAmount(b, ctx, "performance.targetProjects", "performance.targetAmount");
    b.add("；绩效跟踪评价的");
    writeYear(b, ctx).add("年度项目");
    countAndAmount(b, ctx, "performance.trackedProjects", "performance.trackedAmount");
    b.add("；绩效自评的");
    writeYear(b, ctx).add("年度项目");
    const tables = evaluated(ctx);
    const scored = tables.filter((t) => t.score);
    const budgets = tables.map((t) => t.budget);
    if (tables.length > 0 && scored.length === tables.length) {
      // from the workbook's 自评表
      b.number(String(tables.length), tables.map((t) => `${t.table.sheet}!${t.table.range}`), "工作簿中的项目支出绩效自评表张数").add("个，涉及预算金额");
      if (budgets.every((f): f is Figure => f !== undefined)) b.amount(sumFigures(budgets as Figure[], u));
      else writeAmountFact(b, ctx, "performance.selfEvaluatedAmount");
      const total = scored.reduce((acc, t) => acc.plus(t.score!.value), new Decimal(0));
      const average = total.div(scored.length);
      b.add(`${u}，平均得分`).number(formatScore(average), scored.map((t) => t.score!.source), `(${scored.map((t) => formatScore(t.score!.value)).join(" + ")}) ÷ ${scored.length}`).add("分（其中，");
      GRADE_BANDS.forEach((band, i) => {
        if (i > 0) b.add("；");
        const members = tables.filter((t) => t.band === i);
        b.add(`绩效评级结果为“${band.shanghai}”的项目`).number(String(members.length), members.map((t) => t.score?.source ?? t.table.sheet), `评级为“${band.shanghai}”的自评表张数`).add("个");
      });
    } else {
      countAndAmount(b, ctx, "performance.selfEvaluatedProjects", "performance.selfEvaluatedAmount");
      b.add("，平均得分");
      writeAmountFact(b, ctx, "performance.averageScore", "绩效自评平均得分（分）").add("分（其中，");
      GRADE_BANDS.forEach((band, i) => {
        if (i > 0) b.add("；");
        b.add(`绩效评级结果为“${band.shanghai}”的项目`);
        writeCount(b, ctx, GRADE_FACTS[i]).add("个");
      });
    }
    b.add("。绩效自评中共发现问题");
    writeCount(b, ctx, "performance.issues").add("个，已经完成整改的");
    writeCount(b, ctx, "performance.issuesFixed").add("个，正在整改的");
    writeCount(b, ctx, "performance.issuesFixing").add("个）。");
    return [b];
  },
};
