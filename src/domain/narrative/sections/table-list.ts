/** 部门决算表: the tables published with the 说明, in the template's order, marking those recognized. */
import { KIND_TITLES } from "../../kinds";
import type { TableKind } from "../../model";
import type { SectionTemplate } from "./section";

const CORE: readonly TableKind[] = [
  "income-expenditure-summary",
  "income",
  "expenditure",
  "fiscal-summary",
  "general-budget-expenditure",
  "general-budget-basic-expenditure",
  "three-public-expenses",
  "government-fund",
  "state-capital",
];

export const tableList: SectionTemplate = {
  id: "table-list",
  title: "部门决算表",
  write(ctx) {
    const b = ctx.paragraph();
    // the core tables in the template's order, then the region's additional tables as recognized
    const extra = ctx.current.tables
      .map((t) => t.kind)
      .filter((k, i, all) => !CORE.includes(k) && k !== "other" && k !== "project-self-evaluation" && k !== "department-self-evaluation" && all.indexOf(k) === i);
    const present = [...CORE.filter((k) => ctx.current.find(k)), ...extra];
    b.add("本部分为部门决算公开表（见附表），共");
    b.number(String(present.length), present.map((k) => ctx.current.find(k)!.id), "识别到的标准决算表张数").add("张：");
    b.add(present.map((k) => KIND_TITLES[k]).join("、"));
    b.add("。");
    return [b];
  },
};
