/**
 * A generated 支出决算表 with any number of 项 rows (10,000 for the bench), consistent by
 * construction: every 款 and 类 is the sum of its children, 合计 the sum of the 类, and each row's
 * 本年支出合计 = 基本支出 + 项目支出. Amounts are integers in 分 turned into 2-decimal 万元, so no
 * floating point enters the data. Codes stay valid and unique at any size: 10 项 per 款 and 10 款 per 类 up
 * to 10,000 rows (100 类, 201–299 then 199), more per 款 and 类 beyond (100,000 rows: 32 × 32, 98 类).
 */
import ExcelJS from "exceljs";

export function bigExpenditureWorkbook(itemRows: number): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("支出决算表");
  ws.mergeCells(1, 1, 1, 5);
  ws.getCell(1, 1).value = "支出决算表";
  ws.getCell(2, 5).value = "单位：万元";
  ws.getRow(3).values = ["科目编码", "科目名称", "本年支出合计", "基本支出", "项目支出"];
  // fan-out items per 款 = 款 per 类, so that at most 99 类 are needed (a 类 code has 3 digits, 款 and 项 2)
  const fan = itemRows <= 10_000 ? 10 : Math.ceil(Math.sqrt(itemRows / 99));
  type Node = { code: string; name: string; basic: number; project: number; children: Node[] };
  const classes: Node[] = [];
  let seed = 12345;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let i = 0; i < itemRows; i++) {
    const c = Math.floor(i / (fan * fan));
    const s = Math.floor((i % (fan * fan)) / fan);
    let cls = classes[c];
    if (!cls) cls = classes[c] = { code: String(c < 99 ? 201 + c : 100 + c), name: `类${c + 1}`, basic: 0, project: 0, children: [] };
    let sec = cls.children[s];
    if (!sec) sec = cls.children[s] = { code: `${cls.code}${String(s + 1).padStart(2, "0")}`, name: `款${s + 1}`, basic: 0, project: 0, children: [] };
    const basic = Math.floor(rand() * 10_000_00);
    const project = Math.floor(rand() * 5_000_00);
    sec.children.push({ code: `${sec.code}${String((i % fan) + 1).padStart(2, "0")}`, name: `项${i + 1}`, basic, project, children: [] });
    sec.basic += basic;
    sec.project += project;
    cls.basic += basic;
    cls.project += project;
  }
  const totalBasic = classes.reduce((a, c) => a + c.basic, 0);
  const totalProject = classes.reduce((a, c) => a + c.project, 0);
  const rows: (string | number)[][] = [["", "合计", totalBasic + totalProject, totalBasic, totalProject]];
  const walk = (n: Node) => {
    rows.push([n.code, n.name, n.basic + n.project, n.basic, n.project]);
    n.children.forEach(walk);
  };
  classes.forEach(walk);
  rows.forEach((r, i) => {
    const row = ws.getRow(4 + i);
    row.getCell(1).value = r[0] as string;
    row.getCell(2).value = r[1] as string;
    for (let c = 2; c < 5; c++) {
      const cell = row.getCell(c + 1);
      cell.value = Number(((r[c] as number) / 100).toFixed(2)); // 分 → 万元 with 2 decimals
      cell.numFmt = "#,##0.00";
    }
  });
  return wb;
}
