/**
 * NARR.LIST: the items a "主要包括：…" list names — against the tables' 经济分类 rows when given (items of
 * 0 listed, items missing, items the table lacks), and against amounts of 0 the text states elsewhere.
 */
import { CORE_TABLES } from "../../kinds";
import { isMoney, type Claim } from "../claims";
import type { TextDocument } from "../document";
import { makeFinding } from "../finding";
import { ECONOMIC_CLASSES, type TableLookup } from "../table-lookup";
import type { ProofreadFinding } from "../types";
import { INDICATOR_NAMES, normalizeItemName } from "../vocabulary";
import type { NarrRule, ProofreadContext } from "./rule";
import { listItems } from "./support";

const ZERO_CHECKED = new Set(["abroad", "reception", "vehicle", "vehicle-purchase", "vehicle-operation"]);

function checkListsAgainstText(ctx: ProofreadContext): ProofreadFinding[] {
  const out: ProofreadFinding[] = [];
  const zeroKeys = new Map<string, Claim>();
  for (const c of ctx.claims) {
    if (isMoney(c) && c.measure === "actual" && c.indicator && ZERO_CHECKED.has(c.indicator) && (c.binding === "explicit" || c.binding === "heading")) {
      if (c.value.isZero()) zeroKeys.set(c.indicator, c);
      else zeroKeys.delete(c.indicator);
    }
  }
  if (zeroKeys.size === 0) return out;
  for (const list of listItems(ctx.doc)) {
    const hits = list.items.filter((i) => {
      const entry = INDICATOR_NAMES.find((n) => normalizeItemName(n.name) === normalizeItemName(i.name));
      return entry && zeroKeys.has(entry.key);
    });
    if (hits.length === 0) continue;
    out.push(
      makeFinding(ctx.doc, {
        rule: "NARR.LIST",
        severity: "warning",
        span: { start: list.start, end: list.end + list.etc.length },
        message: `列出的${hits.map((h) => `“${h.name}”`).join("、")}在本文其他部分为0万元，请核对是否应列入。`,
        expected: null,
        actual: hits.map((h) => h.name).join("、"),
      }),
    );
  }
  return out;
}

function headScope(head: string): { group?: "personnel" | "public"; classCode?: string; label: string } | undefined {
  let best: { at: number; scope: { group?: "personnel" | "public"; classCode?: string; label: string } } | undefined;
  const consider = (name: string, scope: { group?: "personnel" | "public"; classCode?: string; label: string }): void => {
    const at = head.lastIndexOf(name);
    if (at >= 0 && (!best || at + name.length > best.at)) best = { at: at + name.length, scope };
  };
  consider("人员经费", { group: "personnel", label: "人员经费" });
  consider("公用经费", { group: "public", label: "公用经费" });
  for (const cls of ECONOMIC_CLASSES) for (const name of cls.names) consider(name, { classCode: cls.code, label: name });
  // the list must follow its head closely ("人员经费114.75万元，主要包括：")
  if (!best || head.length - best.at > 16 || /[。；]/.test(head.slice(best.at))) return undefined;
  return best.scope;
}

function checkLists(doc: TextDocument, tables: TableLookup): ProofreadFinding[] {
  const out: ProofreadFinding[] = [];
  for (const list of listItems(doc)) {
    const scope = headScope(list.head);
    if (!scope) continue;
    const rows = tables.economicItems(scope);
    if (!rows) continue;
    const byName = new Map(rows.map((r) => [normalizeItemName(r.name), r]));
    const listed = list.items.map((i) => normalizeItemName(i.name));
    const zeroListed = list.items.filter((i) => byName.get(normalizeItemName(i.name))?.zero);
    const unknown = list.items.filter((i) => !byName.has(normalizeItemName(i.name)));
    const missing = rows.filter((r) => !r.zero && !listed.includes(normalizeItemName(r.name)));
    const partialAllowed = list.etc !== "";
    if (zeroListed.length === 0 && unknown.length === 0 && (missing.length === 0 || partialAllowed)) continue;
    const problems: string[] = [];
    if (zeroListed.length > 0) problems.push(`列出了表中决算数为0的款：${zeroListed.map((i) => i.name).join("、")}`);
    if (unknown.length > 0) problems.push(`表中未见：${unknown.map((i) => i.name).join("、")}`);
    if (missing.length > 0 && !partialAllowed) problems.push(`漏列了表中不为0的款：${missing.map((r) => r.name).join("、")}`);
    const expected = rows.filter((r) => !r.zero).map((r) => r.name).join("、");
    out.push(
      makeFinding(doc, {
        rule: "NARR.LIST",
        severity: zeroListed.length > 0 ? "error" : "warning",
        span: { start: list.start, end: list.end + list.etc.length },
        message: `“${scope.label}”的列举与一般公共预算财政拨款基本支出决算表不符：${problems.join("；")}。`,
        expected,
        actual: list.items.map((i) => i.name).join("、"),
        replacements: expected ? [{ start: list.start, end: list.end, text: expected }] : undefined,
      }),
    );
  }
  return out;
}


export const LIST: NarrRule = {
  meta: {
    id: "NARR.LIST",
    statement: "“主要包括”所列的款与表一致：不列决算数为0的款，不漏列不为0的款（以“等”结尾时可不列全），不列本文其他部分为0的项目",
    severity: "error",
    policy: "列出表中为0的款：错误；漏列、表中未见、列出文中为0的项目：警告",
    reads: [CORE_TABLES.T6],
  },
  pass: "text",
  check: (ctx) => [...checkListsAgainstText(ctx), ...(ctx.tables ? checkLists(ctx.doc, ctx.tables) : [])],
};
