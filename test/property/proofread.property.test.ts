/** Proofreading and generation never throw: random text, random 说明-like sentences, with and without tables. */
import fc from "fast-check";
import { checkWorkbook } from "../../src/domain/engine";
import type { RecognizedTable } from "../../src/domain/model";
import { generateNarrative } from "../../src/domain/narrative";
import { proofread } from "../../src/domain/proofread";
import { loadFixture } from "../support/fixtures";

import { reportCases } from "./report";

// thousands of generated cases on a busy machine: generous, never a speed assertion (npm run fuzz sets its own)
jest.setTimeout(600_000);

const RUNS = Number(process.env.FC_NUM_RUNS ?? 2000);
const WORDS = ["2023年度", "收、支总计", "本年收入合计", "财政拨款收入", "基本支出", "项目支出", "人员经费", "公用经费", "比上年", "增加", "减少", "增加减少", "增加（减少）", "持平", "增长", "下降", "占", "收入合计的", "万元", "元", "%", "，", "。", "；", "：", "其中", "主要包括", "XX", "……", "123.78", "15.30", "11%", "3.79%", "96.2%", "0", "-5.00", "总分", "89.45", "分", "等级为优", "完成年初预算的", "一、", "（二）", "\n"];

describe("proofreading robustness", () => {
  let tables: RecognizedTable[] = [];
  beforeAll(async () => {
    tables = checkWorkbook(await loadFixture("beijing-xicheng-2023")).recognized;
  });

  it("never throws on random text, and every excerpt is verbatim at its offset", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.array(fc.constantFrom(...WORDS), { maxLength: 60 }).map((w) => w.join(""))), fc.boolean(), (text, withTables) => {
        const findings = proofread(text, withTables ? { tables } : {});
        for (const f of findings) expect(text.slice(f.offset, f.offset + f.excerpt.length)).toBe(f.excerpt);
      }),
      { numRuns: RUNS },
    );
    reportCases("never throws on random text, and every excerpt is verbatim at its offset", RUNS);
  });

  it("proofreads the generated 说明 against its own tables without an error", () => {
    const doc = generateNarrative(tables);
    const text = doc.paragraphs.map((p) => p.text).join("\n");
    expect(proofread(text, { tables }).filter((f) => f.severity === "error")).toEqual([]);
  });
});
