/**
 * A small pull tokenizer for the few SpreadsheetML parts the reader needs (workbook, rels, shared
 * strings, styles, worksheets). Not a general XML parser: no DTDs, no custom entities (a DOCTYPE is
 * skipped, so entity-expansion bombs expand nothing), namespace prefixes are dropped. It walks one
 * decoded string with indexOf and allocates only the strings the caller asks for, which is what
 * makes the read path close to a bare parse.
 */

export const Tok = { End: 0, Open: 1, Close: 2, Text: 3 } as const;
export type Tok = (typeof Tok)[keyof typeof Tok];

export class XmlScanner {
  private pos = 0;
  /** kind of the current token */
  tok: Tok = Tok.End;
  /** local name (prefix dropped) of the current Open/Close tag */
  name = "";
  /** current Open tag is `<x/>` */
  selfClosing = false;
  private attrStart = 0;
  private attrEnd = 0;
  private textStart = 0;
  private textEnd = 0;
  private cdata = false;
  // attribute cursor (nextAttr)
  private ap = 0;
  attrName = "";
  attrValue = "";

  constructor(private readonly xml: string) {}

  next(): Tok {
    const xml = this.xml;
    for (;;) {
      const start = this.pos;
      if (start >= xml.length) return (this.tok = Tok.End);
      if (xml.charCodeAt(start) !== 60 /* < */) {
        let lt = xml.indexOf("<", start);
        if (lt < 0) lt = xml.length;
        this.pos = lt;
        this.textStart = start;
        this.textEnd = lt;
        this.cdata = false;
        return (this.tok = Tok.Text);
      }
      const c1 = xml.charCodeAt(start + 1);
      if (c1 === 63 /* ? */) {
        this.pos = this.after("?>", start);
        continue;
      }
      if (c1 === 33 /* ! */) {
        if (xml.startsWith("<!--", start)) {
          this.pos = this.after("-->", start);
          continue;
        }
        if (xml.startsWith("<![CDATA[", start)) {
          const end = xml.indexOf("]]>", start + 9);
          if (end < 0) throw new Error("unterminated CDATA");
          this.textStart = start + 9;
          this.textEnd = end;
          this.cdata = true;
          this.pos = end + 3;
          return (this.tok = Tok.Text);
        }
        // <!DOCTYPE …> possibly with an internal subset: skipped, never expanded.
        const bracket = xml.indexOf("[", start);
        const gt = xml.indexOf(">", start);
        if (gt < 0) throw new Error("unterminated declaration");
        this.pos = bracket >= 0 && bracket < gt ? this.after("]>", bracket) : gt + 1;
        continue;
      }
      const close = c1 === 47; /* / */
      const nameStart = close ? start + 2 : start + 1;
      let nameEnd = nameStart;
      let localStart = nameStart;
      for (;;) {
        if (nameEnd >= xml.length) throw new Error("unterminated tag");
        const c = xml.charCodeAt(nameEnd);
        if (c === 62 || c === 47 || c === 32 || c === 9 || c === 10 || c === 13) break;
        if (c === 58 /* : */) localStart = nameEnd + 1;
        nameEnd++;
      }
      this.name = xml.slice(localStart, nameEnd);
      const gt = this.tagEnd(nameEnd);
      if (close) {
        this.pos = gt + 1;
        return (this.tok = Tok.Close);
      }
      this.selfClosing = xml.charCodeAt(gt - 1) === 47;
      this.attrStart = nameEnd;
      this.attrEnd = this.selfClosing ? gt - 1 : gt;
      this.ap = nameEnd;
      this.pos = gt + 1;
      return (this.tok = Tok.Open);
    }
  }

  /** Index of the `>` closing a tag, skipping quoted attribute values (which may contain `>`). */
  private tagEnd(from: number): number {
    const xml = this.xml;
    const n = xml.length;
    let quote = 0;
    for (let i = from; i < n; i++) {
      const c = xml.charCodeAt(i);
      if (quote) {
        if (c === quote) quote = 0;
      } else if (c === 62 /* > */) {
        return i;
      } else if (c === 34 || c === 39) {
        quote = c;
      }
    }
    throw new Error("unterminated tag");
  }

  private after(marker: string, from: number): number {
    const i = this.xml.indexOf(marker, from);
    if (i < 0) throw new Error(`unterminated ${marker}`);
    return i + marker.length;
  }

  /** Decoded text of the current Text token. */
  text(): string {
    const raw = this.xml.slice(this.textStart, this.textEnd);
    return this.cdata ? normalizeNewlines(raw) : decodeXmlText(raw);
  }

  /** Advances the attribute cursor of the current Open tag; false when there are no more. */
  nextAttr(): boolean {
    const xml = this.xml;
    let i = this.ap;
    const end = this.attrEnd;
    while (i < end && isSpace(xml.charCodeAt(i))) i++;
    if (i >= end) return false;
    const eq = xml.indexOf("=", i);
    if (eq < 0 || eq >= end) return false;
    let ne = eq;
    while (ne > i && isSpace(xml.charCodeAt(ne - 1))) ne--;
    let localStart = i;
    for (let k = i; k < ne; k++) if (xml.charCodeAt(k) === 58) localStart = k + 1;
    let q = eq + 1;
    while (q < end && isSpace(xml.charCodeAt(q))) q++;
    const quote = xml[q];
    if (quote !== '"' && quote !== "'") return false;
    const qe = xml.indexOf(quote, q + 1);
    if (qe < 0 || qe > end) return false;
    this.attrName = xml.slice(localStart, ne);
    const raw = xml.slice(q + 1, qe);
    this.attrValue = raw.indexOf("&") >= 0 ? decodeEntities(raw) : raw;
    this.ap = qe + 1;
    return true;
  }

  /** Value of the attribute with this local name on the current Open tag. */
  attr(local: string): string | undefined {
    this.ap = this.attrStart;
    let found: string | undefined;
    while (this.nextAttr()) {
      if (this.attrName === local) {
        found = this.attrValue;
        break;
      }
    }
    this.ap = this.attrStart;
    return found;
  }

  /** Skips to the end of the element whose Open tag is current (no-op for `<x/>`). */
  skipElement(): void {
    if (this.selfClosing) return;
    let depth = 1;
    while (depth > 0) {
      const t = this.next();
      if (t === Tok.End) return;
      if (t === Tok.Open && !this.selfClosing) depth++;
      else if (t === Tok.Close) depth--;
    }
  }

  /** Concatenated text inside the current element (nested tags' text included), up to its Close. */
  readText(): string {
    if (this.selfClosing) return "";
    let depth = 1;
    let out = "";
    while (depth > 0) {
      const t = this.next();
      if (t === Tok.End) break;
      if (t === Tok.Text) out += this.text();
      else if (t === Tok.Open && !this.selfClosing) depth++;
      else if (t === Tok.Close) depth--;
    }
    return out;
  }
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** XML end-of-line handling (CRLF and lone CR read as LF), as every conforming parser does. */
function normalizeNewlines(s: string): string {
  return s.indexOf("\r") >= 0 ? s.replace(/\r\n?/g, "\n") : s;
}

export function decodeXmlText(raw: string): string {
  return decodeEntities(normalizeNewlines(raw));
}

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g;

function decodeEntities(s: string): string {
  if (s.indexOf("&") < 0) return s;
  return s.replace(ENTITY, (_m, e: string) => {
    switch (e) {
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "amp":
        return "&";
      case "quot":
        return '"';
      case "apos":
        return "'";
      default: {
        const code = e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return code <= 0x10ffff ? String.fromCodePoint(code) : "\ufffd";
      }
    }
  });
}
