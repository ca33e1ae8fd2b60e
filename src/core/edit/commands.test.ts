import { describe, expect, it } from 'vitest';
import { parse } from '../format/parse';
import type { Scheme } from '../scheme/schemes';
import { applyChecked } from '../testing/check-transaction';
import { tags as t } from '../testing/fixtures';
import {
  clearSpan,
  labelSpan,
  relabelEntity,
  removeEntity,
  resizeEntity,
  revertSentence,
  type Transaction,
} from './commands';
import { applyTransaction } from './history';

const docOf = (tagSpec: string, scheme?: Scheme) => {
  const tags = t(tagSpec);
  const text = tags.map((tag, i) => `w${i}\t${tag}\n`).join('');
  return parse(new TextEncoder().encode(text), scheme ? { scheme } : {}).document;
};

/** Applies a command; checks undo restores the original and the steps survive JSON. */
function run(
  tagSpec: string,
  scheme: Scheme | undefined,
  cmd: (d: ReturnType<typeof docOf>) => Transaction | null,
) {
  const doc = docOf(tagSpec, scheme);
  const tr = cmd(doc);
  if (!tr) return null;
  return applyChecked(doc, tr).sentences[0]!.tags.join(' ');
}

describe('labelSpan writes well-formed tags in the document scheme', () => {
  it('IOB2: B-X I-X', () => {
    expect(run('O O O', 'iob2', (d) => labelSpan(d, 0, 0, 2, 'X'))).toBe('B-X I-X O');
  });
  it('BIOES: B-X E-X, and S-X for one token', () => {
    expect(run('O O O', 'bioes', (d) => labelSpan(d, 0, 0, 2, 'X'))).toBe('B-X E-X O');
    expect(run('O O O', 'bioes', (d) => labelSpan(d, 0, 2, 3, 'X'))).toBe('O O S-X');
  });
  it('IOB1: I-X I-X, and B-X where it touches another X', () => {
    expect(run('O O O', 'iob1', (d) => labelSpan(d, 0, 0, 2, 'X'))).toBe('I-X I-X O');
    expect(run('I-X O O', 'iob1', (d) => labelSpan(d, 0, 1, 3, 'X'))).toBe('I-X B-X I-X');
  });
  it('IOE1 marks the end of an entity followed by one of its type', () => {
    expect(run('O I-X', 'ioe1', (d) => labelSpan(d, 0, 0, 1, 'X'))).toBe('E-X I-X');
  });
  it('BILOU: U-X and B-X L-X', () => {
    expect(run('O O O', 'bilou', (d) => labelSpan(d, 0, 0, 3, 'X'))).toBe('B-X I-X L-X');
  });
  it('replaces what it overlaps and keeps what sticks out', () => {
    expect(run('B-X I-X I-X', 'iob2', (d) => labelSpan(d, 0, 1, 2, 'Y'))).toBe('B-X B-Y B-X');
    expect(run('B-X I-X O B-Z', 'iob2', (d) => labelSpan(d, 0, 1, 4, 'Y'))).toBe('B-X B-Y I-Y I-Y');
  });
  it('never repairs an invalid sequence elsewhere in the sentence', () => {
    expect(run('I-P O O O', 'iob2', (d) => labelSpan(d, 0, 3, 4, 'X'))).toBe('I-P O O B-X');
  });
  it('is not applicable when nothing would change or the label cannot be written', () => {
    expect(run('B-X I-X', 'iob2', (d) => labelSpan(d, 0, 0, 2, 'X'))).toBeNull();
    expect(run('O O', 'iob2', (d) => labelSpan(d, 0, 0, 1, 'has space'))).toBeNull();
    expect(run('O O', 'iob2', (d) => labelSpan(d, 0, 1, 5, 'X'))).toBeNull();
  });
});

describe('entity commands', () => {
  it('remove, relabel, resize, clear', () => {
    expect(run('B-X I-X O B-Y', 'iob2', (d) => removeEntity(d, 0, 1))).toBe('O O O B-Y');
    expect(run('B-X I-X O', 'iob2', (d) => relabelEntity(d, 0, 0, 'Y'))).toBe('B-Y I-Y O');
    expect(run('B-X I-X O O', 'bioes', (d) => removeEntity(d, 0, 0))).toBe('O O O O');
    expect(run('O O', 'iob2', (d) => removeEntity(d, 0, 0))).toBeNull();
    expect(run('B-X E-X O O', 'bioes', (d) => resizeEntity(d, 0, 0, 0, 3))).toBe('B-X I-X E-X O');
    expect(run('B-X E-X O S-Y', 'bioes', (d) => resizeEntity(d, 0, 1, 1, 4))).toBe('O B-X I-X E-X');
    expect(run('B-X I-X I-X', 'iob2', (d) => clearSpan(d, 0, 1, 2))).toBe('B-X O B-X');
  });
  it('revert puts the file tags back', () => {
    const doc = docOf('B-X I-X O', 'iob2');
    const edited = applyTransaction(doc, labelSpan(doc, 0, 2, 3, 'Y')!)!;
    const tr = revertSentence(edited, 0)!;
    expect(applyTransaction(edited, tr)!.sentences[0]!.tags).toEqual(t('B-X I-X O'));
    expect(revertSentence(doc, 0)).toBeNull();
  });
  it('refuses quarantined sentences', () => {
    const q = parse(new TextEncoder().encode('a\tO\tx\nb\tO\n')).document;
    expect(labelSpan(q, 0, 0, 1, 'X')).toBeNull();
  });
});
