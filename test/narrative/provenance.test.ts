/** Every printed number knows its source cells; changing one number changes exactly the sentences that use it. */
import { generateNarrative } from "../../src/domain/narrative";
import type { NarrativeDocument } from "../../src/domain/narrative/types";
import { buildTables, xicheng2022, xicheng2023 } from "./build-tables";
import { generate, sentenceDiff } from "./helpers";

function uncoveredDigits(doc: NarrativeDocument): string[] {
  const problems: string[] = [];
  for (const p of doc.paragraphs) {
    const covered = new Array<boolean>(p.text.length).fill(false);
    for (const span of [...p.numbers, ...p.placeholders]) for (let i = span.start; i < span.end; i++) covered[i] = true;
    // ordinals of numbered items ("1." / "1、") are not figures
    const ordinal = /^(\d+)[.、]/.exec(p.text);
    if (ordinal) for (let i = 0; i < ordinal[1].length; i++) covered[i] = true;
    for (let i = 0; i < p.text.length; i++) if (/\d/.test(p.text[i]) && !covered[i]) problems.push(`${p.section}: …${p.text.slice(Math.max(0, i - 8), i + 8)}…`);
  }
  return problems;
}

describe("provenance", () => {
  const variants: [string, NarrativeDocument][] = [
    ["with last year", generate()],
    ["without last year", generate(undefined, {}, null)],
    ["Shanghai", generate(undefined, { style: "shanghai" })],
    ["with 年初预算", generate(undefined, { initialBudgets: { total: "125", "2060701": "95.00" } })],
  ];

  it.each(variants)("every digit printed %s belongs to a recorded number or placeholder", (_name, doc) => {
    expect(uncoveredDigits(doc)).toEqual([]);
  });

  it.each(variants)("number offsets %s slice exactly the printed text", (_name, doc) => {
    for (const p of doc.paragraphs) for (const n of p.numbers) expect(p.text.slice(n.start, n.end)).toBe(n.text);
  });

  it("table figures carry qualified cells; derived figures carry both cells and the formula", () => {
    const doc = generate();
    const overall = doc.paragraphs.find((p) => p.section === "overall")!;
    const [year, total, change, rate] = overall.numbers;
    expect(year).toMatchObject({ text: "2023", sources: ["收入支出决算总表!A1"] });
    expect(total.text).toBe("123.78");
    expect(total.sources).toEqual([expect.stringMatching(/^收入支出决算总表![A-Z]+\d+$/)]);
    expect(total.formula).toBe(`=${total.sources[0]}`);
    expect(change).toMatchObject({ text: "15.30", formula: "123.78 − 139.08" });
    expect(change.sources).toHaveLength(2);
    expect(rate).toMatchObject({ text: "11.00%", formula: "(123.78 − 139.08) ÷ 139.08 × 100%" });
    const share = doc.paragraphs.find((p) => p.section === "expenditure")!.numbers.find((n) => n.text === "3.80%")!;
    expect(share.formula).toBe("4.70 ÷ 123.78 × 100%");
    expect(share.sources.every((s) => s.startsWith("支出决算表!"))).toBe(true);
  });

  it("user-entered 年初预算 is recorded as such", () => {
    const doc = generate(undefined, { initialBudgets: { total: "125" } });
    const opening = doc.paragraphs.find((p) => p.section === "general-budget-detail")!;
    expect(opening.numbers.find((n) => n.text === "125.00")).toMatchObject({ sources: [], formula: "补充信息 initialBudgets.total" });
  });
});

describe("changing one number changes exactly the sentences that use it", () => {
  const base = generate();

  it("T3 项目支出 → only the 支出 sentence", () => {
    const data = xicheng2023();
    data.t3.total.project = "4.71";
    const diff = sentenceDiff(base, generate(data));
    expect(diff.removed).toEqual([
      "2023年度本年支出合计123.78万元，比上年减少15.30万元，下降11.00%，其中：基本支出119.08万元，占支出合计的96.20%；项目支出4.70万元，占支出合计的3.80%。",
    ]);
    expect(diff.added).toEqual([
      "2023年度本年支出合计123.78万元，比上年减少15.30万元，下降11.00%，其中：基本支出119.08万元，占支出合计的96.20%；项目支出4.71万元，占支出合计的3.81%。",
    ]);
  });

  it("last year's 总计 → only the 收支总计 sentence", () => {
    const previous = xicheng2022();
    previous.t1.income["grand-total"] = "140.00";
    const diff = sentenceDiff(base, generate(undefined, {}, previous));
    expect(diff.added).toEqual(["2023年度收、支总计123.78万元，比上年减少16.22万元，下降11.59%。"]);
    expect(diff.removed).toEqual(["2023年度收、支总计123.78万元，比上年减少15.30万元，下降11.00%。"]);
  });

  it("one 项 of T5 → only that item's 决算 sentence", () => {
    const data = xicheng2023();
    data.t5.rows = data.t5.rows.map(([code, label, v]) => [code, label, code === "2060702" ? { ...v, total: "4.80" } : v]);
    const diff = sentenceDiff(base, generate(data));
    const slot = "【待填：科学技术支出（类）科学技术普及（款）科普活动（项）（2060702）年初预算数（万元）】";
    expect(diff.added).toEqual([`年初预算为${slot}万元，支出决算为4.80万元。`]);
    expect(diff.removed).toEqual([`年初预算为${slot}万元，支出决算为4.70万元。`]);
  });

  it("a T6 款 becoming zero → only the 基本支出 sentence loses it from 主要包括", () => {
    const data = xicheng2023();
    data.t6.public = data.t6.public.map(([code, label, v]) => [code, label, code === "30201" ? "0" : v]);
    const diff = sentenceDiff(base, generate(data));
    expect(diff.removed).toHaveLength(1);
    expect(diff.added).toHaveLength(1);
    expect(diff.removed[0]).toContain("主要包括：办公费、邮电费");
    expect(diff.added[0]).toContain("主要包括：邮电费、工会经费");
  });

  it("the same tables give the same document", () => {
    expect(generateNarrative(buildTables(xicheng2023()), { template: "beijing-2023", previous: buildTables(xicheng2022()) })).toEqual(base);
  });
});
