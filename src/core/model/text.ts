/**
 * The read side of a document's text. A plain string is one; a text of 100M characters is
 * kept in pieces instead (`PiecedText`), because a single string that size costs the page's
 * thread ~150 ms to receive from a worker or to flatten, in one task. Reads slice pieces.
 */
export interface DocText {
  readonly length: number;
  slice(start?: number, end?: number): string;
  charCodeAt(index: number): number;
  startsWith(search: string, position?: number): boolean;
  endsWith(search: string): boolean;
}

/** A text in consecutive pieces (each a string); offsets are those of the whole text. */
export class PiecedText implements DocText {
  readonly parts: readonly string[];
  readonly length: number;
  /** Offset of each part's first character, ascending. */
  private readonly starts: number[];

  constructor(parts: readonly string[]) {
    this.parts = parts.filter((p) => p.length > 0);
    this.starts = [];
    let at = 0;
    for (const p of this.parts) {
      this.starts.push(at);
      at += p.length;
    }
    this.length = at;
  }

  /** The part holding offset `i` (0 ≤ i < length). */
  private partAt(i: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] as number) <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  slice(start = 0, end = this.length): string {
    const n = this.length;
    let a = start < 0 ? Math.max(n + start, 0) : Math.min(start, n);
    const b = end < 0 ? Math.max(n + end, 0) : Math.min(end, n);
    if (a >= b) return '';
    let k = this.partAt(a);
    let out = '';
    while (a < b) {
      const from = this.starts[k] as number;
      const part = this.parts[k] as string;
      const to = Math.min(b, from + part.length);
      out += part.slice(a - from, to - from);
      a = to;
      k += 1;
    }
    return out;
  }

  charCodeAt(index: number): number {
    if (!(index >= 0 && index < this.length)) return NaN;
    const k = this.partAt(index);
    return (this.parts[k] as string).charCodeAt(index - (this.starts[k] as number));
  }

  startsWith(search: string, position = 0): boolean {
    const at = Math.max(0, Math.min(position, this.length));
    return this.slice(at, at + search.length) === search;
  }

  endsWith(search: string): boolean {
    return this.slice(Math.max(0, this.length - search.length)) === search;
  }

  /** The text with [start, end) replaced by `insert`: only the pieces it touches are copied. */
  splice(start: number, end: number, insert: string): PiecedText {
    if (this.parts.length === 0) return new PiecedText([insert]);
    const first = this.partAt(Math.min(start, this.length - 1));
    const last = this.partAt(Math.max(start, Math.min(end, this.length) - 1));
    const from = this.starts[first] as number;
    const lastPart = this.parts[last] as string;
    const to = (this.starts[last] as number) + lastPart.length;
    const middle = this.slice(from, start) + insert + this.slice(end, to);
    return new PiecedText([...this.parts.slice(0, first), middle, ...this.parts.slice(last + 1)]);
  }

  /** The whole text as one string (a long copy for a big text: export and rewrites only). */
  toString(): string {
    return this.parts.join('');
  }
}

/** The whole text as one string. */
export function textString(t: DocText): string {
  return typeof t === 'string' ? t : t.toString();
}

/** `t` with [start, end) replaced by `insert` (a big text stays in pieces). */
export function spliceText(t: DocText, start: number, end: number, insert: string): DocText {
  if (t instanceof PiecedText) return t.splice(start, end, insert);
  return t.slice(0, start) + insert + t.slice(end);
}
