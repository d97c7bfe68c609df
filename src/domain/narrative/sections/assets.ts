/** 国有资产占有使用情况 (§7.10(三)): vehicles by kind and large equipment, as facts. */
import { writeCount } from "../context";
import type { SectionTemplate } from "./section";

const KINDS: readonly [string, string][] = [
  ["ministerialVehicles", "部级领导干部用车"],
  ["leaderVehicles", "主要领导干部用车"],
  ["confidentialVehicles", "机要通信用车"],
  ["emergencyVehicles", "应急保障用车"],
  ["lawEnforcementVehicles", "执法执勤用车"],
  ["specialVehicles", "特种专业技术用车"],
  ["retireeVehicles", "离退休干部用车"],
  ["otherVehicles", "其他用车"],
];

export const assets: SectionTemplate = {
  id: "assets",
  title: "国有资产占有使用情况",
  write(ctx) {
    const b = ctx.paragraph();
    b.add("截至");
    if (ctx.year !== null) b.number(String(ctx.year), ctx.yearSources, "表头年度");
    else b.add("本年度");
    b.add("年").number("12月31日", [], "决算年度的年末").add(`，${ctx.unitName ?? "本部门"}共有车辆`);
    writeCount(b, ctx, "assets.vehicles").add("辆，其中：");
    KINDS.forEach(([key, label], i) => {
      if (i > 0) b.add("、");
      b.add(label);
      writeCount(b, ctx, `assets.${key}`).add("辆");
    });
    b.add("。单价").number("100", [], "模板规定的口径：单价100万元（含）以上").add("万元（含）以上设备（不含车辆）");
    writeCount(b, ctx, "assets.equipment").add("台（套）。");
    return [b];
  },
};
