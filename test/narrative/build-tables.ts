/**
 * Builds RecognizedTable objects from plain numbers, the way the recognizer will hand them over,
 * so narrative and proofreading tests do not depend on recognition.
 * The default data is 北京市西城区科技协作中心 2023 (the seed 说明's unit), with 2022 as last year.
 */
import { Decimal } from "../../src/domain/decimal";
import { toA1 } from "../../src/domain/grid";
import type {
  AmountCell,
  EvaluationModel,
  IndicatorRow,
  MoneyUnit,
  RecognizedTable,
  TableColumn,
  TableKind,
  TableRow,
  TextCell,
} from "../../src/domain/model";

export type Num = string | number;

export function amountCell(value: Num, row: number, col: number, decimals = 2): AmountCell {
  const v = new Decimal(String(value));
  return {
    row,
    col,
    address: toA1(row, col),
    value: v,
    displayed: v.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP),
    decimals,
    blank: false,
    text: v.toFixed(decimals),
  };
}

function textCell(text: string, row: number, col: number): TextCell {
  return { row, col, address: toA1(row, col), text };
}

export interface RowSpec {
  key: string;
  label: string;
  code?: string;
  level?: TableRow["level"];
  group?: string;
  values: Record<string, Num | undefined>;
  /** sheet row; sequential per group when omitted */
  row?: number;
}

export interface TableSpec {
  kind: TableKind;
  sheet: string;
  title: string;
  unit?: MoneyUnit | null;
  year?: number | null;
  unitName?: string | null;
  columns: { key: string; group?: string; header: string }[];
  rows: RowSpec[];
  empty?: boolean;
  evaluation?: EvaluationModel;
}

const FIRST_BODY_ROW = 5;

export function makeTable(spec: TableSpec): RecognizedTable {
  const columns: TableColumn[] = spec.columns.map((c, i) => ({ key: c.key, group: c.group, col: i + 1, header: c.header }));
  const nextRow = new Map<string, number>();
  const rows: TableRow[] = spec.rows.map((r) => {
    const side = r.group ?? "";
    const sheetRow = r.row ?? nextRow.get(side) ?? FIRST_BODY_ROW;
    nextRow.set(side, sheetRow + 1);
    const labelCol = Math.max(0, (columns.find((c) => c.group === r.group)?.col ?? 1) - 1);
    const cells: Record<string, AmountCell> = {};
    for (const [key, value] of Object.entries(r.values)) {
      if (value === undefined) continue;
      const column = columns.find((c) => c.key === key && (r.group === undefined || c.group === undefined || c.group === r.group));
      if (!column) throw new Error(`no column ${key} in ${spec.kind}`);
      cells[key] = amountCell(value, sheetRow, column.col);
    }
    const row: TableRow = { key: r.key, label: r.label, row: sheetRow, labelCell: textCell(r.label, sheetRow, labelCol), cells };
    if (r.code) row.code = r.code;
    if (r.level) row.level = r.level;
    if (r.group) row.group = r.group;
    return row;
  });
  const bottom = Math.max(FIRST_BODY_ROW, ...rows.map((r) => r.row));
  const right = Math.max(1, ...columns.map((c) => c.col));
  const empty = spec.empty ?? rows.every((r) => Object.values(r.cells).every((c) => c.displayed.isZero()));
  return {
    id: `${spec.sheet}!A1:${toA1(bottom, right)}`,
    kind: spec.kind,
    title: spec.title,
    printedTitle: spec.title,
    sheet: spec.sheet,
    range: `A1:${toA1(bottom, right)}`,
    box: { top: 0, left: 0, bottom, right },
    titleCell: textCell(spec.title, 0, 0),
    unit: spec.unit === undefined ? "万元" : spec.unit,
    year: spec.year === undefined ? 2023 : spec.year,
    unitName: spec.unitName === undefined ? "北京市西城区科技协作中心" : spec.unitName,
    variant: "beijing",
    columns,
    rows,
    notes: [],
    empty,
    ...(spec.evaluation ? { evaluation: spec.evaluation } : {}),
  };
}

function levelOf(code: string): TableRow["level"] {
  return code.length === 3 ? "class" : code.length === 5 ? "section" : "item";
}

/* ------------------------------------------------------------------------------------------ */
/* Plain data of one unit-year                                                                 */

export type CodeLine = [code: string, label: string, values: Record<string, Num>];

export interface UnitData {
  year: number;
  unitName: string;
  unit: MoneyUnit;
  t1: { income: Record<string, Num>; expenditureClasses: [string, string, Num][]; expenditure: Record<string, Num> };
  /** T2 total row (columns total, fiscal, superior-subsidy …) and code rows */
  t2: { total: Record<string, Num>; rows: CodeLine[] };
  t3: { total: Record<string, Num>; rows: CodeLine[] };
  t4: { income: Record<string, Num>; classes: [string, string, Num][]; expenditure: Record<string, Record<string, Num>> };
  t5: { total: Record<string, Num>; rows: CodeLine[] };
  t6: { personnel: [string, string, Num][]; public: [string, string, Num][]; personnelTotal: Num; publicTotal: Num };
  /** T7 columns "<item>.<measure>" */
  t7: Record<string, Num>;
  t8: { total: Record<string, Num>; rows: CodeLine[] } | null;
  t9: { total: Record<string, Num>; rows: CodeLine[] } | null;
  evaluations: EvaluationSpec[];
}

export interface EvaluationSpec {
  projectName: string;
  funds: Record<string, Num>;
  /** [level1, level2, name, weight, score] */
  indicators: [string, string, string, Num, Num][];
  executionRateIndicator?: [Num, Num];
  totalScore?: Num;
  grade?: string;
}

const T5_ROWS: CodeLine[] = [
  ["206", "科学技术支出", { total: "98.46", basic: "93.76", project: "4.70" }],
  ["20607", "科学技术普及", { total: "98.46", basic: "93.76", project: "4.70" }],
  ["2060701", "机构运行", { total: "93.76", basic: "93.76", project: "0" }],
  ["2060702", "科普活动", { total: "4.70", basic: "0", project: "4.70" }],
  ["208", "社会保障和就业支出", { total: "13.25", basic: "13.25", project: "0" }],
  ["20805", "行政事业单位养老支出", { total: "13.25", basic: "13.25", project: "0" }],
  ["2080505", "机关事业单位基本养老保险缴费支出", { total: "8.83", basic: "8.83", project: "0" }],
  ["2080506", "机关事业单位职业年金缴费支出", { total: "4.42", basic: "4.42", project: "0" }],
  ["2080599", "其他行政事业单位养老支出", { total: "0", basic: "0", project: "0" }],
  ["210", "卫生健康支出", { total: "5.93", basic: "5.93", project: "0" }],
  ["21011", "行政事业单位医疗", { total: "5.93", basic: "5.93", project: "0" }],
  ["2101102", "事业单位医疗", { total: "5.93", basic: "5.93", project: "0" }],
  ["221", "住房保障支出", { total: "6.14", basic: "6.14", project: "0" }],
  ["22102", "住房改革支出", { total: "6.14", basic: "6.14", project: "0" }],
  ["2210201", "住房公积金", { total: "6.14", basic: "6.14", project: "0" }],
];

const CLASSES: [string, string, Num][] = [
  ["206", "科学技术支出", "98.46"],
  ["208", "社会保障和就业支出", "13.25"],
  ["210", "卫生健康支出", "5.93"],
  ["221", "住房保障支出", "6.14"],
];

const ZERO_T7 = {
  "total.budget": 0,
  "total.actual": 0,
  "abroad.budget": 0,
  "abroad.actual": 0,
  "vehicle.budget": 0,
  "vehicle.actual": 0,
  "vehicle-purchase.budget": 0,
  "vehicle-purchase.actual": 0,
  "vehicle-operation.budget": 0,
  "vehicle-operation.actual": 0,
  "reception.budget": 0,
  "reception.actual": 0,
};

/** 北京市西城区科技协作中心 2023 (seed 说明): 收支总计 123.78, all 财政拨款, 基本 119.08, 项目 4.70. */
export function xicheng2023(): UnitData {
  return {
    year: 2023,
    unitName: "北京市西城区科技协作中心",
    unit: "万元",
    t1: {
      income: {
        "general-budget": "123.78",
        "government-fund": 0,
        "state-capital": 0,
        "superior-subsidy": 0,
        business: 0,
        operating: 0,
        affiliated: 0,
        other: 0,
        "total-this-year": "123.78",
        "non-fiscal-balance-used": 0,
        "opening-balance": 0,
        "grand-total": "123.78",
      },
      expenditureClasses: CLASSES,
      expenditure: { "total-this-year": "123.78", "balance-distribution": 0, "closing-balance": 0, "grand-total": "123.78" },
    },
    t2: {
      total: { total: "123.78", fiscal: "123.78", "superior-subsidy": 0, business: 0, operating: 0, affiliated: 0, other: 0 },
      rows: CLASSES.map(([code, label, v]) => [code, label, { total: v, fiscal: v }]),
    },
    t3: {
      total: { total: "123.78", basic: "119.08", project: "4.70", "to-superior": 0, operating: 0, "to-affiliated": 0 },
      rows: T5_ROWS.map(([code, label, v]) => [code, label, { ...v }]),
    },
    t4: {
      income: {
        "general-budget": "123.78",
        "government-fund": 0,
        "state-capital": 0,
        "total-this-year": "123.78",
        "opening-balance": 0,
        "grand-total": "123.78",
      },
      classes: CLASSES,
      expenditure: {
        "total-this-year": { total: "123.78", "general-budget": "123.78", "government-fund": 0, "state-capital": 0 },
        "closing-balance": { total: 0, "general-budget": 0, "government-fund": 0, "state-capital": 0 },
        "grand-total": { total: "123.78", "general-budget": "123.78", "government-fund": 0, "state-capital": 0 },
      },
    },
    t5: { total: { total: "123.78", basic: "119.08", project: "4.70" }, rows: T5_ROWS.map(([c, l, v]) => [c, l, { ...v }]) },
    t6: {
      personnel: [
        ["301", "工资福利支出", "110.45"],
        ["30101", "基本工资", "22.36"],
        ["30102", "津贴补贴", "31.20"],
        ["30103", "奖金", "1.86"],
        ["30107", "绩效工资", "18.50"],
        ["30108", "机关事业单位基本养老保险缴费", "8.83"],
        ["30109", "职业年金缴费", "4.42"],
        ["30110", "职工基本医疗保险缴费", "5.45"],
        ["30112", "其他社会保障缴费", "0.48"],
        ["30113", "住房公积金", "6.14"],
        ["30199", "其他工资福利支出", "11.21"],
        ["303", "对个人和家庭的补助", "4.30"],
        ["30302", "退休费", "0"],
        ["30305", "生活补助", "4.30"],
      ],
      public: [
        ["302", "商品和服务支出", "4.33"],
        ["30201", "办公费", "0.85"],
        ["30207", "邮电费", "0.36"],
        ["30212", "因公出国（境）费用", "0"],
        ["30217", "公务接待费", "0"],
        ["30228", "工会经费", "1.12"],
        ["30229", "福利费", "1.50"],
        ["30231", "公务用车运行维护费", "0"],
        ["30239", "其他交通费用", "0.50"],
        ["310", "资本性支出", "0"],
        ["31002", "办公设备购置", "0"],
      ],
      personnelTotal: "114.75",
      publicTotal: "4.33",
    },
    t7: { ...ZERO_T7 },
    t8: { total: { "opening-balance": 0, income: 0, total: 0, basic: 0, project: 0, "closing-balance": 0 }, rows: [] },
    t9: { total: { "opening-balance": 0, income: 0, total: 0, basic: 0, project: 0, "closing-balance": 0 }, rows: [] },
    evaluations: [
      {
        projectName: "全区科普经费",
        funds: { "initial-budget": "138.40", "annual-budget": "137.85", executed: "137.85", weight: 10, score: 10 },
        indicators: [
          ["产出指标", "数量指标", "活动场次", 6, 6],
          ["产出指标", "数量指标", "活动参与人数（线上&线下）", 6, 6],
          ["产出指标", "数量指标", "信息发布条数", 6, 6],
          ["产出指标", "质量指标", "活动实际签到率", 5, "4.8"],
          ["产出指标", "质量指标", "方案执行率", 5, "3.85"],
          ["产出指标", "质量指标", "培训合格率", 4, "3.6"],
          ["产出指标", "质量指标", "资料发放科协系统覆盖率", 3, 3],
          ["产出指标", "时效指标", "工作实际开展时间", 10, "7.8"],
          ["产出指标", "成本指标", "预算金额", 10, "9.4"],
          ["效益指标", "社会效益指标", "举荐贤能", 5, 4],
          ["效益指标", "社会效益指标", "凝心聚力", 5, "3.6"],
          ["效益指标", "社会效益指标", "精准对接", 5, "3.6"],
          ["效益指标", "社会效益指标", "广泛传播", 5, "4.6"],
          ["效益指标", "可持续影响指标", "促进公民科学素质逐年提升", 10, "8.8"],
          ["满意度\n指标", "服务对象满意度指标", "各子项目受众满意度", 5, "4.4"],
        ],
        totalScore: "89.45",
      },
    ],
  };
}

/** The same unit in 2022: 收支总计 139.08. */
export function xicheng2022(): UnitData {
  const d = xicheng2023();
  d.year = 2022;
  d.t1.income["general-budget"] = "139.08";
  d.t1.income["total-this-year"] = "139.08";
  d.t1.income["grand-total"] = "139.08";
  d.t1.expenditureClasses = [
    ["206", "科学技术支出", "112.30"],
    ["208", "社会保障和就业支出", "14.02"],
    ["210", "卫生健康支出", "6.31"],
    ["221", "住房保障支出", "6.45"],
  ];
  d.t1.expenditure["total-this-year"] = "139.08";
  d.t1.expenditure["grand-total"] = "139.08";
  d.t2.total = { ...d.t2.total, total: "139.08", fiscal: "139.08" };
  d.t3.total = { ...d.t3.total, total: "139.08", basic: "128.29", project: "10.79" };
  d.t4.income = { ...d.t4.income, "general-budget": "139.08", "total-this-year": "139.08", "grand-total": "139.08" };
  d.t4.expenditure["total-this-year"] = { ...d.t4.expenditure["total-this-year"], total: "139.08", "general-budget": "139.08" };
  d.t4.expenditure["grand-total"] = { ...d.t4.expenditure["grand-total"], total: "139.08", "general-budget": "139.08" };
  d.t5.total = { total: "139.08", basic: "128.29", project: "10.79" };
  d.evaluations = [];
  return d;
}

/* ------------------------------------------------------------------------------------------ */

function codeRowSpecs(rows: CodeLine[]): RowSpec[] {
  return rows.map(([code, label, values]) => ({ key: `code:${code}`, label, code, level: levelOf(code), values }));
}

function evaluationTable(spec: EvaluationSpec, year: number, unitName: string): RecognizedTable {
  const base = makeTable({
    kind: "project-self-evaluation",
    sheet: "项目支出绩效自评表",
    title: "项目支出绩效自评表",
    unit: "万元",
    year,
    unitName,
    columns: [
      { key: "initial-budget", header: "年初预算数" },
      { key: "annual-budget", header: "全年预算数" },
      { key: "executed", header: "全年执行数" },
      { key: "weight", header: "分值" },
      { key: "rate", header: "执行率" },
      { key: "score", header: "得分" },
    ],
    rows: [{ key: "total", label: "年度资金总额", values: spec.funds, row: 6 }],
  });
  const scoreCol = 6;
  const indicators: IndicatorRow[] = spec.indicators.map(([level1, level2, name, weight, score], i) => {
    const row = 12 + i;
    return {
      row,
      level1,
      level2,
      name,
      nameCell: textCell(name, row, 3),
      weight: amountCell(weight, row, 4, String(weight).split(".")[1]?.length ?? 0),
      score: amountCell(score, row, 5, String(score).split(".")[1]?.length ?? 0),
    };
  });
  if (spec.executionRateIndicator) {
    const row = 12 + indicators.length;
    const [weight, score] = spec.executionRateIndicator;
    indicators.push({
      row,
      level1: "预算执行率",
      level2: "预算执行率",
      name: "预算执行率",
      nameCell: textCell("预算执行率", row, 3),
      weight: amountCell(weight, row, 4, 0),
      score: amountCell(score, row, 5, 0),
      isExecutionRate: true,
    });
  }
  const totalRow = 12 + indicators.length;
  const evaluation: EvaluationModel = {
    form: "finance-2020-10",
    projectName: spec.projectName,
    department: "科普部",
    implementer: unitName,
    funds: base.rows,
    indicators,
    level1Weights: [],
    level2Weights: [],
    totalWeight: amountCell(100, totalRow, 4, 0),
    ...(spec.totalScore !== undefined ? { totalScore: amountCell(spec.totalScore, totalRow, scoreCol - 1, 2) } : {}),
    ...(spec.grade ? { grade: textCell(spec.grade, totalRow + 1, 5) } : {}),
  };
  return { ...base, rows: [], evaluation };
}

export function buildTables(d: UnitData): RecognizedTable[] {
  const common = { year: d.year, unitName: d.unitName, unit: d.unit };
  const t1Income: [string, string][] = [
    ["general-budget", "一、一般公共预算财政拨款收入"],
    ["government-fund", "二、政府性基金预算财政拨款收入"],
    ["state-capital", "三、国有资本经营预算财政拨款收入"],
    ["superior-subsidy", "四、上级补助收入"],
    ["business", "五、事业收入"],
    ["operating", "六、经营收入"],
    ["affiliated", "七、附属单位上缴收入"],
    ["other", "八、其他收入"],
    ["total-this-year", "本年收入合计"],
    ["non-fiscal-balance-used", "使用非财政拨款结余"],
    ["opening-balance", "年初结转和结余"],
    ["grand-total", "总计"],
  ];
  const t1ExpenditureTail: [string, string][] = [
    ["total-this-year", "本年支出合计"],
    ["balance-distribution", "结余分配"],
    ["closing-balance", "年末结转和结余"],
    ["grand-total", "总计"],
  ];
  const tables: RecognizedTable[] = [];
  tables.push(
    makeTable({
      ...common,
      kind: "income-expenditure-summary",
      sheet: "收入支出决算总表",
      title: "收入支出决算总表",
      columns: [
        { key: "amount", group: "income", header: "收入/决算数" },
        { key: "amount", group: "expenditure", header: "支出/决算数" },
      ],
      rows: [
        ...t1Income
          .filter(([key]) => d.t1.income[key] !== undefined)
          .map(([key, label]) => ({ key, label, group: "income", values: { amount: d.t1.income[key] } })),
        ...d.t1.expenditureClasses.map(([code, label, v]) => ({
          key: `code:${code}`,
          label,
          code,
          level: "class" as const,
          group: "expenditure",
          values: { amount: v },
        })),
        ...t1ExpenditureTail
          .filter(([key]) => d.t1.expenditure[key] !== undefined)
          .map(([key, label]) => ({ key, label, group: "expenditure", values: { amount: d.t1.expenditure[key] } })),
      ],
    }),
  );
  tables.push(
    makeTable({
      ...common,
      kind: "income",
      sheet: "收入决算表",
      title: "收入决算表",
      columns: ["total", "fiscal", "superior-subsidy", "business", "operating", "affiliated", "other"].map((key) => ({ key, header: key })),
      rows: [{ key: "total", label: "合计", level: "total", values: d.t2.total }, ...codeRowSpecs(d.t2.rows)],
    }),
  );
  tables.push(
    makeTable({
      ...common,
      kind: "expenditure",
      sheet: "支出决算表",
      title: "支出决算表",
      columns: ["total", "basic", "project", "to-superior", "operating", "to-affiliated"].map((key) => ({ key, header: key })),
      rows: [{ key: "total", label: "合计", level: "total", values: d.t3.total }, ...codeRowSpecs(d.t3.rows)],
    }),
  );
  const t4Income: [string, string][] = [
    ["general-budget", "一、一般公共预算财政拨款"],
    ["government-fund", "二、政府性基金预算财政拨款"],
    ["state-capital", "三、国有资本经营预算财政拨款"],
    ["total-this-year", "本年收入合计"],
    ["opening-balance", "年初财政拨款结转和结余"],
    ["grand-total", "总计"],
  ];
  tables.push(
    makeTable({
      ...common,
      kind: "fiscal-summary",
      sheet: "财政拨款收入支出决算总表",
      title: "财政拨款收入支出决算总表",
      columns: [
        { key: "amount", group: "income", header: "收入/决算数" },
        { key: "total", group: "expenditure", header: "支出/合计" },
        { key: "general-budget", group: "expenditure", header: "支出/一般公共预算财政拨款" },
        { key: "government-fund", group: "expenditure", header: "支出/政府性基金预算财政拨款" },
        { key: "state-capital", group: "expenditure", header: "支出/国有资本经营预算财政拨款" },
      ],
      rows: [
        ...t4Income
          .filter(([key]) => d.t4.income[key] !== undefined)
          .map(([key, label]) => ({ key, label, group: "income", values: { amount: d.t4.income[key] } })),
        ...d.t4.classes.map(([code, label, v]) => ({
          key: `code:${code}`,
          label,
          code,
          level: "class" as const,
          group: "expenditure",
          values: { total: v, "general-budget": v, "government-fund": 0, "state-capital": 0 },
        })),
        ...Object.entries(d.t4.expenditure).map(([key, values]) => ({
          key,
          label: key === "total-this-year" ? "本年支出合计" : key === "grand-total" ? "总计" : "年末财政拨款结转和结余",
          group: "expenditure",
          values,
        })),
      ],
    }),
  );
  tables.push(
    makeTable({
      ...common,
      kind: "general-budget-expenditure",
      sheet: "一般公共预算财政拨款支出决算表",
      title: "一般公共预算财政拨款支出决算表",
      columns: [
        { key: "total", header: "合计" },
        { key: "basic", header: "基本支出" },
        { key: "project", header: "项目支出" },
        ...(d.t5.total["initial-budget"] !== undefined ? [{ key: "initial-budget", header: "年初预算数" }] : []),
      ],
      rows: [...codeRowSpecs(d.t5.rows), { key: "total", label: "合计", level: "total", values: d.t5.total }],
    }),
  );
  const t6Rows = (group: "personnel" | "public", lines: [string, string, Num][]): RowSpec[] =>
    lines.map(([code, label, v]) => ({ key: `code:${code}`, label, code, level: code.length === 3 ? "class" : "section", group, values: { amount: v } }));
  tables.push(
    makeTable({
      ...common,
      kind: "general-budget-basic-expenditure",
      sheet: "一般公共预算财政拨款基本支出决算表",
      title: "一般公共预算财政拨款基本支出决算表",
      columns: [
        { key: "amount", group: "personnel", header: "人员经费/决算数" },
        { key: "amount", group: "public", header: "公用经费/决算数" },
      ],
      rows: [
        ...t6Rows("personnel", d.t6.personnel),
        { key: "personnel-total", label: "人员经费合计", group: "personnel", values: { amount: d.t6.personnelTotal } },
        ...t6Rows("public", d.t6.public),
        { key: "public-total", label: "公用经费合计", group: "public", values: { amount: d.t6.publicTotal } },
      ],
    }),
  );
  tables.push(
    makeTable({
      ...common,
      kind: "three-public-expenses",
      sheet: "财政拨款“三公”经费支出决算表",
      title: "财政拨款“三公”经费支出决算表",
      columns: Object.keys(d.t7).map((key) => ({ key, header: key })),
      rows: [{ key: "data", label: "决算数", values: d.t7 }],
    }),
  );
  const fundTable = (kind: TableKind, sheet: string, data: NonNullable<UnitData["t8"]>): RecognizedTable =>
    makeTable({
      ...common,
      kind,
      sheet,
      title: sheet,
      columns: ["opening-balance", "income", "total", "basic", "project", "closing-balance"].map((key) => ({ key, header: key })),
      rows: [{ key: "total", label: "合计", level: "total", values: data.total }, ...codeRowSpecs(data.rows)],
    });
  if (d.t8) tables.push(fundTable("government-fund", "政府性基金预算财政拨款收入支出决算表", d.t8));
  if (d.t9) tables.push(fundTable("state-capital", "国有资本经营预算财政拨款支出决算表", d.t9));
  for (const e of d.evaluations) tables.push(evaluationTable(e, d.year, d.unitName));
  return tables;
}

export function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
