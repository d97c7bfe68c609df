/** zh-CN text of the demo page around the pane (the pane's own text is in src/taskpane/strings.ts). */
export const D = {
  title: "决算助手 · 浏览器演示",
  subtitle: "无需 Excel：左侧是工作簿，右侧是加载项的任务窗格。双击单元格可修改，体验自动复查。",
  sample: "示例工作簿",
  openFile: "打开 .xlsx",
  loading: (name: string) => `正在读取 ${name}…`,
  loadFailed: (name: string, message: string) => `无法打开 ${name}：${message}`,
  fixtureMissing: (name: string, status: number) => `示例文件 ${name}.xlsx 不存在（HTTP ${status}）。请先运行 npm run fixtures 并重新构建。`,
  badFixtureName: (name: string) => `示例名称无效：${name}`,
  customFile: (name: string) => `本机文件：${name}`,
  noSheets: "工作簿中没有工作表。",
  truncated: (rows: number, cols: number) => `只显示前 ${rows} 行、${cols} 列。`,
  hiddenSheet: "（隐藏）",
  protectedSheet: "（受保护）",
  editHint: "双击单元格修改，回车确认，Esc 取消",
  editFailed: (message: string) => `无法修改：${message}`,
};
