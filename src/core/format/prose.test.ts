import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { looksLikeProse } from './prose';

const read = (p: string) => readFileSync(`../shared/${p}`, 'utf8');

describe('looksLikeProse', () => {
  it('tells the seed raw text from the seed corpus and real corpora', () => {
    expect(looksLikeProse(read('seeds/multipath-tcp.raw.txt'))).toBe(true);
    expect(looksLikeProse(read('seeds/multipath-tcp.bio.txt'))).toBe(false);
    expect(looksLikeProse(read('corpora/conll2003/iob1/eng.testa'))).toBe(false);
    expect(looksLikeProse(read('corpora/wnut17/emerging.dev.conll'))).toBe(false);
    expect(looksLikeProse(read('corpora/germeval2014/' + 'NER-de-dev.tsv').slice(0, 50_000))).toBe(
      false,
    );
  });

  it('short texts', () => {
    expect(looksLikeProse('')).toBe(false);
    expect(looksLikeProse('John\tB-PER\nruns\tO\n')).toBe(false);
    expect(looksLikeProse('The cat sat on the mat, and then it left.\n')).toBe(true);
  });
});
