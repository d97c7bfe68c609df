/**
 * The 补充信息 (facts) set: what the 说明 needs and the public tables do not hold — 上年数, 年初预算 per 项,
 * reasons, 三公 counts, 政府采购 and 国有资产 figures, 职能 and 单位构成 text, the 绩效 summary.
 * Every fact has a key "group.name" (group = a top-level field of the JSON file). Entered once, stored with
 * the workbook (pane) or given as a JSON file (CLI `--facts`).
 */
import { Decimal } from "../decimal";
import type { FactKind } from "./types";

type FactValue = string | number | readonly string[];

/** The JSON file / stored object. Every group is optional; every value a string, a number or a list of strings. */
export interface NarrativeFacts {
  version?: 1;
  /** functions 主要职能, composition 单位构成/机构设置, units 纳入决算的单位 (list), unitType 行政单位|参公事业单位|事业单位 */
  profile?: Record<string, FactValue>;
  /** 上年数 by figure: overall, income, expenditure, fiscal-overall, general-budget, three-public.total, three-public.abroad, … */
  previous?: Record<string, FactValue>;
  /** 年初预算数 by 功能分类 项 code, and "total" (computed from the items when absent) */
  initialBudgets?: Record<string, FactValue>;
  /** 主要原因 by slot: overall, income, general-budget-detail, 2130104, three-public.abroad, … */
  reasons?: Record<string, FactValue>;
  /** 主要用于 by 项 code */
  purposes?: Record<string, FactValue>;
  threePublic?: Record<string, FactValue>;
  procurement?: Record<string, FactValue>;
  assets?: Record<string, FactValue>;
  performance?: Record<string, FactValue>;
  purchasedServices?: Record<string, FactValue>;
}

const FACT_GROUPS = [
  "profile",
  "previous",
  "initialBudgets",
  "reasons",
  "purposes",
  "threePublic",
  "procurement",
  "assets",
  "performance",
  "purchasedServices",
] as const;

/** The fixed facts (not per 科目 code) with what each one is: the schema `--facts-template` prints. */
export const FIXED_FACTS: Readonly<Record<string, { label: string; kind: FactKind }>> = {
  "profile.functions": { label: "主要职能（文字）", kind: "text" },
  "profile.composition": { label: "单位构成/机构设置（文字）", kind: "text" },
  "profile.units": { label: "纳入部门决算编制范围的单位名称（列表）", kind: "list" },
  "profile.unitType": { label: "单位性质：行政单位、参公事业单位或事业单位", kind: "text" },
  "threePublic.abroadGroups": { label: "因公出国（境）团组数（个）", kind: "count" },
  "threePublic.abroadPersons": { label: "因公出国（境）人次", kind: "count" },
  "threePublic.abroadContent": { label: "因公出国（境）费开支内容（文字）", kind: "text" },
  "threePublic.vehiclesPurchased": { label: "购置公务用车数量（辆）", kind: "count" },
  "threePublic.vehiclePurchasePurpose": { label: "公务用车购置费主要用途（文字）", kind: "text" },
  "threePublic.vehicleOperationPurpose": { label: "公务用车运行维护费主要用途（文字）", kind: "text" },
  "threePublic.vehicleCount": { label: "年末公务用车保有量（辆）", kind: "count" },
  "threePublic.foreignReception": { label: "外宾接待支出（万元）", kind: "amount" },
  "threePublic.receptionPurpose": { label: "国内公务接待主要用途（文字）", kind: "text" },
  "threePublic.receptionBatches": { label: "国内公务接待批次", kind: "count" },
  "threePublic.receptionPersons": { label: "国内公务接待人次", kind: "count" },
  "threePublic.foreignBatches": { label: "接待外宾批次", kind: "count" },
  "threePublic.foreignPersons": { label: "接待外宾人次", kind: "count" },
  "procurement.total": { label: "政府采购金额（万元，以合同签订为准）", kind: "amount" },
  "procurement.goods": { label: "货物采购金额（万元）", kind: "amount" },
  "procurement.works": { label: "工程采购金额（万元）", kind: "amount" },
  "procurement.services": { label: "服务采购金额（万元）", kind: "amount" },
  "procurement.smeReserved": { label: "面向中小企业预留政府采购项目预算金额（万元）", kind: "amount" },
  "procurement.smallReserved": { label: "面向小微企业预留政府采购项目预算金额（万元）", kind: "amount" },
  "procurement.smeAwardedReserved": { label: "预留项目中由中小企业中标或成交的采购金额（万元）", kind: "amount" },
  "procurement.smallAwardedReserved": { label: "预留项目中由小微企业中标或成交的采购金额（万元）", kind: "amount" },
  "procurement.smeAwardedOther": { label: "其他项目中由中小企业中标或成交的采购金额（万元）", kind: "amount" },
  "assets.vehicles": { label: "车辆总数（辆）", kind: "count" },
  "assets.ministerialVehicles": { label: "部级领导干部用车（辆）", kind: "count" },
  "assets.leaderVehicles": { label: "主要领导干部用车（辆）", kind: "count" },
  "assets.confidentialVehicles": { label: "机要通信用车（辆）", kind: "count" },
  "assets.emergencyVehicles": { label: "应急保障用车（辆）", kind: "count" },
  "assets.lawEnforcementVehicles": { label: "执法执勤用车（辆）", kind: "count" },
  "assets.specialVehicles": { label: "特种专业技术用车（辆）", kind: "count" },
  "assets.retireeVehicles": { label: "离退休干部用车（辆）", kind: "count" },
  "assets.otherVehicles": { label: "其他用车（辆）", kind: "count" },
  "assets.equipment": { label: "单价100万元（含）以上设备（不含车辆）台（套）数", kind: "count" },
  "performance.systems": { label: "预算绩效管理制度名称（列表）", kind: "list" },
  "performance.mechanism": { label: "预算绩效管理工作机制（文字）", kind: "text" },
  "performance.targetProjects": { label: "编报绩效目标的项目数（个）", kind: "count" },
  "performance.targetAmount": { label: "编报绩效目标的项目预算金额（万元）", kind: "amount" },
  "performance.trackedProjects": { label: "绩效跟踪评价的项目数（个）", kind: "count" },
  "performance.trackedAmount": { label: "绩效跟踪评价的项目预算金额（万元）", kind: "amount" },
  "performance.selfEvaluatedProjects": { label: "绩效自评的项目数（个；工作簿有项目支出绩效自评表时按表计算）", kind: "count" },
  "performance.selfEvaluatedAmount": { label: "绩效自评的项目预算金额（万元）", kind: "amount" },
  "performance.averageScore": { label: "绩效自评平均得分（分）", kind: "amount" },
  "performance.excellent": { label: "绩效评级结果为“优”的项目数（个）", kind: "count" },
  "performance.good": { label: "绩效评级结果为“良”的项目数（个）", kind: "count" },
  "performance.pass": { label: "绩效评级结果为“合格”的项目数（个）", kind: "count" },
  "performance.fail": { label: "绩效评级结果为“不合格”的项目数（个）", kind: "count" },
  "performance.issues": { label: "绩效自评中发现的问题数（个）", kind: "count" },
  "performance.issuesFixed": { label: "已完成整改的问题数（个）", kind: "count" },
  "performance.issuesFixing": { label: "正在整改的问题数（个）", kind: "count" },
  "performance.report": { label: "绩效评价结果（文字；工作簿有绩效自评表时按表生成）", kind: "text" },
  "purchasedServices.total": { label: "政府购买服务支出（万元）", kind: "amount" },
};

function groupOf(key: string): { group: string; name: string } {
  const dot = key.indexOf(".");
  return { group: key.slice(0, dot), name: key.slice(dot + 1) };
}

/** The raw value of a fact, or undefined when not entered (an empty string or list counts as not entered). */
function factValue(facts: NarrativeFacts | undefined, key: string): FactValue | undefined {
  if (!facts) return undefined;
  const { group, name } = groupOf(key);
  const bag = (facts as Record<string, unknown>)[group];
  if (!bag || typeof bag !== "object") return undefined;
  const value = (bag as Record<string, FactValue>)[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string" && value.trim() === "") return undefined;
  if (Array.isArray(value) && value.length === 0) return undefined;
  return value;
}

/** A number fact as a Decimal ("1,234.50" and 1234.5 alike), or undefined. */
export function factDecimal(facts: NarrativeFacts | undefined, key: string): Decimal | undefined {
  const v = factValue(facts, key);
  if (v === undefined || Array.isArray(v)) return undefined;
  const cleaned = String(v).replace(/[,\s，]/g, "");
  return /^-?\d+(\.\d+)?$/.test(cleaned) ? new Decimal(cleaned) : undefined;
}

export function factText(facts: NarrativeFacts | undefined, key: string): string | undefined {
  const v = factValue(facts, key);
  if (v === undefined) return undefined;
  return Array.isArray(v) ? v.join("、") : String(v).trim();
}

interface ParsedFacts {
  facts: NarrativeFacts;
  /** zh-CN problems: unknown groups, values of the wrong type */
  problems: string[];
}

/** Reads a facts object (from JSON), keeping what is usable and naming what is not. Never throws. */
export function parseFacts(raw: unknown): ParsedFacts {
  const problems: string[] = [];
  const facts: NarrativeFacts = {};
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return { facts, problems: ["补充信息应为一个 JSON 对象。"] };
  for (const [group, bag] of Object.entries(raw as Record<string, unknown>)) {
    if (group === "version" || group === "$schema" || group === "说明") continue;
    if (!(FACT_GROUPS as readonly string[]).includes(group)) {
      problems.push(`补充信息中未知的分组“${group}”，已忽略（可用：${FACT_GROUPS.join("、")}）。`);
      continue;
    }
    if (!bag || typeof bag !== "object" || Array.isArray(bag)) {
      problems.push(`补充信息“${group}”应为对象，已忽略。`);
      continue;
    }
    const kept: Record<string, FactValue> = {};
    for (const [name, value] of Object.entries(bag as Record<string, unknown>)) {
      const key = `${group}.${name}`;
      const fixed = FIXED_FACTS[key];
      if (typeof value === "number" || typeof value === "string") kept[name] = value;
      else if (Array.isArray(value) && value.every((x) => typeof x === "string")) kept[name] = value as string[];
      else if (value !== null) {
        problems.push(`补充信息“${key}”的值应为数字、文字或文字列表，已忽略。`);
        continue;
      }
      if (fixed && (fixed.kind === "amount" || fixed.kind === "count") && kept[name] !== undefined && kept[name] !== "" && factDecimal({ [group]: kept }, key) === undefined) {
        problems.push(`补充信息“${key}”（${fixed.label}）应为数字，收到“${String(value)}”，已忽略。`);
        delete kept[name];
      }
    }
    (facts as Record<string, Record<string, FactValue>>)[group] = kept;
  }
  return { facts, problems };
}

/** Puts one fact in (a copy of) the set: how the pane's form stores an entry. */
export function withFact(facts: NarrativeFacts, key: string, value: FactValue | undefined): NarrativeFacts {
  const { group, name } = groupOf(key);
  const copy = JSON.parse(JSON.stringify(facts)) as Record<string, Record<string, FactValue>>;
  const bag = { ...(copy[group] ?? {}) };
  if (value === undefined || value === "") delete bag[name];
  else bag[name] = value;
  copy[group] = bag;
  return copy as NarrativeFacts;
}

/**
 * The facts file to fill in: every fixed fact empty, plus the given per-workbook keys (the missing facts of a
 * generated 说明), each with its label in a parallel "说明" object so the file explains itself.
 */
export function factsTemplate(missing: readonly { key: string; label: string }[] = []): Record<string, unknown> {
  const out: Record<string, Record<string, FactValue>> = {};
  const labels: Record<string, string> = {};
  for (const group of FACT_GROUPS) out[group] = {};
  const keys = missing.length > 0 ? missing : Object.entries(FIXED_FACTS).map(([key, v]) => ({ key, label: v.label }));
  for (const { key, label } of keys) {
    const { group, name } = groupOf(key);
    (out[group] ??= {})[name] = "";
    labels[key] = label;
  }
  return { version: 1, ...out, 说明: labels };
}
