// The sentence pass: where a new sentence starts. Intl.Segmenter proposes boundaries on the
// text with line breaks flattened to spaces (it would otherwise end a sentence at every line
// of wrapped prose); abbreviations veto some; paragraph breaks, heading lines and list items
// add hard ones.
import {
  ABBREV_NEVER_FINAL,
  FUNCTION_WORDS,
  isAbbreviation,
  LINE_BREAK,
  LINE_BREAK_CHAR,
  SEPARATOR,
} from './lexicon';
import { segmenter } from './segmenter';
import type { TextToken } from './tokenize';

/** Sorted offsets where a sentence may start: a token starting at or after one begins a new one. */
export function sentenceBreaks(text: string, tokens: readonly TextToken[], locale: string) {
  const hard = lineBreaks(text);
  const soft = vetoAbbreviations(text, tokens, segmenterBreaks(text, hard, locale));
  return soft.concat(hard).sort((a, b) => a - b);
}

const CHUNK = 2000;
const SURE_CUT = /[.!?] +(?=[A-Z])|[\u3002\uFF01\uFF1F](?=\p{L})/gu;

/**
 * Intl.Segmenter's sentence boundaries on `text` with line breaks turned into spaces, except
 * those before a hard break. It is fed chunks of ~2000 characters (its cost per boundary grows
 * with the string's length), cut where it surely breaks: after a kept line break, or between a
 * sentence end and a capital.
 */
function segmenterBreaks(text: string, hard: readonly number[], locale: string): number[] {
  const flat = flatten(text, hard);
  const seg = segmenter(locale, 'sentence');
  const out: number[] = [];
  let from = 0;
  while (from < flat.length) {
    const [to, sure] = flat.length - from <= CHUNK * 1.5 ? [flat.length, false] : cut(flat, from);
    const chunk = seg.segment(flat.slice(from, to));
    for (const s of chunk) if (s.index > 0) out.push(from + s.index);
    if (sure) out.push(to);
    from = to;
  }
  return out;
}

function flatten(text: string, hard: readonly number[]): string {
  const flat = text.replace(LINE_BREAK_CHAR, ' ');
  if (hard.length === 0) return flat;
  const parts: string[] = [];
  let from = 0;
  for (const h of hard) {
    parts.push(flat.slice(from, h - 1), '\n');
    from = h;
  }
  parts.push(flat.slice(from));
  return parts.join('');
}

/** Where to end the chunk starting at `from`, and whether the segmenter surely breaks there. */
function cut(flat: string, from: number): [number, boolean] {
  const limit = from + CHUNK * 3;
  const nl = flat.indexOf('\n', from + CHUNK);
  if (nl !== -1 && nl < limit) return [nl + 1, true];
  SURE_CUT.lastIndex = from + CHUNK;
  const m = SURE_CUT.exec(flat);
  if (m !== null && m.index < limit) return [m.index + m[0].length, true];
  const space = flat.indexOf(' ', from + CHUNK);
  if (space !== -1 && space < limit) return [space + 1, false];
  let at = limit;
  while (/[\uDC00-\uDFFF]/.test(flat.charAt(at))) at -= 1;
  return [at, false];
}

/** Drops the candidate breaks that follow an abbreviation (see `continuesAfterAbbreviation`). */
function vetoAbbreviations(text: string, tokens: readonly TextToken[], breaks: number[]) {
  const out: number[] = [];
  let k = 0;
  for (const b of breaks) {
    while (k < tokens.length && (tokens[k] as TextToken).start < b) k += 1;
    if (k === 0 || k >= tokens.length) continue;
    if (!continuesAfterAbbreviation(text, tokens, k)) out.push(b);
  }
  return out;
}

/** Is the boundary before token `k` one that an abbreviation ending token `k - 1` vetoes? */
function continuesAfterAbbreviation(text: string, tokens: readonly TextToken[], k: number) {
  const prev = tokens[k - 1] as TextToken;
  const next = tokens[k] as TextToken;
  let word = text.slice(prev.start, prev.end);
  if (word === '.') {
    // `Fig` `.` when the period was not kept (`Fig. A3`): look at the word before it.
    const before = tokens[k - 2];
    if (before === undefined || before.end !== prev.start) return false;
    word = text.slice(before.start, prev.end);
  }
  if (!word.endsWith('.')) return false;
  const bare = word.slice(0, -1);
  if (ABBREV_NEVER_FINAL.has(bare.toLowerCase())) return true;
  return isAbbreviation(bare) && /^[\p{Ll}\p{N}]/u.test(text.slice(next.start, next.start + 2));
}

interface Line {
  start: number;
  end: number;
}

/** Starts of lines after a blank line, after a heading-like line, or opening a list item. */
function lineBreaks(text: string): number[] {
  const out: number[] = [];
  let prev: Line | undefined;
  let blankBefore = false;
  for (const line of lines(text)) {
    const body = text.slice(line.start, line.end);
    if (!/[^\s\p{Cc}\u200B]/u.test(body)) {
      blankBefore = true;
      continue;
    }
    if (prev !== undefined) {
      const newSentence =
        blankBefore ||
        isListItem(body) ||
        (!startsLowercase(body) && isHeadingLike(text.slice(prev.start, prev.end)));
      if (newSentence) out.push(line.start);
    }
    prev = line;
    blankBefore = false;
  }
  return out;
}

function lines(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (const m of text.matchAll(LINE_BREAK)) {
    out.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  out.push({ start, end: text.length });
  return out;
}

function startsLowercase(line: string): boolean {
  return /^[\s\p{Cc}\u200B]*\p{Ll}/u.test(line);
}

const LIST_ITEM =
  /^[\s\p{Cc}\u200B]*(?:[-*\u2022\u2023\u25E6\u25AA\u25CF\u2013\u2014]|\(?\d{1,3}[.)]|\(?[a-z]\))\s/u;

function isListItem(line: string): boolean {
  return LIST_ITEM.test(line);
}

/**
 * A short line that does not end like a sentence or in the middle of one: a title, a caption.
 * Wrapped prose lines are long, or end with a function word or punctuation.
 */
function isHeadingLike(line: string): boolean {
  const t = line.trim();
  if (t.length > 80) return false;
  const words = t.split(SEPARATOR).filter((w) => w !== '');
  if (words.length > 10) return false;
  const firstLetter = /\p{L}/u.exec(t);
  if (firstLetter !== null && /\p{Ll}/u.test(firstLetter[0])) return false;
  const core = t.replace(/[)\]}"'\u2019\u201D\u00BB]+$/u, '');
  if (/[.,;:!?\u2026\-\u2010\u2013\u2014]$/u.test(core)) return false;
  const lastWord = (words[words.length - 1] ?? '').toLowerCase();
  return !FUNCTION_WORDS.has(lastWord);
}
