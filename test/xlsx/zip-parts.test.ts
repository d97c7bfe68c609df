/**
 * ZipParts inflates with Node's zlib where it can and leaves everything else to fflate: the bytes (and, for a
 * damaged or lying entry, the outcome) must be exactly fflate's either way.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { unzipSync, zipSync } from "fflate";
import { ZipParts } from "../../src/xlsx/zip-parts";

const FIXTURES = join(__dirname, "..", "fixtures", "xlsx");

/** What fflate alone gives for one part: its bytes, or the fact that it throws. */
function fflatePart(bytes: Uint8Array, name: string): Uint8Array | "throws" {
  try {
    return unzipSync(bytes, { filter: (f) => f.name === name })[name];
  } catch {
    return "throws";
  }
}

/** A plain Uint8Array view (Node's zlib hands out Buffers, fflate Uint8Arrays: the bytes are what counts). */
function plain(x: Uint8Array | undefined): Uint8Array | undefined {
  return x && new Uint8Array(x.buffer, x.byteOffset, x.byteLength);
}

function zipPart(bytes: Uint8Array, name: string): Uint8Array | "throws" | undefined {
  try {
    return plain(new ZipParts(bytes).bytesOf(name));
  } catch {
    return "throws";
  }
}

/** Offset of a name's central-directory entry (signature 0x02014b50). */
function centralEntry(zip: Uint8Array, name: string): number {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let p = 0; p + 46 <= zip.length; p++) {
    if (view.getUint32(p, true) !== 0x02014b50) continue;
    const length = view.getUint16(p + 28, true);
    if (new TextDecoder().decode(zip.subarray(p + 46, p + 46 + length)) === name) return p;
  }
  throw new Error(`no entry ${name}`);
}

describe("ZipParts", () => {
  const files = readdirSync(FIXTURES).filter((f) => f.endsWith(".xlsx")).sort();

  it("gives fflate's bytes for every part of every sample workbook, through the native zlib", () => {
    // Node 20.16+ (the reader falls back to fflate before it): the very module object the reader took from Node
    const getBuiltin = (process as { getBuiltinModule?: (id: string) => typeof import("node:zlib") }).getBuiltinModule;
    const native = typeof getBuiltin === "function";
    const spy = native ? jest.spyOn(getBuiltin("node:zlib"), "inflateRawSync") : undefined;
    try {
      let parts = 0;
      for (const f of files) {
        const bytes = new Uint8Array(readFileSync(join(FIXTURES, f)));
        const all = unzipSync(bytes);
        for (const [name, data] of Object.entries(all)) {
          if (name.endsWith("/")) continue;
          const got = new ZipParts(bytes).bytesOf(name);
          // byte comparison through Buffer.equals: jest's element-wise toEqual takes seconds on a sheet part
          expect([f, name, got !== undefined && Buffer.from(got.buffer, got.byteOffset, got.byteLength).equals(data)]).toEqual([f, name, true]);
          parts++;
        }
      }
      expect(files.length).toBeGreaterThan(20);
      // the deflated parts went through zlib (stored ones, if any, through fflate); all through fflate where Node lacks getBuiltinModule
      if (spy) expect(spy.mock.calls.length).toBeGreaterThan(parts / 2);
    } finally {
      spy?.mockRestore();
    }
  });

  it("leaves an entry that inflates beyond its declared size, or a damaged stream, to fflate", () => {
    const text = new TextEncoder().encode("<worksheet>" + "<row><c><v>1234.5</v></c></row>".repeat(2000) + "</worksheet>");
    const zip = zipSync({ "xl/worksheets/sheet1.xml": [text, { level: 6 }] });
    const name = "xl/worksheets/sheet1.xml";
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    expect(zipPart(zip, name)).toEqual(text);

    // declared size understated in the central directory (what both readers go by)
    const lying = zip.slice();
    const at = centralEntry(lying, name);
    new DataView(lying.buffer).setUint32(at + 24, 1000, true);
    const fromFflate = fflatePart(lying, name);
    expect(zipPart(lying, name)).toEqual(fromFflate);

    // a damaged deflate stream: bytes in the middle of the compressed data overwritten
    const damaged = zip.slice();
    const local = view.getUint32(at + 42, true);
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const compressed = view.getUint32(at + 20, true);
    for (let i = start + Math.floor(compressed / 3); i < start + Math.floor(compressed / 3) + 16; i++) damaged[i] = 0xff;
    expect(zipPart(damaged, name)).toEqual(fflatePart(damaged, name));
  });
});
