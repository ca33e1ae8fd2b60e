import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clearSpan } from '../edit/commands';
import { applyTransaction } from '../edit/history';
import { parse } from '../format/parse';
import { tokenText, type CorpusDocument } from '../model/document';
import type { Scheme } from '../scheme/schemes';
import { conll, parseText } from '../testing/fixtures';
import {
  analyzeConsistency,
  applyVariant,
  ConsistencyIndex,
  occurrenceMessage,
  variantTags,
  type ConsistencySource,
  type Finding,
  type Occurrence,
} from './consistency';
import { foldWord } from './corpus-table';
import { applyChecked } from '../testing/check-transaction';

const SEED = resolve(process.cwd(), '../shared/seeds/multipath-tcp.bio.txt');
const seedDoc = () => parse(new Uint8Array(readFileSync(SEED))).document;
const src = (doc: CorpusDocument, evidenceOnly = false, name = 'f'): ConsistencySource => ({
  name,
  doc,
  evidenceOnly,
});
const docOf = (scheme: Scheme | undefined, ...sentences: string[]) =>
  parseText(conll(...sentences), scheme ? { scheme } : {}).document;
const one = (...sentences: string[]) => analyzeConsistency([src(docOf('iob2', ...sentences))]);
const byWords = (fs: readonly Finding[], words: string) =>
  fs.find((f) => f.words.join(' ') === words);

describe('foldWord', () => {
  it('lower-cases and drops a plain plural "s" of Latin-letter words of 4+ letters', () => {
    for (const w of ['network', 'networks', 'Networks', 'NETWORKS', 'Network'])
      expect(foldWord(w)).toBe('network');
    expect(foldWord('nets')).toBe('net');
    expect(foldWord('TCP')).toBe('tcp');
  });

  it('keeps "ss", "us", "is" endings, short words, and words with other signs', () => {
    expect(foldWord('process')).toBe('process');
    expect(foldWord('status')).toBe('status');
    expect(foldWord('analysis')).toBe('analysis');
    expect(foldWord('Bus')).toBe('bus');
    expect(foldWord('is')).toBe('is');
    expect(foldWord('its')).toBe('its');
    expect(foldWord('1990s')).toBe('1990s');
    expect(foldWord("it's")).toBe("it's");
    expect(foldWord('e-mails')).toBe('e-mails');
    expect(foldWord('cafés')).toBe('cafés');
    expect(foldWord('多路径TCPs')).toBe('多路径tcps');
    expect(foldWord('多路径传输')).toBe('多路径传输');
  });
});

describe('the seed sample', () => {
  it('as shipped, folded: `network` is Application 6 times, `networks`/`Networks` O 5 times', () => {
    const fs = analyzeConsistency([src(seedDoc())]);
    expect(fs.map((f) => f.id)).toEqual(['["network"]']);
    const f = fs[0]!;
    expect(f.words).toEqual(['network']);
    expect(f.folded).toBe(true);
    expect(f.kind).toBe('type');
    expect(f.code).toBe('W_INCONSISTENT_TYPE');
    expect(f.variants.map((v) => [v.id, v.label, v.count])).toEqual([
      ['Application', 'Application', 6],
      ['O', 'no entity', 5],
    ]);
    expect(f.variants[f.suggested]!.id).toBe('Application');
    expect(f.considered).toBe(11);
    const flagged = f.occurrences.filter((o) => o.flagged);
    expect(flagged.map((o) => [o.line, o.column, o.variant])).toEqual([
      [127, 1, 1],
      [691, 1, 1],
      [727, 1, 1],
      [740, 1, 1],
      [775, 1, 1],
    ]);
    // Share 6/11. Context: "LTE networks ." = "LTE network ." (1), "different networks ." shares
    // the right (½), "wireless networks ;", "Access Networks that", "communication networks
    // 3GPP" none: 1.5 / 5.
    expect(f.score).toBeCloseTo((6 / 11) * ((1 + 0.3) / 2), 12);
    expect(f.message).toBe(
      '"network" is Application in 6, no entity in 5 of 11 places; suggested: Application (score 0.35)',
    );
    expect(occurrenceMessage(f, flagged[2]!)).toBe(
      '"network" is no entity here but Application in 6 of 11 places (score 0.35)',
    );
  });

  it('as shipped, the suggestion fixes all five `networks` in one step, undoably', () => {
    const doc = seedDoc();
    const index = new ConsistencyIndex([src(doc, false, 'seed')]);
    const f = index.findings()[0]!;
    const flagged = f.occurrences.filter((o) => o.flagged);
    const tr = applyVariant(doc, f, f.suggested, flagged)!;
    expect(tr.steps).toHaveLength(4); // lines 727 and 740 are one sentence
    const fixed = applyChecked(doc, tr);
    const at = (d: CorpusDocument, o: Occurrence) => d.sentences[o.sentence]!.tags[o.start];
    const text = (o: Occurrence) => tokenText(doc, doc.sentences[o.sentence]!, o.start);
    expect(flagged.map((o) => [text(o), at(doc, o), at(fixed, o)])).toEqual([
      ['networks', 'O', 'B-Application'],
      ['networks', 'O', 'B-Application'],
      ['Networks', 'O', 'B-Application'],
      ['networks', 'O', 'B-Application'],
      ['networks', 'O', 'B-Application'],
    ]);
    // Only those five tags changed.
    const tags = (d: CorpusDocument) => d.sentences.flatMap((s) => s.tags);
    expect(tags(fixed).filter((t, i) => t !== tags(doc)[i])).toHaveLength(5);
    index.update(
      0,
      fixed,
      tr.steps.map((st) => st.sentence),
    );
    expect(index.findings()).toEqual([]);
    expect(analyzeConsistency([src(fixed, false, 'seed')])).toEqual([]);
  });

  it('as shipped, compared exactly, has no variation: `network` is Application in all 6 places', () => {
    expect(analyzeConsistency([src(seedDoc())], { fold: false })).toEqual([]);
  });

  it('as shipped, in both modes, `QUIC` is Protocol throughout and `Multipath QUIC` occurs once', () => {
    for (const fold of [true, false]) {
      const fs = analyzeConsistency([src(seedDoc())], { fold });
      expect(byWords(fs, 'QUIC')).toBeUndefined();
      expect(byWords(fs, 'Multipath QUIC')).toBeUndefined();
      expect(byWords(fs, 'Multipath')).toBeUndefined();
    }
    // `QUIC` is an entity of its own twice and inside "QUIC protocol" once: one labelling.
    const doc = seedDoc();
    const quic = doc.sentences.flatMap((s) =>
      s.tags.flatMap((t, i) => (tokenText(doc, s, i) === 'QUIC' ? [t] : [])),
    );
    expect(quic).toEqual(['B-Protocol', 'B-Protocol', 'B-Protocol']);
  });

  it('compared exactly, finds `network` once one of its Application tags is cleared, and puts it back', () => {
    const doc = seedDoc();
    const exact = { fold: false };
    const index = new ConsistencyIndex([src(doc, false, 'seed')], exact);
    const si = doc.sentences.findIndex((s) => s.startLine <= 200 && 200 <= s.endLine);
    const ti = doc.tokens.line.indexOf(200) - doc.sentences[si]!.first;
    const edited = applyTransaction(doc, clearSpan(doc, si, ti, ti + 1)!)!;
    index.update(0, edited, [si]);
    const fs = index.findings();
    expect(fs).toEqual(analyzeConsistency([src(edited, false, 'seed')], exact));
    const f = byWords(fs, 'network')!;
    expect(f.folded).toBe(false);
    expect(f.kind).toBe('type');
    expect(f.code).toBe('W_INCONSISTENT_TYPE');
    expect(f.variants.map((v) => [v.id, v.label, v.count])).toEqual([
      ['Application', 'Application', 5],
      ['O', 'no entity', 1],
    ]);
    expect(f.variants[f.suggested]!.id).toBe('Application');
    const flagged = f.occurrences.filter((o) => o.flagged);
    expect(flagged).toEqual([
      {
        source: 0,
        sentence: si,
        start: ti,
        end: ti + 1,
        variant: 1,
        flagged: true,
        line: 200,
        column: 1,
      },
    ]);
    // share 5/6; "the network or" shares its left neighbour with "the network side": ½.
    expect(f.score).toBeCloseTo((5 / 6) * 0.75, 12);
    expect(occurrenceMessage(f, flagged[0]!)).toBe(
      '"network" is no entity here but Application in 5 of 6 places (score 0.63)',
    );
    expect(f.message).toBe(
      '"network" is Application in 5, no entity in 1 of 6 places; suggested: Application (score 0.63)',
    );
    const fixed = applyChecked(edited, applyVariant(edited, f, f.suggested, flagged)!);
    expect(fixed.sentences[si]!.tags).toEqual(doc.sentences[si]!.tags);
    index.update(0, fixed, [si]);
    expect(index.findings()).toEqual([]);
  });

  it('finds the half-tagged `Multipath QUIC` against a training set that tags it whole', () => {
    const doc = seedDoc();
    const train = docOf(
      'iob2',
      'A/O first/O design/O for/O Multipath/B-Protocol QUIC/I-Protocol has/O been/O proposed/O',
      'Multipath/B-Protocol QUIC/I-Protocol extends/O QUIC/B-Protocol',
    );
    const sources = [src(doc, false, 'seed'), src(train, true, 'train')];
    const words = (fold: boolean) =>
      analyzeConsistency(sources, { fold }).map((f) => f.words.join(' '));
    expect(words(false)).toEqual(['Multipath QUIC']);
    expect(words(true)).toEqual(['Multipath QUIC', 'network']);
    const fs = analyzeConsistency(sources);
    const f = fs[0]!;
    expect(f.kind).toBe('boundary');
    expect(f.code).toBe('W_INCONSISTENT_BOUNDARY');
    expect(f.variants.map((v) => [v.id, v.label, v.count, v.chunks])).toEqual([
      ['Protocol', 'Protocol', 2, [{ start: 0, end: 2, type: 'Protocol' }]],
      ['[1,2)Protocol', 'only “QUIC” as Protocol', 1, [{ start: 1, end: 2, type: 'Protocol' }]],
    ]);
    // The training occurrences are evidence, never flagged; the seed's shares both neighbours.
    expect(f.occurrences.map((o) => [o.source, o.line, o.flagged])).toEqual([
      [0, 1462, true],
      [1, 5, false],
      [1, 11, false],
    ]);
    expect(f.score).toBeCloseTo(2 / 3, 12);
    const o = f.occurrences[0]!;
    expect(occurrenceMessage(f, o)).toBe(
      '"Multipath QUIC" is only “QUIC” as Protocol here but Protocol in 2 of 3 places (score 0.67)',
    );
    expect(variantTags(doc, f, f.suggested, o)).toEqual(['B-Protocol', 'I-Protocol']);
    const fixed = applyChecked(doc, applyVariant(doc, f, f.suggested, [o])!);
    expect(fixed.sentences[o.sentence]!.tags.slice(o.start - 1, o.end + 1)).toEqual([
      'O',
      'B-Protocol',
      'I-Protocol',
      'O',
    ]);
    // The training set's own occurrences are of another document: skipped, nothing to do.
    expect(applyVariant(doc, f, 1, f.occurrences.slice(1))).toBeNull();
  });
});

describe('folding', () => {
  it('compares words folded by default and exactly with fold: false', () => {
    const doc = docOf('iob2', 'the/O Nets/B-X run/O', 'nets/B-X a/O', 'nets/B-X b/O', 'a/O net/O');
    const [f] = analyzeConsistency([src(doc)]);
    expect(f!.id).toBe('["net"]');
    // Shown as its most frequent form; ties go to the first met.
    expect(f!.words).toEqual(['nets']);
    expect(f!.variants.map((v) => [v.id, v.count])).toEqual([
      ['X', 3],
      ['O', 1],
    ]);
    expect(analyzeConsistency([src(doc)], { fold: false })).toEqual([]);
    const tie = docOf('iob2', 'Nets/B-X a/O', 'net/O b/O');
    expect(analyzeConsistency([src(tie)])[0]!.words).toEqual(['Nets']);
  });

  it('applyVariant checks words as the finding compared them', () => {
    const a = docOf('iob2', 'p/O net/B-X', 'p/O net/B-X', 'p/O net/O');
    const b = docOf('iob2', 'p/O Nets/O', 'p/O Nets/O', 'p/O NET/O');
    for (const fold of [true, false]) {
      const f = analyzeConsistency([src(a)], { fold })[0]!;
      const o = f.occurrences.filter((x) => x.flagged);
      expect(o.map((x) => x.sentence)).toEqual([2]);
      // Applied to another document: "NET" is "net" folded, not exactly.
      const tr = applyVariant(b, f, f.suggested, o);
      expect(tr === null).toBe(!fold);
      if (tr) expect(applyChecked(b, tr).sentences[2]!.tags).toEqual(['O', 'B-X']);
    }
  });
});

describe('variants', () => {
  it('names each labelling relative to the words: type, O, parts, inside, crossing', () => {
    const fs = one(
      'x/O New/B-L York/I-L y/O',
      'x/O New/O York/O y/O',
      'x/O New/O York/B-L y/O',
      'x/O New/B-O York/B-M y/O',
      'x/O New/B-X York/I-X y/O',
      'Big/B-L New/I-L York/I-L',
      'Big/B-L New/I-L York/B-L',
    );
    const f = byWords(fs, 'New York')!;
    expect(f.variants.map((v) => [v.id, v.label, v.crossing, v.count])).toEqual([
      ['L', 'L', false, 1],
      ['O', 'no entity', false, 1],
      ['X', 'X', false, 1],
      ['[0,1)"O"[1,2)M', '“New” as O, “York” as M', false, 1],
      ['[1,2)L', 'only “York” as L', false, 1],
      ['cross:<[0,1)L[1,2)L', '“New” in a longer L, “York” as L', true, 1],
      ['inside:L', 'inside a longer L', true, 1],
    ]);
    expect(f.kind).toBe('boundary');
    expect(f.considered).toBe(5);
    // Crossing occurrences are shown but neither suggested nor flagged.
    expect(f.occurrences.filter((o) => o.flagged).map((o) => o.sentence)).toEqual([1, 2, 3, 4]);
    expect(f.variants[f.suggested]!.id).toBe('L');
  });

  it('does not flag words only because they sit inside longer entities', () => {
    expect(one('New/B-L York/I-L', 'York/B-L', 'a/O York/B-L', 'New/B-L York/I-L')).toEqual([]);
  });

  it('skips punctuation-only keys, one-character single tokens, long entities and quarantined sentences', () => {
    expect(one('(/B-X a/O', '(/O b/O', 'I/B-X a/O', 'I/O b/O')).toEqual([]);
    const long = 'a/B-X b/I-X c/I-X d/I-X';
    expect(one(long, 'a/O b/O c/O d/O')).toHaveLength(1);
    expect(
      analyzeConsistency([src(docOf('iob2', long, 'a/O b/O c/O d/O'))], { maxLength: 3 }),
    ).toEqual([]);
    const q = parseText('ab\tB-X\nc\tO\n\nab\tO\nd\tO\tbad\n').document;
    expect(q.sentences[1]!.quarantined).toBe(true);
    const ok = parseText('ab\tB-X\nc\tO\n\nab\tO\nd\tO\n').document;
    expect(analyzeConsistency([src(ok)])).toHaveLength(1);
    expect(analyzeConsistency([src(q)])).toEqual([]);
  });

  it('ranks by score: majority share × (1 + context agreement) / 2', () => {
    const fs = one(
      // "ab": 3 X vs 1 O, the O in the same context as an X: 3/4 × 1
      'p/O ab/B-X q/O',
      'p/O ab/B-X q/O',
      'r/O ab/B-X s/O',
      'p/O ab/O q/O',
      // "cd": 1 Y vs 1 O, different contexts: 1/2 × 1/2; the tie goes to the smaller id
      'p/O cd/B-Y q/O',
      'r/O cd/O s/O',
    );
    expect(fs.map((f) => [f.words.join(' '), f.score])).toEqual([
      ['ab', 0.75],
      ['cd', 0.25],
    ]);
    expect(fs[1]!.variants[fs[1]!.suggested]!.id).toBe('O');
    expect(fs[0]!.occurrences.filter((o) => o.flagged).map((o) => o.sentence)).toEqual([3]);
  });

  it('never flags evidence-only sources, and drops findings with nothing to flag', () => {
    const test = docOf('iob2', 'p/O ab/B-X q/O');
    const train = docOf('iob2', 'p/O ab/O q/O', 'p/O ab/O q/O', 'p/O ab/B-X q/O');
    expect(analyzeConsistency([src(test), src(train, true)])).toHaveLength(1);
    expect(analyzeConsistency([src(train, true), src(test)])[0]!.occurrences[3]).toMatchObject({
      source: 1,
      flagged: true,
    });
    const agreeing = docOf('iob2', 'p/O ab/O q/O');
    expect(analyzeConsistency([src(agreeing), src(train, true)])).toEqual([]);
  });
});

describe('applyVariant', () => {
  const finding = (doc: CorpusDocument, words: string) =>
    byWords(analyzeConsistency([src(doc)]), words)!;

  it('rewrites several sentences in one transaction, one step per sentence, in order', () => {
    const doc = docOf(
      'iob2',
      'a/B-X b/I-X',
      'a/O b/B-Y c/O a/B-X b/O',
      'a/B-X b/I-X',
      'a/B-X b/I-X',
      'a/O b/O',
    );
    const f = finding(doc, 'a b');
    expect(f.variants[f.suggested]!.id).toBe('X');
    const flagged = f.occurrences.filter((o) => o.flagged);
    expect(flagged.map((o) => [o.sentence, o.start])).toEqual([
      [1, 0],
      [1, 3],
      [4, 0],
    ]);
    const tr = applyVariant(doc, f, f.suggested, flagged)!;
    expect(tr.command).toBe('consistency.apply');
    expect(tr.steps).toEqual([
      {
        type: 'setTags',
        sentence: 1,
        start: 0,
        before: ['O', 'B-Y', 'O', 'B-X', 'O'],
        after: ['B-X', 'I-X', 'O', 'B-X', 'I-X'],
      },
      { type: 'setTags', sentence: 4, start: 0, before: ['O', 'O'], after: ['B-X', 'I-X'] },
    ]);
    applyChecked(doc, tr);
    const o = f.variants.findIndex((v) => v.id === 'O');
    const clear = applyVariant(doc, f, o, f.occurrences)!;
    expect(clear.steps.map((st) => st.sentence)).toEqual([0, 1, 2, 3]);
    expect(applyChecked(doc, clear).sentences.map((st) => st.tags.join(' '))).toEqual([
      'O O',
      'O O O O O',
      'O O',
      'O O',
      'O O',
    ]);
  });

  it('writes the document scheme, composes touching occurrences, and keeps what sticks out', () => {
    const iob1 = docOf('iob1', 'a/I-X b/I-X', 'a/I-X b/I-X', 'a/I-X b/I-X', 'a/O b/O a/O b/O');
    const f1 = finding(iob1, 'a b');
    const tr1 = applyVariant(iob1, f1, f1.suggested, f1.occurrences)!;
    expect(applyChecked(iob1, tr1).sentences[3]!.tags).toEqual(['I-X', 'I-X', 'B-X', 'I-X']);
    const bioes = docOf(
      'bioes',
      'p/B-Y a/I-Y b/E-Y',
      'a/B-X b/E-X',
      'a/B-X b/E-X',
      'q/O a/S-Z b/O',
    );
    const f2 = finding(bioes, 'a b');
    const tr2 = applyVariant(bioes, f2, f2.suggested, f2.occurrences)!;
    expect(applyChecked(bioes, tr2).sentences.map((s) => s.tags.join(' '))).toEqual([
      'S-Y B-X E-X',
      'B-X E-X',
      'B-X E-X',
      'O B-X E-X',
    ]);
  });

  it('is null for crossing variants, unknown variants and when nothing changes', () => {
    const doc = docOf('iob2', 'a/B-X b/I-X', 'a/B-X b/I-X', 'a/O b/O', 'p/B-X a/I-X b/I-X');
    const f = finding(doc, 'a b');
    const inside = f.variants.findIndex((v) => v.crossing);
    expect(inside).toBeGreaterThan(-1);
    expect(applyVariant(doc, f, inside, f.occurrences)).toBeNull();
    expect(applyVariant(doc, f, 99, f.occurrences)).toBeNull();
    expect(applyVariant(doc, f, f.suggested, f.occurrences.slice(0, 2))).toBeNull();
  });
});
