/**
 * WPS adapter cost in object-model calls (each one a synchronous crossing into WPS), on the fake ET:
 * reading the 12-sheet package with a 100-row and a 10,000-row 支出决算表, then mark, re-check and clear.
 * Prints a table (npm run bench, or tsx test/bench/wps-calls.ts on its own). Counts, not times.
 */
import { checkWorkbook } from "../../src/domain/engine";
import { marksFromFindings } from "../../src/domain/marks";
import { loadFixture } from "../support/fixtures";
import { fakeEtFromSnapshot } from "../wps/fake-et";
import { readCalls, wpsPortFor } from "../wps/packages";

export async function wpsCallLines(): Promise<string[]> {
  const lines = ["", "| WPS 适配层（模拟 ET 对象模型） | 对象模型调用次数 |", "|---|---|"];
  const small = await readCalls(100);
  const large = await readCalls(10_000);
  lines.push(`| 读取 12 张表（支出决算表 ${small.rows} 行） | ${small.calls} |`);
  lines.push(`| 读取 12 张表（支出决算表 ${large.rows} 行） | ${large.calls}（${(large.calls / small.calls).toFixed(2)} 倍） |`);
  const et = fakeEtFromSnapshot(await loadFixture("broken-t1-total"));
  const port = wpsPortFor(et);
  const step = async (label: string, work: () => Promise<unknown>) => {
    const before = et.calls;
    await work();
    lines.push(`| ${label} | ${et.calls - before} |`);
  };
  let marks = marksFromFindings(checkWorkbook(await port.readSnapshot()).findings);
  await step(`写标记（broken-t1-total，${marks.length} 个单元格）`, () => port.writeMarks(marks));
  await step("复查（读取 + 替换标记）", async () => {
    marks = marksFromFindings(checkWorkbook(await port.readSnapshot()).findings);
    await port.writeMarks(marks);
  });
  await step("清除标记", () => port.clearMarks());
  return lines;
}

if (require.main === module) {
  void wpsCallLines().then((lines) => process.stdout.write(lines.join("\n") + "\n"));
}
