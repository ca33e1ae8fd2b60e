import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from '../format/parse';
import { sentenceTokens, type CorpusDocument } from '../model/document';
import { exportInterchange, importInterchange, INTERCHANGE_FORMATS } from './index';
import type { InterchangeFormat } from './types';

const CORPORA = '../shared/corpora';

interface Comparison {
  sentences: number;
  tokens: number;
  tagMismatches: number;
  tokenMismatches: number;
  docMismatches: number;
}

/** CoNLL → format → CoNLL; compares tokens, tags and document index sentence by sentence. */
function roundTrip(format: InterchangeFormat, doc: CorpusDocument): Comparison {
  const exp = exportInterchange(format, doc, 'corpus');
  const imp = importInterchange(format, exp.files, { scheme: doc.scheme.scheme });
  expect(imp.stats.spansLeftOut).toBe(0);
  const back = parse(imp.conll, { scheme: doc.scheme.scheme }).document;
  const kept = doc.sentences.filter((s) => !s.quarantined);
  expect(back.sentences.length).toBe(kept.length);
  const c: Comparison = {
    sentences: 0,
    tokens: 0,
    tagMismatches: 0,
    tokenMismatches: 0,
    docMismatches: 0,
  };
  kept.forEach((s, i) => {
    const b = back.sentences[i]!;
    c.sentences += 1;
    c.tokens += s.length;
    if (sentenceTokens(doc, s).join('\u0000') !== sentenceTokens(back, b).join('\u0000'))
      c.tokenMismatches += 1;
    if (s.tags.join(' ') !== b.tags.join(' ')) c.tagMismatches += 1;
    if (s.doc !== b.doc) c.docMismatches += 1;
  });
  return c;
}

// Sentence and token counts from ../shared/corpora/README.md (an independent reader).
const FILES: [string, string, number, number][] = [
  ['conll2003/iob2/dev.txt', 'iob2', 3250, 51362],
  ['wnut17/emerging.dev.conll', 'iob2', 1009, 15733],
  ['bionlp13cg/iobes/devel.tsv', 'bioes', 1003, 27599],
];

describe('round trip CoNLL → X → CoNLL on real corpora', () => {
  for (const [name, scheme, sentences, tokens] of FILES) {
    for (const format of INTERCHANGE_FORMATS) {
      it(`${format}: ${name}`, () => {
        const doc = parse(readFileSync(`${CORPORA}/${name}`)).document;
        expect(doc.scheme.scheme).toBe(scheme);
        const c = roundTrip(format, doc);
        expect(c).toEqual({
          sentences,
          tokens,
          tagMismatches: 0,
          tokenMismatches: 0,
          docMismatches: 0,
        });
      });
    }
  }
});
