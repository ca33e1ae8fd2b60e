import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractChunks, type Chunk } from './chunks';
import {
  chunkRulesFor,
  convertTags,
  detectScheme,
  encodeChunks,
  SCHEMES,
  type Scheme,
} from './schemes';
import { repairTags, validateTags } from './validate';

/** Random sentences as non-overlapping typed chunks (types may contain hyphens). */
const sentenceArb = fc
  .record({
    length: fc.integer({ min: 0, max: 14 }),
    marks: fc.array(
      fc.tuple(
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 1, max: 4 }),
        fc.constantFrom('PER', 'LOC', 'creative-work', '人名'),
      ),
      { maxLength: 6 },
    ),
  })
  .map(({ length, marks }) => {
    const taken = new Array<boolean>(length).fill(false);
    const chunks: Chunk[] = [];
    for (const [start, len, type] of marks) {
      const end = Math.min(length, start + len);
      if (start >= end || taken.slice(start, end).some(Boolean)) continue;
      for (let i = start; i < end; i++) taken[i] = true;
      chunks.push({ start, end, type });
    }
    chunks.sort((a, b) => a.start - b.start);
    return { length, chunks };
  });

const schemeArb = fc.constantFrom<Scheme>(...SCHEMES);

describe('schemes (properties)', () => {
  it('encoding then reading with conlleval rules gives the same entities, in every scheme', () => {
    fc.assert(
      fc.property(sentenceArb, schemeArb, ({ length, chunks }, scheme) => {
        const tags = encodeChunks(chunks, length, scheme);
        expect(extractChunks(tags, chunkRulesFor(scheme))).toEqual(chunks);
        expect(validateTags(tags, scheme)).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });

  it('converts losslessly: A → B → A is the identity for valid input', () => {
    fc.assert(
      fc.property(sentenceArb, schemeArb, schemeArb, ({ length, chunks }, a, b) => {
        const tags = encodeChunks(chunks, length, a);
        expect(convertTags(convertTags(tags, a, b), b, a)).toEqual(tags);
      }),
      { numRuns: 2000 },
    );
  });

  it('repair leaves valid tags alone and always yields valid tags', () => {
    const tagArb = fc.constantFrom(
      'O',
      'B-X',
      'I-X',
      'E-X',
      'S-X',
      'L-X',
      'U-X',
      'B-Y',
      'I-Y',
      'b-x',
      'B',
      'Z-X',
    );
    fc.assert(
      fc.property(fc.array(tagArb, { maxLength: 10 }), schemeArb, (tags, scheme) => {
        const fixed = repairTags(tags, scheme);
        expect(validateTags(fixed, scheme)).toEqual([]);
        expect(repairTags(fixed, scheme)).toEqual(fixed);
      }),
      { numRuns: 2000 },
    );
  });

  it('detects the scheme a corpus was written in when the corpus can tell them apart', () => {
    fc.assert(
      fc.property(
        fc.array(sentenceArb, { minLength: 1, maxLength: 20 }),
        schemeArb,
        (sents, scheme) => {
          const corpus = sents.map((s) => encodeChunks(s.chunks, s.length, scheme));
          const guess = detectScheme(corpus);
          // A corpus whose tags are valid in the guessed scheme must read as the same entities.
          corpus.forEach((tags, i) => {
            expect(extractChunks(tags, chunkRulesFor(guess.scheme))).toEqual(sents[i]?.chunks);
          });
          expect(guess.confidence).toBe(1);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('detectScheme', () => {
  it('tells IOB1 from IOB2 and says how sure', () => {
    const iob1 = detectScheme([
      ['I-X', 'I-X', 'O'],
      ['I-Y', 'B-Y'],
    ]);
    expect(iob1.scheme).toBe('iob1');
    const iob2 = detectScheme([['B-X', 'I-X', 'O'], ['B-Y'], ['O', 'I-Z']]);
    expect(iob2.scheme).toBe('iob2');
    expect(iob2.confidence).toBeCloseTo(2 / 3);
    expect(iob2.reason).toMatch(/2 of 3 entities/);
  });
  it('recognises BIOES, BILOU and IOE', () => {
    expect(detectScheme([['B-X', 'E-X', 'S-Y']]).scheme).toBe('bioes');
    expect(detectScheme([['B-X', 'L-X', 'U-Y']]).scheme).toBe('bilou');
    expect(detectScheme([['I-X', 'E-X', 'E-Y']]).scheme).toBe('ioe2');
    expect(detectScheme([['I-X', 'E-X', 'I-X', 'O', 'I-Y']]).scheme).toBe('ioe1');
  });
  it('assumes IOB2 without entities', () => {
    const g = detectScheme([['O', 'O']]);
    expect(g.scheme).toBe('iob2');
    expect(g.reason).toMatch(/no entities/);
  });
});
