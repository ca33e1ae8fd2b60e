// Pieces: the word segmenter's segments with separators removed, as parallel arrays.
//
// V8's Intl.Segmenter costs ~15 µs per call and, per segment, time proportional to the
// string's length (quadratic on long strings). So the segmenter only sees what needs it:
// text is cut at separators (UAX #29 never joins across them), plain runs like `(word),` are
// split by hand exactly as the segmenter would, and the remaining runs go to it in batches of
// a few hundred characters joined by LF (a guaranteed boundary).
import { findAtoms } from './atoms';
import { NON_SEPARATOR_RUN } from './lexicon';
import { segmenter } from './segmenter';

export const WORD = 0;
export const PUNCT = 1;
export const ATOM = 2;

/** Pieces in text order: [start[i], end[i]) of kind[i] (WORD, PUNCT or ATOM). */
export interface Pieces {
  start: number[];
  end: number[];
  kind: number[];
}

// Runs of printable ASCII and of letters from scripts whose letters are all ALetter (Latin-1,
// Latin Extended-A/B, Cyrillic), with no `_` and no `. , ; : '` between two letters or digits:
// the segmenter makes each letter-or-digit group a word and each other character a segment.
const PLAIN_CHARS = /^[!-~\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u0400-\u0481\u048A-\u04FF]+$/;
const ALNUM =
  'A-Za-z0-9\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F\\u0400-\\u0481\\u048A-\\u04FF';
const JOINED = new RegExp(`_|[${ALNUM}][.,;:'][${ALNUM}]`);
const ALNUM_RUN = new RegExp(`[${ALNUM}]+`, 'y');

function isPlain(run: string): boolean {
  return PLAIN_CHARS.test(run) && !JOINED.test(run);
}

const BATCH = 400;
const LONG_RUN = 600;

/** The pieces of `text`: atoms whole, everything else as Intl.Segmenter segments it. */
export function buildPieces(text: string, locale: string, fastPath = true): Pieces {
  const runs: Pieces = { start: [], end: [], kind: [] };
  let at = 0;
  for (const atom of [...findAtoms(text), { start: text.length, end: text.length }]) {
    if (atom.start > at) collectRuns(text, at, atom.start, fastPath, runs);
    if (atom.end > atom.start) push(runs, atom.start, atom.end, ATOM);
    at = atom.end;
  }
  const slow = segmentSlowRuns(text, runs, locale);
  return mergeRuns(text, runs, slow);
}

/** Appends a piece. */
function push(p: Pieces, start: number, end: number, kind: number): void {
  p.start.push(start);
  p.end.push(end);
  p.kind.push(kind);
}

const FAST = 3;
const SLOW = 4;

function collectRuns(text: string, from: number, to: number, fastPath: boolean, runs: Pieces) {
  const gap = text.slice(from, to);
  for (const m of gap.matchAll(NON_SEPARATOR_RUN)) {
    const start = from + m.index;
    const end = start + m[0].length;
    if (fastPath && isPlain(m[0])) push(runs, start, end, FAST);
    else if (end - start <= LONG_RUN) push(runs, start, end, SLOW);
    else for (const [a, b] of cutLongRun(text, start, end)) push(runs, a, b, SLOW);
  }
}

/** Emits every run's pieces in order: plain runs split here, the others from `slow`. */
function mergeRuns(text: string, runs: Pieces, slow: Pieces): Pieces {
  const out: Pieces = { start: [], end: [], kind: [] };
  let k = 0;
  for (let i = 0; i < runs.kind.length; i += 1) {
    const start = runs.start[i] as number;
    const end = runs.end[i] as number;
    const kind = runs.kind[i];
    if (kind === ATOM) push(out, start, end, ATOM);
    else if (kind === FAST) splitPlain(text, start, end, out);
    else {
      for (; k < slow.kind.length && (slow.start[k] as number) < end; k += 1) {
        push(out, slow.start[k] as number, slow.end[k] as number, slow.kind[k] as number);
      }
    }
  }
  return out;
}

function splitPlain(text: string, start: number, end: number, out: Pieces): void {
  let i = start;
  while (i < end) {
    ALNUM_RUN.lastIndex = i;
    if (ALNUM_RUN.test(text)) {
      const stop = Math.min(ALNUM_RUN.lastIndex, end);
      push(out, i, stop, WORD);
      i = stop;
    } else {
      push(out, i, i + 1, PUNCT);
      i += 1;
    }
  }
}

function segmentSlowRuns(text: string, runs: Pieces, locale: string): Pieces {
  const out: Pieces = { start: [], end: [], kind: [] };
  const seg = segmenter(locale, 'word');
  let parts: number[] = [];
  let size = 0;
  for (let i = 0; i < runs.kind.length; i += 1) {
    if (runs.kind[i] !== SLOW) continue;
    parts.push(runs.start[i] as number, runs.end[i] as number);
    size += (runs.end[i] as number) - (runs.start[i] as number) + 1;
    if (size >= BATCH) {
      segmentBatch(text, parts, seg, out);
      parts = [];
      size = 0;
    }
  }
  if (parts.length > 0) segmentBatch(text, parts, seg, out);
  return out;
}

/** Segments the ranges [parts[0], parts[1]), [parts[2], parts[3]), … joined by LF. */
function segmentBatch(text: string, parts: number[], seg: Intl.Segmenter, out: Pieces) {
  const strings: string[] = [];
  for (let i = 0; i < parts.length; i += 2) strings.push(text.slice(parts[i], parts[i + 1]));
  const joined = strings.join('\n');
  let p = 0; // current part; its text starts at parts[2p] and its batch offset is `base`
  let base = 0;
  for (const s of seg.segment(joined)) {
    while (s.index >= base + (strings[p] as string).length + 1) {
      base += (strings[p] as string).length + 1;
      p += 1;
    }
    const offset = (parts[2 * p] as number) - base;
    // Parts hold no separators and the segmenter always breaks around LF, so a segment is
    // the joining LF or lies inside one part.
    if (s.segment === '\n') continue;
    const start = offset + s.index;
    if (s.isWordLike !== true) push(out, start, start + s.segment.length, PUNCT);
    else if (s.segment.includes(':')) splitColons(s.segment, start, out);
    else push(out, start, start + s.segment.length, WORD);
  }
}

// The segmenter joins `a:b` (":" is MidLetter in UAX #29); the Treebank splits it.
function splitColons(word: string, start: number, out: Pieces): void {
  let from = 0;
  for (let i = word.indexOf(':'); i !== -1; i = word.indexOf(':', i + 1)) {
    if (i > from) push(out, start + from, start + i, WORD);
    push(out, start + i, start + i + 1, PUNCT);
    from = i + 1;
  }
  if (from < word.length) push(out, start + from, start + word.length, WORD);
}

// Characters after which UAX #29 always breaks before a letter, digit or mark-free symbol.
const CUT_AFTER = '。、！？（）「」『』【】《》()[]{}!?…';
const CUT_BEFORE = /[\p{L}\p{N}\p{P}\p{S}]/u;

/** Cuts a long run without separators (CJK prose) into pieces at word boundaries. */
function cutLongRun(text: string, start: number, end: number): [number, number][] {
  const out: [number, number][] = [];
  let from = start;
  while (end - from > LONG_RUN) {
    const cut = findCut(text, from + LONG_RUN / 2, Math.min(end, from + 4 * LONG_RUN));
    out.push([from, cut]);
    from = cut;
  }
  out.push([from, end]);
  return out;
}

function findCut(text: string, from: number, limit: number): number {
  for (let i = from; i < limit; i += 1) {
    if (CUT_AFTER.includes(text.charAt(i - 1)) && isCutBefore(text.charAt(i))) return i;
  }
  // Between two letters of a script the segmenter joins without a dictionary: splits a word
  // (only in runs of thousands of characters without a boundary), never a character.
  for (let i = from; i < limit; i += 1) {
    const next = text.charAt(i);
    if (isCutBefore(next) && /[\p{L}\p{N}]/u.test(text.charAt(i - 1)) && !HANGUL_JAMO.test(next)) {
      return i;
    }
  }
  let cut = limit;
  while (cut > from && /[\uDC00-\uDFFF]/.test(text.charAt(cut))) cut -= 1;
  return cut;
}

const HANGUL_JAMO = /[\u1100-\u11FF\uA960-\uA97F\uD7B0-\uD7FF]/;

function isCutBefore(c: string): boolean {
  return CUT_BEFORE.test(c) && c !== '\uFF9E' && c !== '\uFF9F';
}
