/** 八、政府性基金 and 九、国有资本经营: the same sentences over T8 / T9 (T4's fund columns when absent). */
import type { Figure, ParagraphBuilder } from "../builder";
import type { NarrativeContext } from "../context";
import { isZero } from "../source";
import { writeMissingTable, writeNothing, writeYearPrefix } from "../sentences";
import type { ColumnKey, RowKey } from "../../layouts/keys";
import { writeLeafItems } from "./general-budget";

export interface FundSpec {
  kind: "government-fund" | "state-capital";
  /** T4 column and income row of the fund */
  fiscalKey: RowKey<"fiscal-summary"> & ColumnKey<"fiscal-summary">;
  /** "政府性基金预算财政拨款" */
  name: string;
  tableTitle: string;
}

export function writeFund(ctx: NarrativeContext, spec: FundSpec): ParagraphBuilder[] {
  const u = ctx.unit;
  const table = ctx.current.find(spec.kind);
  let income: Figure | undefined;
  let spending: Figure | undefined;
  let incomePrinted = true;
  if (table) {
    income = ctx.current.figure(table, "total", "income");
    spending = ctx.current.figure(table, "total", "total");
    incomePrinted = table.columns.some((c) => c.key === ("income" satisfies ColumnKey<typeof table.kind>));
    if (table.empty || (isZero(income) && isZero(spending))) {
      return [writeNothing(ctx.paragraph(), ctx, `${spec.name}${incomePrinted ? "收入和支出" : "支出"}`)];
    }
  } else {
    const t4 = ctx.current.find("fiscal-summary");
    if (!t4) return [writeMissingTable(ctx.paragraph(), spec.tableTitle)];
    income = ctx.current.figure(t4, spec.fiscalKey, "amount", "income");
    spending = ctx.current.figure(t4, "total-this-year", spec.fiscalKey, "expenditure");
    if (isZero(income) && isZero(spending)) return [writeNothing(ctx.paragraph(), ctx, `${spec.name}收入和支出`)];
  }
  const b = ctx.paragraph();
  writeYearPrefix(b, ctx, ctx.options.style === "shanghai").add(spec.name);
  const clauses: [string, Figure | undefined][] = [
    ["收入", incomePrinted ? income : undefined],
    ["支出", spending],
  ];
  clauses
    .filter((c): c is [string, Figure] => c[1] !== undefined)
    .forEach(([label, figure], i) => {
      if (i > 0) b.add("，");
      b.add(label).amount(figure).add(u);
    });
  const items = table ? writeLeafItems(ctx, table, "total", spec.kind === "government-fund" ? "fund-" : "capital-") : [];
  b.add(items.length > 0 ? "，支出具体情况如下：" : "。");
  return [b, ...items];
}
