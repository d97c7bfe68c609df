/**
 * What recognition produces and what rules, narrative and proofreading consume.
 * The key vocabulary below is the contract between layouts (which assign keys) and
 * rules/narrative (which look them up): change a key in one place only, here.
 */
import type { Decimal } from "./decimal";
import type { RangeBox } from "./grid";

export type TableKind =
  | "income-expenditure-summary" // T1 收入支出决算总表
  | "income" // T2 收入决算表
  | "expenditure" // T3 支出决算表
  | "fiscal-summary" // T4 财政拨款收入支出决算总表
  | "general-budget-expenditure" // T5 一般公共预算财政拨款支出决算表
  | "general-budget-basic-expenditure" // T6 一般公共预算财政拨款基本支出决算(明细)表
  | "three-public-expenses" // T7 财政拨款"三公"经费支出决算表
  | "government-fund" // T8 政府性基金预算财政拨款收入支出决算表
  | "state-capital" // T9 国有资本经营预算财政拨款(收入)支出决算表
  | "project-self-evaluation" // 项目支出绩效自评表
  | "department-self-evaluation" // 部门整体支出绩效自评表
  | "government-fund-basic-expenditure" // Beijing 八 政府性基金预算财政拨款基本支出决算表
  | "government-procurement" // Beijing 政府采购情况表
  | "government-purchased-services" // Beijing 政府购买服务支出情况表
  | "project-expenditure" // Yunnan 一般公共预算财政拨款项目支出决算表
  | "other";

export type MoneyUnit = "元" | "万元";

/** A number read from a cell, exactly, plus what the reader sees. */
export interface AmountCell {
  row: number;
  col: number;
  /** A1 address on the table's sheet */
  address: string;
  /** exact stored value; blank, "—", "-" read as 0 */
  value: Decimal;
  /** value rounded half-up to the decimals the cell displays (what a reader checks) */
  displayed: Decimal;
  /** decimals shown by the number format (2 for "#,##0.00"; for text numbers, as written) */
  decimals: number;
  /** cell was blank or a dash (zero by convention) */
  blank: boolean;
  /** the text as displayed */
  text: string;
  /** the cell holds something that is not a number where an amount is expected */
  notANumber?: boolean;
  /**
   * the cell is a percentage (执行率, 得分系数). Percentages are stored as FRACTIONS, like readNumber does:
   * "100%" → value 1, "98.25%" → 0.9825, and `decimals` counts the fraction's decimals (2 for "100%", 4 for
   * "98.25%"). A plain number under a "(%)" header (Chongqing "执行率(%)" 98.25) is converted the same way.
   */
  percent?: boolean;
}

export interface TextCell {
  row: number;
  col: number;
  address: string;
  text: string;
}

/**
 * One labelled row. `key` is semantic and stable:
 * - named rows use the keys listed per kind below ("total-this-year", "grand-total" …);
 * - rows identified by a classification code use `code:<digits>` (e.g. "code:2060101") and carry `code`;
 * - 功能分类 class rows of T1/T4 (named without a code) use `code:<3 digits>` too, the code looked up from the name;
 * - an unrecognised labelled row uses `label:<label>`.
 */
export interface TableRow {
  key: string;
  label: string;
  code?: string;
  /** 类 (3 digits) / 款 (5) / 项 (7) for function codes; 类 (3) / 款 (5) for economic codes; "total" for 合计 */
  level?: "total" | "class" | "section" | "item";
  /** column group / side the row belongs to: "income" | "expenditure" (two-sided tables), "personnel" | "public" (T6) */
  group?: string;
  /** 0-based sheet row */
  row: number;
  labelCell: TextCell;
  /** amount cells by column key (keys per kind below) */
  cells: Record<string, AmountCell>;
}

export interface TableColumn {
  key: string;
  /** group the column belongs to (see TableRow.group), when the table is two-sided or grouped */
  group?: string;
  col: number;
  /** header text, flattened "group/leaf" */
  header: string;
}

export type Variant = "shanghai" | "central" | "beijing" | "guangdong" | "sichuan" | "guizhou" | "chongqing" | "generic";

export interface RecognizedTable {
  /** unique in the workbook: `${sheet}!${range}` */
  id: string;
  kind: TableKind;
  /** canonical Chinese title of the kind, and the title as printed */
  title: string;
  printedTitle: string;
  sheet: string;
  /** A1 range of the table (title row to last body row, excluding notes under it) */
  range: string;
  box: RangeBox;
  titleCell: TextCell;
  unit: MoneyUnit | null;
  year: number | null;
  unitName: string | null;
  /** 表号 as printed (公开01表), when present */
  tableNumber?: string;
  variant: Variant;
  columns: TableColumn[];
  rows: TableRow[];
  /** note lines under the table ("注：…", "说明：…本表无数据") */
  notes: TextCell[];
  /** the table has no amounts at all (kept with a 空表说明) */
  empty: boolean;
  /** present for the two 绩效自评 kinds */
  evaluation?: EvaluationModel;
}

/* ---------------------------------------------------------------------------------------------
 * Key vocabulary per kind (rows: TableRow.key, columns: TableColumn.key; group in brackets)
 *
 * income-expenditure-summary (T1), column "amount" in both groups
 *   [income]      general-budget 一般公共预算财政拨款收入 · government-fund 政府性基金预算财政拨款收入 ·
 *                 state-capital 国有资本经营预算财政拨款收入 · fiscal 财政拨款收入 (older single line) ·
 *                 superior-subsidy 上级补助收入 · business 事业收入 · operating 经营收入 ·
 *                 affiliated 附属单位上缴收入 · other 其他收入 · total-this-year 本年收入合计 ·
 *                 non-fiscal-balance-used 使用非财政拨款结余 · opening-balance 年初结转和结余 · grand-total 总计
 *   [expenditure] code:2xx 功能分类类 rows · total-this-year 本年支出合计 · balance-distribution 结余分配 ·
 *                 closing-balance 年末结转和结余 · grand-total 总计
 * income (T2): rows total 合计, code:… ; columns total 本年收入合计 · fiscal 财政拨款收入 · superior-subsidy ·
 *                 business · operating · affiliated · other
 * expenditure (T3): rows total, code:… ; columns total 本年支出合计 · basic 基本支出 · project 项目支出 ·
 *                 to-superior 上缴上级支出 · operating 经营支出 · to-affiliated 对附属单位补助支出
 * fiscal-summary (T4)
 *   [income] column "amount": general-budget · government-fund · state-capital · total-this-year ·
 *                 opening-balance 年初财政拨款结转和结余 · opening-general-budget · opening-government-fund ·
 *                 opening-state-capital · grand-total
 *   [expenditure] columns total 合计 · general-budget · government-fund · state-capital;
 *                 rows code:2xx · total-this-year · closing-balance 年末财政拨款结转和结余 ·
 *                 closing-general-budget · closing-government-fund · closing-state-capital (when printed) · grand-total
 * general-budget-expenditure (T5): rows total, code:… ; columns total 合计/小计 · basic · project
 *                 (optional initial-budget 年初预算数 · adjusted-budget 调整预算数 when the variant prints them)
 * general-budget-basic-expenditure (T6): rows code:3xx/3xxxx [group personnel|public] ·
 *                 personnel-total 人员经费合计 [personnel] · public-total 公用经费合计 [public] · total 合计 (when printed);
 *                 column "amount" (in each group)
 * three-public-expenses (T7): one row, key "data"; columns <item>.<measure> with item ∈ total · abroad 因公出国（境）费 ·
 *                 vehicle 公务用车购置及运行(维护)费 · vehicle-purchase 公务用车购置费 · vehicle-operation 公务用车运行(维护)费 ·
 *                 reception 公务接待费, measure ∈ budget 预算数 · actual 决算数 (e.g. "abroad.actual")
 * government-fund (T8) / state-capital (T9): rows total, code:… ; columns opening-balance 年初结转和结余 · income 本年收入 ·
 *                 total 本年支出合计/小计 · basic · project · closing-balance 年末结转和结余 (central T9: total · basic · project)
 * ------------------------------------------------------------------------------------------- */

/** Parsed 年度指标值 such as "≥50场", "≤5%", "=100%", "100%", "达到预期". */
export interface IndicatorValue {
  raw: string;
  /** comparison; "qualitative" when the value is words */
  nature: ">=" | "<=" | "=" | ">" | "<" | "qualitative";
  /** numeric target when quantitative */
  number?: Decimal;
  /** unit as written: "场", "%", "万元", "人次" … */
  unit?: string;
}

export interface IndicatorRow {
  row: number;
  level1: string; // 一级指标 (产出指标 …)
  level2: string; // 二级指标 (数量指标 …)
  name: string; // 三级指标
  nameCell: TextCell;
  target?: IndicatorValue & { cell: TextCell };
  actual?: IndicatorValue & { cell: TextCell };
  /** 分值 / 权重 / 标准分 */
  weight?: AmountCell;
  /** 得分 */
  score?: AmountCell;
  /** 偏差原因分析及改进措施 / 未完成原因分析 */
  deviation?: TextCell;
  /** declared direction when the form has a 指标性质 column (Sichuan, Chongqing) */
  nature?: IndicatorValue["nature"];
  /** 度量单位 / 计量单位 column */
  unit?: string;
  /** the 预算执行率 indicator line when a table lists it among indicators */
  isExecutionRate?: boolean;
  /** 得分系数(%) (Chongqing): 指标得分 = 得分系数 × 指标权重 */
  coefficient?: AmountCell;
  /** 一级 label was missing and inferred from the 二级 family (数量/质量… → 产出指标; 社会效益… → 效益指标) */
  level1Inferred?: boolean;
}

export interface WeightLabel {
  /** "产出指标" */
  name: string;
  /** weight stated in the label "产出指标(50分)" or in a 分值 cell of the group */
  stated: Decimal;
  cell: TextCell;
  /** where `stated` comes from: the label ("产出指标(50分)"), or the sum of the group's 分值 (nothing to check) */
  source?: "label" | "sum";
  /** the 一级 the group belongs to (level2Weights only) */
  parent?: string;
}

/** Free-text cells of a 自评表, for length caps (Sichuan) and the narrative. */
export interface EvaluationText {
  /** goal 年度目标/预期目标 · achievement 实际完成情况/完成情况 · process 实施内容及过程概述 · conclusion 评价结论 ·
   *  problems 存在问题 · improvements 改进措施 · execution-reason 预算执行 原因 */
  key: "goal" | "achievement" | "process" | "conclusion" | "problems" | "improvements" | "execution-reason";
  label: string;
  cell: TextCell;
}

/** Rows of the 项目资金 / 部门(单位)总体资金 block: total 年度资金总额 · fiscal 当年财政拨款 · carryover 上年结转资金 ·
 *  other 其他资金 (Sichuan adds special-account 财政专户管理资金 · unit 单位资金; 部门整体 forms: basic 基本支出 · project 项目支出).
 *  Columns: initial-budget 年初预算数 · annual-budget 全年预算数 / 调整后预算数 · executed 全年执行数 / 预算执行数 ·
 *  weight 分值/权重 · rate 执行率 · score 得分 */
export interface EvaluationModel {
  form: "finance-2020-10" | "sichuan" | "guizhou" | "chongqing" | "generic";
  projectName?: string;
  department?: string;
  implementer?: string;
  funds: TableRow[];
  indicators: IndicatorRow[];
  level1Weights: WeightLabel[];
  level2Weights: WeightLabel[];
  /** 总分 row: stated weight (100) and stated score */
  totalWeight?: AmountCell;
  totalScore?: AmountCell;
  /** 等级 / 绩效级别 text as printed, when the table carries one */
  grade?: TextCell;
  /** 总分 / 合计 row (0-based sheet row) */
  totalRow?: number;
  /** weight stated for all indicators together (Sichuan "绩效指标(90分)") */
  indicatorsWeight?: WeightLabel;
  /** weight stated for the budget execution block (Sichuan "预算执行情况(10分)", Guizhou "分值(10分)") */
  executionWeightLabel?: WeightLabel;
  /** free-text cells (目标, 完成情况, 评价结论 …) */
  texts?: EvaluationText[];
}
