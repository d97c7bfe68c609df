/** Sample workbooks bundled with the demo (copied by webpack to dist/fixtures/<name>.xlsx). */
export const DEFAULT_FIXTURE = "beijing-xicheng-2023";

export const FIXTURES: readonly { name: string; label: string }[] = [
  { name: "beijing-xicheng-2023", label: "北京西城区 2023 部门决算" },
  { name: "beijing-xicheng-2022", label: "北京西城区 2022 部门决算（上年）" },
  { name: "beijing-12-tables-2023", label: "北京 12 张表 2023" },
  { name: "shanghai-district-2024", label: "上海区级部门 2024" },
  { name: "central-ministry-2023", label: "中央部门 2023" },
  { name: "guangdong-zhanjiang-2021", label: "广东湛江 2021" },
  { name: "messy-sheets-2023", label: "不规整的工作表 2023" },
  { name: "stacked-2023", label: "一张工作表多张表 2023" },
  { name: "self-eval-project-2024", label: "项目支出绩效自评表 2024" },
  { name: "self-eval-sichuan-2023", label: "四川绩效自评表 2023" },
  { name: "self-eval-department-guizhou-2021", label: "贵州部门整体绩效自评 2021" },
  { name: "self-eval-department-chongqing-2021", label: "重庆部门整体绩效自评 2021" },
  { name: "broken-t1-total", label: "有错：总表本年收入合计不符" },
  { name: "broken-cross-t1-t3", label: "有错：总表与支出决算表不一致" },
  { name: "broken-t2-section", label: "有错：收入决算表款级小计" },
  { name: "broken-t3-rowsum", label: "有错：支出决算表行合计" },
  { name: "broken-t4-fund-balance", label: "有错：财政拨款结转和结余" },
  { name: "broken-t6-personnel", label: "有错：人员经费合计" },
  { name: "broken-t7-subtotal", label: "有错：“三公”经费小计" },
  { name: "broken-t8-balance", label: "有错：政府性基金结转和结余" },
  { name: "broken-eval-total", label: "有错：绩效自评总分" },
  { name: "broken-eval-rate", label: "有错：绩效自评执行率" },
  { name: "broken-eval-score-over-weight", label: "有错：得分超过分值" },
  { name: "package-gaps-2023", label: "缺表：没有支出决算表、“三公”表无数据" },
  { name: "merged-body-2023", label: "无法读取：表体被合并单元格覆盖" },
  { name: "self-eval-department-totals-2023", label: "部门整体绩效自评（合计、总分、等级行）2023" },
];

/** Fixture names are file names we serve ourselves: letters, digits and dashes only. */
export function isFixtureName(name: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9-]{0,80}$/.test(name);
}
