/** Fake workbooks for the Excel adapter tests (not a test file itself). */
import { ExcelWorkbookPort, type ExcelPortOptions } from "../../src/excel/excel-port";
import { FakeExcel, type FakeExcelOptions } from "../support/fake-excel";

export const TABLE_NAMES = [
  "收入支出决算总表",
  "收入决算表",
  "支出决算表",
  "财政拨款收入支出决算总表",
  "一般公共预算财政拨款支出决算表",
  "一般公共预算财政拨款基本支出决算表",
  "一般公共预算财政拨款项目支出决算表",
  "政府性基金预算财政拨款收入支出决算表",
  "国有资本经营预算财政拨款收入支出决算表",
  "财政拨款“三公”经费支出决算表",
  "机构运行信息表",
  "说明",
];

/** Twelve sheets like a Beijing 部门决算 publication, with the features the reader must keep. */
export function twelveSheetWorkbook(options: FakeExcelOptions = {}): FakeExcel {
  const fake = new FakeExcel(options);
  TABLE_NAMES.forEach((name, i) => {
    const sheet = fake.addSheet(name, {
      A1: { v: `${name}`, t: name },
      A3: "项目",
      E3: "金额",
      A4: "一般公共服务支出",
      E4: { v: 1234.5, t: "1,234.50", f: "#,##0.00" },
      A5: "教育支出",
      E5: { v: 0.1256, t: "12.56%", f: "0.00%" },
      A6: "合计",
      E6: { v: 1234.6256, t: "1,234.63", f: "#,##0.00", formula: "SUM(E4:E5)" },
      E7: { v: "#REF!", t: "#REF!", formula: "E99/0" },
    });
    sheet.set({ F4: `表${i + 1}` });
    sheet.merges = [{ top: 0, left: 0, bottom: 0, right: 4 }];
    sheet.hiddenRows.add(4);
  });
  const offset = fake.sheets[10];
  offset.cells.clear();
  offset.set({ C5: "机构运行经费", D6: { v: 12.3, t: "12.30", f: "0.00" } });
  offset.merges = [];
  offset.hiddenRows.clear();
  offset.hiddenCols.add(3);
  fake.sheets[11].visibility = "Hidden";
  fake.sheets[3].protected = true;
  return fake;
}

export function portFor(fake: FakeExcel, options: ExcelPortOptions = {}): ExcelWorkbookPort {
  return new ExcelWorkbookPort(fake.run, { isSetSupported: fake.isSetSupported, eventBatchMs: 5, ...options });
}
