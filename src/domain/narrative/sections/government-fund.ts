/** 八、政府性基金预算财政拨款收入支出决算情况说明. */
import { KIND_TITLES } from "../../kinds";
import { writeFund } from "./fund";
import type { SectionTemplate } from "./section";

export const governmentFund: SectionTemplate = {
  id: "government-fund",
  title: "政府性基金预算财政拨款收入支出决算情况说明",
  write: (ctx) =>
    writeFund(ctx, {
      kind: "government-fund",
      fiscalKey: "government-fund",
      name: "政府性基金预算财政拨款",
      tableTitle: KIND_TITLES["government-fund"],
    }),
};
