/**
 * The corpus of real published texts (test/proofread/corpus/, see corpus-eval.ts): recall of the hand-annotated
 * errors, and no error-level finding on a sentence verified correct by recomputation.
 */
import { evaluateText, loadCorpus, ratio, summarize } from "./corpus-eval";

const results = loadCorpus().map(evaluateText);
const summary = summarize(results);

it("holds real texts from several provinces, each with verified-correct sentences", () => {
  const real = loadCorpus().filter((t) => !t.annotation.seeded);
  expect(new Set(real.map((t) => t.annotation.region)).size).toBeGreaterThanOrEqual(11);
  expect(real.filter((t) => t.annotation.correct.length === 0).map((t) => t.id)).toEqual([]);
  expect(summary.verified).toBeGreaterThanOrEqual(290);
  expect(summary.real.annotated).toBeGreaterThanOrEqual(110);
});

it("finds at least 95% of the real annotated errors", () => {
  const missed = results.flatMap((r) => r.errors.filter((e) => e.found.length === 0 && !r.seeded).map((e) => `${r.id}: ${e.error.item.excerpt}`));
  expect(ratio(summary.real.found, summary.real.annotated)).toBeGreaterThanOrEqual(0.95);
  expect(missed.length).toBeLessThanOrEqual(Math.floor(summary.real.annotated * 0.05));
});

it("finds at least 95% of the seeded errors (counted apart)", () => {
  expect(ratio(summary.seeded.found, summary.seeded.annotated)).toBeGreaterThanOrEqual(0.95);
});

it("raises no error on a verified-correct sentence", () => {
  const falseErrors = results.flatMap((r) => r.falseAlarms.filter((a) => a.finding.severity === "error").map((a) => `${r.id}: ${a.finding.rule} ${a.finding.excerpt}`));
  expect(falseErrors).toEqual([]);
});

it("raises no warning on a verified-correct sentence either (target)", () => {
  const falseWarnings = results.flatMap((r) => r.falseAlarms.map((a) => `${r.id}: ${a.finding.rule} ${a.finding.excerpt}`));
  expect(falseWarnings).toEqual([]);
});

it("every excerpt is verbatim at its offset and every finding says which paragraph it is in", () => {
  for (const r of results) {
    const text = loadCorpus().find((t) => t.id === r.id)!.body;
    for (const f of r.findings) {
      expect(text.slice(f.offset, f.offset + f.excerpt.length)).toBe(f.excerpt);
      expect(typeof f.paragraph).toBe("number");
    }
  }
});
