import { tokenizeText, type TextSentence } from '../text/tokenize';
import type { DiagnosticList } from './diagnostics';
import type { OffsetMap } from './offsets';
import { show } from './spans';

/** Tokens of one record: UTF-16 offsets into its text, and where sentences start. */
export interface TokenList {
  readonly starts: readonly number[];
  readonly ends: readonly number[];
  /** Token indices where the tokenizer starts a sentence (always holds 0 when there are tokens). */
  readonly sentenceStarts: readonly number[];
}

/** A token as a record gives it (retag's `[start, end]`, Prodigy's object): fields unchecked. */
export interface RawToken {
  readonly start: unknown;
  readonly end: unknown;
  /** The token text the tool recorded (Prodigy), to check against the text. */
  readonly text?: unknown;
}

/** Flattens tokenizer sentences into a token list. */
export function fromSentences(sentences: readonly TextSentence[]): TokenList {
  const starts: number[] = [];
  const ends: number[] = [];
  const sentenceStarts: number[] = [];
  for (const s of sentences) {
    if (s.tokens.length === 0) continue;
    sentenceStarts.push(starts.length);
    for (const t of s.tokens) {
      starts.push(t.start);
      ends.push(t.end);
    }
  }
  return { starts, ends, sentenceStarts };
}

/**
 * Checks a record's own tokens (integer offsets in the tool's unit, inside the text, non-empty,
 * in order, not overlapping) and converts them to UTF-16. Null, with the reason, when unusable.
 */
export function checkGivenTokens(
  raw: readonly RawToken[],
  text: string,
  map: OffsetMap,
): { starts: number[]; ends: number[]; textMismatch: number } | { problem: string } {
  const starts: number[] = [];
  const ends: number[] = [];
  let textMismatch = 0;
  let prevEnd = 0;
  for (let i = 0; i < raw.length; i++) {
    const t = raw[i]!;
    const s = t.start;
    const e = t.end;
    if (!Number.isSafeInteger(s) || !Number.isSafeInteger(e)) {
      return { problem: `token ${i} has offsets ${show(s)}, ${show(e)}, not integers` };
    }
    const a = s as number;
    const b = e as number;
    if (a < prevEnd || b <= a || b > map.length) {
      return {
        problem: `token ${i} [${a}, ${b}) is empty, out of order, overlapping or past the text`,
      };
    }
    prevEnd = b;
    const u = map.toUtf16(a);
    const v = map.toUtf16(b);
    if (t.text !== undefined && t.text !== text.slice(u, v)) textMismatch += 1;
    starts.push(u);
    ends.push(v);
  }
  return { starts, ends, textMismatch };
}

/**
 * Sentence starts for tokens a record gave: a break before token k when the tokenizer starts a
 * sentence between the starts of tokens k-1 and k.
 */
export function sentenceStartsFor(text: string, starts: readonly number[]): number[] {
  if (starts.length === 0) return [];
  const out = [0];
  const breaks: number[] = [];
  for (const s of tokenizeText(text)) if (s.tokens.length > 0) breaks.push(s.tokens[0]!.start);
  let b = 0;
  for (let k = 1; k < starts.length; k++) {
    while (b < breaks.length && breaks[b]! <= starts[k - 1]!) b++;
    if (b < breaks.length && breaks[b]! <= starts[k]!) out.push(k);
  }
  return out;
}

const GLUED_AFTER = /^[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}'’-]*[,;:!?)\]}"”]+$/u;
const GLUED_BEFORE = /^[([{"“][\p{L}\p{M}\p{N}]/u;
const GLUED_FINAL_STOP = /^\p{L}{2,}\.$/u;

/**
 * True when a whitespace token has punctuation glued to a word, as prose has and pre-tokenized
 * text has not: `word,` `(word` `word)`, or `word.` at the end of a line (mid-line `Ltd.` and
 * `U.S.` are abbreviations, which tokenized corpora keep whole).
 */
export function hasGluedPunctuation(token: string, lastOnLine: boolean): boolean {
  return (
    GLUED_AFTER.test(token) ||
    GLUED_BEFORE.test(token) ||
    (lastOnLine && GLUED_FINAL_STOP.test(token))
  );
}

const NON_WHITE = /[^\p{White_Space}]+/gu;
const LINE_END = /\r\n|[\n\r\v\f\u0085\u2028\u2029]/g;

/**
 * Whitespace tokens: maximal runs of characters that are not Unicode White_Space, one sentence
 * per line. Unlike `tokenizeWhitespace` it keeps U+200B, U+FEFF and control characters inside
 * tokens, as CoNLL tokens hold them (WNUT-17 has `watched\u200Bwas`), so a brat export of
 * CoNLL reads back with the same tokens.
 */
export function splitWhitespace(text: string): TokenList {
  const lineStarts: number[] = [];
  for (const m of text.matchAll(LINE_END)) lineStarts.push(m.index + m[0].length);
  const starts: number[] = [];
  const ends: number[] = [];
  const sentenceStarts: number[] = [];
  let line = 0;
  let lastLine = -1;
  for (const m of text.matchAll(NON_WHITE)) {
    while (line < lineStarts.length && lineStarts[line]! <= m.index) line++;
    if (line !== lastLine) {
      sentenceStarts.push(starts.length);
      lastLine = line;
    }
    starts.push(m.index);
    ends.push(m.index + m[0].length);
  }
  return { starts, ends, sentenceStarts };
}

/** Why whitespace tokens do not fit a text and its spans (UTF-16), or null when they do. */
export function whitespaceMisfit(
  text: string,
  spans: readonly { readonly start: number; readonly end: number }[],
): string | null {
  const list = splitWhitespace(text);
  const starts = new Set(list.starts);
  const ends = new Set(list.ends);
  for (const s of spans) {
    if (!starts.has(s.start) || !ends.has(s.end)) {
      return `a span [${s.start}, ${s.end}) (UTF-16) does not fall on whitespace token boundaries`;
    }
  }
  const lastOfSentence = new Set(list.sentenceStarts.map((k) => k - 1));
  lastOfSentence.add(list.starts.length - 1);
  for (let k = 0; k < list.starts.length; k++) {
    const token = text.slice(list.starts[k], list.ends[k]);
    if (hasGluedPunctuation(token, lastOfSentence.has(k))) {
      return `the whitespace token ${show(token)} has punctuation glued to a word`;
    }
  }
  return null;
}

/**
 * Tokens by a tokenizer, for text without token offsets. `byLine`: the text is tokenized one
 * line at a time (brat, where every line break ends a sentence anyway), which keeps long texts
 * fast.
 */
export function tokenize(text: string, how: 'words' | 'whitespace', byLine = false): TokenList {
  if (how === 'whitespace') return splitWhitespace(text);
  if (!byLine) return fromSentences(tokenizeText(text));
  const sentences: TextSentence[] = [];
  let from = 0;
  for (const m of [...text.matchAll(LINE_END), null]) {
    const to = m ? m.index : text.length;
    const line = text.slice(from, to);
    for (const s of tokenizeText(line)) {
      sentences.push({
        start: s.start + from,
        end: s.end + from,
        tokens: s.tokens.map((t) => ({ start: t.start + from, end: t.end + from })),
      });
    }
    if (m) from = m.index + m[0].length;
  }
  return fromSentences(sentences);
}

/** Reports once that tokens were made, and how. */
export function reportTokenized(diags: DiagnosticList, how: 'words' | 'whitespace', why: string) {
  diags.once('tokenized', {
    line: 0,
    severity: 'info',
    code: 'I_TOKENIZED',
    message:
      how === 'words'
        ? `text without token offsets was split into words and sentences (retag's tokenizer)${why}`
        : `text without token offsets was split at whitespace, one sentence per line${why}`,
  });
}
