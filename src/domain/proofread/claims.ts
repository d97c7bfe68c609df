/**
 * Claims: every amount, percentage and score the 说明 states, with what it is about (indicator),
 * what it measures (决算/年初预算/上年/增减额/增减率/占比/完成率/得分) and how sure the binding is.
 */
import { Decimal } from "../decimal";
import { AMOUNT_VERBS, RATE_VERBS, type Direction } from "../format";
import { toHalfWidth } from "../text";
import type { Clause, Paragraph, Sentence, TextDocument } from "./document";
import { codeChain, lastIndicator } from "./vocabulary";

type ClaimUnit = "万元" | "元" | "亿元" | "%" | "分";

export type Measure =
  | "actual" // 决算数 / the amount itself
  | "budget" // 年初预算 / 预算数
  | "previous" // 上年数
  | "change" // 增减额
  | "rate" // 增减率
  | "share" // 占比
  | "completion" // 完成预算的 / 执行率
  | "score" // 得分
  | "weight" // 分值 / 权重
  | "percent"; // a percentage not computed from amounts (满意度90%以上 …)

/** How the indicator was found: in the words right before the number, or inherited from context. */
type Binding = "explicit" | "heading" | "sentence" | "paragraph" | "none";

export interface Claim {
  /** index in the document's claim list */
  id: number;
  /** the number as printed, without its unit ("4.7", "3.79") */
  printed: string;
  value: Decimal;
  decimals: number;
  unit: ClaimUnit;
  /** offsets of the number (without unit) and of number+unit */
  start: number;
  end: number;
  unitEnd: number;
  measure: Measure;
  /** amount/rate verb direction; "ambiguous" for residue such as 增加（减少） */
  direction?: Exclude<Direction, "flat"> | "ambiguous";
  /** the verb as written (增加, 下降, 增加（减少）…) */
  verb?: string;
  /** what a change is measured against */
  base?: "previous" | "budget";
  /** denominator phrase of a share ("收入合计", "" for a bare 占) */
  denominator?: string;
  indicator?: string;
  indicatorName?: string;
  /** names of 类/款/项 when the indicator is a code chain */
  chain?: string[];
  binding: Binding;
  clause: Clause;
  sentence: Sentence;
  paragraph: Paragraph;
  /** the words between the previous number of the clause (or its start) and this number */
  segment: string;
  /** a threshold or a range bound, not a stated figure ("100万元以上", "80%-60%") */
  bound: boolean;
}

const NUMBER = /(?<![\d.．,])([-－−]?)(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)/g;
const UNIT = /^\s*(万元|亿元|元|%|％|分(?![钟配为别值析布类工期担摊数享解开散级项档制]))/;
const VERB_RESIDUE = /(增加[（(]减少[）)]|减少[（(]增加[）)]|增长[（(]下降[）)]|下降[（(]增长[）)]|增加\/减少|增长\/下降|增加减少|减少增加|增长下降|上升[（(]下降[）)]|上升\/下降|上升下降)$/;
const VERB = /(增加|减少|增长|下降|上升|降低|提高)了?$/;
const WEIGHT_CONTEXT = /权重|分值|满分|标准分|设置为|均为|均按|按\d+分|评分(?:与|均)/;

function measureOf(unit: ClaimUnit, segment: string, sentenceBefore: string): Pick<Claim, "measure" | "direction" | "verb" | "base" | "denominator"> {
  const s = segment.replace(/\s+/g, "");
  if (unit === "分") return { measure: WEIGHT_CONTEXT.test(sentenceBefore + s) ? "weight" : "score" };
  const residue = VERB_RESIDUE.exec(s);
  const verb = residue ? undefined : VERB.exec(s);
  if (unit === "%") {
    const share = /占([^，；。占]*)$/.exec(s);
    if (share) return { measure: "share", denominator: share[1].replace(/(?:的|比重|比例|为|达到|达)+$/g, "").replace(/的$/, "") };
    if (/完成(?:年初|全年|调整后)?预算(?:数)?的?$/.test(s) || /执行率(?:为|达到|达|是)?$/.test(s)) return { measure: "completion" };
    if (residue) return { measure: "rate", direction: "ambiguous", verb: residue[1] };
    if (verb && RATE_VERBS[verb[1]]) return { measure: "rate", direction: RATE_VERBS[verb[1]].direction, verb: verb[1] };
    return { measure: "percent" };
  }
  if (residue || verb) {
    const compares = [...sentenceBefore.matchAll(/比|较|与(?=上年|\d{4}年)/g)];
    const lastCompare = compares.length > 0 ? compares[compares.length - 1].index! : -1;
    const compared = lastCompare >= 0 ? sentenceBefore.slice(lastCompare) : s;
    const base = /预算/.test(compared) && !/上年|同期/.test(compared) ? "budget" : "previous";
    if (residue) return { measure: "change", direction: "ambiguous", verb: residue[1], base };
    return { measure: "change", direction: AMOUNT_VERBS[verb![1]], verb: verb![1], base };
  }
  // "一般公共预算4352.47万元" names a fund, not a budget figure
  if (/(?<!一般公共|政府性基金|国有资本经营)(?:预算|预算数)(?:为|是)?$/.test(s)) return { measure: "budget" };
  if (/(?:上年|上年度|同期)(?:决算)?(?:数)?(?:为|是)?$/.test(s) || /比(?:上年|\d{4}年度?)(?:决算数?)?(?:为)?$/.test(s)) return { measure: "previous" };
  return { measure: "actual" };
}

/** A short first sentence naming the item, as in "1.因公出国（境）费用。" */
function headingIndicator(paragraph: Paragraph, masked: string): ReturnType<typeof lastIndicator> {
  const first = paragraph.sentences[0];
  if (!first || first.end - first.start > 30) return undefined;
  const text = masked.slice(first.start, first.end);
  if (/\d+(?:\.\d+)?\s*(?:万元|元|%)/.test(text)) return undefined;
  return lastIndicator(text);
}

export function extractClaims(doc: TextDocument): Claim[] {
  const claims: Claim[] = [];
  const masked = doc.masked;
  for (const paragraph of doc.paragraphs) {
    if (paragraph.heading) continue;
    const heading = headingIndicator(paragraph, masked);
    for (const sentence of paragraph.sentences) {
      for (const clause of sentence.clauses) {
        const text = masked.slice(clause.start, clause.end);
        let segmentStart = 0;
        NUMBER.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = NUMBER.exec(text))) {
          const numberStart = m.index;
          const numberEnd = m.index + m[0].length;
          const after = text.slice(numberEnd);
          const unitMatch = UNIT.exec(after);
          if (!unitMatch) continue;
          const segment = text.slice(segmentStart, numberStart);
          segmentStart = numberEnd + unitMatch[0].length;
          const unit = (unitMatch[1] === "％" ? "%" : unitMatch[1]) as ClaimUnit;
          const rest = after.slice(unitMatch[0].length);
          const bound =
            /^\s*(?:以上|以下|以内|左右|（含）|\(含\)|上下|-|—|－|～|~|至)/.test(rest) ||
            /(?:-|—|－|～|~|至|含|超过|不足|低于|高于|不低于|不高于|≥|≤|>|<)\s*$/.test(segment);
          const numberText = toHalfWidth(m[2]).replace(/,/g, "");
          const negative = m[1] !== "";
          const value = new Decimal(negative ? `-${numberText}` : numberText);
          const dot = numberText.indexOf(".");
          const decimals = dot >= 0 ? numberText.length - dot - 1 : 0;
          const sentenceBefore = masked.slice(sentence.start, clause.start + numberStart);
          const measure = measureOf(unit, segment, sentenceBefore);
          const claim: Claim = {
            id: claims.length,
            printed: m[0],
            value,
            decimals,
            unit,
            start: clause.start + numberStart,
            end: clause.start + numberEnd,
            unitEnd: clause.start + numberEnd + unitMatch[0].length,
            ...measure,
            binding: "none",
            clause,
            sentence,
            paragraph,
            segment,
            bound,
          };
          bindIndicator(claim, masked, heading);
          claims.push(claim);
        }
      }
    }
  }
  return claims;
}

function bindIndicator(claim: Claim, masked: string, heading: ReturnType<typeof lastIndicator>): void {
  const chainHere = codeChain(claim.segment);
  if (chainHere) {
    claim.indicator = `chain:${chainHere.names.join("/")}`;
    claim.chain = chainHere.names;
    claim.binding = "explicit";
    return;
  }
  const here = lastIndicator(claim.segment);
  if (here) {
    claim.indicator = here.key;
    claim.indicatorName = here.name;
    claim.binding = "explicit";
    return;
  }
  if (claim.measure === "change" || claim.measure === "rate" || claim.measure === "share") return;
  // "收入885.15万元，支出930.40万元": a bare 支出 (收入) right before the number names the other side of the
  // account, so the 收入 (支出) indicator said earlier is not inherited; the figure is left unchecked.
  const otherSide = (name: string | undefined) => !!name && oppositeSide(claim.segment, name);
  const sentenceBefore = masked.slice(claim.sentence.start, claim.start);
  const inSentence = lastIndicator(sentenceBefore);
  if (inSentence && otherSide(inSentence.name)) return;
  if (inSentence) {
    claim.indicator = inSentence.key;
    claim.indicatorName = inSentence.name;
    claim.binding = "sentence";
    return;
  }
  const paragraphBefore = masked.slice(claim.paragraph.start, claim.start);
  const chain = codeChain(paragraphBefore);
  if (chain) {
    claim.indicator = `chain:${chain.names.join("/")}`;
    claim.chain = chain.names;
    claim.binding = "heading";
    return;
  }
  if (heading && otherSide(heading.name)) return;
  if (heading) {
    claim.indicator = heading.key;
    claim.indicatorName = heading.name;
    claim.binding = "heading";
    return;
  }
  const inParagraph = lastIndicator(paragraphBefore);
  if (inParagraph && !otherSide(inParagraph.name)) {
    claim.indicator = inParagraph.key;
    claim.indicatorName = inParagraph.name;
    claim.binding = "paragraph";
  }
}

/** The words before a number say 支出 where the inherited indicator is a 收入 (or the other way round). */
function oppositeSide(segment: string, inheritedName: string): boolean {
  const says = (word: string) => segment.includes(word);
  const names = (word: string) => inheritedName.includes(word);
  return (says("支出") && !says("收入") && names("收入") && !names("支出")) || (says("收入") && !says("支出") && names("支出") && !names("收入"));
}

const MONEY_UNITS: readonly ClaimUnit[] = ["万元", "元", "亿元"];

export function isMoney(c: Claim): boolean {
  return MONEY_UNITS.includes(c.unit);
}

/** Value in 万元 (the unit the tables and most 说明 use); other money units converted exactly. */
export function inWan(c: Claim): Decimal {
  if (c.unit === "元") return c.value.div(10000);
  if (c.unit === "亿元") return c.value.times(10000);
  return c.value;
}
