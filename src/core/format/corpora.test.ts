// Every real corpus in ../shared/corpora (and the seed): byte round trip, and token, sentence
// and entity counts equal to those in ../shared/corpora/README.md, which an independent reader
// produced and checked against conlleval.pl itself.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { summarize } from '../model/summary';
import { extractChunks } from '../scheme/chunks';
import { parse, type ParseOptions } from './parse';
import { serialize } from './serialize';

const SHARED = resolve(process.cwd(), '../shared');

interface Expected {
  file: string;
  options?: ParseOptions;
  tokens: number;
  sentences: number;
  /** Entities under the official conlleval tables. */
  chunks: number;
  /** Entities under the BIOES-aware rules, for files with S-/E- tags. */
  bioes?: number;
  labels?: Record<string, number>;
  scheme: string;
}

const SO = { tagColumn: 1 };
const GE = { tagColumn: 2 };
const TABLE: Expected[] = [
  {
    file: 'corpora/wnut17/wnut17train.conll',
    tokens: 62730,
    sentences: 3394,
    chunks: 1975,
    scheme: 'iob2',
    labels: {
      corporation: 221,
      'creative-work': 140,
      group: 264,
      location: 548,
      person: 660,
      product: 142,
    },
  },
  {
    file: 'corpora/wnut17/emerging.dev.conll',
    tokens: 15733,
    sentences: 1009,
    chunks: 836,
    scheme: 'iob2',
    labels: {
      corporation: 34,
      'creative-work': 105,
      group: 39,
      location: 74,
      person: 470,
      product: 114,
    },
  },
  {
    file: 'corpora/wnut17/emerging.test.annotated',
    tokens: 23394,
    sentences: 1287,
    chunks: 1079,
    scheme: 'iob2',
    labels: {
      corporation: 66,
      'creative-work': 142,
      group: 165,
      location: 150,
      person: 429,
      product: 127,
    },
  },
  {
    file: 'corpora/wnut17/emerging.test.conll',
    tokens: 23394,
    sentences: 1287,
    chunks: 1094,
    scheme: 'iob2',
  },
  {
    file: 'corpora/conll2003/iob1-crlf/eng.train',
    tokens: 203621,
    sentences: 14041,
    chunks: 23499,
    scheme: 'iob1',
    labels: { LOC: 7140, MISC: 3438, ORG: 6321, PER: 6600 },
  },
  {
    file: 'corpora/conll2003/iob1-crlf/eng.testa',
    tokens: 51362,
    sentences: 3250,
    chunks: 5942,
    scheme: 'iob1',
    labels: { LOC: 1837, MISC: 922, ORG: 1341, PER: 1842 },
  },
  {
    file: 'corpora/conll2003/iob1/eng.train',
    tokens: 203621,
    sentences: 14041,
    chunks: 23499,
    scheme: 'iob1',
    labels: { LOC: 7140, MISC: 3438, ORG: 6321, PER: 6600 },
  },
  {
    file: 'corpora/conll2003/iob1/eng.testa',
    tokens: 51362,
    sentences: 3250,
    chunks: 5942,
    scheme: 'iob1',
  },
  {
    file: 'corpora/conll2003/iob1/eng.testb',
    tokens: 46435,
    sentences: 3453,
    chunks: 5648,
    scheme: 'iob1',
    labels: { LOC: 1668, MISC: 702, ORG: 1661, PER: 1617 },
  },
  {
    file: 'corpora/conll2003/iob2/train.txt',
    tokens: 203621,
    sentences: 14041,
    chunks: 23499,
    scheme: 'iob2',
  },
  {
    file: 'corpora/conll2003/iob2/dev.txt',
    tokens: 51362,
    sentences: 3250,
    chunks: 5942,
    scheme: 'iob2',
  },
  {
    file: 'corpora/conll2003/iob2/test.txt',
    tokens: 46435,
    sentences: 3453,
    chunks: 5648,
    scheme: 'iob2',
  },
  {
    file: 'corpora/conll2003/bioes-sample/train.bmes',
    tokens: 6603,
    sentences: 447,
    chunks: 831,
    bioes: 834,
    scheme: 'bioes',
  },
  {
    file: 'corpora/conll2003/bioes-sample/dev.bmes',
    tokens: 1452,
    sentences: 106,
    chunks: 210,
    bioes: 210,
    scheme: 'bioes',
    labels: { LOC: 60, MISC: 14, ORG: 77, PER: 59 },
  },
  {
    file: 'corpora/conll2003/bioes-sample/test.bmes',
    tokens: 3595,
    sentences: 171,
    chunks: 344,
    bioes: 346,
    scheme: 'bioes',
  },
  {
    file: 'corpora/conll2003/bioes-sample/train.cappos.bmes',
    tokens: 7001,
    sentences: 480,
    chunks: 898,
    bioes: 901,
    scheme: 'bioes',
  },
  {
    file: 'corpora/bionlp13cg/iob/train.tsv',
    tokens: 83467,
    sentences: 3033,
    chunks: 10826,
    scheme: 'iob2',
  },
  {
    file: 'corpora/bionlp13cg/iob/devel.tsv',
    tokens: 27599,
    sentences: 1003,
    chunks: 3616,
    scheme: 'iob2',
  },
  {
    file: 'corpora/bionlp13cg/iob/test.tsv',
    tokens: 52771,
    sentences: 1906,
    chunks: 6881,
    scheme: 'iob2',
  },
  {
    file: 'corpora/bionlp13cg/iobes/train.tsv',
    tokens: 83467,
    sentences: 3033,
    chunks: 10820,
    bioes: 10826,
    scheme: 'bioes',
  },
  {
    file: 'corpora/bionlp13cg/iobes/devel.tsv',
    tokens: 27599,
    sentences: 1003,
    chunks: 3614,
    bioes: 3616,
    scheme: 'bioes',
  },
  {
    file: 'corpora/bionlp13cg/iobes/test.tsv',
    tokens: 52771,
    sentences: 1906,
    chunks: 6870,
    bioes: 6881,
    scheme: 'bioes',
  },
  {
    file: 'corpora/jnlpba/iob2/devel.tsv',
    tokens: 47461,
    sentences: 1739,
    chunks: 4551,
    scheme: 'iob2',
    labels: { DNA: 1052, RNA: 107, cell_line: 400, cell_type: 526, protein: 2466 },
  },
  {
    file: 'corpora/jnlpba/iob2/test.tsv',
    tokens: 101039,
    sentences: 3856,
    chunks: 8662,
    scheme: 'iob2',
    labels: { DNA: 1056, RNA: 118, cell_line: 500, cell_type: 1921, protein: 5067 },
  },
  {
    file: 'corpora/jnlpba/iobes/devel.tsv',
    tokens: 47461,
    sentences: 1932,
    chunks: 4669,
    bioes: 4770,
    scheme: 'bioes',
  },
  {
    file: 'corpora/germeval2014/NER-de-dev.tsv',
    options: GE,
    tokens: 41653,
    sentences: 2200,
    chunks: 2674,
    scheme: 'iob2',
    labels: {
      LOC: 763,
      PER: 711,
      ORG: 496,
      OTH: 269,
      LOCderiv: 235,
      ORGpart: 91,
      LOCpart: 52,
      PERpart: 18,
      OTHpart: 18,
      OTHderiv: 16,
      ORGderiv: 3,
      PERderiv: 2,
    },
  },
  {
    file: 'corpora/germeval2014/NER-de-dev.tsv',
    tokens: 41653,
    sentences: 2200,
    chunks: 212,
    scheme: 'iob2',
  },
  {
    file: 'corpora/germeval2014/NER-de-test.tsv',
    options: GE,
    tokens: 96499,
    sentences: 5100,
    chunks: 6178,
    scheme: 'iob2',
  },
  {
    file: 'corpora/germeval2014/NER-de-test.tsv',
    tokens: 96499,
    sentences: 5100,
    chunks: 515,
    scheme: 'iob2',
  },
  {
    file: 'corpora/germeval2014/trailing-tab-variant/NER-de-test.tsv',
    options: GE,
    tokens: 96499,
    sentences: 5100,
    chunks: 6178,
    scheme: 'iob2',
  },
  {
    file: 'corpora/germeval2014/trailing-tab-variant/NER-de-test.tsv',
    tokens: 96499,
    sentences: 5100,
    chunks: 515,
    scheme: 'iob2',
  },
  {
    file: 'corpora/stackoverflow-ner/StackOverflow/train.txt',
    options: SO,
    tokens: 164804,
    sentences: 14545,
    chunks: 13460,
    scheme: 'iob2',
  },
  {
    file: 'corpora/stackoverflow-ner/StackOverflow/train.txt',
    tokens: 164804,
    sentences: 14545,
    chunks: 4110,
    scheme: 'iob2',
    labels: { Code_Block: 3979, Output_Block: 122, Keyboard_IP: 9 },
  },
  {
    file: 'corpora/stackoverflow-ner/StackOverflow/dev.txt',
    options: SO,
    tokens: 51876,
    sentences: 4607,
    chunks: 4337,
    scheme: 'iob2',
  },
  {
    file: 'corpora/stackoverflow-ner/StackOverflow/test.txt',
    options: SO,
    tokens: 55236,
    sentences: 4940,
    chunks: 4654,
    scheme: 'iob2',
  },
  {
    file: 'corpora/stackoverflow-ner/StackOverflow/train_merged_labels.txt',
    options: SO,
    tokens: 164804,
    sentences: 14545,
    chunks: 13460,
    scheme: 'iob2',
  },
  {
    file: 'corpora/stackoverflow-ner/GitHub/GH_test_set.txt',
    options: SO,
    tokens: 78336,
    sentences: 8421,
    chunks: 5814,
    scheme: 'iob2',
  },
  {
    file: 'corpora/weibo-ner/weiboNER_2nd_conll.train',
    tokens: 73778,
    sentences: 1350,
    chunks: 1895,
    scheme: 'iob2',
    labels: {
      'PER.NOM': 772,
      'PER.NAM': 578,
      'GPE.NAM': 205,
      'ORG.NAM': 183,
      'LOC.NAM': 56,
      'LOC.NOM': 51,
      'ORG.NOM': 42,
      'GPE.NOM': 8,
    },
  },
  {
    file: 'corpora/weibo-ner/weiboNER_2nd_conll.dev',
    tokens: 14509,
    sentences: 270,
    chunks: 389,
    scheme: 'iob2',
  },
  {
    file: 'corpora/weibo-ner/weiboNER_2nd_conll.test',
    tokens: 14842,
    sentences: 270,
    chunks: 418,
    scheme: 'iob2',
  },
  {
    file: 'corpora/scale/scale-1m.conll',
    tokens: 1000026,
    sentences: 42700,
    chunks: 89767,
    scheme: 'iob2',
  },
  {
    file: 'seeds/multipath-tcp.bio.txt',
    tokens: 1390,
    sentences: 65,
    chunks: 122,
    scheme: 'iob2',
    labels: {
      Protocol: 92,
      Application: 13,
      Operating_System: 9,
      Architecture: 5,
      Device: 2,
      Language: 1,
    },
  },
];

describe('real corpora', () => {
  for (const e of TABLE) {
    const name = `${e.file}${e.options ? ` (tag column ${(e.options.tagColumn ?? 0) + 1})` : ''}`;
    it(name, () => {
      const bytes = new Uint8Array(readFileSync(resolve(SHARED, e.file)));
      const { document: doc, diagnosticCounts } = parse(bytes, e.options);
      expect(Buffer.from(serialize(doc)).equals(Buffer.from(bytes)), 'byte round trip').toBe(true);
      const s = summarize(doc);
      expect(s.tokens).toBe(e.tokens);
      expect(s.sentences).toBe(e.sentences);
      expect(doc.scheme.scheme).toBe(e.scheme);
      let official = 0;
      for (const sent of doc.sentences) official += extractChunks(sent.tags, 'conlleval').length;
      expect(official, 'official conlleval entities').toBe(e.chunks);
      expect(s.entities, 'entities with the document rules').toBe(e.bioes ?? e.chunks);
      if (e.labels) expect(Object.fromEntries(s.entitiesByType)).toEqual(e.labels);
      expect(diagnosticCounts.get('E_COLUMNS') ?? 0, 'no line is malformed').toBe(0);
      expect(s.quarantined).toBe(0);
    });
  }

  it('flags the broken JNLPBA IOBES conversion', () => {
    const bytes = new Uint8Array(readFileSync(resolve(SHARED, 'corpora/jnlpba/iobes/devel.tsv')));
    const r = parse(bytes);
    expect(r.diagnosticCounts.get('W_I_WITHOUT_B') ?? 0).toBeGreaterThan(0);
    expect(r.diagnosticCounts.get('W_E_WITHOUT_START') ?? 0).toBeGreaterThan(0);
    expect(r.document.scheme.detected.confidence).toBeLessThan(0.95);
  });

  it('says where the tags people mean are not in the last column', () => {
    const so = parse(
      new Uint8Array(
        readFileSync(resolve(SHARED, 'corpora/stackoverflow-ner/StackOverflow/dev.txt')),
      ),
    );
    const note = so.diagnostics.find((d) => d.code === 'I_TAG_COLUMNS');
    expect(note?.message).toMatch(/look like tags: 2 \(.*\), 4 \(.*\); reading column 4/);
    expect(so.document.dialect.otherTagColumns).toEqual([1]);
    const merged = parse(
      new Uint8Array(
        readFileSync(
          resolve(SHARED, 'corpora/stackoverflow-ner/StackOverflow/train_merged_labels.txt'),
        ),
      ),
      SO,
    );
    expect(merged.diagnosticCounts.get('W_DELIMITER')).toBe(32849);
  });
});
