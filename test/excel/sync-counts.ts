/** context.sync() counts of a full check and a re-check through the adapter, for the bench and the tests. */
import { checkWorkbook } from "../../src/domain/engine";
import { marksFromFindings } from "../../src/domain/marks";
import { loadFixture } from "../support/fixtures";
import { fakeFromSnapshot } from "./fixture-fake";
import { portFor } from "./workbook";

export async function measureSyncCounts(fixture = "beijing-12-tables-2023"): Promise<Record<string, number>> {
  const fake = fakeFromSnapshot(await loadFixture(fixture));
  const port = portFor(fake);
  const s0 = fake.syncCount;
  const snapshot = await port.readSnapshot();
  const s1 = fake.syncCount;
  await port.writeMarks(marksFromFindings(checkWorkbook(snapshot).findings));
  const s2 = fake.syncCount;
  const again = await port.readSnapshot();
  await port.writeMarks(marksFromFindings(checkWorkbook(again).findings));
  const s3 = fake.syncCount;
  await port.clearMarks();
  const s4 = fake.syncCount;
  return {
    [`读取 ${snapshot.sheets.length} 张工作表`]: s1 - s0,
    写标记: s2 - s1,
    "复查（读取 + 替换标记）": s3 - s2,
    清除标记: s4 - s3,
  };
}
