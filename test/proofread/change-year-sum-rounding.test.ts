/**
 * Issue 15, third held-out round: NARR.CHANGE, NARR.YEAR, NARR.SUM and NARR.ROUNDING on real published sentences
 * (verbatim from test/proofread/corpus/, source in the comment), each with one that must fire and one that must not.
 */
import { proofread } from "../../src/domain/proofread";
import type { ProofreadFinding } from "../../src/domain/proofread/types";

function on(text: string, rule: string, excerptPart?: string): ProofreadFinding[] {
  return proofread(text).filter((f) => f.rule === rule && (excerptPart === undefined || f.excerpt.includes(excerptPart)));
}

describe("NARR.CHANGE: the change is computed from the figure of the name it states", () => {
  // 乐山市金口河区某文化类单位 2022 (sichuan-jinkouhe-2022-wenti-juesuan)
  const JINKOUHE =
    "2022年财政拨款收入总计766.75万元，其中：2022年收入合计610.42万元，年初结转和结余156.33万元，与2021年相比收入总计减少315.71万元，下降29.17%；2022年财政拨款支出总计766.75万元，其中：2022年支出合计766.60万元，年末结转和结余0.15万元，与2021年相比支出总计减少315.71万元，下降29.17%。";

  it("recomputes 收入总计减少…下降 from 收入总计, not from the 年初结转和结余 said last", () => {
    // 315.71 ÷ (766.75 + 315.71) = 29.166 % → 29.17 %
    expect(on(JINKOUHE, "NARR.CHANGE")).toEqual([]);
  });

  it("still fires on a wrong rate once the named figure is found", () => {
    const [f, g] = on(JINKOUHE.replace(/下降29\.17%/g, "下降29.71%"), "NARR.CHANGE");
    expect(f).toMatchObject({ severity: "error", actual: "29.71%", expected: "29.17%" });
    expect(f.message).toContain("766.75 + 315.71");
    expect(g).toMatchObject({ severity: "error", actual: "29.71%" });
  });

  it("recomputes nothing when the sentence names the changed figure under no amount of its own", () => {
    // the 收入总计 is cut out: the only amounts before the change are its parts
    const text = "其中：2022年收入合计610.42万元，年初结转和结余156.33万元，与2021年相比收入总计减少315.71万元，下降29.17%。";
    expect(on(text, "NARR.CHANGE").filter((f) => f.severity !== "info")).toEqual([]);
  });
});
