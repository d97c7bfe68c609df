/**
 * The rule reference (docs/rules.md), rendered from the rules' own declarations so it cannot drift
 * from the code: scripts/gen-rules-doc.ts writes it, test/rules/reference.test.ts checks it is current.
 */
import { KIND_TITLES } from "../kinds";
import type { Severity } from "../findings";
import type { TableKind } from "../model";
import { NARR_RULES } from "../proofread/rules";
import { EVALUATION_RULES } from "./evaluation";
import { IDENTITIES, type Identity, type Term } from "./identities/catalogue";
import type { RuleMeta } from "./rule";
import { STRUCTURAL_RULES } from "./structural";

const SEVERITY_NAMES: Record<Severity, string> = { error: "错误", warning: "警告", info: "提示" };

const FORM_NAMES: Record<string, string> = { "finance-2020-10": "财预〔2020〕10号附1", sichuan: "四川", guizhou: "贵州", chongqing: "重庆", generic: "其他" };

/** The tables an identity reads: its own, and every other one a term or a by-code match names. */
function identityReads(identity: Identity): TableKind[] {
  const kinds = new Set<TableKind>([identity.kind]);
  const terms: Term[] = identity.form === "sum" ? [identity.left, ...identity.right, ...(identity.alternative ?? [])] : [];
  for (const t of terms) if (t.table) kinds.add(t.table);
  if (identity.form === "by-code") kinds.add(identity.other);
  return [...kinds];
}

/** One entry per id and statement: identities declared once per column or fund share both. */
function identityEntries(): RuleMeta[] {
  const byKey = new Map<string, RuleMeta>();
  for (const i of IDENTITIES) {
    const key = `${i.id}\u0000${i.statement}`;
    const seen = byKey.get(key);
    if (seen) byKey.set(key, { ...seen, reads: [...new Set([...seen.reads, ...identityReads(i)])] });
    else byKey.set(key, { id: i.id, statement: i.statement, severity: i.severity, reads: identityReads(i) });
  }
  return [...byKey.values()];
}

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");

function table(rules: readonly RuleMeta[], extra?: (r: RuleMeta) => string): string[] {
  const head = extra ? "| 编号 | 规则 | 级别 | 读取的表 | 适用 |" : "| 编号 | 规则 | 级别 | 读取的表 |";
  const rule = extra ? "|---|---|---|---|---|" : "|---|---|---|---|";
  return [
    head,
    rule,
    ...rules.map((r) => {
      const cols = [r.id, cell(r.statement), SEVERITY_NAMES[r.severity], r.reads.map((k) => KIND_TITLES[k]).join("、")];
      if (extra) cols.push(extra(r));
      return `| ${cols.join(" | ")} |`;
    }),
  ];
}

function narrTable(): string[] {
  return [
    "| 编号 | 规则 | 最高级别 | 何时为何级别 | 读取 |",
    "|---|---|---|---|---|",
    ...NARR_RULES.map(({ meta: r }) => {
      const reads = ["说明文字", ...(r.reads.length > 0 ? [`给出表时：${r.reads.map((k) => KIND_TITLES[k]).join("、")}`] : [])].join("；");
      return `| ${[r.id, cell(r.statement), SEVERITY_NAMES[r.severity], cell(r.policy), reads].join(" | ")} |`;
    }),
  ];
}

export function renderRuleReference(): string {
  const forms = new Map(EVALUATION_RULES.map((r) => [r.id, r.forms]));
  const lines = [
    "# 规则一览",
    "",
    "<!-- 由 scripts/gen-rules-doc.ts 根据各规则模块中的声明生成（npm run docs:rules），请勿手改；test/rules/reference.test.ts 检查它是最新的。 -->",
    "",
    "每条规则在代码中只声明一次，连同编号、表述、级别和读取的表。“级别”是超出容差时的级别：差额在舍位容差以内的记为“提示”（舍位差异），",
    "个别规则的说明性结果也为“提示”。金额按显示值比较，容差策略见 README“舍位”。",
    "",
    "## 勾稽关系（src/domain/rules/identities/catalogue.ts）",
    "",
    "以“左 = 右”的数据声明，由同一个求值器（identities/engine.ts）逐表执行；同一编号按列或按资金类别声明多次时合为一行。",
    "",
    ...table(identityEntries()),
    "",
    "## 结构规则（src/domain/rules/structural/，每条一个模块）",
    "",
    ...table(STRUCTURAL_RULES),
    "",
    "## 绩效自评（src/domain/rules/evaluation/，每条一个模块）",
    "",
    ...table(EVALUATION_RULES, (r) => forms.get(r.id)?.map((f) => FORM_NAMES[f] ?? f).join("、") ?? "全部版式"),
    "",
    "## 决算说明校对（src/domain/proofread/rules/，每条一个模块）",
    "",
    "逐句读取说明文字。给出表时先与表核对：与表不符的数字是根源，不再据以重算；再按文中数字重算（合计、占比、增减、完成率、得分），",
    "最后检查文字与格式。同一处的多条结果按错误、警告、提示排列，同级按本表顺序。",
    "",
    ...narrTable(),
    "",
    "## 不在本表中的检查",
    "",
    "- READ.NUMBER、READ.SHEET、RECOGNIZE.NONE：识别时报告（src/domain/recognize/），不是勾稽规则。",
    "",
  ];
  return lines.join("\n");
}
