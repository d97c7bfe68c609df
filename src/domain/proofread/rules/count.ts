/** NARR.COUNT: a stated number of items against the items listed, or against its breakdown by grade or kind. */
import { Decimal } from "../../decimal";
import { makeFinding } from "../finding";
import type { ProofreadFinding } from "../types";
import type { NarrRule, ProofreadContext } from "./rule";
import { clauseSpan } from "./support";

/**
 * "项目N个，其中：评级为优的项目a个、良的b个…": the counts by grade add up to the count. "公务用车N辆，其中：轿车a辆、
 * 越野车b辆…": vehicles by kind (each one of one kind) add up to no more than the count.
 */
function checkCountSums(ctx: ProofreadContext): ProofreadFinding[] {
  const out: ProofreadFinding[] = [];
  const grade = /(优秀|优|良好|良|中等|中|合格|不合格|一般|较差|差)/;
  for (const sentence of ctx.doc.paragraphs.flatMap((p) => p.sentences)) {
    const text = ctx.doc.masked.slice(sentence.start, sentence.end);
    const marker = /其中[：:，,]?/.exec(text);
    if (!marker) continue;
    const counts = [...text.matchAll(/(\d+)\s*(个|项|辆)/g)].map((m) => ({ n: new Decimal(m[1]), at: m.index!, end: m.index! + m[0].length, unit: m[2] }));
    const before = counts.filter((c) => c.at < marker.index);
    const total = before[before.length - 1];
    if (!total) continue;
    const parts = counts
      .filter((c) => c.at > marker.index && c.unit === total.unit)
      .map((c, i, all) => ({ ...c, words: text.slice(i === 0 ? marker.index : all[i - 1].end, c.at) }));
    if (parts.length < 2) continue;
    // a nested breakdown ("执法执勤用车2辆（含特种专业技术用车1辆）", "内含…", "其中…" again) is not a flat list to add up
    const nested = parts.some((p, i) => {
      const words = i === 0 ? p.words.replace(/^其中[：:，,]?/, "") : p.words;
      return /[含括]|其中/.test(words) || (words.split(/[（(]/).length > words.split(/[）)]/).length);
    });
    if (nested) continue;
    const gradeWords = (w: string): string => w.replace(/其中|项目/g, "");
    // the kind of vehicle closes the words before its count: "、越野车", "，特种作业车（洒水车、垃圾车）"
    const kind = (w: string): string | undefined => /([\u4e00-\u9fff]*车)\s*$/.exec(w.replace(/[（(][^）)]*[）)]/g, "").replace(/^.*[，,、：:]/, ""))?.[1];
    const byGrade = total.unit !== "辆" && parts.every((p) => grade.test(gradeWords(p.words)));
    const byKind = total.unit === "辆" && parts.every((p) => kind(p.words));
    if (!byGrade && !byKind) continue;
    const words = parts.map((p) => (byGrade ? grade.exec(gradeWords(p.words))![1] : kind(p.words)!));
    const sum = parts.reduce((a, p) => a.plus(p.n), new Decimal(0));
    if (sum.eq(total.n)) continue;
    const has = (w: RegExp): boolean => words.some((x) => w.test(x));
    // the kinds listed may leave some out (特种专业技术用车): only more vehicles than the count is certain
    const complete = byGrade && has(/^优/) && has(/^良/) && has(/^(合格|中)/) && has(/^(不合格|差|较差)/);
    if (sum.lt(total.n) && !complete) continue;
    const expression = `${parts.map((p, i) => `${words[i]}${p.n.toString()}${p.unit}`).join(" + ")} = ${sum.toString()}${total.unit}`;
    // a generic word among the kinds (公务用车, 车辆…) may contain the others listed: then the sum is only suspicious
    const overlapping = byKind && has(/^(公务用车|公车|车辆|用车|汽车|机动车)$/);
    out.push(
      makeFinding(ctx.doc, {
        rule: "NARR.COUNT",
        severity: overlapping ? "warning" : "error",
        span: { start: sentence.start, end: sentence.start + marker.index },
        message: sum.gt(total.n)
          ? `按${byGrade ? "等级" : "车型"}分列的${byGrade ? "个" : "辆"}数之和 ${expression}，大于总数${total.n.toString()}${total.unit}${overlapping ? "（所列车型中有统称，可能互相包含），请核对" : ""}。`
          : `已列出全部等级，个数之和 ${expression}，与总数${total.n.toString()}${total.unit}不等。`,
        expected: sum.toString(),
        actual: total.n.toString(),
      }),
    );
  }
  return out;
}

function checkCounts(ctx: ProofreadContext): ProofreadFinding[] {
  const { doc } = ctx;
  const out: ProofreadFinding[] = [];
  for (const m of doc.masked.matchAll(/(\d{1,3})(?:个|项)[：:](?:包括[：:]?)?([^。；;\n]+)/g)) {
    const list = m[2];
    if (/，|,|等$|等[^、]*$/.test(list) || !list.includes("、")) continue;
    const items = list.split("、").filter((s) => s.trim() !== "");
    const stated = Number(m[1]);
    if (items.length === stated) continue;
    const start = m.index!;
    out.push(
      makeFinding(doc, {
        rule: "NARR.COUNT",
        severity: "warning",
        span: clauseSpan(doc, start),
        message: `写明${stated}个，但列出了${items.length}个，请核对。`,
        expected: String(items.length),
        actual: String(stated),
      }),
    );
  }
  return out;
}

function checkAllCounts(ctx: ProofreadContext): ProofreadFinding[] {
  return [...checkCountSums(ctx), ...checkCounts(ctx)];
}

export const COUNT: NarrRule = {
  meta: {
    id: "NARR.COUNT",
    statement: "写明的个数与列出的项数相等；按等级分列的个数之和不超过总数，列全等级时等于总数；按车型分列的车辆数之和不超过总数",
    severity: "error",
    policy: "按等级分列的个数之和不符、按车型分列的车辆数之和大于总数：错误（车型中有“公务用车”“车辆”等统称时为警告；分项内再含分项时不核对）；“N个：”后列出的项数不符：警告",
    reads: [],
  },
  pass: "text",
  check: checkAllCounts,
};
