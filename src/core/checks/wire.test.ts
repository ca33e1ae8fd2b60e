import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { parse } from '../format/parse';
import { analyzeConsistency } from './consistency';
import type { Finding, Occurrence } from './types';
import { flaggedCount, forEachFlagged, packFindings, unpackFindings } from './wire';

/** A finding as plain data: what a consumer can read of it. */
const plain = (f: Finding) => ({
  id: f.id,
  kind: f.kind,
  code: f.code,
  words: f.words,
  folded: f.folded,
  variants: f.variants,
  occurrences: f.occurrences,
  suggested: f.suggested,
  score: f.score,
  considered: f.considered,
  message: f.message,
});

/** Across a message (the structured clone drops prototypes, as postMessage does). */
const viaMessage = <T>(x: T): T => deserialize(serialize(x)) as T;

const occurrence: fc.Arbitrary<Occurrence> = fc.record({
  source: fc.nat(3),
  sentence: fc.nat(2_000_000),
  start: fc.nat(300),
  end: fc.nat(300),
  variant: fc.nat(5),
  flagged: fc.boolean(),
  line: fc.nat(20_000_000),
  column: fc.nat(10_000),
});

const finding: fc.Arbitrary<Finding> = fc.record({
  id: fc.string(),
  kind: fc.constantFrom('type' as const, 'boundary' as const),
  code: fc.constantFrom('W_INCONSISTENT_TYPE' as const, 'W_INCONSISTENT_BOUNDARY' as const),
  words: fc.array(fc.string(), { minLength: 1, maxLength: 3 }),
  folded: fc.boolean(),
  variants: fc.array(
    fc.record({
      id: fc.string(),
      label: fc.string(),
      chunks: fc.array(fc.record({ start: fc.nat(5), end: fc.nat(5), type: fc.string() })),
      crossing: fc.boolean(),
      count: fc.nat(),
    }),
    { maxLength: 3 },
  ),
  occurrences: fc.array(occurrence, { maxLength: 12 }),
  suggested: fc.nat(2),
  score: fc.double({ min: 0, max: 1, noNaN: true }),
  considered: fc.nat(),
  message: fc.string(),
});

describe('findings on the wire', () => {
  it('arrive equal to what was packed, in order, places and all (property)', () => {
    fc.assert(
      fc.property(fc.array(finding, { maxLength: 8 }), (fs) => {
        const got = unpackFindings(viaMessage(packFindings(fs)));
        expect(got.map(plain)).toEqual(fs.map(plain));
        // the flagged places read straight from the packed numbers, and after unpacking
        for (const source of [0, 1]) {
          const naive = fs.map((f) =>
            f.occurrences.filter((o) => o.source === source && o.flagged).map((o) => o.sentence),
          );
          const packed = got.map((f) => {
            const out: number[] = [];
            forEachFlagged(f, source, (s) => out.push(s));
            return out;
          });
          expect(packed).toEqual(naive);
          expect(got.map((f) => flaggedCount(f, source))).toEqual(naive.map((n) => n.length));
          expect(fs.map((f) => flaggedCount(f, source))).toEqual(naive.map((n) => n.length));
        }
      }),
    );
  });

  it('carries a real corpus’ findings in one array of numbers, not an object per place', () => {
    const bytes = readFileSync(resolve(process.cwd(), '../shared/corpora/conll2003/iob2/test.txt'));
    const doc = parse(bytes).document;
    const fs = analyzeConsistency([{ name: 'b', evidenceOnly: false, doc }]);
    const places = fs.reduce((a, f) => a + f.occurrences.length, 0);
    expect(places).toBeGreaterThan(1000);
    const wire = packFindings(fs);
    expect(wire.places.length).toBe(places * 8);
    expect(wire.findings.every((f) => !('occurrences' in f))).toBe(true);
    const got = unpackFindings(viaMessage(wire));
    expect(got.map(plain)).toEqual(fs.map(plain));
    // reading a finding's places twice gives the same array (made once)
    expect(got[0]!.occurrences).toBe(got[0]!.occurrences);
  });
});
