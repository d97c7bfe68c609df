/** `npm run proofread:corpus`: recall, precision, every miss and every false alarm on the corpus. */
import { evaluateText, loadCorpus, ratio, summarize } from "./corpus-eval";

const results = loadCorpus().map(evaluateText);
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const short = (s: string): string => (s.length > 60 ? `${s.slice(0, 60)}…` : s).replace(/\n/g, "⏎");

for (const r of results) {
  const found = r.errors.filter((e) => e.found.length > 0).length;
  console.log(`\n== ${r.id}${r.seeded ? " [seeded]" : ""}: ${found}/${r.errors.length} errors found, ${r.verified} verified sentences, ${r.falseAlarms.length} false alarms, ${r.unannotated.length} unannotated findings`);
  for (const e of r.errors) {
    if (e.found.length === 0) console.log(`  MISS  [${e.error.item.class}] @${e.error.start} “${short(e.error.item.excerpt)}” — ${e.error.item.why}`);
  }
  for (const a of r.falseAlarms) {
    console.log(`  FALSE ${a.finding.severity.toUpperCase()} ${a.finding.rule} @${a.finding.offset} “${short(a.finding.excerpt)}” — ${a.finding.message}`);
    console.log(`        on verified sentence “${short(a.sentence.item.excerpt)}” (${a.sentence.item.how})`);
  }
  for (const f of r.unannotated) console.log(`  OTHER ${f.severity} ${f.rule} @${f.offset} “${short(f.excerpt)}” — ${f.message}`);
}

const s = summarize(results);
console.log("\n== totals");
console.log(`recall (real errors):   ${s.real.found}/${s.real.annotated} = ${pct(ratio(s.real.found, s.real.annotated))}`);
console.log(`recall (seeded errors): ${s.seeded.found}/${s.seeded.annotated} = ${pct(ratio(s.seeded.found, s.seeded.annotated))}`);
console.log(`precision (warning+error findings on annotated errors): ${s.onErrors}/${s.reported} = ${pct(ratio(s.onErrors, s.reported))}`);
console.log(`false alarms on ${s.verified} verified-correct sentences: ${s.falseErrors} error, ${s.falseWarnings} warning`);
console.log(`warning/error findings on unannotated text: ${s.unannotated}`);
