/**
 * Names of the indicators a 说明 states amounts for, by canonical key. The keys are what claims are
 * bound to, and what the table check maps to cells (rules/table-amount.ts).
 */

type Family = "general-budget" | "government-fund" | "state-capital";

interface IndicatorEntry {
  key: string;
  names: readonly string[];
}

const INDICATORS: readonly IndicatorEntry[] = [
  { key: "grand-total", names: ["收、支总计", "收支总计", "收入支出总计", "收入总计", "支出总计"] },
  { key: "fiscal-grand-total", names: ["财政拨款收、支总计", "财政拨款收支总计", "财政拨款收入支出总计"] },
  { key: "income-total", names: ["本年收入合计", "收入合计"] },
  { key: "expenditure-total", names: ["本年支出合计", "支出合计"] },
  { key: "fiscal-income", names: ["财政拨款收入"] },
  { key: "general-budget-income", names: ["一般公共预算财政拨款收入"] },
  { key: "government-fund-income", names: ["政府性基金预算财政拨款收入"] },
  { key: "state-capital-income", names: ["国有资本经营预算财政拨款收入"] },
  { key: "superior-subsidy", names: ["上级补助收入"] },
  { key: "business-income", names: ["事业收入"] },
  { key: "operating-income", names: ["经营收入"] },
  { key: "affiliated-income", names: ["附属单位上缴收入"] },
  { key: "other-income", names: ["其他收入"] },
  { key: "non-fiscal-balance-used", names: ["使用非财政拨款结余"] },
  { key: "opening-balance", names: ["年初结转和结余"] },
  { key: "closing-balance", names: ["年末结转和结余"] },
  { key: "basic", names: ["基本支出"] },
  { key: "project", names: ["项目支出"] },
  { key: "to-superior", names: ["上缴上级支出"] },
  { key: "operating-expenditure", names: ["经营支出"] },
  { key: "to-affiliated", names: ["对附属单位补助支出"] },
  { key: "general-budget-expenditure", names: ["一般公共预算财政拨款支出", "一般公共预算支出"] },
  { key: "general-budget:basic", names: ["一般公共预算财政拨款基本支出"] },
  { key: "general-budget:project", names: ["一般公共预算财政拨款项目支出"] },
  { key: "government-fund-expenditure", names: ["政府性基金预算财政拨款支出"] },
  { key: "state-capital-expenditure", names: ["国有资本经营预算财政拨款支出"] },
  { key: "government-fund-income-expenditure", names: ["政府性基金预算财政拨款收入和支出", "政府性基金预算财政拨款收支"] },
  { key: "personnel", names: ["人员经费"] },
  { key: "public", names: ["公用经费", "日常公用经费支出", "日常公用经费"] },
  { key: "office-operation", names: ["机关运行经费"] },
  { key: "three-public", names: ["“三公”经费", "\"三公\"经费", "”三公“经费", "‘三公’经费", "三公经费"] },
  { key: "abroad", names: ["因公出国（境）费用", "因公出国（境）费", "因公出国(境)费用", "因公出国(境)费", "因公出国（境）经费", "因公出国(境)经费"] },
  { key: "vehicle", names: ["公务用车购置及运行维护费", "公务用车购置及运行费", "公车购置及运行维护费", "公车购置及运行费"] },
  { key: "vehicle-purchase", names: ["公务用车购置费"] },
  { key: "vehicle-operation", names: ["公务用车运行维护费", "公务用车运行费"] },
  { key: "vehicle-average", names: ["车均运行维护费"] },
  { key: "reception", names: ["公务接待费"] },
  { key: "procurement-total", names: ["政府采购支出总额", "政府采购金额"] },
  { key: "procurement-goods", names: ["政府采购货物支出", "货物采购金额"] },
  { key: "procurement-works", names: ["政府采购工程支出", "工程采购金额"] },
  { key: "procurement-services", names: ["政府采购服务支出", "服务采购金额"] },
  { key: "procurement-sme", names: ["授予中小企业合同金额"] },
  { key: "procurement-small", names: ["授予小微企业合同金额"] },
  { key: "fixed-assets", names: ["固定资产总额"] },
  { key: "purchased-services", names: ["政府购买服务决算", "政府购买服务支出"] },
  { key: "total-score", names: ["自评得分", "自评总分", "总得分", "总分"] },
  { key: "annual-budget", names: ["全年预算数", "调整后预算数"] },
  { key: "executed", names: ["全年执行数", "预算执行数"] },
];

/**
 * Totals whose parts are fixed by definition (每一组是一种完整的拆分). A stated total with all the parts of one of
 * its decompositions listed must equal their sum exactly (up to rounding); with only some listed the
 * difference may be an unlisted part.
 */
export const COMPOSITIONS: Readonly<Record<string, readonly (readonly string[])[]>> = {
  basic: [["personnel", "public"]],
  "general-budget:basic": [["personnel", "public"]],
  "general-budget-expenditure": [
    ["basic", "project"],
    ["general-budget:basic", "general-budget:project"],
  ],
  "expenditure-total": [["basic", "project", "to-superior", "operating-expenditure", "to-affiliated"]],
  "income-total": [["fiscal-income", "superior-subsidy", "business-income", "operating-income", "affiliated-income", "other-income"]],
  "three-public": [
    ["abroad", "vehicle", "reception"],
    ["abroad", "vehicle-purchase", "vehicle-operation", "reception"],
  ],
  "general-budget:three-public": [
    ["abroad", "vehicle", "reception"],
    ["abroad", "vehicle-purchase", "vehicle-operation", "reception"],
  ],
  vehicle: [["vehicle-purchase", "vehicle-operation"]],
  "procurement-total": [["procurement-goods", "procurement-works", "procurement-services"]],
};

/** The decomposition of `total` whose keys are exactly `parts`, if any. */
export function completeDecomposition(total: string | undefined, parts: readonly (string | undefined)[]): readonly string[] | undefined {
  if (!total) return undefined;
  const keys = new Set(parts.filter((p): p is string => !!p));
  if (keys.size !== parts.length) return undefined;
  return (COMPOSITIONS[total] ?? []).find((d) => d.length === keys.size && d.every((k) => keys.has(k)));
}

/**
 * 支出经济分类 款 names as the current 政府收支分类科目 print them (301/302/303/310). A word one character away
 * from one of them ("公用用车运行维护费") is a misspelt 科目.
 */
export const ECONOMIC_ITEM_NAMES: readonly string[] = [
  "工资福利支出", "基本工资", "津贴补贴", "伙食补助费", "绩效工资", "机关事业单位基本养老保险缴费", "职业年金缴费",
  "职工基本医疗保险缴费", "公务员医疗补助缴费", "其他社会保障缴费", "住房公积金", "其他工资福利支出",
  "商品和服务支出", "办公费", "印刷费", "咨询费", "手续费", "邮电费", "取暖费", "物业管理费", "差旅费",
  "因公出国（境）费用", "维修（护）费", "租赁费", "会议费", "培训费", "公务接待费", "专用材料费", "被装购置费",
  "专用燃料费", "劳务费", "委托业务费", "工会经费", "福利费", "公务用车运行维护费", "其他交通费用",
  "税金及附加费用", "其他商品和服务支出", "对个人和家庭的补助", "离休费", "退休费", "退职（役）费", "抚恤金",
  "生活补助", "救济费", "医疗费补助", "助学金", "奖励金", "个人农业生产补贴", "代缴社会保险费",
  "其他对个人和家庭的补助", "资本性支出", "办公设备购置", "专用设备购置", "公务用车购置费",
];

/** Every name with its key, longest first (so 本年收入合计 wins over 收入合计). */
export const INDICATOR_NAMES: readonly { name: string; key: string }[] = INDICATORS.flatMap((e) =>
  e.names.map((name) => ({ name, key: e.key })),
).sort((a, b) => b.name.length - a.name.length);

const FAMILY_WORDS: readonly [string, Family][] = [
  ["一般公共预算", "general-budget"],
  ["政府性基金", "government-fund"],
  ["国有资本经营", "state-capital"],
];

/** Keys a family qualifier refines ("使用政府性基金财政拨款安排基本支出" → government-fund:basic). */
const QUALIFIABLE = new Set(["basic", "project", "three-public"]);

interface IndicatorMatch {
  key: string;
  name: string;
  /** offset of the name in the searched text */
  index: number;
}

/** The indicator named last in `text` (longest name at the latest position). */
export function lastIndicator(text: string): IndicatorMatch | undefined {
  let best: IndicatorMatch | undefined;
  for (const { name, key } of INDICATOR_NAMES) {
    const index = text.lastIndexOf(name);
    if (index < 0) continue;
    const end = index + name.length;
    const bestEnd = best ? best.index + best.name.length : -1;
    if (!best || end > bestEnd || (end === bestEnd && name.length > best.name.length)) best = { key, name, index };
  }
  if (!best) return undefined;
  if (QUALIFIABLE.has(best.key)) {
    const before = text.slice(0, best.index);
    const family = FAMILY_WORDS.filter(([word]) => before.includes(word)).sort((a, b) => before.lastIndexOf(b[0]) - before.lastIndexOf(a[0]))[0];
    if (family) return { ...best, key: `${family[1]}:${best.key}` };
  }
  return best;
}

/** Resolve a denominator phrase ("收入合计", "本年支出合计", "政府采购支出总额") to a key. */
export function resolveName(phrase: string): string | undefined {
  const p = phrase.replace(/[的\s]/g, "");
  if (!p) return undefined;
  const exact = INDICATOR_NAMES.find((n) => n.name === p);
  if (exact) return exact.key;
  return lastIndicator(p)?.key;
}

/** Names of 类/款/项 as written: "科学技术支出（类）科学技术普及（款）科普活动（项）". */
export function codeChain(text: string): { names: string[]; levels: string[]; end: number } | undefined {
  const re = /([\u4e00-\u9fff、]+)[（(](类|款|项)[)）]/g;
  const names: string[] = [];
  const levels: string[] = [];
  let end = -1;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (end >= 0 && m.index !== end) {
      names.length = 0;
      levels.length = 0;
    }
    names.push(m[1]);
    levels.push(m[2]);
    end = m.index + m[0].length;
  }
  return names.length > 0 ? { names, levels, end } : undefined;
}

/** "因公出国（境）费用" and "因公出国（境）费" name the same 款; so do "其他交通费" and "其他交通费用". */
export function normalizeItemName(name: string): string {
  return name
    .replace(/\s+/g, "")
    .replace(/\(/g, "（")
    .replace(/\)/g, "）")
    .replace(/等?(支出|费用)$/, (m) => (m.endsWith("费用") ? "费" : ""))
    .replace(/费用$/, "费");
}
