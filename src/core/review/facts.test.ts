import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from '../format/parse';
import { packResult, unpackResult, unpackResultSliced } from '../model/pack';
import { PiecedText } from '../model/text';
import { tokenText, type CorpusDocument } from '../model/document';
import { serialize } from '../format/serialize';
import { applyTagEdits, conll, parseText } from '../testing/fixtures';
import { countLabels, docFacts, updateFacts, type DocFacts } from './facts';
import { buildTagIssues } from './tag-issues';

const doc = (...s: string[]) => parseText(conll(...s), { scheme: 'iob2' }).document;
const sorted = (f: DocFacts) => ({
  labels: [...f.labelCounts].sort((a, b) => (a[0] < b[0] ? -1 : 1)),
  issues: [...f.tagIssues].sort((a, b) => a[0] - b[0]),
});

describe('document facts', () => {
  it('counts entities per type and indexes invalid sequences', () => {
    const d = doc('a/B-X b/I-X c/O', 'd/B-Y e/I-X', 'f/O g/B-X');
    const f = docFacts(d);
    expect([...f.labelCounts]).toEqual([
      ['X', 3],
      ['Y', 1],
    ]);
    expect([...f.tagIssues.keys()]).toEqual([1]);
  });

  it('updated facts equal facts computed afresh, and an untouched document keeps its object (property)', () => {
    const tagArb = fc.constantFrom('O', 'B-X', 'I-X', 'I-Y', 'B-Y');
    fc.assert(
      fc.property(
        fc.array(fc.array(tagArb, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.tuple(fc.nat(5), fc.nat(4), tagArb), { maxLength: 10 }),
        (sents, edits) => {
          const start = doc(...sents.map((s) => s.map((t, i) => `w${i}/${t}`).join(' ')));
          const facts = docFacts(start);
          expect(updateFacts(facts, start, start)).toBe(facts);
          const cur = applyTagEdits(start, edits);
          expect(sorted(updateFacts(facts, start, cur))).toEqual(sorted(docFacts(cur)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('starts afresh when the token table changed', () => {
    const a = doc('a/B-X b/O');
    const b = doc('a/B-X', 'b/B-Y');
    expect(sorted(updateFacts(docFacts(a), a, b))).toEqual(sorted(docFacts(b)));
  });
});

describe('unpacking in slices', () => {
  it('gives the same result as unpacking at once, pausing between slices (WNUT-17 dev)', async () => {
    const bytes = readFileSync(
      resolve(process.cwd(), '../shared/corpora/wnut17/emerging.dev.conll'),
    );
    const r = parse(new Uint8Array(bytes));
    const whole = unpackResult(packResult(r));
    let pauses = 0;
    const sliced = await unpackResultSliced(
      packResult(r),
      async () => {
        pauses += 1;
      },
      1000,
    );
    expect(pauses).toBeGreaterThan(10);
    expect(sliced.document.sentences).toEqual(whole.document.sentences);
    expect(sliced.document.sentences.map((s) => s.tags)).toEqual(
      r.document.sentences.map((s) => s.tags),
    );
    expect(countLabels(sliced.document)).toEqual(countLabels(r.document));
    // the text in parts (as a big file arrives from the parse worker): same document, same bytes
    const text = r.document.text as string;
    const cut = [0, 1000, 1001, 40_000, text.length].map((c, i, a) => text.slice(a[i - 1] ?? 0, c));
    const pieced = unpackResult({ ...packResult(r), text: '', textParts: cut }).document;
    expect(pieced.text).toBeInstanceOf(PiecedText);
    expect(Buffer.from(serialize(pieced)).equals(bytes)).toBe(true);
    const words = (d: CorpusDocument) =>
      d.sentences.flatMap((s) => Array.from({ length: s.length }, (_, i) => tokenText(d, s, i)));
    expect(words(pieced)).toEqual(words(r.document));
    expect(buildTagIssues(sliced.document)).toEqual(buildTagIssues(r.document));
  });
});
