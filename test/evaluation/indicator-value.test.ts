import { parseIndicatorValue, parseNatureCell } from "../../src/domain/indicator-value";

function q(raw: string): string {
  const v = parseIndicatorValue(raw);
  return v.nature === "qualitative" ? "qualitative" : `${v.nature} ${v.number?.toString()} ${v.unit ?? ""}`.trim();
}

describe("parseIndicatorValue", () => {
  it("reads comparators written as symbols", () => {
    expect(q("≥50场")).toBe(">= 50 场");
    expect(q(">=50场")).toBe(">= 50 场");
    expect(q("≤5%")).toBe("<= 5 %");
    expect(q("=100%")).toBe("= 100 %");
    expect(q("≤137.85万元")).toBe("<= 137.85 万元");
    expect(q(">0")).toBe("> 0");
    expect(q("<3次")).toBe("< 3 次");
  });

  it("reads a bare number as an equality target", () => {
    expect(q("100%")).toBe("= 100 %");
    expect(q("12个月")).toBe("= 12 个月");
    expect(q("1,200人次")).toBe("= 1200 人次");
  });

  it("reads comparators written in words, before or after the number", () => {
    expect(q("不低于95%")).toBe(">= 95 %");
    expect(q("不高于10万元")).toBe("<= 10 万元");
    expect(q("不少于3期")).toBe(">= 3 期");
    expect(q("不超过20万元")).toBe("<= 20 万元");
    expect(q("50场以上")).toBe(">= 50 场");
    expect(q("5%以内")).toBe("<= 5 %");
  });

  it("reads full-width digits and symbols", () => {
    expect(q("≥５０场")).toBe(">= 50 场");
    expect(q("＞＝９５％")).toBe(">= 95 %");
    expect(q("＝１００％")).toBe("= 100 %");
    expect(q("≤ 1 3 7 . 8 5 万元")).toBe("<= 137.85 万元");
  });

  it("treats words, dates and ranges as qualitative", () => {
    for (const raw of ["达到预期", "达成年度指标", "好", "显著提升", "2024年12月底前", "1-2次", "95%-100%", "", "有效提升群众满意度"]) {
      expect(q(raw)).toBe("qualitative");
    }
    expect(parseIndicatorValue("达到预期").raw).toBe("达到预期");
  });

  it("keeps the number exact", () => {
    expect(parseIndicatorValue("≤0.1万元").number?.toFixed(2)).toBe("0.10");
    expect(parseIndicatorValue("≥99.95%").number?.toString()).toBe("99.95");
  });
});

describe("parseNatureCell", () => {
  it("reads 指标性质 cells", () => {
    expect(parseNatureCell("≥")).toBe(">=");
    expect(parseNatureCell("≤")).toBe("<=");
    expect(parseNatureCell("＝")).toBe("=");
    expect(parseNatureCell("正向指标")).toBe(">=");
    expect(parseNatureCell("反向指标")).toBe("<=");
    expect(parseNatureCell("定性")).toBe("qualitative");
    expect(parseNatureCell("定量")).toBeUndefined();
    expect(parseNatureCell("")).toBeUndefined();
  });
});
