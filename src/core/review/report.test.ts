import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from '../format/parse';
import { conll, parseText } from '../testing/fixtures';
import { corpusReport } from './report';

const SEED = '../shared/seeds/multipath-tcp.bio.txt';

/** An independent count of the seed: its own line reader and IOB2 entity walk. */
function countSeed(text: string) {
  const sentences: string[][] = [];
  let cur: string[] = [];
  let tokens = 0;
  for (const line of text.split('\n')) {
    if (line === '<s>' || line === '</s>' || line === '') {
      if (cur.length > 0) sentences.push(cur);
      cur = [];
      continue;
    }
    tokens += 1;
    cur.push(line.split('\t')[1]!);
  }
  if (cur.length > 0) sentences.push(cur);
  const types = new Map<string, number>();
  const lengths = new Map<number, number>();
  let open = '';
  let len = 0;
  const close = () => {
    if (open === '') return;
    types.set(open, (types.get(open) ?? 0) + 1);
    lengths.set(len, (lengths.get(len) ?? 0) + 1);
    open = '';
  };
  for (const tags of sentences) {
    for (const tag of tags) {
      const [p, t = ''] = [tag.slice(0, 1), tag.slice(2)];
      if (p === 'B' || (p === 'I' && t !== open)) {
        close();
        open = t;
        len = 1;
      } else if (p === 'I') len += 1;
      else close();
    }
    close();
  }
  return { sentences: sentences.length, tokens, types, lengths };
}

describe('corpusReport', () => {
  it('counts the seed exactly as an independent reader does', () => {
    const text = readFileSync(SEED, 'utf8');
    const want = countSeed(text);
    const r = corpusReport(parse(text).document);
    expect(r.tokens).toBe(want.tokens);
    expect(r.sentences).toBe(want.sentences);
    expect(r.documents).toBe(1);
    expect(r.entities).toBe([...want.types.values()].reduce((a, b) => a + b, 0));
    expect(new Map([...r.entitiesByType].sort())).toEqual(new Map([...want.types].sort()));
    expect(r.lengths).toEqual(new Map([...want.lengths].sort((a, b) => a[0] - b[0])));
    const perType = [...r.lengthsByType.values()].map((m) =>
      [...m.values()].reduce((a, b) => a + b, 0),
    );
    expect(perType).toEqual([...r.entitiesByType.values()]);
    expect(r.scheme).toBe('iob2');
    expect(r.schemeName).toBe('IOB2 (BIO)');
    expect(r.invalid.size).toBe(0);
    expect(r.quarantined).toEqual([]);
    // The figures the CLI summary prints for the seed (retag check), for a reader's sanity.
    expect([r.tokens, r.sentences, r.entities]).toEqual([1390, 65, 122]);
  });
  it('counts invalid sequences by code, and lists quarantined sentences', () => {
    const r = corpusReport(
      parseText(
        conll('a/O b/I-X c/O', 'd/B-X e/I-Y', 'f/O g/O', 'h/I-Y i/O') + '\nj\tB-X\tz\nk\tO\n',
        {
          scheme: 'iob2',
        },
      ).document,
    );
    expect([...r.invalid]).toEqual([
      ['W_I_WITHOUT_B', 2],
      ['W_TYPE_MISMATCH', 1],
    ]);
    expect(r.invalidSentences).toBe(3);
    expect(r.quarantined).toEqual([4]);
    expect([...r.entitiesByType]).toEqual([
      ['X', 2],
      ['Y', 2],
    ]);
    // The malformed line j is not a token of the quarantined sentence: X twice.
    expect([...r.lengthsByType.get('X')!]).toEqual([[1, 2]]);
  });
  it('keeps labels such as __proto__ as plain keys', () => {
    const r = corpusReport(parseText(conll('a/B-__proto__ b/B-constructor')).document);
    expect([...r.entitiesByType.keys()]).toEqual(['__proto__', 'constructor']);
  });
});
