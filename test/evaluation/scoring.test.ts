import { Decimal } from "../../src/domain/decimal";
import {
  equalityScore,
  executionRate,
  executionScore,
  gradeOf,
  inBand,
  normalizeGrade,
  positiveScore,
  qualitativeBand,
  quantitativeScore,
  reverseScore,
} from "../../src/domain/scoring";

const d = (v: string | number) => new Decimal(v);
const r2 = (x: Decimal) => x.toDecimalPlaces(2).toFixed(2);

describe("scoring formulas (README §9.3)", () => {
  it("S2/S3 执行率 and its score, capped at the weight", () => {
    expect(executionRate(d("137.85"), d("137.85"))?.toString()).toBe("1");
    expect(executionRate(d(5), d(0))).toBeNull();
    const rate = executionRate(d("1268.72"), d("1172.55")) as Decimal;
    expect(rate.times(100).toFixed(2)).toBe("108.20");
    expect(r2(executionScore(rate, d(10)))).toBe("10.00"); // not 10.82
    expect(r2(executionScore(d("0.862037"), d(10)))).toBe("8.62");
    expect(r2(executionScore(d("-0.1"), d(10)))).toBe("0.00");
  });

  it("S4 positive: full at or above target, else B/A × weight", () => {
    expect(r2(positiveScore(d(50), d(52), d(6)))).toBe("6.00");
    expect(r2(positiveScore(d(80), d(76), d(15)))).toBe("14.25");
    expect(r2(positiveScore(d(0), d(3), d(5)))).toBe("5.00");
  });

  it("S5 reverse: pmkpi and ratio variants", () => {
    expect(r2(reverseScore(d(20), d(18), d(15)))).toBe("15.00");
    expect(r2(reverseScore(d(20), d(22), d(15), "pmkpi"))).toBe("13.50");
    expect(r2(reverseScore(d(20), d(40), d(15), "pmkpi"))).toBe("0.00");
    expect(r2(reverseScore(d(20), d(22), d(15), "ratio"))).toBe("13.64");
    expect(r2(reverseScore(d(0), d(1), d(15)))).toBe("0.00");
  });

  it("S6 equality: target 0 is all or nothing, otherwise positive", () => {
    expect(r2(equalityScore(d(0), d(0), d(10)))).toBe("10.00");
    expect(r2(equalityScore(d(0), d(3), d(10)))).toBe("0.00");
    expect(r2(equalityScore(d(100), d(98), d(10)))).toBe("9.80");
    expect(quantitativeScore("<=", d(10), d(12), d(15)).rule).toBe("S5");
    expect(quantitativeScore(">", d(10), d(12), d(15)).rule).toBe("S4");
    expect(quantitativeScore("=", d(10), d(12), d(15)).rule).toBe("S6");
  });

  it("S8 qualitative bands from what the 完成值 says", () => {
    const w = d(5);
    const achieved = qualitativeBand("达成年度指标", w);
    expect(achieved?.band).toBe("achieved");
    expect(inBand(d(4), achieved!)).toBe(true);
    expect(inBand(d("3.9"), achieved!)).toBe(false);
    expect(inBand(d(5), achieved!)).toBe(true);
    const partial = qualitativeBand("部分达成年度指标并具有一定效果", w)!;
    expect(partial.band).toBe("partial");
    expect(inBand(d(4), partial)).toBe(false);
    expect(inBand(d(3), partial)).toBe(true);
    expect(qualitativeBand("未达成年度指标且效果较差", w)?.band).toBe("not-achieved");
    expect(qualitativeBand("基本达到", w)).toBeNull();
    expect(qualitativeBand("好", w)).toBeNull();
  });

  it("S10 grades and their spellings", () => {
    expect(gradeOf(d("89.45"))).toBe("良");
    expect(gradeOf(d(90))).toBe("优");
    expect(gradeOf(d("79.99"))).toBe("中");
    expect(gradeOf(d("59.99"))).toBe("差");
    expect(normalizeGrade("优秀")).toBe("优");
    expect(normalizeGrade("良好")).toBe("良");
    expect(normalizeGrade("一般")).toBe("中");
    expect(normalizeGrade("合格")).toBe("中");
    expect(normalizeGrade("不合格")).toBe("差");
    expect(normalizeGrade("较差")).toBe("差");
    expect(normalizeGrade("自评等级：良")).toBe("良");
    expect(normalizeGrade("待定")).toBeNull();
  });
});
