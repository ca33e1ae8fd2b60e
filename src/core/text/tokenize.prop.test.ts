import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findAtoms } from './atoms';
import { buildPieces, WORD, type Pieces } from './pieces';
import {
  rawTextToConll,
  tokenizeText,
  tokenizeWhitespace,
  type TextSentence,
  type TextToken,
} from './tokenize';

/** What never goes into a token: JS whitespace, controls, ZERO WIDTH SPACE. */
const SEPARATOR = /[\s\p{Cc}\u200B]/u;

const FRAGMENTS = [
  ..."Multipath TCP Force's don't e.g. U.S. Dr. etc. et al. 3.5 1,000 4G end-to-end".split(' '),
  ..."https://x.org/a?b=(1) www.a.io a.b@c.org [3] [12] [3,4] Gbit/s 10:30 O'Brien it’s".split(' '),
  ...'東京 都 。 我爱 北京 😀 👍🏽 👨‍👩‍👧 🇫🇷 ก ع'.split(' '),
  ...[' ', '  ', '\n', '\n\n', '\r\n', '\t', '\u00A0', '\u200B', '\u0000', '\u0085', '\uFEFF'],
  ...['.', ',', '(', ')', '"', "'", ':', ';', '-', '/', '...', '?', '!', '@', '#', '_', '’'],
  ...['x', 'A', 'The', 'the', '1', '\u0301', '\u200D', '\uFE0F', '\uD800', '\uDC00', '- ', '1. '],
];
const fragmentText = (maxLength: number) =>
  fc.array(fc.constantFrom(...FRAGMENTS), { maxLength }).map((a) => a.join(''));

const TEXTS = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: 'grapheme-ascii', maxLength: 80 }),
  fragmentText(60),
);

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Asserts the token and sentence invariants of a tokenization of `text`. */
function checkSentences(text: string, sentences: readonly TextSentence[]): void {
  const covered = new Uint8Array(text.length);
  let prevEnd = 0;
  for (const s of sentences) {
    expect(s.tokens.length).toBeGreaterThan(0);
    expect(s.start).toBe(s.tokens[0]?.start);
    expect(s.end).toBe(s.tokens[s.tokens.length - 1]?.end);
    for (const t of s.tokens) {
      checkToken(text, t, prevEnd);
      covered.fill(1, t.start, t.end);
      prevEnd = t.end;
    }
  }
  // Nothing is lost: every character outside the tokens is a separator.
  for (let i = 0; i < text.length; i += 1) {
    if (covered[i] === 1) continue;
    const cp = text.codePointAt(i) as number;
    expect(SEPARATOR.test(String.fromCodePoint(cp)), `U+${cp.toString(16)} at ${i}`).toBe(true);
  }
}

function checkToken(text: string, t: TextToken, prevEnd: number): void {
  expect(t.start).toBeGreaterThanOrEqual(prevEnd);
  expect(t.end).toBeGreaterThan(t.start);
  expect(SEPARATOR.test(text.slice(t.start, t.end))).toBe(false);
  for (const at of [t.start, t.end]) {
    // Never between the halves of a surrogate pair.
    if (at > 0 && at < text.length) {
      expect(isHigh(text.charCodeAt(at - 1)) && isLow(text.charCodeAt(at))).toBe(false);
    }
  }
  // Never between a letter or digit and a combining mark on it.
  if (t.start > 0) {
    const joined = /^[\p{L}\p{N}]\p{M}/u.test(text.slice(t.start - 1, t.start + 1));
    expect(joined).toBe(false);
  }
}

describe('tokenizeText properties', () => {
  it('never throws; tokens are ordered, whitespace-free, and cover all non-whitespace', () => {
    fc.assert(
      fc.property(TEXTS, (text) => checkSentences(text, tokenizeText(text))),
      { numRuns: 2000 },
    );
  });

  it('keeps the invariants on long runs and paragraphs (chunked segmentation)', () => {
    const long = fc.oneof(
      fragmentText(1500),
      fc
        .array(fc.constantFrom('東京', '都', '。', 'に', 'abc', 'é', '😀', '\u0301', '「'), {
          maxLength: 1500,
        })
        .map((a) => a.join('')),
    );
    fc.assert(
      fc.property(long, (text) => checkSentences(text, tokenizeText(text))),
      { numRuns: 40 },
    );
  });
});

describe('tokenizeWhitespace properties', () => {
  it('gives maximal non-whitespace runs, one sentence per non-blank line', () => {
    fc.assert(
      fc.property(TEXTS, (text) => {
        const sentences = tokenizeWhitespace(text);
        checkSentences(text, sentences);
        for (const s of sentences) {
          expect(/[\n\r\v\f\u0085\u2028\u2029]/.test(text.slice(s.start, s.end))).toBe(false);
          for (const t of s.tokens) {
            expect(SEPARATOR.test(text.charAt(t.start - 1)) || t.start === 0).toBe(true);
            expect(SEPARATOR.test(text.charAt(t.end)) || t.end === text.length).toBe(true);
          }
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('rawTextToConll properties', () => {
  it('writes lines that read back as token<TAB>O, a blank line after each sentence', () => {
    fc.assert(
      fc.property(TEXTS, (text) => {
        const sentences = tokenizeText(text);
        const lines = rawTextToConll(text, sentences).split('\n');
        const expected = sentences.flatMap((s) => [
          ...s.tokens.map((t) => `${text.slice(t.start, t.end)}\tO`),
          '',
        ]);
        expect(lines).toEqual([...expected, '']);
        for (const line of lines) {
          if (line !== '') expect(line).toMatch(/^[^\t\r\n]+\tO$/);
        }
      }),
      { numRuns: 500 },
    );
  });
});

/** Pieces straight from one Intl.Segmenter pass over the whole text (quadratic; small texts). */
function referencePieces(text: string): [number, number, boolean][] {
  const out: [number, number, boolean][] = [];
  for (const s of new Intl.Segmenter('en', { granularity: 'word' }).segment(text)) {
    for (const m of s.segment.matchAll(/[^\s\p{Cc}\u200B]+/gu)) {
      const start = s.index + m.index;
      if (s.isWordLike !== true) out.push([start, start + m[0].length, false]);
      else {
        let from = start;
        for (const part of m[0].split(':')) {
          if (part !== '') out.push([from, from + part.length, true]);
          if (from + part.length < start + m[0].length) {
            out.push([from + part.length, from + part.length + 1, false]);
          }
          from += part.length + 1;
        }
      }
    }
  }
  return out;
}

const asTriples = (p: Pieces): [number, number, boolean][] =>
  p.kind.map((k, i) => [p.start[i] as number, p.end[i] as number, k === WORD]);

describe('segmentation shortcuts', () => {
  // U+FEFF is left out: it is a separator here but Format (invisible) to UAX #29.
  const CHARS = [
    ...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)),
    ...'éßЖǀ東京にア😀אก٣½’‘·\u0301\u200D\n\t\u00A0\u200B\u0007\u2028'.split(''),
  ].filter((c) => c !== '[' && c !== '@');

  it('plain-run splitting and LF batching give exactly the segmenter’s pieces', () => {
    const text = fc.array(fc.constantFrom(...CHARS), { maxLength: 200 }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, (t) => {
        fc.pre(findAtoms(t).length === 0);
        expect(asTriples(buildPieces(t, 'en'))).toEqual(referencePieces(t));
      }),
      { numRuns: 1500 },
    );
  });

  it('gives the same pieces on the sample-like prose with and without the fast path', () => {
    const prose =
      "Multipath TCP (MPTCP) is an ongoing effort of the Internet Engineering Task Force's " +
      'working group, e.g. 3.5 and 1,000; O\'Brien said: "end-to-end" 4G/LTE, ok? ';
    const text = prose.repeat(40);
    expect(asTriples(buildPieces(text, 'en'))).toEqual(asTriples(buildPieces(text, 'en', false)));
    expect(asTriples(buildPieces(text, 'en'))).toEqual(referencePieces(text));
  });
});
