/**
 * A small pull tokenizer for the few SpreadsheetML parts the reader needs (workbook, rels, shared
 * strings, styles, worksheets). Not a general XML parser: no DTDs, no custom entities (a DOCTYPE is
 * skipped, so entity-expansion bombs expand nothing), namespace prefixes are dropped. It walks one
 * decoded string with indexOf and allocates only the strings the caller asks for, which is what
 * makes the read path close to a bare parse. A large part can be given as a source of pieces
 * (zip-parts.ts xmlPiecesOf) so that only one small piece of its text exists at a time.
 */

/** Next piece of a part's text, or undefined at its end (pieces are best cut just before a `<`). */
export type XmlSource = () => string | undefined;

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

  private xml: string;
  private readonly source: XmlSource | undefined;

  constructor(xml: string | XmlSource) {
    if (typeof xml === "string") {
      this.xml = xml;
    } else {
      this.source = xml;
      this.xml = xml() ?? "";
    }
  }

  /**
   * Called when a token runs into the end of the text held: the unread rest from `start` and the next piece
   * become the text (the common case, a token ending exactly at a piece's end, copies nothing). False at the
   * end of the part. Positions of the previous token are not used after next() moves on, so none go stale.
   */
  private refill(start: number): boolean {
    const piece = this.source?.();
    if (piece === undefined) return false;
    this.xml = start >= this.xml.length ? piece : this.xml.slice(start) + piece;
    this.pos = 0;
    return true;
  }

  /** The text held now (the whole part, or the current piece), and the offset of the next token in it: the reader matches common elements whole with a sticky regex there. */
  get held(): string {
    return this.xml;
  }

  get position(): number {
    return this.pos;
  }

  /** Continues scanning at `pos` (just after an element the caller has matched itself). */
  seek(pos: number): void {
    this.pos = pos;
  }

  next(): Tok {
    for (;;) {
      const xml = this.xml;
      const start = this.pos;
      if (start >= xml.length) {
        if (this.refill(start)) continue;
        return (this.tok = Tok.End);
      }
      if (xml.charCodeAt(start) !== 60 /* < */) {
        let lt = xml.indexOf("<", start);
        // a text at the end of a piece may go on in the next one (an entity or a character cut in two)
        if (lt < 0 && this.refill(start)) continue;
        if (lt < 0) lt = xml.length;
        this.pos = lt;
        this.textStart = start;
        this.textEnd = lt;
        this.cdata = false;
        return (this.tok = Tok.Text);
      }
      const c1 = xml.charCodeAt(start + 1);
      if (c1 === 63 /* ? */) {
        const end = this.after("?>", start);
        if (end < 0 && this.refill(start)) continue;
        if (end < 0) throw new Error("unterminated ?>");
        this.pos = end;
        continue;
      }
      if (c1 === 33 /* ! */) {
        if (xml.startsWith("<!--", start)) {
          const end = this.after("-->", start);
          if (end < 0 && this.refill(start)) continue;
          if (end < 0) throw new Error("unterminated -->");
          this.pos = end;
          continue;
        }
        if (xml.startsWith("<![CDATA[", start)) {
          const end = xml.indexOf("]]>", start + 9);
          if (end < 0 && this.refill(start)) continue;
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
        const end = gt < 0 ? -1 : bracket >= 0 && bracket < gt ? this.after("]>", bracket) : gt + 1;
        if (end < 0 && this.refill(start)) continue;
        if (end < 0) throw new Error("unterminated declaration");
        this.pos = end;
        continue;
      }
      const close = c1 === 47; /* / */
      const nameStart = close ? start + 2 : start + 1;
      let nameEnd = nameStart;
      let localStart = nameStart;
      const n = xml.length;
      for (; nameEnd < n; nameEnd++) {
        const c = xml.charCodeAt(nameEnd);
        if (c === 62 || c === 47 || c === 32 || c === 9 || c === 10 || c === 13) break;
        if (c === 58 /* : */) localStart = nameEnd + 1;
      }
      const gt = nameEnd < n ? this.tagEnd(nameEnd) : -1;
      if (gt < 0) {
        if (this.refill(start)) continue;
        throw new Error("unterminated tag");
      }
      this.name = xml.slice(localStart, nameEnd);
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

  /** Index of the `>` closing a tag, skipping quoted attribute values (which may contain `>`); -1 when none. */
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
    return -1;
  }

  /** Index just past `marker` from `from`; -1 when it does not occur. */
  private after(marker: string, from: number): number {
    const i = this.xml.indexOf(marker, from);
    return i < 0 ? -1 : i + marker.length;
  }

  /** Decoded text of the current Text token. */
  text(): string {
    const raw = this.xml.slice(this.textStart, this.textEnd);
    return this.cdata ? normalizeNewlines(raw) : decodeXmlText(raw);
  }

  // bounds of the attribute found by scanAttr: local name [nameStart, nameEnd), raw value [valueStart, valueEnd)
  private nameStart = 0;
  private nameEnd = 0;
  private valueStart = 0;
  private valueEnd = 0;

  /** Finds the next attribute of the current Open tag from the cursor and moves past it; false when there are no more. */
  private scanAttr(): boolean {
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
    const quote = xml.charCodeAt(q);
    if (quote !== 34 && quote !== 39) return false;
    const qe = xml.indexOf(quote === 34 ? '"' : "'", q + 1);
    if (qe < 0 || qe > end) return false;
    this.nameStart = localStart;
    this.nameEnd = ne;
    this.valueStart = q + 1;
    this.valueEnd = qe;
    this.ap = qe + 1;
    return true;
  }

  private value(): string {
    const raw = this.xml.slice(this.valueStart, this.valueEnd);
    return raw.indexOf("&") >= 0 ? decodeEntities(raw) : raw;
  }

  /** Advances the attribute cursor of the current Open tag; false when there are no more. */
  nextAttr(): boolean {
    if (!this.scanAttr()) return false;
    this.attrName = this.xml.slice(this.nameStart, this.nameEnd);
    this.attrValue = this.value();
    return true;
  }

  /** Value of the attribute with this local name on the current Open tag (names compared in place: the other attributes cost no strings). */
  attr(local: string): string | undefined {
    this.ap = this.attrStart;
    let found: string | undefined;
    while (this.scanAttr()) {
      if (this.nameEnd - this.nameStart === local.length && this.xml.startsWith(local, this.nameStart)) {
        found = this.value();
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

/**
 * `s` as a string of its own, for text kept after its piece is scanned: V8 keeps a slice of 13 or more
 * characters as a view into the string it was cut from, so one kept formula would keep its whole piece
 * (or, read in one go, the whole part) alive. Joining forces a flat copy of just these characters.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : (" " + s).slice(1);
}
