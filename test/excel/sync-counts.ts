/** context.sync() counts of a full check and a re-check through the adapter, for the bench and the tests. */
import { checkWorkbook } from "../../src/domain/engine";
import { DEFAULT_SETTINGS } from "../../src/domain/findings";
import { LIVE_ENGINE } from "../../src/domain/recheck";
import { CheckController } from "../../src/taskpane/check-controller";
import { marksFromFindings } from "../../src/domain/marks";
import { loadFixture } from "../support/fixtures";
import { nextCheckDone } from "../support/controller-done";
import { fakeFromSnapshot } from "./fixture-fake";
import { portFor } from "./workbook";

export async function measureSyncCounts(fixture = "beijing-12-tables-2023"): Promise<Record<string, number | string>> {
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
  const live = await liveRecheckSyncs(fixture);
  return {
    [`读取 ${snapshot.sheets.length} 张工作表`]: s1 - s0,
    写标记: s2 - s1,
    "复查（读取 + 替换标记）": s3 - s2,
    清除标记: s4 - s3,
    "修改一个金额后的实时复查（只读修改的格；标记不变 / 有变化）": `${live.unchanged} / ${live.changed}`,
  };
}

/**
 * Syncs of the pane's live re-check after a user types an amount: once with a value that breaks an identity
 * (the marks change), once with the same value again (they do not).
 */
async function liveRecheckSyncs(fixture: string): Promise<{ changed: number; unchanged: number }> {
  const fake = fakeFromSnapshot(await loadFixture(fixture));
  const controller = new CheckController({ port: portFor(fake), engine: LIVE_ENGINE, settings: DEFAULT_SETTINGS, autoRecheck: true, recheckDelayMs: 1 });
  await controller.start();
  await controller.run();
  const table = controller.getState().result!.recognized.find((t) => !t.evaluation && t.rows.length > 2)!;
  const cell = Object.values(table.rows[2].cells).find((c) => !c.blank)!;
  const edit = async (): Promise<number> => {
    const before = fake.syncCount;
    const done = nextCheckDone(controller);
    fake.sheet(table.sheet)!.set({ [cell.address]: { v: 7654321.5, t: "7,654,321.50", f: "#,##0.00" } });
    await fake.fireChange(table.sheet, cell.address);
    await done;
    return fake.syncCount - before;
  };
  const changed = await edit();
  const unchanged = await edit();
  controller.dispose();
  return { changed, unchanged };
}
