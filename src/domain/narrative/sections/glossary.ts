/**
 * 名词解释: the standard terms, defined in this project's own words (not copied from any published text).
 * Each template lists the terms it uses, in its order; numbering follows the template's style.
 */
import { chineseNumeral } from "../../format";
import type { SectionTemplate } from "./section";

const GLOSSARY: Readonly<Record<string, string>> = {
  财政拨款收入: "单位当年从同级财政部门取得的拨款，分为一般公共预算、政府性基金预算和国有资本经营预算三类财政拨款。",
  事业收入: "事业单位围绕其专业业务及辅助活动取得的收入。",
  经营收入: "事业单位在专业业务及辅助活动以外，从事非独立核算的经营活动所取得的收入。",
  其他收入: "财政拨款收入、事业收入、经营收入等以外，单位依规取得的其余各项收入。",
  年初结转和结余: "以往年度已安排但尚未用完、按规定结转到本年度继续使用的资金。",
  年末结转和结余: "本年度或以往年度安排的资金中，因情况变化未能按计划用完、按规定留待以后年度继续使用的部分。",
  基本支出: "为维持机构正常运转和完成日常工作而发生的人员经费和公用经费支出。",
  项目支出: "在基本支出以外，为完成特定的行政任务或事业发展目标而发生的支出。",
  经营支出: "事业单位在专业业务及辅助活动以外，开展非独立核算经营活动所发生的支出。",
  "“三公”经费":
    "单位用财政拨款安排的因公出国（境）费、公务用车购置及运行维护费和公务接待费。因公出国（境）费是因公务出国（境）发生的国际旅费、境外城市间交通费、住宿费、伙食费、培训费和公杂费等；公务用车购置及运行维护费是公务用车的购置支出，以及按规定保留的公务用车所需的燃料、维修、过路过桥、保险等支出；公务接待费是按规定开支的各类公务接待（含外宾接待）支出。",
  机关运行经费: "行政单位和参照公务员法管理的事业单位，用一般公共预算财政拨款安排的基本支出中用于日常运转的公用经费支出。",
  政府采购: "国家机关、事业单位和团体组织使用财政性资金，采购集中采购目录以内或采购限额标准以上的货物、工程和服务的行为。",
  政府购买服务: "政府把属于自身职责、适合由市场提供的服务事项，按政府采购的方式和程序交给符合条件的供应商承担，并按服务的数量和质量付费。",
};

export const glossary: SectionTemplate = {
  id: "glossary",
  title: "名词解释",
  write(ctx) {
    return ctx.template.glossary.map((term, i) => {
      const b = ctx.paragraph();
      const mark = ctx.template.region === "beijing" ? `${i + 1}.` : `${chineseNumeral(i + 1)}、`;
      return b.add(`${mark}${term}：${GLOSSARY[term] ?? ""}`);
    });
  },
};
