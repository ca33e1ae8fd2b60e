import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyTransaction } from '../edit/history';
import { sentenceTokens } from '../model/document';
import { conll, parseText } from '../testing/fixtures';
import {
  findTokenSequence,
  labelMatches,
  otherOccurrences,
  otherOccurrencesSliced,
  regexSearch,
  search,
  searchSliced,
} from './search';

const doc = (...s: string[]) => parseText(conll(...s), { scheme: 'iob2' }).document;

describe('search', () => {
  const d = doc(
    'the/O New/B-LOC York/I-LOC times/O',
    'new/O york/O is/O big/O',
    'I/I-PER saw/O New/O York/O',
  );
  it('finds a literal token sequence, with a case option', () => {
    expect(search(d, { kind: 'tokens', text: 'New York', caseSensitive: true }).matches).toEqual([
      { sentence: 0, start: 1, end: 3 },
      { sentence: 2, start: 2, end: 4 },
    ]);
    expect(search(d, { kind: 'tokens', text: ' new   york ', caseSensitive: false }).total).toBe(3);
  });
  it('finds entities by label, by tag pattern and by their first prefix', () => {
    expect(search(d, { kind: 'label', type: 'LOC' }).matches).toEqual([
      { sentence: 0, start: 1, end: 3 },
    ]);
    expect(search(d, { kind: 'tags', pattern: 'O B-*' }).matches).toEqual([
      { sentence: 0, start: 0, end: 2 },
    ]);
    expect(search(d, { kind: 'tags', pattern: 'I-* O' }).total).toBe(2);
    expect(search(d, { kind: 'entityStart', prefix: 'I' }).matches).toEqual([
      { sentence: 2, start: 0, end: 1 },
    ]);
  });
  it('tag globs are literal apart from *', () => {
    expect(search(d, { kind: 'tags', pattern: 'B-L.C' }).total).toBe(0);
    expect(search(d, { kind: 'tags', pattern: '(' }).total).toBe(0);
  });
  it('regex matches map to the tokens they overlap', () => {
    expect(regexSearch(d, /w y/gi).matches).toEqual([
      { sentence: 0, start: 1, end: 3 },
      { sentence: 1, start: 0, end: 2 },
      { sentence: 2, start: 2, end: 4 },
    ]);
    expect(regexSearch(d, /^/g).total).toBe(3);
  });
  it('literal search equals a naive scan (property)', () => {
    const word = fc.constantFrom('a', 'A', 'b', 'ab');
    fc.assert(
      fc.property(
        fc.array(fc.array(word, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 4 }),
        fc.array(word, { minLength: 1, maxLength: 2 }),
        fc.boolean(),
        (sents, q, cs) => {
          const dd = doc(...sents.map((s) => s.map((w) => `${w}/O`).join(' ')));
          const norm = (w: string) => (cs ? w : w.toLowerCase());
          const naive: { sentence: number; start: number; end: number }[] = [];
          dd.sentences.forEach((s, si) => {
            const toks = sentenceTokens(dd, s);
            for (let i = 0; i + q.length <= toks.length; i++)
              if (q.every((w, j) => norm(w) === norm(toks[i + j]!)))
                naive.push({ sentence: si, start: i, end: i + q.length });
          });
          expect(findTokenSequence(dd, q, cs).matches).toEqual(naive);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('case-insensitive word search beyond ASCII', () => {
  // Words whose lower case is, or is not, ASCII: the Kelvin sign lower-cases to `k`, `İ` to
  // `i` and a combining dot (two units), `ẞ` to `ß`.
  const word = fc.constantFrom(
    'k',
    'K',
    '\u212a',
    'i',
    'I',
    '\u0130',
    'i\u0307',
    'é',
    'É',
    'ß',
    'ẞ',
    'ss',
    'ab',
    'AB',
    'aB\u212a',
  );
  it('matches what toLowerCase says, token by token (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(word, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 4 }),
        fc.array(word, { minLength: 1, maxLength: 2 }),
        (sents, q) => {
          const dd = doc(...sents.map((s) => s.map((w) => `${w}/O`).join(' ')));
          const naive: { sentence: number; start: number; end: number }[] = [];
          dd.sentences.forEach((s, si) => {
            const toks = sentenceTokens(dd, s);
            for (let i = 0; i + q.length <= toks.length; i++)
              if (q.every((w, j) => w.toLowerCase() === toks[i + j]!.toLowerCase()))
                naive.push({ sentence: si, start: i, end: i + q.length });
          });
          expect(findTokenSequence(dd, q, false).matches).toEqual(naive);
        },
      ),
      { numRuns: 500 },
    );
  });
  it('finds the Kelvin sign for k and İ for its lower case', () => {
    const dd = doc('\u212a/O K/O k/O', '\u0130/O i/O');
    expect(findTokenSequence(dd, ['k'], false).total).toBe(3);
    expect(findTokenSequence(dd, ['i\u0307'], false).matches).toEqual([
      { sentence: 1, start: 0, end: 1 },
    ]);
    expect(findTokenSequence(dd, ['K'], true).total).toBe(1);
  });
});

describe('search in slices', () => {
  it('gives what a search at once gives, for every kind of query and slice size (property)', async () => {
    const tag = fc.constantFrom('O', 'B-X', 'I-X', 'B-Y', 'I-Y');
    const word = fc.constantFrom('a', 'A', 'b');
    const query = fc.oneof(
      fc.record({
        kind: fc.constant('tokens' as const),
        text: fc.constantFrom('a', 'a b', 'A'),
        caseSensitive: fc.boolean(),
      }),
      fc.record({ kind: fc.constant('label' as const), type: fc.constantFrom('X', 'Y') }),
      fc.record({ kind: fc.constant('tags' as const), pattern: fc.constantFrom('O I-*', 'B-*') }),
      fc.record({ kind: fc.constant('entityStart' as const), prefix: fc.constantFrom('B', 'I') }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(fc.tuple(word, tag), { minLength: 1, maxLength: 6 }), {
          minLength: 1,
          maxLength: 8,
        }),
        query,
        fc.integer({ min: 1, max: 10 }),
        async (sents, q, per) => {
          const dd = doc(...sents.map((s) => s.map(([w, t]) => `${w}/${t}`).join(' ')));
          let pauses = 0;
          const sliced = await searchSliced(dd, q, async () => void pauses++, per);
          expect(sliced).toEqual(search(dd, q));
          expect(pauses).toBeLessThan(dd.sentences.length);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('stops when its pause throws', async () => {
    const dd = doc('a/O', 'a/O', 'a/O');
    const stop = new Error('stop');
    await expect(
      searchSliced(
        dd,
        { kind: 'tokens', text: 'a', caseSensitive: true },
        () => Promise.reject(stop),
        1,
      ),
    ).rejects.toBe(stop);
  });
});

describe('label all occurrences', () => {
  const d = doc('network/B-App is/O down/O', 'the/O network/O works/O', 'Network/O network/O');
  it('offers the other occurrences not already labelled so, and labels them in one step', () => {
    const others = otherOccurrences(d, { sentence: 0, start: 0, end: 1 }, true, 'App');
    expect(others).toEqual([
      { sentence: 1, start: 1, end: 2 },
      { sentence: 2, start: 1, end: 2 },
    ]);
    expect(otherOccurrences(d, { sentence: 0, start: 0, end: 1 }, false, 'App')).toHaveLength(3);
    const tr = labelMatches(d, others, 'App');
    expect(tr?.steps).toHaveLength(2);
    const next = applyTransaction(d, JSON.parse(JSON.stringify(tr)))!;
    expect(next.sentences[1]?.tags).toEqual(['O', 'B-App', 'O']);
    expect(next.sentences[2]?.tags).toEqual(['O', 'B-App']);
    expect(labelMatches(next, others, 'App')).toBeNull();
  });
  it('in slices, finds what one scan finds, for every span, case and slice size (property)', async () => {
    const tag = fc.constantFrom('O', 'B-X', 'I-X', 'B-Y');
    const word = fc.constantFrom('a', 'A', 'b');
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(fc.tuple(word, tag), { minLength: 1, maxLength: 6 }), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.nat(),
        fc.nat(),
        fc.nat(),
        fc.boolean(),
        fc.constantFrom('X', 'Y'),
        fc.integer({ min: 1, max: 10 }),
        async (sents, si, a, b, cs, type, per) => {
          const dd = doc(...sents.map((s) => s.map(([w, t]) => `${w}/${t}`).join(' ')));
          const sentence = si % dd.sentences.length;
          const len = dd.sentences[sentence]!.length;
          const start = a % len;
          const span = { sentence, start, end: start + 1 + (b % (len - start)) };
          let pauses = 0;
          const sliced = await otherOccurrencesSliced(
            dd,
            span,
            cs,
            type,
            async () => void pauses++,
            per,
          );
          expect(sliced).toEqual(otherOccurrences(dd, span, cs, type));
          expect(pauses).toBeLessThan(dd.sentences.length);
        },
      ),
      { numRuns: 300 },
    );
  });
  it('two spans in one sentence compose', () => {
    const all = search(d, { kind: 'tokens', text: 'network', caseSensitive: false }).matches;
    const next = applyTransaction(d, labelMatches(d, all, 'X')!)!;
    expect(next.sentences[2]?.tags).toEqual(['B-X', 'B-X']);
  });
});
