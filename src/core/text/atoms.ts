// Atoms: URLs, e-mail addresses and citation marks, found before word segmentation and kept
// whole (the word segmenter would cut `https://x.org/a` at every `:` and `/`).

/** A half-open range of UTF-16 offsets. */
export interface Span {
  start: number;
  end: number;
}

const URL = /\b(?:https?:\/\/|ftp:\/\/|www\.)[^\s\p{Cc}\u200B<>"]+/giu;
const CITATION = /\[\d{1,4}(?:[,\u2013-]\d{1,4})*\]/g;
const URL_TRAILING = /[.,;:!?'"\u2019\u201D]$/u;
const EMAIL_LOCAL = /[\p{L}\p{M}\p{N}._%+-]/u;
const EMAIL_DOMAIN = /[\p{L}\p{M}\p{N}-]+(?:\.[\p{L}\p{M}\p{N}-]+)*\.\p{L}[\p{L}\p{M}]+/uy;
// Marks and joiners that belong to the character before them: an atom never ends before one.
const EXTENDS = /\p{M}|\u200C|\u200D/u;

/** URLs, e-mail addresses and `[12]`-style citation marks in `text`, sorted, not overlapping. */
export function findAtoms(text: string): Span[] {
  const found: Span[] = [];
  if (text.includes('://') || text.includes('www.')) found.push(...urls(text));
  if (text.includes('@')) found.push(...emails(text));
  if (text.includes('[')) {
    for (const m of text.matchAll(CITATION)) found.push(span(m.index, m[0].length));
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Span[] = [];
  for (const s of found) {
    const last = out[out.length - 1];
    if (last !== undefined && s.start < last.end) continue;
    out.push({ start: s.start, end: extendOverMarks(text, s.end) });
  }
  return out;
}

function span(start: number, length: number): Span {
  return { start, end: start + length };
}

function urls(text: string): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(URL)) {
    let u = m[0];
    for (;;) {
      if (URL_TRAILING.test(u)) u = u.slice(0, -1);
      else if (unbalancedClose(u, ')', '(') || unbalancedClose(u, ']', '[')) u = u.slice(0, -1);
      else break;
    }
    // Only the prefix left (`www.`, `http://`): not a URL.
    const rest = /^www\./i.test(u) ? u.slice(4) : u.slice(u.indexOf('//') + 2);
    if (!/[\p{L}\p{N}]/u.test(rest)) continue;
    out.push(span(m.index, u.length));
  }
  return out;
}

function unbalancedClose(u: string, close: string, open: string): boolean {
  if (!u.endsWith(close)) return false;
  return u.split(close).length > u.split(open).length;
}

function emails(text: string): Span[] {
  const out: Span[] = [];
  let floor = 0;
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > floor && EMAIL_LOCAL.test(text.charAt(start - 1))) start -= 1;
    while (start < at && !/[\p{L}\p{N}]/u.test(text.charAt(start))) start += 1;
    EMAIL_DOMAIN.lastIndex = at + 1;
    const m = EMAIL_DOMAIN.exec(text);
    if (start < at && m !== null) {
      out.push({ start, end: at + 1 + m[0].length });
      floor = at + 1 + m[0].length;
    } else floor = at + 1;
  }
  return out;
}

function extendOverMarks(text: string, end: number): number {
  let e = end;
  while (e < text.length && EXTENDS.test(text.charAt(e))) e += 1;
  return e;
}
