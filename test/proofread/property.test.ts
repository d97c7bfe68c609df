/** Robustness: any text is proofread without throwing, and every excerpt is verbatim at its offset. */
import fc from "fast-check";
import { proofread } from "../../src/domain/proofread";
import { buildTables, xicheng2023 } from "../narrative/build-tables";

const fragments = [
  "2023年度", "本年收入合计", "本年支出合计", "收、支总计", "基本支出", "项目支出", "人员经费", "公用经费", "“三公”经费",
  "因公出国（境）费", "财政拨款收入", "一般公共预算财政拨款支出", "其中：", "主要用于以下方面：", "主要包括：", "占", "占支出合计的",
  "比上年", "增加", "减少", "增长", "下降", "增加（减少）", "持平", "年初预算为", "支出决算为", "完成年初预算的", "决算数大于预算数",
  "得分", "分", "绩效等级为“良”", "万元", "元", "%", "，", "；", "。", "、", "：", ";", ",", "\n", "一、", "（一）", "1.", "（2）",
  "123.78", "0", "4.7", "3.79", "-15.30", "11", "1,234.56", "【待填：上年数】", "【请填写", "XX", "****", "……", "截止", "图1：",
  "科学技术支出（类）", "科普活动（项）", "（", "）", "“", "”", " ", "等",
];

const textArbitrary = fc.oneof(
  fc.array(fc.constantFrom(...fragments), { maxLength: 60 }).map((parts) => parts.join("")),
  fc.string({ maxLength: 200 }),
  fc.array(fc.oneof(fc.constantFrom(...fragments), fc.string({ maxLength: 5 }), fc.integer({ min: -1000, max: 100000 }).map(String)), { maxLength: 60 }).map((p) => p.join("")),
);

const tables = buildTables(xicheng2023());

it("never throws and keeps excerpts verbatim (2,000 random texts, with and without tables)", () => {
  fc.assert(
    fc.property(textArbitrary, fc.boolean(), fc.constantFrom(undefined, 0, 1, 2), (text, withTables, decimals) => {
      const findings = proofread(text, { ...(withTables ? { tables } : {}), ...(decimals !== undefined ? { percentDecimals: decimals as 0 | 1 | 2 } : {}) });
      for (const f of findings) {
        if (text.slice(f.offset, f.offset + f.excerpt.length) !== f.excerpt) return false;
        if (!["error", "warning", "info"].includes(f.severity) || !/^NARR\.[A-Z-]+$/.test(f.rule)) return false;
      }
      return true;
    }),
    { numRuns: 2000 },
  );
});
