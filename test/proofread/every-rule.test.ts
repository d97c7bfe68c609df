/**
 * Every registered 说明 rule (NARR.*) fires on a real broken sentence and is silent on a real correct one,
 * each read in its own published text (test/proofread/corpus/), never out of context. Where no published
 * text has the error, the broken sentence is the corpus's seeded copy of a real text, or a real sentence
 * rewritten at one place (`as`), and says so. A rule added to the registry without a case here fails the
 * first test.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { severityRank, type Severity } from "../../src/domain/findings";
import type { RecognizedTable } from "../../src/domain/model";
import { NARR_RULES, proofread } from "../../src/domain/proofread";
import type { ProofreadFinding } from "../../src/domain/proofread/types";
import { buildTables, xicheng2023 } from "../narrative/build-tables";
import { loadCorpus } from "./corpus-eval";

/** A place in a corpus text: the n-th occurrence of `excerpt`, optionally rewritten as `as`. */
interface Spot {
  text: string;
  excerpt: string;
  n?: number;
  as?: string;
}

interface Case {
  /** the broken sentence and the severity the rule gives it there */
  fires: Spot & { severity: Severity };
  silent: Spot;
  /** the tables of the text's unit, for the rules that compare with them */
  tables?: () => RecognizedTable[];
}

const BEIJING = "beijing-xicheng-kjxz-2023-shuoming";
const SHOUXIAN = "anhui-shouxian-wwbh-2023-sangong";
const QIANTANG = "zhejiang-qiantang-spj-2021-shuoming";
const QIANTANG_SEEDED = "seeded-zhejiang-qiantang-spj-2021";

const CASES: Record<string, Case> = {
  "NARR.RESIDUE": { fires: { text: BEIJING, excerpt: "比上年增加减少15.30万元", severity: "error" }, silent: { text: BEIJING, excerpt: "比上年减少15.30万元" } },
  "NARR.DUPLICATE-WORD": {
    fires: { text: "guangxi-wuzhou-ncp-2020-sangong", excerpt: "主要是主要是", severity: "warning" },
    silent: { text: SHOUXIAN, excerpt: "决算数小于预算数的主要原因是公务接待减少" },
  },
  "NARR.PUNCTUATION": { fires: { text: BEIJING, excerpt: "3.79%;上缴", severity: "warning" }, silent: { text: QIANTANG, excerpt: "占收入合计100%；上级补助收入" } },
  "NARR.WORDING": { fires: { text: BEIJING, excerpt: "截止2023年12月31日", severity: "warning" }, silent: { text: "yunnan-honghe-sjzx-2024-jixiao", excerpt: "截至2024年12月31日" } },
  "NARR.UNIT": {
    fires: { text: "guangxi-wuzhou-2023-juesuan-shouru", excerpt: "5.经营收入 0.00 万，", severity: "warning" },
    silent: { text: "guangxi-wuzhou-2023-juesuan-shouru", excerpt: "6.其他收入 0.00 万元" },
  },
  "NARR.ZERO-CHANGE": {
    fires: { text: "guangdong-czt-2023-sangong", excerpt: "比上年决算数增加0万元", severity: "warning" },
    silent: { text: SHOUXIAN, excerpt: "较上年减少1.29万元" },
  },
  "NARR.DIRECTION": { fires: { text: QIANTANG_SEEDED, excerpt: "收支持平", severity: "error" }, silent: { text: SHOUXIAN, excerpt: "决算数小于预算数" } },
  "NARR.SUM": {
    fires: { text: "guangxi-wuzhou-2023-yusuan-shuoming", excerpt: "基本支出 911000.39 元", severity: "error" },
    silent: { text: QIANTANG, excerpt: "本年支出合计4352.47万元" },
  },
  "NARR.COUNT": { fires: { text: QIANTANG_SEEDED, excerpt: "开展绩效自评的项目5个", severity: "error" }, silent: { text: BEIJING, excerpt: "一级指标4个：项目资金、产出指标、效益指标、满意度指标" } },
  "NARR.TOTALS": { fires: { text: "sichuan-2022-danwei-juesuan", excerpt: "收、支总计各是4125.49,4143.91万元", severity: "error" }, silent: { text: QIANTANG, excerpt: "收入总计4352.47万元，支出总计4352.47万元" } },
  "NARR.SHARE": { fires: { text: SHOUXIAN, excerpt: "占69%", severity: "error" }, silent: { text: QIANTANG, excerpt: "占47.2%" } },
  "NARR.CHANGE": { fires: { text: QIANTANG_SEEDED, excerpt: "增长100%", severity: "error" }, silent: { text: SHOUXIAN, excerpt: "下降43%" } },
  "NARR.ROUNDING": { fires: { text: BEIJING, excerpt: "占支出合计的3.79%", severity: "warning" }, silent: { text: QIANTANG, excerpt: "占52.8%" } },
  "NARR.COMPLETION": { fires: { text: SHOUXIAN, excerpt: "完成预算的43%", severity: "error" }, silent: { text: "guangdong-czt-2023-sangong", excerpt: "完成全年预算84.82万元的73.2%" } },
  "NARR.CONSISTENCY": { fires: { text: QIANTANG_SEEDED, excerpt: "支出总计4350.47万元", severity: "warning" }, silent: { text: QIANTANG, excerpt: "支出总计4352.47万元" } },
  "NARR.SCORE": { fires: { text: BEIJING, excerpt: "其中：预算执行9.8分", severity: "warning" }, silent: { text: BEIJING, excerpt: "全区科普经费项目自评得分89.8分，绩效级别为“良好”" } },
  "NARR.LIST": { fires: { text: BEIJING, excerpt: "因公出国（境）费、维修（护）费", severity: "warning" }, silent: { text: "guangxi-wuzhou-2023-yusuan-shuoming", excerpt: "办公费、工会经费" } },
  "NARR.TABLE-AMOUNT": {
    // the unit's own tables; the figure rewritten at one place
    fires: { text: BEIJING, excerpt: "安排基本支出119.08万元", as: "安排基本支出119.80万元", severity: "error" },
    silent: { text: BEIJING, excerpt: "安排基本支出119.08万元" },
    tables: () => buildTables(xicheng2023()),
  },
  "NARR.DECIMALS": { fires: { text: SHOUXIAN, excerpt: "支出预算为3万元", severity: "warning" }, silent: { text: SHOUXIAN, excerpt: "支出决算为1.71万元" } },
  "NARR.NUMBERING": { fires: { text: SHOUXIAN, excerpt: "3.公务用车购置及运行维", severity: "warning" }, silent: { text: SHOUXIAN, excerpt: "1.公务接待费预算为1万元" } },
  "NARR.CAPTION": { fires: { text: BEIJING, excerpt: "图1：收入预算", severity: "warning" }, silent: { text: BEIJING, excerpt: "图2：基本支出和项目支出情况" } },
  "NARR.YEAR": { fires: { text: QIANTANG_SEEDED, excerpt: "三、2020年度部门决算情况说明", severity: "error" }, silent: { text: QIANTANG, excerpt: "三、2021年度部门决算情况说明" } },
  "NARR.NAME": { fires: { text: "guangxi-wuzhou-2023-yusuan-caigou", excerpt: "公用用车运行维护费", severity: "warning" }, silent: { text: QIANTANG, excerpt: "杭州市钱塘区行政审批局", n: 1 } },
  "NARR.BRACKET": { fires: { text: QIANTANG_SEEDED, excerpt: "（其中，一般公共预算4352.47万元", severity: "warning" }, silent: { text: QIANTANG, excerpt: "（其中，一般公共预算4352.47万元" } },
  "NARR.SPACE": { fires: { text: SHOUXIAN, excerpt: "下降47 %", severity: "info" }, silent: { text: SHOUXIAN, excerpt: "下降43%" } },
  "NARR.ZERO-ITEM": { fires: { text: BEIJING, excerpt: "上级补助收入0万元", severity: "info" }, silent: { text: QIANTANG, excerpt: "其中基本支出2054.70万元" } },
  "NARR.REASON": { fires: { text: BEIJING, excerpt: "比上年减少15.30万元", severity: "info" }, silent: { text: SHOUXIAN, excerpt: "较上年减少1.29万元" } },
  "NARR.PLACEHOLDER": {
    // the reason left as the 说明 generator's placeholder
    fires: { text: SHOUXIAN, excerpt: "主要原因是公务接待减少", as: "主要原因是【待填：主要原因】", severity: "warning" },
    silent: { text: SHOUXIAN, excerpt: "主要原因是公务接待减少" },
  },
};

const corpus = new Map(loadCorpus().map((t) => [t.id, t.body]));

/** The text with the spot rewritten, and where the spot is in it. */
function place(spot: Spot): { text: string; start: number; end: number } {
  const body = corpus.get(spot.text);
  if (body === undefined) throw new Error(`no corpus text ${spot.text}`);
  let at = -1;
  for (let i = 0; i <= (spot.n ?? 0); i++) {
    at = body.indexOf(spot.excerpt, at + 1);
    if (at < 0) throw new Error(`${spot.text}: “${spot.excerpt}” (occurrence ${spot.n ?? 0}) is not in the text`);
  }
  const written = spot.as ?? spot.excerpt;
  return { text: body.slice(0, at) + written + body.slice(at + spot.excerpt.length), start: at, end: at + written.length };
}

function findingsAt(rule: string, spot: Spot, tables?: RecognizedTable[]): ProofreadFinding[] {
  const { text, start, end } = place(spot);
  return proofread(text, tables ? { tables } : {}).filter((f) => f.rule === rule && f.offset < end && f.offset + Math.max(f.excerpt.length, 1) > start);
}

it("has a case for every registered rule, and a rule for every case", () => {
  expect(Object.keys(CASES).sort()).toEqual(NARR_RULES.map((r) => r.meta.id).sort());
});

it("declares each rule once, in its own module, with a statement and a severity policy", () => {
  const ids = NARR_RULES.map((r) => r.meta.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const r of NARR_RULES) {
    expect(existsSync(join(__dirname, "../../src/domain/proofread/rules", `${r.meta.id.slice("NARR.".length).toLowerCase()}.ts`))).toBe(true);
    expect(r.meta.statement).toMatch(/[\u4e00-\u9fff]/);
    expect(r.meta.policy).toMatch(/[\u4e00-\u9fff]/);
  }
});

describe.each(Object.entries(CASES))("%s", (rule, c) => {
  it(`fires on the broken sentence (${c.fires.text}: “${c.fires.as ?? c.fires.excerpt}”)`, () => {
    const found = findingsAt(rule, c.fires, c.tables?.());
    expect(found.map((f) => f.severity)).toContain(c.fires.severity);
  });

  it(`is silent on the correct one (${c.silent.text}: “${c.silent.as ?? c.silent.excerpt}”)`, () => {
    expect(findingsAt(rule, c.silent, c.tables?.())).toEqual([]);
  });
});

it("reports only registered rules, never above the severity a rule declares (whole corpus, with and without tables)", () => {
  const highest = new Map(NARR_RULES.map((r) => [r.meta.id as string, r.meta.severity]));
  const tables = buildTables(xicheng2023());
  const seen = new Set<string>();
  for (const body of corpus.values()) {
    for (const f of [...proofread(body), ...proofread(body, { tables })]) {
      expect(highest.has(f.rule)).toBe(true);
      // severityRank puts errors first
      expect(severityRank(f.severity)).toBeGreaterThanOrEqual(severityRank(highest.get(f.rule)!));
      seen.add(f.rule);
    }
  }
  // the corpus exercises most rules; the cases above cover the rest
  expect(seen.size).toBeGreaterThan(NARR_RULES.length / 2);
});
