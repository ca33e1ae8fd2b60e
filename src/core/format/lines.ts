/** Longest line retag reads, in UTF-16 code units; a longer line is an E_LINE_TOO_LONG error. */
export const MAX_LINE_LENGTH = 100_000;

/** Offsets of every line start in a text (line n, 1-based, starts at result[n-1]). */
export function computeLineStarts(text: string): Uint32Array {
  if (text.length === 0) return new Uint32Array(0);
  let starts = new Uint32Array(Math.max(16, text.length >> 3));
  let count = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i + 1 < text.length; i = text.indexOf('\n', i + 1)) {
    if (count === starts.length) {
      const grown = new Uint32Array(starts.length * 2);
      grown.set(starts);
      starts = grown;
    }
    starts[count++] = i + 1;
  }
  return starts.slice(0, count);
}

/** The 1-based line holding a text offset (binary search over line starts). */
export function lineOfOffset(lineStarts: Uint32Array, offset: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((lineStarts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/**
 * Field offsets of one line, reused between lines to avoid allocation. `starts[i]`/`ends[i]`
 * are text offsets of field i.
 */
export class Fields {
  starts: number[] = [];
  ends: number[] = [];
  count = 0;
  /** True when the line was split at TABs, false when at runs of spaces. */
  tab = false;
  /**
   * Splits text[from, to) into fields: at every TAB when the line holds a TAB (so a token may
   * contain spaces), otherwise at runs of U+0020. Expects trailing whitespace already removed.
   */
  split(text: string, from: number, to: number): void {
    this.count = 0;
    // Lines are short: a bounded char loop beats indexOf, which would search past the line.
    let tab = -1;
    for (let i = from; i < to; i++) {
      if (text.charCodeAt(i) === 9) {
        tab = i;
        break;
      }
    }
    this.tab = tab >= 0;
    if (tab >= 0) {
      let s = from;
      for (let i = tab; i < to; i++) {
        if (text.charCodeAt(i) === 9) {
          this.push(s, i);
          s = i + 1;
        }
      }
      this.push(s, to);
      return;
    }
    let i = from;
    while (i < to) {
      while (i < to && text.charCodeAt(i) === 32) i++;
      if (i >= to) break;
      const s = i;
      while (i < to && text.charCodeAt(i) !== 32) i++;
      this.push(s, i);
    }
  }

  private push(s: number, e: number): void {
    this.starts[this.count] = s;
    this.ends[this.count] = e;
    this.count += 1;
  }
}

/** Offset just past the last character of text[from, to) that is not a space or TAB. */
export function trimEndOffset(text: string, from: number, to: number): number {
  let e = to;
  while (e > from) {
    const c = text.charCodeAt(e - 1);
    if (c !== 32 && c !== 9) break;
    e -= 1;
  }
  return e;
}
