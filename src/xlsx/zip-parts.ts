/**
 * Lazy access to the parts of an .xlsx package (fflate): only the parts the reader asks for are
 * inflated, each one only if its declared size is within the caps. fflate inflates into a buffer of
 * the declared size and never grows it, so a header that understates the size yields a truncated
 * (then unparsable) part, never unbounded memory.
 */
import { unzipSync } from "fflate";
import { localData, readCentralDirectory, type ZipEntry } from "./input-limits";
import type { XmlSource } from "./xml-scan";

type NodeZlib = typeof import("node:zlib");

/** Node's own zlib when the reader runs in Node 20.16+ (CLI, tests, benches), synchronously; undefined in a browser (fflate then). */
const nodeZlib: NodeZlib | undefined = (() => {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  return typeof proc?.getBuiltinModule === "function" ? (proc.getBuiltinModule("node:zlib") as NodeZlib | undefined) : undefined;
})();

/** One part larger than this is refused (a 100,000-row sheet is about 40 MB of XML). */
export const MAX_PART_BYTES = 256 * 1024 * 1024;
/** All inflated parts of one workbook together. */
export const MAX_TOTAL_BYTES = 512 * 1024 * 1024;

/** The package is larger than the reader agrees to inflate (zip bomb or absurd workbook). */
export class PackageLimitError extends Error {}

export class ZipParts {
  private readonly sizes = new Map<string, number>();
  private inflatedBytes = 0;

  /**
   * `inflated`: parts the input guard has already inflated (input-limits.ts), by stored name; each is handed out
   * once instead of being inflated again, under the same caps.
   */
  constructor(
    private readonly bytes: Uint8Array,
    private readonly inflated?: Map<string, Uint8Array>,
  ) {
    // A filter that declines every entry lists the central directory without inflating anything.
    unzipSync(bytes, {
      filter: (f) => {
        this.sizes.set(f.name, f.originalSize);
        return false;
      },
    });
  }

  has(name: string): boolean {
    return this.sizes.has(name);
  }

  /** The bytes of one part, or undefined when the package has no such part. */
  bytesOf(name: string): Uint8Array | undefined {
    const size = this.sizes.get(name);
    if (size === undefined) return undefined;
    if (size > MAX_PART_BYTES) throw new PackageLimitError(`${name}: ${size} bytes`);
    if (this.inflatedBytes + size > MAX_TOTAL_BYTES) throw new PackageLimitError("parts together exceed the cap");
    this.inflatedBytes += size;
    const ready = this.inflated?.get(name);
    if (ready) {
      this.inflated?.delete(name); // released as soon as the reader is done with it
      return ready;
    }
    const native = this.inflateNatively(name, size);
    if (native) return native;
    let done = false;
    const files = unzipSync(this.bytes, {
      filter: (f) => {
        if (done || f.name !== name) return false;
        done = true;
        return true;
      },
    });
    return files[name];
  }

  private entries?: ZipEntry[] | null;

  /**
   * In Node, a deflated part with a plain ASCII name goes through the native zlib (several times faster than
   * fflate), capped at its declared size like fflate; anything unusual (a stored or encrypted entry, a stream
   * longer than declared, a damaged stream) returns undefined and is left to fflate, so the bytes and the errors
   * stay exactly fflate's.
   */
  private inflateNatively(name: string, size: number): Uint8Array | undefined {
    if (!nodeZlib || !/^[\x20-\x7e]+$/.test(name)) return undefined;
    if (this.entries === undefined) {
      const listed = readCentralDirectory(this.bytes);
      this.entries = typeof listed === "string" ? null : listed;
    }
    // the first entry of a duplicated name, as fflate's filter above takes it
    const entry = this.entries?.find((e) => e.rawName === name);
    if (!entry || entry.method !== 8 || entry.flags & 1 || entry.uncompressed !== size) return undefined;
    const data = localData(this.bytes, entry);
    if (typeof data === "string") return undefined;
    try {
      // one output chunk of the declared size (+1 to see the end of the stream)
      return nodeZlib.inflateRawSync(data, { maxOutputLength: Math.max(1, size), chunkSize: Math.max(nodeZlib.constants.Z_MIN_CHUNK, size + 1) });
    } catch {
      return undefined;
    }
  }

  /** Text of one XML part (UTF-8, or UTF-16 with a byte-order mark). */
  textOf(name: string): string | undefined {
    const b = this.bytesOf(name);
    return b && decodeXml(b);
  }

  /**
   * Text of one XML part as a source of pieces for XmlScanner: UTF-8 is decoded about PIECE_BYTES at a time,
   * each piece cut just before a `<` (an ASCII byte, never inside a UTF-8 sequence, so every piece decodes on its
   * own exactly as the whole would). A 100,000-row sheet then never exists as one 25 MB string, and each piece,
   * small enough for V8's young generation, dies there cheaply. The inflated bytes are let go after the last piece.
   */
  xmlPiecesOf(name: string): XmlSource | undefined {
    let b = this.bytesOf(name);
    if (!b) return undefined;
    if (b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff))) {
      let whole: string | undefined = decodeXml(b);
      return () => {
        const t = whole;
        whole = undefined;
        return t;
      };
    }
    const decoder = new TextDecoder("utf-8");
    let pos = 0;
    return () => {
      if (!b) return undefined;
      let cut = b.length - pos > PIECE_BYTES * 1.5 ? b.indexOf(0x3c, pos + PIECE_BYTES) : -1;
      if (cut < 0) cut = b.length;
      const piece = decoder.decode(b.subarray(pos, cut));
      pos = cut;
      if (pos >= b.length) b = undefined;
      return piece;
    };
  }
}

/** Bytes of text per piece in xmlPiecesOf: well under V8's largest young-generation object (128 KB). */
export const PIECE_BYTES = 32 * 1024;

function decodeXml(b: Uint8Array): string {
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return new TextDecoder("utf-16le").decode(b.subarray(2));
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return new TextDecoder("utf-16be").decode(b.subarray(2));
  return new TextDecoder("utf-8").decode(b);
}
