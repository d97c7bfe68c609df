/**
 * Words of the 绩效自评表 forms (domain README §9.1–9.2): titles, header cells, fund rows, section labels.
 * Every function takes a normalised label (normalizeLabel: half-width, no spaces).
 */
import { KIND_TITLES } from "../kinds";
import { stripOrdinal } from "../text";

export type SelfEvaluationKind = "project-self-evaluation" | "department-self-evaluation";

/** Kind named by a title cell, or null. Rejects 目标申报表 / 目标表 / 指标体系 and sentences. */
export function titleKind(norm: string): SelfEvaluationKind | null {
  if (norm.length > 70) return null;
  if (!/绩效/.test(norm) || !/自评(结果)?(表|情况表)/.test(norm)) return null;
  if (/目标(申报)?表|指标体系|评价指标/.test(norm)) return null;
  // 目录 lines ("3.项目支出绩效自评表……5") and references in prose
  if (/[…\.·]{3,}|见附|详见/.test(norm)) return null;
  if (/部门整体|整体支出|部门\(单位\)整体|单位整体/.test(norm)) return "department-self-evaluation";
  return "project-self-evaluation";
}

export const CANONICAL_TITLE: Record<SelfEvaluationKind, string> = {
  "project-self-evaluation": KIND_TITLES["project-self-evaluation"],
  "department-self-evaluation": KIND_TITLES["department-self-evaluation"],
};

export type FundColumnKey = "initial-budget" | "annual-budget" | "executed" | "weight" | "rate" | "score" | "reason" | "method";

/** A budget header that names the adjusted budget (调整后预算数, 全年预算数), not a block label such as "年度预算数（万元）". */
export function isAdjustedBudgetHeader(text: string): boolean {
  return /调整|全年/.test(text);
}

/** Key of a 资金 block header cell. Order matters: "执行率权重" is a weight, "执行率得分" a score, "预算执行数" executed. */
export function fundColumnKey(norm: string): FundColumnKey | null {
  const n = norm.replace(/\((A|B|C)\)$/i, "");
  if (/计算方法|计分方法|评分标准/.test(n)) return "method";
  if (/得分/.test(n)) return "score";
  if (/权重|分值/.test(n)) return "weight";
  if (/执行率|完成率/.test(n)) return "rate";
  if (/执行数|实际支出|支出数|决算数/.test(n)) return "executed";
  if (/调整|全年预算|年度预算数|全年.*预算/.test(n)) return "annual-budget";
  if (/年初预算|预算数$|^预算$/.test(n)) return "initial-budget";
  if (/原因|说明/.test(n)) return "reason";
  return null;
}

export type IndicatorColumnKey =
  | "level1"
  | "level2"
  | "name"
  | "nature"
  | "target"
  | "adjusted-target"
  | "actual"
  | "unit"
  | "weight"
  | "coefficient"
  | "score"
  | "deviation"
  | "method"
  | "core";

/** Key of a 绩效指标 header cell. "未完成原因分析" is a deviation (not an 完成值), "得分系数" not a score. */
export function indicatorColumnKey(norm: string): IndicatorColumnKey | null {
  const n = norm.replace(/\((A|B|C)\)$/i, "");
  if (/计算方法|计分方法|评分标准|评分方法/.test(n)) return "method";
  if (/系数/.test(n)) return "coefficient";
  if (/得分/.test(n)) return "score";
  if (/权重|分值|标准分/.test(n)) return "weight";
  if (/^一级/.test(n)) return "level1";
  if (/^二级/.test(n)) return "level2";
  if (/原因|偏差|改进措施/.test(n)) return "deviation";
  if (/性质/.test(n)) return "nature";
  if (/单位$/.test(n) && /度量|计量|单位/.test(n)) return "unit";
  if (/调整指标值|调整后指标值/.test(n)) return "adjusted-target";
  if (/完成值|实际值|实际完成|完成情况/.test(n)) return "actual";
  if (/指标值|目标值/.test(n)) return "target";
  if (/^三级|指标名称|指标内容|^指标$/.test(n)) return "name";
  if (/核心指标/.test(n)) return "core";
  return null;
}

export type FundRowKey = "total" | "fiscal" | "carryover" | "other" | "special-account" | "unit" | "basic" | "project";

export const FUND_ROW_LABELS: Record<FundRowKey, string> = {
  total: "年度资金总额",
  fiscal: "当年财政拨款",
  carryover: "上年结转资金",
  other: "其他资金",
  "special-account": "财政专户管理资金",
  unit: "单位资金",
  basic: "基本支出",
  project: "项目支出",
};

/** Key of a 资金 block row label ("其中：当年财政拨款" → fiscal). */
export function fundRowKey(norm: string): FundRowKey | null {
  const n = stripOrdinal(norm).replace(/^其中[:]?/, "").replace(/\(万元\)|\(元\)/, "");
  if (/^(年度)?资金总额|^总额|^合计|^总计|^部门(整体)?(资金|支出)|^资金合计|^年度资金/.test(n)) return "total";
  if (/财政专户/.test(n)) return "special-account";
  if (/结转/.test(n)) return "carryover";
  if (/财政拨款|财政资金|财政补助|一般公共预算/.test(n)) return "fiscal";
  if (/^单位(自有)?资金/.test(n)) return "unit";
  if (/^基本支出/.test(n)) return "basic";
  if (/^项目支出/.test(n)) return "project";
  if (/^其他/.test(n)) return "other";
  return null;
}

/** A row label that opens the next section after the 资金 block. */
export function isSectionLabel(norm: string): boolean {
  return /^(年度总体目标|总体目标|年度目标|当年绩效目标|绩效目标|项目基本情况|绩效指标|年度绩效目标|实施内容)/.test(stripOrdinal(norm));
}

/**
 * Label of the 总分 / 合计 row of the indicators, also when it says more: "合计（100分）", "分值合计/得分合计",
 * "合计：分值100，得分95" — whatever is left after the weight and score words is 合计 / 总计 / 总分.
 */
export function isTotalLabel(norm: string): boolean {
  const n = norm.replace(/[:]$/, "");
  if (/^(总分|合计|总计|得分合计|总得分|综合得分|自评得分|自评总分|绩效自评总?得分|评价得分|分值合计)$/.test(n)) return true;
  const core = n
    .replace(/\([^)]*\)/g, "")
    .replace(/\d+(\.\d+)?分?/g, "")
    .replace(/分值|得分|权重|满分|标准分|自评|指标/g, "")
    .replace(/[:;,.、/|及和与]/g, "");
  return /^(合计|总计|总分)+$/.test(core);
}

/** Label of a grade cell ("自评等级", "评价等级：良", "绩效级别"). */
export function isGradeLabel(norm: string): boolean {
  return /^(自评|评价|绩效|综合|考核|评定){0,3}(等级|级别)|^(自评|评价)结果/.test(norm);
}

/** Labels of rows that may follow the indicators inside the table — a second total (合计 then 总分), 等级, 偏差原因, 结论 — (signature lines — 负责人, 填报人 — are outside it). */
export function isTrailingLabel(norm: string): boolean {
  return (
    isGradeLabel(norm) ||
    isTotalLabel(norm) ||
    /^(评价结论|自评结论|结论|存在(的)?问题|改进措施|整改措施|改进建议|意见建议|偏差原因|未完成原因)/.test(norm)
  );
}

/** A row label that is nothing but a trailing label ("评价结论", "自评等级：良"), never an indicator name. */
export function isBareTrailingLabel(norm: string): boolean {
  return /^(评价结论|自评结论|存在(的)?问题|改进措施|整改措施|(自评|评价|绩效)?等级|绩效级别)([:].*)?$/.test(norm);
}

/** Free-text labels (label to the left, text to the right, or header above the text). */
export function textKey(norm: string): "goal" | "achievement" | "process" | "conclusion" | "problems" | "improvements" | null {
  const n = stripOrdinal(norm).replace(/\(.*\)$/, "").replace(/[:]$/, "");
  if (/^(预期目标|年度目标|年初设定目标|年初目标|年度绩效目标|年初绩效目标)$/.test(n)) return "goal";
  if (/^(实际完成情况|完成情况|年度总体目标完成情况|目标完成情况|实际完成|全年实际完成)$/.test(n)) return "achievement";
  if (/^实施内容及过程概述$/.test(n)) return "process";
  if (/^(评价结论|自评结论)$/.test(n)) return "conclusion";
  if (/^存在(的)?问题$/.test(n)) return "problems";
  if (/^(改进措施|整改措施|改进建议)$/.test(n)) return "improvements";
  return null;
}

/** "产出指标（55分）" → { name: "产出指标", weight: "55" }. */
export function splitWeightLabel(text: string): { name: string; weight?: string } {
  const flat = text.replace(/\s+/g, "");
  const m = /[(（]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]/.exec(flat);
  if (!m) return { name: flat };
  return { name: (flat.slice(0, m.index) + flat.slice(m.index + m[0].length)).trim(), weight: m[1] };
}

/** The 一级 family a 二级 name belongs to (for a 一级 label that is missing from the table). */
export function level1FamilyOf(level2: string): string | null {
  const n = level2.replace(/\s+/g, "");
  if (/^(数量|质量|时效|成本)/.test(n)) return "产出指标";
  if (/^(经济效益|社会效益|生态效益|可持续)/.test(n)) return "效益指标";
  if (/满意度/.test(n)) return "满意度指标";
  return null;
}

/** The 一级 family of a 一级 label ("产出指标" → 产出指标; "效益" → 效益指标). */
export function level1Family(level1: string): string | null {
  const n = level1.replace(/\s+/g, "");
  if (/^产出/.test(n)) return "产出指标";
  if (/^效益/.test(n)) return "效益指标";
  if (/^满意度/.test(n)) return "满意度指标";
  return null;
}

/** The 预算执行率 line among indicators ("预算执行率", "资金执行率"; not "政府采购执行率"). */
export function isExecutionRateLabel(text: string): boolean {
  const n = splitWeightLabel(text).name;
  return /^(预算|资金|预算资金)?执行率$|^预算执行率/.test(n);
}
