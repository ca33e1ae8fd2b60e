import type { Transaction } from '../edit/commands';
import { labelSpan, sentenceChunks } from '../edit/commands';
import { applyTransaction } from '../edit/history';
import { sentenceTokens, type CorpusDocument, type Sentence } from '../model/document';
import { extractChunks } from '../scheme/chunks';
import { splitTag } from '../scheme/tags';

/** A search. Literal by default; regex search runs in a worker with a time limit. */
export type SearchQuery =
  | { readonly kind: 'tokens'; readonly text: string; readonly caseSensitive: boolean }
  | { readonly kind: 'label'; readonly type: string }
  | { readonly kind: 'tags'; readonly pattern: string }
  | { readonly kind: 'entityStart'; readonly prefix: string }
  | { readonly kind: 'regex'; readonly source: string; readonly caseSensitive: boolean };

/** A match: tokens [start, end) of a sentence. */
export interface Match {
  readonly sentence: number;
  readonly start: number;
  readonly end: number;
}

/** Matches kept for listing; the count goes on past it. */
export const MAX_MATCHES = 100_000;

/** The result of a search: matches in document order (capped) and the full count. */
export interface SearchResult {
  readonly matches: readonly Match[];
  readonly total: number;
}

/** Splits a literal query into tokens (whitespace separates them, as in the sentence view). */
export function queryTokens(text: string): string[] {
  return text
    .trim()
    .split(/\s+/)
    .filter((t) => t !== '');
}

/** Whether a string is all ASCII. */
function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/**
 * Whether token `k` equals `q`, or, with `lower`, lower-cases to `q` (already lower-cased). For
 * an ASCII `q` this reads the text in place: a 10M-token search would otherwise make two
 * strings per token, and their garbage collections held the page for over 100 ms. A token that
 * lower-cases to ASCII has one code unit per character of `q` (no other code unit lower-cases
 * to one ASCII letter but the Kelvin sign, and `İ` lower-cases to two units, one not ASCII), so
 * the lengths must agree; a non-ASCII unit is left to `toLowerCase`.
 */
function tokenEquals(
  doc: CorpusDocument,
  k: number,
  q: string,
  lower: boolean,
  qAscii: boolean,
): boolean {
  const start = doc.tokens.tokenStart[k] ?? 0;
  const end = doc.tokens.tokenEnd[k] ?? 0;
  if (!lower) return end - start === q.length && doc.text.startsWith(q, start);
  if (!qAscii) return doc.text.slice(start, end).toLowerCase() === q;
  if (end - start !== q.length) return false;
  const text = doc.text;
  for (let i = 0; i < q.length; i++) {
    let c = text.charCodeAt(start + i);
    if (c > 0x7f) return text.slice(start, end).toLowerCase() === q;
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    if (c !== q.charCodeAt(i)) return false;
  }
  return true;
}

/** Where the exact token sequence `words` occurs (case-insensitive when asked). */
export function findTokenSequence(
  doc: CorpusDocument,
  words: readonly string[],
  caseSensitive: boolean,
  from = 0,
  to = doc.sentences.length,
): SearchResult {
  const q = caseSensitive ? words : words.map((w) => w.toLowerCase());
  const ascii = q.map(isAscii);
  const n = q.length;
  const matches: Match[] = [];
  let total = 0;
  if (n === 0) return { matches, total };
  for (let si = from; si < to; si++) {
    const s = doc.sentences[si] as Sentence;
    for (let t = 0; t + n <= s.length; t++) {
      let ok = true;
      for (let j = 0; j < n && ok; j++)
        ok = tokenEquals(doc, s.first + t + j, q[j] as string, !caseSensitive, ascii[j] === true);
      if (!ok) continue;
      total++;
      if (matches.length < MAX_MATCHES) matches.push({ sentence: si, start: t, end: t + n });
    }
  }
  return { matches, total };
}

/** A tag glob: `*` matches any run of characters, everything else is literal. */
function globToRegExp(glob: string): RegExp {
  const body = glob
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}$`);
}

function collect(
  doc: CorpusDocument,
  each: (s: Sentence, si: number, push: (start: number, end: number) => void) => void,
  from = 0,
  to = doc.sentences.length,
): SearchResult {
  const matches: Match[] = [];
  let total = 0;
  for (let si = from; si < to; si++)
    each(doc.sentences[si] as Sentence, si, (start, end) => {
      total++;
      if (matches.length < MAX_MATCHES) matches.push({ sentence: si, start, end });
    });
  return { matches, total };
}

/**
 * Runs a literal, label, tag-pattern or entity-start search. `tags` patterns are
 * space-separated globs over consecutive tags (`O I-*` finds an I- tag after an O).
 * Regex queries are not run here: see `regexSearch`.
 */
export function search(doc: CorpusDocument, q: SearchQuery): SearchResult {
  return searchRange(doc, q, 0, doc.sentences.length);
}

/** `search` over sentences [from, to) only. */
function searchRange(doc: CorpusDocument, q: SearchQuery, from: number, to: number): SearchResult {
  switch (q.kind) {
    case 'tokens':
      return findTokenSequence(doc, queryTokens(q.text), q.caseSensitive, from, to);
    case 'label':
      return collect(
        doc,
        (s, si, push) => {
          for (const c of sentenceChunks(doc, si)) if (c.type === q.type) push(c.start, c.end);
        },
        from,
        to,
      );
    case 'entityStart':
      return collect(
        doc,
        (s, _si, push) => {
          for (const c of extractChunks(s.tags, doc.scheme.rules))
            if (splitTag(s.tags[c.start] ?? 'O').prefix === q.prefix) push(c.start, c.end);
        },
        from,
        to,
      );
    case 'tags': {
      const globs = q.pattern.trim().split(/\s+/).filter(Boolean).map(globToRegExp);
      if (globs.length === 0) return { matches: [], total: 0 };
      return collect(
        doc,
        (s, _si, push) => {
          for (let t = 0; t + globs.length <= s.length; t++)
            if (globs.every((g, j) => g.test(s.tags[t + j] ?? ''))) push(t, t + globs.length);
        },
        from,
        to,
      );
    }
    case 'regex':
      return { matches: [], total: 0 };
  }
}

/**
 * The same as `search`, about `tokensPerSlice` tokens at a time with `await pause()` between
 * slices, so a search over 10M tokens (about a second) never holds the page's thread long.
 * `pause` may throw to abandon the search (e.g. a newer one started).
 */
export async function searchSliced(
  doc: CorpusDocument,
  q: SearchQuery,
  pause: () => Promise<void>,
  tokensPerSlice = 200_000,
): Promise<SearchResult> {
  const matches: Match[] = [];
  let total = 0;
  await overSlices(doc, tokensPerSlice, pause, (from, to) => {
    const r = searchRange(doc, q, from, to);
    total += r.total;
    for (const m of r.matches) {
      if (matches.length >= MAX_MATCHES) break;
      matches.push(m);
    }
  });
  return { matches, total };
}

/**
 * Calls `range(from, to)` over consecutive sentence ranges of about `tokensPerSlice` tokens,
 * from the first sentence to the last, awaiting `pause()` between two ranges.
 */
async function overSlices(
  doc: CorpusDocument,
  tokensPerSlice: number,
  pause: () => Promise<void>,
  range: (from: number, to: number) => void,
): Promise<void> {
  const n = doc.sentences.length;
  let from = 0;
  while (from < n) {
    let to = from;
    let tokens = 0;
    while (to < n && tokens < tokensPerSlice) tokens += (doc.sentences[to++] as Sentence).length;
    range(from, to);
    from = to;
    if (from < n) await pause();
  }
}

/**
 * Regex search over each sentence's text (tokens joined by single spaces): a match covers the
 * tokens it overlaps. Expects a RegExp with the `g` flag. It can run as long as the pattern
 * makes it, so the app runs it in a worker that is terminated past its time limit.
 */
export function regexSearch(doc: CorpusDocument, re: RegExp): SearchResult {
  return collect(doc, (s, _si, push) => {
    const starts: number[] = [];
    let text = '';
    for (let t = 0; t < s.length; t++) {
      if (t > 0) text += ' ';
      starts.push(text.length);
      const k = s.first + t;
      text += doc.text.slice(doc.tokens.tokenStart[k], doc.tokens.tokenEnd[k]);
    }
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const from = m.index;
      const to = m.index + Math.max(1, m[0].length);
      if (m[0].length === 0) re.lastIndex++;
      let a = 0;
      while (a + 1 < starts.length && (starts[a + 1] ?? 0) <= from) a++;
      let b = a;
      while (b + 1 < starts.length && (starts[b + 1] ?? 0) < to) b++;
      push(a, b + 1);
    }
  });
}

/**
 * Labels many spans as `type` in one transaction ("label all occurrences"): each span replaces
 * what it overlaps, as a single labelling would. Spans already exactly an entity of `type` are
 * skipped. Null when nothing changes.
 */
export function labelMatches(
  doc: CorpusDocument,
  matches: readonly Match[],
  type: string,
  command = 'span.labelAll',
): Transaction | null {
  let cur = doc;
  const steps: Transaction['steps'][number][] = [];
  for (const m of matches) {
    const tr = labelSpan(cur, m.sentence, m.start, m.end, type);
    if (!tr) continue;
    const next = applyTransaction(cur, tr);
    if (!next) continue;
    cur = next;
    steps.push(...tr.steps);
  }
  return steps.length > 0 ? { command, steps } : null;
}

/** The other occurrences of a span's words, for "label the N other occurrences". */
export function otherOccurrences(
  doc: CorpusDocument,
  span: Match,
  caseSensitive: boolean,
  type: string,
  from = 0,
  to = doc.sentences.length,
): Match[] {
  const s = doc.sentences[span.sentence];
  if (!s) return [];
  const words = sentenceTokens(doc, s).slice(span.start, span.end);
  return findTokenSequence(doc, words, caseSensitive, from, to).matches.filter((m) => {
    if (m.sentence === span.sentence && m.start < span.end && span.start < m.end) return false;
    const already = sentenceChunks(doc, m.sentence).some(
      (c) => c.start === m.start && c.end === m.end && c.type === type,
    );
    return !already;
  });
}

/**
 * The same as `otherOccurrences`, about `tokensPerSlice` tokens at a time with `await pause()`
 * between slices: the whole scan of 1M tokens takes ~50 ms, too long for one task of the page.
 * `pause` may throw to abandon the scan.
 */
export async function otherOccurrencesSliced(
  doc: CorpusDocument,
  span: Match,
  caseSensitive: boolean,
  type: string,
  pause: () => Promise<void>,
  tokensPerSlice = 50_000,
): Promise<Match[]> {
  const out: Match[] = [];
  await overSlices(doc, tokensPerSlice, pause, (from, to) => {
    for (const m of otherOccurrences(doc, span, caseSensitive, type, from, to)) {
      if (out.length >= MAX_MATCHES) break;
      out.push(m);
    }
  });
  return out;
}
