import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, type ParseOptions } from '../format/parse';
import { serialize, serializeText } from '../format/serialize';
import { changedTagCount, sentenceTokens, type CorpusDocument } from '../model/document';
import { applyStep, setTagsStep } from '../model/edit';
import type { Scheme } from '../scheme/schemes';
import { conll } from '../testing/fixtures';
import {
  applyStructure,
  describeStructure,
  invertStructure,
  isStructureStep,
  joinSentencesStep,
  mergeTokensStep,
  sentenceShift,
  splitSentenceStep,
  splitTokenStep,
  type StructureError,
  type StructureStep,
} from './structure';
import { fullShape, invariantsHold, parsedShape, reparse } from './test-helpers';

const read = (text: string, scheme: Scheme, options: ParseOptions = {}) =>
  parse(text, { scheme, ...options }).document;

/** Applies a step (from JSON), checks it against a fresh parse and that its inverse undoes it. */
function check(doc: CorpusDocument, step: StructureStep | StructureError): CorpusDocument {
  if (typeof step === 'string') throw new Error(`refused: ${step}`);
  const json = JSON.parse(JSON.stringify(step)) as StructureStep;
  expect(json).toEqual(step);
  const r = applyStructure(doc, json);
  if (!r.ok) throw new Error(`refused on apply: ${r.error}`);
  expect(parsedShape(r.doc)).toEqual(parsedShape(reparse(r.doc)));
  expect(invariantsHold(r.doc)).toBe(true);
  const back = applyStructure(r.doc, invertStructure(json));
  if (!back.ok) throw new Error(`inverse refused: ${back.error}`);
  expect(fullShape(back.doc)).toEqual(fullShape(doc));
  expect(serialize(back.doc)).toEqual(serialize(doc));
  return r.doc;
}

const tagsOf = (doc: CorpusDocument) => doc.sentences.map((s) => s.tags.join(' '));
const tokensOf = (doc: CorpusDocument) =>
  doc.sentences.map((s) => sentenceTokens(doc, s).join(' '));

describe('splitToken', () => {
  it('IOB2: B-X → B-X I-X, I-X → I-X I-X, O → O O; the new line copies the old one', () => {
    const doc = read(conll('New-York/B-LOC City/I-LOC is/O big/O'), 'iob2');
    const a = check(doc, splitTokenStep(doc, 0, 0, 3));
    expect(a.text).toBe('New\tB-LOC\n-York\tI-LOC\nCity\tI-LOC\nis\tO\nbig\tO\n');
    expect(tagsOf(a)).toEqual(['B-LOC I-LOC I-LOC O O']);
    const b = check(doc, splitTokenStep(doc, 0, 1, 2));
    expect(tagsOf(b)).toEqual(['B-LOC I-LOC I-LOC O O']);
    const c = check(doc, splitTokenStep(doc, 0, 3, 1));
    expect(c.text.endsWith('is\tO\nb\tO\nig\tO\n')).toBe(true);
  });

  it('BIOES: S-X → B-X E-X, E-X → I-X E-X, B-X → B-X I-X', () => {
    const doc = read(conll('Bonn/S-LOC and/O New/B-LOC York/E-LOC'), 'bioes');
    expect(tagsOf(check(doc, splitTokenStep(doc, 0, 0, 2)))).toEqual(['B-LOC E-LOC O B-LOC E-LOC']);
    expect(tagsOf(check(doc, splitTokenStep(doc, 0, 3, 2)))).toEqual(['S-LOC O B-LOC I-LOC E-LOC']);
    expect(tagsOf(check(doc, splitTokenStep(doc, 0, 2, 1)))).toEqual(['S-LOC O B-LOC I-LOC E-LOC']);
  });

  it('IOB1 and IOE1 keep the marks between touching entities', () => {
    const iob1 = read(conll('Peter/I-PER Paul/B-PER Mary/I-PER'), 'iob1');
    expect(tagsOf(check(iob1, splitTokenStep(iob1, 0, 1, 2)))).toEqual(['I-PER B-PER I-PER I-PER']);
    expect(tagsOf(check(iob1, splitTokenStep(iob1, 0, 0, 2)))).toEqual(['I-PER I-PER B-PER I-PER']);
    const ioe1 = read(conll('Peter/E-PER Paul/I-PER'), 'ioe1');
    expect(tagsOf(check(ioe1, splitTokenStep(ioe1, 0, 0, 2)))).toEqual(['I-PER E-PER I-PER']);
  });

  it('writes the file tags of the parts into the text, each from its own sequence', () => {
    const doc = read(conll('Bonn/S-LOC is/O'), 'bioes');
    const edited = applyStep(doc, setTagsStep(doc, 0, 0, ['O']));
    if (!edited.ok) throw new Error(edited.error);
    const d = check(edited.doc, splitTokenStep(edited.doc, 0, 0, 2));
    expect(d.text).toBe('Bo\tB-LOC\nnn\tE-LOC\nis\tO\n');
    expect(tagsOf(d)).toEqual(['O O O']);
    expect(serializeText(d)).toBe('Bo\tO\nnn\tO\nis\tO\n');
  });

  it('leaves an invalid sequence elsewhere alone', () => {
    const doc = read(conll('a/I-X b/O cc/B-Y d/O'), 'iob2');
    expect(tagsOf(check(doc, splitTokenStep(doc, 0, 2, 1)))).toEqual(['I-X O B-Y I-Y O']);
  });

  it('works on CoNLL-2003 columns, CRLF, a BOM and a last line without newline', () => {
    const text = '\uFEFFEU NNP B-NP B-ORG\r\nrejects VBZ B-VP O\r\n\r\nGerman-call JJ B-NP B-MISC';
    const doc = read(text, 'iob2');
    const a = check(doc, splitTokenStep(doc, 0, 0, 1));
    expect(a.text.startsWith('\uFEFFE NNP B-NP B-ORG\r\nU NNP B-NP I-ORG\r\nrejects')).toBe(true);
    const b = check(doc, splitTokenStep(doc, 1, 0, 6));
    expect(b.text.endsWith('\r\n\r\nGerman JJ B-NP B-MISC\r\n-call JJ B-NP I-MISC')).toBe(true);
    expect(b.dialect.lineEnding).toBe('crlf');
    expect(b.dialect.finalNewline).toBe(false);
  });

  it('refuses split points outside the token, inside a surrogate pair, or that break the line', () => {
    const doc = read(conll('a😀b/O ab/O x#y/PER'), 'iob2');
    expect(splitTokenStep(doc, 0, 0, 0)).toBe('bad-split-point');
    expect(splitTokenStep(doc, 0, 0, 4)).toBe('bad-split-point');
    expect(splitTokenStep(doc, 0, 0, 2)).toBe('bad-split-point');
    expect(splitTokenStep(doc, 0, 2, 1)).toBe('bad-split-point'); // "#y PER" would be a comment
    expect(splitTokenStep(doc, 0, 5, 1)).toBe('out-of-range');
    expect(splitTokenStep(doc, 3, 0, 1)).toBe('no-such-sentence');
    check(doc, splitTokenStep(doc, 0, 0, 1));
  });
});

describe('mergeTokens', () => {
  it('keeps the first line and the first entity; a one-token entity disappears', () => {
    const doc = read(conll('New/B-LOC York/I-LOC Mets/B-ORG won/O'), 'iob2');
    const a = check(doc, mergeTokensStep(doc, 0, 1));
    expect(a.text).toBe('New\tB-LOC\nYorkMets\tI-LOC\nwon\tO\n');
    expect(tagsOf(a)).toEqual(['B-LOC I-LOC O']);
    const b = check(doc, mergeTokensStep(doc, 0, 0));
    expect(tagsOf(b)).toEqual(['B-LOC B-ORG O']);
  });

  it('takes the second entity when the first token is O, re-encoding it', () => {
    const doc = read(conll('the/O New/B-LOC York/I-LOC'), 'iob2');
    const d = check(doc, mergeTokensStep(doc, 0, 0));
    expect(tagsOf(d)).toEqual(['B-LOC I-LOC']);
    expect(d.text).toBe('theNew\tB-LOC\nYork\tI-LOC\n');
    const bioes = read(conll('New/B-LOC York/E-LOC'), 'bioes');
    expect(tagsOf(check(bioes, mergeTokensStep(bioes, 0, 0)))).toEqual(['S-LOC']);
    const iob1 = read(conll('a/I-X b/I-Y c/B-Y'), 'iob1');
    // b's one-token entity goes; c no longer touches a Y entity, so B-Y becomes I-Y
    expect(tagsOf(check(iob1, mergeTokensStep(iob1, 0, 0)))).toEqual(['I-X I-Y']);
  });

  it('refuses across a comment line and when the merged line would read otherwise', () => {
    const doc = read('a\tO\n# note\nb\tO\n-DOC\tO\nSTART-\tO\n', 'iob2');
    expect(mergeTokensStep(doc, 0, 0)).toBe('comment-between');
    expect(mergeTokensStep(doc, 0, 2)).toBe('bad-merge');
    expect(mergeTokensStep(doc, 0, 3)).toBe('out-of-range');
  });
});

describe('splitSentence and joinSentences', () => {
  it('IOB2: a blank line; an entity across the break becomes two; the new sentence gets a new id', () => {
    const doc = read(conll('in/O New/B-LOC York/I-LOC City/I-LOC', 'ok/O'), 'iob2');
    const step = splitSentenceStep(doc, 0, 2);
    const d = check(doc, step);
    expect(d.text).toBe('in\tO\nNew\tB-LOC\n\nYork\tI-LOC\nCity\tI-LOC\n\nok\tO\n');
    expect(tagsOf(d)).toEqual(['O B-LOC', 'B-LOC I-LOC', 'O']);
    expect(d.sentences.map((s) => s.id)).toEqual([0, 2, 1]);
    // the file still says I-LOC; the export writes B-LOC
    expect(changedTagCount(d.sentences[1]!)).toBe(1);
    expect(serializeText(d)).toContain('\nYork\tB-LOC\n');
    expect(sentenceShift(step as StructureStep)).toEqual({ at: 0, delta: 1 });
    // joining them again gives the original text, but the two entities stay two
    const back = check(d, joinSentencesStep(d, 0));
    expect(back.text).toBe(doc.text);
    expect(tagsOf(back)).toEqual(['O B-LOC B-LOC I-LOC', 'O']);
  });

  it('IOB1: entities that meet at a join stay two (I-X | I-X → I-X B-X), and split back', () => {
    const doc = read(conll('Peter/I-PER', 'Paul/I-PER went/O'), 'iob1');
    const d = check(doc, joinSentencesStep(doc, 0));
    expect(d.text).toBe('Peter\tI-PER\nPaul\tI-PER\nwent\tO\n');
    expect(tagsOf(d)).toEqual(['I-PER B-PER O']);
    const back = check(d, splitSentenceStep(d, 0, 1));
    expect(tagsOf(back)).toEqual(['I-PER', 'I-PER O']);
    expect(serialize(back)).toEqual(serialize(doc));
  });

  it('BIOES and IOE1 re-encode the cut', () => {
    const bioes = read(conll('a/B-X b/I-X c/E-X'), 'bioes');
    expect(tagsOf(check(bioes, splitSentenceStep(bioes, 0, 1)))).toEqual(['S-X', 'B-X E-X']);
    const ioe1 = read(conll('a/E-X b/I-X'), 'ioe1');
    expect(tagsOf(check(ioe1, splitSentenceStep(ioe1, 0, 1)))).toEqual(['I-X', 'I-X']);
  });

  it('the <s>/</s> dialect: split writes </s> and <s>, join removes them (the seed corpus)', () => {
    const path = resolve(process.cwd(), '../shared/seeds/multipath-tcp.bio.txt');
    const doc = parse(new Uint8Array(readFileSync(path))).document;
    expect(doc.dialect.sentenceMarkers).toBeGreaterThan(0);
    const d = check(doc, splitSentenceStep(doc, 0, 3));
    expect(
      d.text.startsWith('<s>\nMultipath\tB-Protocol\nTCP\tI-Protocol\n(\tO\n</s>\n<s>\nMPTCP'),
    ).toBe(true);
    expect(d.dialect.sentenceMarkers).toBe(doc.dialect.sentenceMarkers + 2);
    const j = check(doc, joinSentencesStep(doc, 0));
    expect(j.dialect.sentenceMarkers).toBe(doc.dialect.sentenceMarkers - 2);
    expect(j.sentences.length).toBe(doc.sentences.length - 1);
    expect(tokensOf(j)[0]).toBe(`${tokensOf(doc)[0]} ${tokensOf(doc)[1]}`);
  });

  it('CRLF and whitespace-only break lines', () => {
    const doc = read('a\tB-X\r\nb\tI-X\r\n \t\r\n\r\nc\tO\r\n', 'iob2');
    const s = check(doc, splitSentenceStep(doc, 0, 1));
    expect(s.text).toBe('a\tB-X\r\n\r\nb\tI-X\r\n \t\r\n\r\nc\tO\r\n');
    const j = check(doc, joinSentencesStep(doc, 0));
    expect(j.text).toBe('a\tB-X\r\nb\tI-X\r\nc\tO\r\n');
    expect(j.dialect.lineEnding).toBe('crlf');
  });

  it('a file with mixed line endings becomes CRLF when its only LF goes', () => {
    const doc = read('a\tO\r\n\nb\tO\r\n', 'iob2');
    expect(doc.dialect.lineEnding).toBe('mixed');
    expect(check(doc, joinSentencesStep(doc, 0)).dialect.lineEnding).toBe('crlf');
  });

  it('refuses joins across -DOCSTART- or comments, and quarantined or missing sentences', () => {
    const doc = read('a O\n\n-DOCSTART- -X- O\n\nb O\n\n# c\nc O\n\nd O\n\ne O X\n\nf O\n', 'iob2');
    expect(joinSentencesStep(doc, 0)).toBe('document-break-between');
    expect(joinSentencesStep(doc, 1)).toBe('comment-between');
    expect(joinSentencesStep(doc, 3)).toBe('quarantined');
    expect(joinSentencesStep(doc, 4)).toBe('quarantined');
    expect(joinSentencesStep(doc, 5)).toBe('no-such-sentence');
    expect(splitSentenceStep(doc, 4, 0)).toBe('quarantined');
    check(doc, joinSentencesStep(doc, 2));
  });

  it('refuses split points at the ends and next to a comment inside the sentence', () => {
    const doc = read('a O\n# note\nb O\nc O\n', 'iob2');
    expect(splitSentenceStep(doc, 0, 0)).toBe('bad-split-point');
    expect(splitSentenceStep(doc, 0, 3)).toBe('bad-split-point');
    expect(splitSentenceStep(doc, 0, 4)).toBe('out-of-range');
    expect(splitSentenceStep(doc, 0, 1)).toBe('comment-between');
    check(doc, splitSentenceStep(doc, 0, 2));
  });
});

describe('steps as data', () => {
  it('are refused when stale, describe themselves, and shift sentence indices', () => {
    const doc = read(conll('end-to-end/O x/O', 'y/O'), 'iob2');
    const step = splitTokenStep(doc, 0, 0, 3) as StructureStep;
    expect(describeStructure(step)).toBe('Split token “end-to-end” at 3');
    expect(describeStructure(invertStructure(step))).toBe('Merge tokens “end” and “-to-end”');
    expect(invertStructure(invertStructure(step))).toEqual(step);
    expect(isStructureStep(step)).toBe(true);
    expect(isStructureStep(setTagsStep(doc, 0, 0, ['O']))).toBe(false);
    const join = joinSentencesStep(doc, 0) as StructureStep;
    expect(describeStructure(join)).toBe('Join sentences 1 and 2');
    expect(sentenceShift(join)).toEqual({ at: 0, delta: -1 });
    expect(sentenceShift(step)).toEqual({ at: 0, delta: 0 });
    const edited = applyStep(doc, setTagsStep(doc, 0, 1, ['B-X']));
    if (!edited.ok) throw new Error(edited.error);
    expect(applyStructure(edited.doc, step)).toEqual({ ok: false, error: 'stale' });
    expect(applyStructure(edited.doc, join)).toEqual({ ok: false, error: 'stale' });
    const split = check(doc, step);
    expect(applyStructure(split, step)).toEqual({ ok: false, error: 'stale' });
  });

  it('shares the sentences before the edit and moves the ones after it', () => {
    const doc = read(conll('a/O', 'bb/O c/O', 'd/O'), 'iob2');
    const d = check(doc, splitTokenStep(doc, 1, 0, 1) as StructureStep);
    expect(d.sentences[0]).toBe(doc.sentences[0]);
    expect(doc.sentences[2]).toMatchObject({ first: 3, startLine: 6, endLine: 6 });
    expect(d.sentences[2]).toMatchObject({ first: 4, startLine: 7, endLine: 7 });
  });

  it('moves undecodable bytes (patches) along with the text', () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('ab\tO\n\n'),
      0x78,
      0xff,
      ...new TextEncoder().encode('\tO\n'),
    ]);
    const doc = parse(bytes, { scheme: 'iob2' }).document;
    expect(doc.patches.length).toBe(1);
    const r = applyStructure(doc, splitTokenStep(doc, 0, 0, 1) as StructureStep);
    if (!r.ok) throw new Error(r.error);
    const out = serialize(r.doc);
    expect(Array.from(out.slice(-5))).toEqual([0x78, 0xff, 0x09, 0x4f, 0x0a]);
    const back = applyStructure(
      r.doc,
      invertStructure(splitTokenStep(doc, 0, 0, 1) as StructureStep),
    );
    expect(back.ok && serialize(back.doc)).toEqual(bytes);
  });
});

describe('regressions found by the properties', () => {
  it('refuses a merge after which the layout detector would read other columns', () => {
    // "#aa NNP O" is a token line, but the detector skips "#" lines: no sample, 2 columns
    const doc = read('<s>\r\n#a NNP O\r\na NNP O\r\n</s>\r\n', 'bioes');
    expect(mergeTokensStep(doc, 0, 0)).toBe('changes-layout');
  });

  it('keeps the BOM on line 1 and out of the copied line', () => {
    const doc = read('\uFEFFab O\nc O', 'iob2');
    const d = check(doc, splitTokenStep(doc, 0, 0, 1));
    expect(d.text).toBe('\uFEFFa O\nb O\nc O');
    expect(d.dialect.bom).toBe(true);
  });

  it('gives every new sentence its own id', () => {
    const doc = read(conll('a/O b/O c/O d/O'), 'iob2');
    const one = check(doc, splitSentenceStep(doc, 0, 2));
    const two = check(one, splitSentenceStep(one, 0, 1));
    const three = check(two, splitSentenceStep(two, 2, 1));
    expect(three.sentences.map((s) => s.id)).toEqual([0, 2, 1, 3]);
  });
});

describe('a real corpus', () => {
  it('CoNLL-2003 eng.testa (CRLF, IOB1): join two sentences and split them again → identical bytes', () => {
    const bytes = new Uint8Array(
      readFileSync(resolve(process.cwd(), '../shared/corpora/conll2003/iob1-crlf/eng.testa')),
    );
    const doc = parse(bytes, { scheme: 'iob1' }).document;
    expect(doc.dialect.lineEnding).toBe('crlf');
    const s = 1; // LONDON 1996-08-30 | West Indian all-rounder …
    const joined = applyStructure(doc, joinSentencesStep(doc, s) as StructureStep);
    if (!joined.ok) throw new Error(joined.error);
    expect(joined.doc.sentences.length).toBe(doc.sentences.length - 1);
    expect(parsedShape(joined.doc)).toEqual(parsedShape(reparse(joined.doc)));
    const len = doc.sentences[s]!.length;
    const split = applyStructure(
      joined.doc,
      splitSentenceStep(joined.doc, s, len) as StructureStep,
    );
    if (!split.ok) throw new Error(split.error);
    expect(Buffer.from(serialize(split.doc)).equals(Buffer.from(bytes))).toBe(true);
    expect(split.doc.sentences.map((x) => x.tags)).toEqual(doc.sentences.map((x) => x.tags));
  });
});
