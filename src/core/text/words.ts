// The word pass: Intl.Segmenter words, then Penn-Treebank-like repairs (hyphen and slash
// compounds, abbreviation periods, clitics, ellipses) over a flat list of pieces.
import {
  ABBREV_ALWAYS,
  ABBREV_BEFORE_NUMBER,
  CLITICS,
  DOTTED_INITIALS,
  isApostropheAt,
} from './lexicon';
import { buildPieces, PUNCT, WORD, type Pieces } from './pieces';
import type { TextToken } from './tokenize';

/** Tokens of `text` (words, numbers, punctuation, URLs, e-mails, citation marks), in order. */
export function wordTokens(text: string, locale: string): TextToken[] {
  return assemble(text, buildPieces(text, locale));
}

function assemble(text: string, p: Pieces): TextToken[] {
  const out: TextToken[] = [];
  const n = p.kind.length;
  let i = 0;
  while (i < n) {
    const kind = p.kind[i];
    if (kind === WORD) i = emitWord(text, p, i, out);
    else if (kind === PUNCT) i = emitPunct(text, p, i, out);
    else {
      out.push({ start: p.start[i] as number, end: p.end[i] as number });
      i += 1;
    }
  }
  return out;
}

/** Does piece `i` exist, touch piece `i - 1`, and consist of the single character `c`? */
function isCharPiece(text: string, p: Pieces, i: number, c: string): boolean {
  const s = p.start[i];
  return s !== undefined && s === p.end[i - 1] && p.end[i] === s + 1 && text.charAt(s) === c;
}

/** Does piece `i` exist, touch piece `i - 1`, and is it a word? */
function isTouchingWord(p: Pieces, i: number): boolean {
  return p.kind[i] === WORD && p.start[i] === p.end[i - 1];
}

const JOINERS = '-\u2010\u2011/&';

function joinsAt(text: string, p: Pieces, i: number): boolean {
  const s = p.start[i] as number;
  if (p.end[i] !== s + 1 || s !== p.end[i - 1] || !isTouchingWord(p, i + 1)) return false;
  const c = text.charAt(s);
  if (JOINERS.includes(c)) return true;
  // `10:30`: a colon joins digits only.
  return c === ':' && isDigits(text, p, i - 1) && isDigits(text, p, i + 1);
}

function isDigits(text: string, p: Pieces, i: number): boolean {
  return /^\d+$/.test(text.slice(p.start[i], p.end[i]));
}

function emitWord(text: string, p: Pieces, i: number, out: TextToken[]): number {
  let j = i;
  while (j + 2 < p.kind.length && joinsAt(text, p, j + 1)) j += 2;
  const start = p.start[i] as number;
  const end = p.end[j] as number;
  // `1990's`: the segmenter leaves the apostrophe between a number and `s` on its own.
  if (isApostrophePiece(text, p, j + 1) && isTouchingWord(p, j + 2)) {
    const clitic = text.slice(p.start[j + 2], p.end[j + 2]).toLowerCase();
    if (CLITICS.has(clitic)) {
      out.push({ start, end }, { start: end, end: p.end[j + 2] as number });
      return j + 3;
    }
  }
  if (isCharPiece(text, p, j + 1, '.') && !isCharPiece(text, p, j + 2, '.')) {
    if (keepsPeriod(text, start, end)) {
      out.push({ start, end: end + 1 });
      return j + 2;
    }
  }
  pushSplittingClitic(text, start, end, out);
  return j + 1;
}

function isApostrophePiece(text: string, p: Pieces, i: number): boolean {
  const s = p.start[i];
  return s !== undefined && s === p.end[i - 1] && p.end[i] === s + 1 && isApostropheAt(text, s);
}

/** Does the word at [start, end), followed by a period at `end`, keep that period? */
function keepsPeriod(text: string, start: number, end: number): boolean {
  const word = text.slice(start, end);
  const lower = word.toLowerCase();
  if (ABBREV_ALWAYS.has(lower) || DOTTED_INITIALS.test(word)) return true;
  return ABBREV_BEFORE_NUMBER.has(lower) && /^[ \u00A0]*\d/.test(text.slice(end + 1, end + 8));
}

/** Pushes the word, split before a final `'s 're 've 'll 'd 'm` or `n't` clitic. */
function pushSplittingClitic(text: string, start: number, end: number, out: TextToken[]) {
  const cut = cliticStart(text, start, end);
  if (cut === -1) out.push({ start, end });
  else out.push({ start, end: cut }, { start: cut, end });
}

function cliticStart(text: string, start: number, end: number): number {
  if (end - start < 3) return -1;
  const last = text.charAt(end - 1).toLowerCase();
  if (isApostropheAt(text, end - 2)) {
    if (last === 't' && text.charAt(end - 3).toLowerCase() === 'n') {
      return end - 3 > start && isLetterAt(text, end - 4) ? end - 3 : -1;
    }
    return 'sdm'.includes(last) && isLetterOrDigitAt(text, end - 3) ? end - 2 : -1;
  }
  if (end - start >= 4 && isApostropheAt(text, end - 3)) {
    const tail = text.slice(end - 2, end).toLowerCase();
    return CLITICS.has(tail) && isLetterOrDigitAt(text, end - 4) ? end - 3 : -1;
  }
  return -1;
}

function isLetterAt(text: string, i: number): boolean {
  return /\p{L}/u.test(text.charAt(i));
}

function isLetterOrDigitAt(text: string, i: number): boolean {
  return /[\p{L}\p{N}]/u.test(text.charAt(i));
}

function emitPunct(text: string, p: Pieces, i: number, out: TextToken[]): number {
  const start = p.start[i] as number;
  const c = text.charAt(start);
  let j = i;
  // `...` and `--` are one token each.
  if ((c === '.' || c === '-') && p.end[i] === start + 1) {
    while (isCharPiece(text, p, j + 1, c)) j += 1;
  }
  out.push({ start, end: p.end[j] as number });
  return j + 1;
}
