import { toA1 } from "../../src/domain/grid";
import { bgrToHex, hexToBgr } from "../../src/wps/et";
import { fakeEtFromSnapshot, XL_NONE } from "../wps/fake-et";
import { wpsPortFor } from "../wps/packages";
import { describePortContract, viewOf, type CellView } from "./port-contract";

describePortContract("WPS (fake ET object model)", (snapshot, formats) => {
  const et = fakeEtFromSnapshot(snapshot);
  for (const [ref, format] of Object.entries(formats)) {
    const bang = ref.lastIndexOf("!");
    const sheet = et.mustSheet(ref.slice(0, bang));
    const address = ref.slice(bang + 1);
    sheet.set({ [address]: { fill: format.fill ? { pattern: 1, color: hexToBgr(format.fill) } : undefined, comment: format.note ? { text: format.note, author: "用户" } : undefined } });
  }
  const state = () =>
    viewOf(
      et.sheets.flatMap((s) =>
        [...s.cells].map(([key, c]): [string, CellView] => {
          const [r, col] = key.split(",").map(Number);
          const fill = c.fill && c.fill.pattern !== XL_NONE ? bgrToHex(c.fill.color) : null;
          return [`${s.name}!${toA1(r, col)}`, { v: c.formula ? `=${c.formula}` : (c.v ?? null), fill, note: c.comment?.text ?? null }];
        }),
      ),
    );
  return { port: wpsPortFor(et), state };
});
