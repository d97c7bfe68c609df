/** 九、国有资本经营预算财政拨款支出决算情况说明. */
import { KIND_TITLES } from "../../kinds";
import { writeFund } from "./fund";
import type { SectionTemplate } from "./section";

export const stateCapital: SectionTemplate = {
  id: "state-capital",
  title: "国有资本经营预算财政拨款支出决算情况说明",
  write: (ctx) =>
    writeFund(ctx, {
      kind: "state-capital",
      fiscalKey: "state-capital",
      name: "国有资本经营预算财政拨款",
      tableTitle: KIND_TITLES["state-capital"],
    }),
};
