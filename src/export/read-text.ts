/**
 * Reading a 说明 for proofreading: .docx through mammoth (raw text, one paragraph per line), plain text
 * as UTF-8 (BOM dropped). Takes bytes, so the CLI (fs) and the pane (File.arrayBuffer) can both call it.
 */
import mammoth from "mammoth";

function toArrayBuffer(data: Uint8Array | ArrayBuffer): ArrayBuffer {
  if (data instanceof ArrayBuffer) return data;
  return data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
}

export function isDocx(data: Uint8Array | ArrayBuffer, fileName?: string): boolean {
  if (fileName && /\.docx$/i.test(fileName)) return true;
  const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : data;
  return bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Text of a .docx: paragraphs joined by single line breaks. */
export async function readDocxText(data: Uint8Array | ArrayBuffer): Promise<string> {
  const arrayBuffer = toArrayBuffer(data);
  // node's mammoth reads `buffer`, its browser build `arrayBuffer`: give both
  const input = { arrayBuffer, buffer: arrayBuffer } as unknown as { arrayBuffer: ArrayBuffer };
  const result = await mammoth.extractRawText(input);
  return result.value.replace(/\r\n?/g, "\n").replace(/\n{2,}/g, "\n").trim();
}

/** Any supported input as text: .docx, or UTF-8 text. */
export async function readNarrativeText(data: Uint8Array | ArrayBuffer, fileName?: string): Promise<string> {
  if (isDocx(data, fileName)) return readDocxText(data);
  const text = new TextDecoder("utf-8").decode(data instanceof ArrayBuffer ? new Uint8Array(data) : data);
  return text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
}
