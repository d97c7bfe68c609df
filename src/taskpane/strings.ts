/**
 * Every zh-CN text the task pane shows, in one place (wording reviews and a future translation
 * touch only this file). Functions build the texts that carry numbers or names.
 */
import { KIND_TITLES } from "../domain/kinds";
import type { Severity } from "../domain/findings";
import type { MoneyUnit } from "../domain/model";

const SEVERITY: Record<Severity, string> = { error: "错误", warning: "警告", info: "提示" };

export const S = {
  appTitle: "决算助手",
  notInExcel: "决算助手需要在 Excel 中打开（插入 → 加载项）。没有 Excel 时，可打开同一目录下的 demo.html 体验浏览器演示版。",
  officeUnavailable: {
    title: "无法加载 Office 组件，决算助手暂时不能使用",
    body:
      "决算助手要从微软网站（appsforoffice.microsoft.com）加载 Excel 的接口脚本 office.js，但没有加载成功。" +
      "单位内网屏蔽外网、网络中断或代理设置都可能造成这种情况。决算助手本身不向任何网站发送工作簿内容。",
    steps: [
      "请单位信息部门在防火墙或代理中放行 https://appsforoffice.microsoft.com 和 https://ajax.aspnetcdn.com（只用于加载 Office 的脚本）。",
      "放行后关闭此窗格，再从“开始”选项卡重新打开“决算助手”。",
      "急用时：可在能上网的电脑上使用；或不用 Excel，打开同一网址下的 demo.html（浏览器演示版），或用 juesuan 命令检查 .xlsx 文件。",
    ],
  },
  tabs: { check: "检查", narrative: "说明", settings: "设置" },

  check: {
    run: "检查",
    rerun: "重新检查",
    running: "正在检查…",
    reading: (done: number, total: number) => `正在读取工作表 ${done}/${total}`,
    recomputing: "正在复核…",
    marking: "正在标记单元格…",
    clearMarks: "清除标记",
    marksCleared: "已清除决算助手的全部标记，原有格式已恢复。",
    autoRecheck: "自动复查",
    autoRecheckHint: "修改表格后稍候自动重新检查（检查越快，等得越短）",
    idleHint: "点击“检查”，识别工作簿中的决算公开表和绩效自评表，复核每一个合计与表间关系。",
    emptyTitle: "未识别到标准决算公开表",
    emptyBody:
      "未识别到标准决算公开表。请确认工作表包含表名，如“收入支出决算总表”“一般公共预算财政拨款支出决算表”“项目支出绩效自评表”，" +
      "表名下方有“单位：万元”或“单位：元”，表头与公开模板一致；然后再点“检查”。",
    errorTitle: "检查失败",
    retry: "重试",
    staleTitle: "表格已修改，结果可能已过期",
    staleSettings: "设置已更改，结果可能已过期",
    staleAutoPending: "将自动重新检查…",
    marksFailed: (message: string) => `检查已完成，但未能在单元格上做标记：${message}`,
    protectedTitle: "部分工作表受保护",
    protectedBody: (sheets: readonly string[]) =>
      `工作表 ${sheets.map((s) => `“${s}”`).join("、")} 受保护，未做标记。问题仍列在下方；如需在表上标记，请先撤销工作表保护。`,
    limitationsTitle: "当前 Excel 版本功能受限",
    marksWarningTitle: "标记说明",
    explanations: {
      notes: "说明已写入单元格批注（注释）。",
      comments: "此版本 Excel 不支持注释，说明已改写为批注。",
      "pane-only": "说明仅显示在本窗格中。",
    } as Record<"notes" | "comments" | "pane-only", string>,
    marked: (n: number) => `已标记 ${n} 个单元格`,
    tablesHeading: (n: number) => `识别到 ${n} 张表`,
    tablesToggle: (n: number, unrecognized: number, open: boolean) =>
      `识别到 ${n} 张表${unrecognized > 0 ? `，另有 ${unrecognized} 张工作表未检查` : ""}（${open ? "点击收起" : "点击展开"}）`,
    unrecognizedHeading: (n: number) => `另有 ${n} 张工作表不是标准决算表，未检查`,
    unrecognizedHint: "封面、目录、说明文字等工作表不参与复核，属正常。若其中有应当检查的表，请核对它的表名和表头是否与公开模板一致。",
    keptTitle: "部分标记未能清除",
    keptBody: (cells: readonly string[]) =>
      `${cells.length} 个单元格仍保留标记（所在工作表已受保护）：${cells.slice(0, 10).join("、")}${cells.length > 10 ? " 等" : ""}。撤销工作表保护后点“重试”。`,
    cellRules: (n: number) => `此格有 ${n} 处问题`,
    tableColumns: { sheet: "工作表", kind: "表", unit: "单位", year: "年度", range: "区域" },
    unknown: "—",
    settingsUsed: "本次检查设置：",
    noFindings: "未发现问题：所有复核的合计与表间关系一致。",
    noFindingsInFilter: "当前筛选下没有问题。",
    filterLabel: "按级别筛选",
  },

  severity: SEVERITY,
  severityCount: (severity: Severity, n: number) => `${SEVERITY[severity]} ${n}`,

  finding: {
    rule: "规则",
    location: "位置",
    expected: "应为",
    actual: "实为",
    difference: "差额",
    tolerance: "容差",
    settings: "设置",
    workbookGroup: "整个工作簿",
    goTo: (where: string) => `定位到 ${where}`,
    selectFailed: (message: string) => `无法定位单元格：${message}`,
  },

  narrative: {
    generate: "生成说明",
    regenerate: "重新生成",
    generating: "正在生成…",
    style: "格式",
    styles: { beijing: "北京", shanghai: "上海" },
    percentDecimals: "百分比小数位",
    previousWorkbook: "上年工作簿（可选）",
    previousHint: "选择上年的决算公开 .xlsx，用于填写上年数和增减变化；不选则留【待填：上年数】。",
    previousLoaded: (name: string, n: number) => `已读取上年工作簿“${name}”，识别到 ${n} 张表`,
    previousNone: (name: string) => `上年工作簿“${name}”中未识别到决算公开表`,
    previousFailed: (message: string) => `无法读取上年工作簿：${message}`,
    previousClear: "不用上年工作簿",
    noTables: "本工作簿未识别到决算公开表，无法生成说明。请先在“检查”页确认表名与表头。",
    empty: "没有可生成的段落。",
    failed: (message: string) => `生成失败：${message}`,
    placeholderCount: (n: number) => `有 ${n} 处待填内容（黄色标出），请补充后再发布。`,
    numberTooltipSources: "来源：",
    numberTooltipFormula: "计算：",
    copy: "复制",
    copied: "已复制到剪贴板",
    copyFallback: "无法直接写入剪贴板。文字已选中，请按 Ctrl+C（Mac 为 ⌘C）复制。",
    insertSheet: "插入到新工作表",
    insertedSheet: (name: string) => `已写入工作表“${name}”`,
    replaceTitle: "替换上次插入的说明？",
    replaceBody: (sheet: string) =>
      `工作表“${sheet}”是决算助手上次插入的说明。可以用新生成的说明替换它（其中的内容会被清空，包括您在其中做的修改），或另建一张新工作表。`,
    replaceOwn: (sheet: string) => `替换“${sheet}”`,
    insertNew: "另建新工作表",
    insertFailed: (message: string) => `写入工作表失败：${message}`,
    sheetName: "决算说明",
    exportDocx: "导出 Word (.docx)",
    initialBudgets: "填写年初预算数（公开表中没有，可选）",
    initialBudgetsHint: "按支出功能分类“项”填写年初预算数（万元或表中的金额单位）。不填的项在说明中保留【待填：年初预算数】，不会猜测。",
    initialBudgetTotal: "一般公共预算财政拨款支出年初预算（合计）",
    exportFailed: (message: string) => `导出失败：${message}`,
    docxFileName: "决算说明.docx",
    template: "模板",
    templateAuto: "自动（按识别到的版式）",
    templates: { "shanghai-2024": "上海", "beijing-2023": "北京", "central-2023": "中央（财政部）" } as Record<string, string>,
    templateUsed: (name: string, reason: string) => `使用模板：${name}（${reason}）`,
    thousands: "万元金额加千分位（1,234.56）",
    thousandsHint: "默认按所选地区已公开说明的写法；元为单位的文件按表中写法加千分位。",
    factsHeading: (missing: number) => (missing === 0 ? "补充信息（已齐全）" : `补充信息（尚缺 ${missing} 项）`),
    factsHint: "表格中没有的信息在此填写一次，保存在本工作簿的设置中（随文件保存，不写入任何工作表），下次打开仍在。",
    factsSave: "保存并更新说明",
    factsSaved: (n: number) => `已保存 ${n} 项补充信息`,
    factsSessionOnly: "此环境不能把补充信息保存到工作簿，关闭后需重新填写。",
    factsLoadFailed: (message: string) => `读取已保存的补充信息失败：${message}`,
    warningsHeading: "请先处理：",
  },

  proofread: {
    heading: "校对说明",
    hint: "粘贴一份决算说明，核对其中的金额、增减、百分比与表格是否一致，以及用语是否规范。",
    textLabel: "说明文字",
    run: "校对",
    clear: "清空",
    noTablesNote: "尚未检查工作簿：只核对说明内部的计算与用语，不与表格对照。",
    none: "未发现问题。",
    count: (n: number) => `发现 ${n} 处问题`,
    suggestion: "建议改为",
    copySuggestion: "复制",
    failed: (message: string) => `校对失败：${message}`,
    textPreview: "标出问题的原文",
    fromFile: "打开 .txt / .docx",
    fileFailed: (message: string) => `无法读取该文件：${message}`,
    fromSheet: "从工作表读取",
    fromSheetLabel: "说明所在的工作表",
    noTextSheet: "工作簿中没有找到成段的说明文字。请把说明粘贴到上面的文本框。",
    readFailed: (message: string) => `读取工作表失败：${message}`,
    replaceInCell: (address: string) => `替换到单元格 ${address}`,
    replaced: (sheet: string, address: string) => `已改写 ${sheet}!${address}（仅此单元格，是您点击的修改）。`,
    replaceFailed: (message: string) => `改写失败：${message}`,
    paragraph: (n: number, lead: string, count: number) => `第 ${n} 段（${count} 处）：${lead}`,
    dependents: (list: string) => `以下语句用到了这里的数字，未单独核对，请在此处改正后重新校对：${list}`,
  },

  settings: {
    heading: "检查设置",
    saved: "设置已保存在本机，下次打开仍然有效。",
    notSaved: "此环境不允许保存设置，关闭后将恢复默认。",
    tolerance: "容差策略",
    toleranceEnvelope: "舍位容差：差额不超过 0.005×(加数个数+1) 视为舍位差异（提示）",
    toleranceStrict: "严格：显示值有任何差额即为错误",
    toleranceFixed: "固定金额：差额不超过下列金额视为舍位差异",
    fixedAmount: "容差金额（按表的金额单位）",
    fixedAmountInvalid: "请输入不小于 0 的数字，如 0.01",
    percentDecimals: "百分比小数位（执行率、占比）",
    reverseFormula: "反向指标得分公式",
    reversePmkpi: "1 − (实际值 − 目标值) ÷ 目标值（达到目标值 2 倍得 0 分）",
    reverseRatio: "目标值 ÷ 实际值",
    scoreDecimals: "绩效得分小数位",
    reset: "恢复默认",
  },

  describeSettings: {
    envelope: "容差=舍位容差",
    strict: "容差=严格",
    fixed: (amount: string) => `容差=固定 ${amount}`,
    percentDecimals: (n: number) => `百分比小数位=${n}`,
    reverse: (formula: string) => `反向指标=${formula === "ratio" ? "目标值÷实际值" : "超出目标按比例扣分"}`,
    scoreDecimals: (n: number) => `绩效得分小数位=${n}`,
  },

  units: { 元: "元", 万元: "万元" } as Record<MoneyUnit, string>,
  year: (y: number) => `${y} 年`,

  /** table kinds by their canonical names (one list, in the domain vocabulary) */
  kinds: KIND_TITLES,

  errors: {
    unknown: "未知错误",
  },

  /** a part of the pane fetched on first use did not arrive (the add-in's server unreachable) */
  lazy: {
    loading: "正在载入…",
    failedTitle: "这部分功能未能载入",
    failedBody:
      "决算助手的部分程序文件在用到时才载入（来自部署它的单位内网服务器或本机的加载项目录），这次没有载入成功，可能是网络中断或服务器暂时不可用。" +
      "请确认网络连通后点“重试”；仍不行时请关闭并重新打开窗格，或联系单位信息部门。",
    retry: "重试",
    engineFailed:
      "检查程序未能从决算助手的服务器载入（网络中断或服务器暂时不可用）。请确认网络连通后点“重试”；仍不行时请关闭并重新打开窗格。",
  },

  files: {
    choose: "选择文件…",
    noneChosen: "未选择文件",
  },
};

/** A thrown value as a message for the pane. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === "string" && error) return error;
  return S.errors.unknown;
}
