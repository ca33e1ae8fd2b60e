import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from '../format/parse';
import { serialize } from '../format/serialize';
import { conll, parseText } from '../testing/fixtures';
import { applyStep, invertStep, setTagsStep, stepsSince, type SetTagsStep } from './edit';
import { isSentenceChanged } from './document';

const base = () => parseText(conll('John/O Smith/O went/O', 'to/O Paris/O')).document;
const text = (d: ReturnType<typeof base>) => new TextDecoder().decode(serialize(d));

/** Every edit test checks the result, that undo restores the original, and that the step survives JSON. */
function check(step: SetTagsStep) {
  const doc = base();
  const r = applyStep(doc, step);
  if (!r.ok) throw new Error(r.error);
  const viaJson = applyStep(doc, JSON.parse(JSON.stringify(step)) as SetTagsStep);
  expect(viaJson.ok && text(viaJson.doc)).toBe(text(r.doc));
  const undone = applyStep(r.doc, invertStep(step));
  expect(undone.ok && text(undone.doc)).toBe(text(doc));
  return r.doc;
}

describe('setTags steps', () => {
  it('changes only the tag fields of the edited tokens', () => {
    const doc = check(setTagsStep(base(), 0, 0, ['B-PER', 'I-PER']));
    expect(text(doc)).toBe('John\tB-PER\nSmith\tI-PER\nwent\tO\n\nto\tO\nParis\tO\n');
  });
  it('shares every sentence but the edited one', () => {
    const doc = base();
    const r = applyStep(doc, setTagsStep(doc, 1, 1, ['B-LOC']));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.doc.sentences[0]).toBe(doc.sentences[0]);
    expect(r.doc.sentences[1]).not.toBe(doc.sentences[1]);
    expect(r.doc.tokens).toBe(doc.tokens);
    expect(isSentenceChanged(r.doc.sentences[1]!)).toBe(true);
    expect(isSentenceChanged(r.doc.sentences[0]!)).toBe(false);
  });
  it('refuses stale steps, out-of-range runs, quarantined sentences and tags that would break the file', () => {
    const doc = base();
    expect(
      applyStep(doc, { type: 'setTags', sentence: 0, start: 0, before: ['B-X'], after: ['O'] }),
    ).toEqual({ ok: false, error: 'before-mismatch' });
    expect(
      applyStep(doc, {
        type: 'setTags',
        sentence: 1,
        start: 1,
        before: ['O', 'O'],
        after: ['B-X', 'I-X'],
      }),
    ).toEqual({ ok: false, error: 'out-of-range' });
    expect(applyStep(doc, setTagsStep(doc, 5, 0, ['O']))).toEqual({
      ok: false,
      error: 'no-such-sentence',
    });
    for (const bad of ['B-X\tY', 'B-X Y', '', 'B-\n', 'B-\u0000']) {
      expect(applyStep(doc, setTagsStep(doc, 0, 0, [bad]))).toEqual({
        ok: false,
        error: 'unwritable-tag',
      });
    }
    const q = parseText('a\tO\tX\nb\tO\n').document;
    expect(applyStep(q, setTagsStep(q, 0, 0, ['B-X']))).toEqual({
      ok: false,
      error: 'quarantined',
    });
  });
  it('reports an edit reverted by hand as unchanged', () => {
    const doc = check(setTagsStep(base(), 0, 2, ['B-X']));
    const back = applyStep(doc, setTagsStep(doc, 0, 2, ['O']));
    expect(back.ok && isSentenceChanged(back.doc.sentences[0]!)).toBe(false);
    expect(back.ok && text(back.doc)).toBe(text(base()));
  });
});

describe('windows-1252 documents', () => {
  it('refuse a tag the encoding cannot write, and accept one it can', () => {
    const bytes = Uint8Array.from([
      ...new TextEncoder().encode('caf'),
      0xe9,
      9,
      ...new TextEncoder().encode('O\n'),
    ]);
    const doc = parse(bytes, { encoding: 'windows-1252' }).document;
    expect(doc.sentences[0]?.quarantined).toBe(false);
    expect(applyStep(doc, setTagsStep(doc, 0, 0, ['B-名前']))).toEqual({
      ok: false,
      error: 'unwritable-tag',
    });
    const r = applyStep(doc, setTagsStep(doc, 0, 0, ['B-Café']));
    expect(r.ok).toBe(true);
    if (r.ok)
      expect([...serialize(r.doc)]).toEqual([
        ...new TextEncoder().encode('caf'),
        0xe9,
        9,
        ...new TextEncoder().encode('B-Caf'),
        0xe9,
        10,
      ]);
  });
});

describe('stepsSince', () => {
  it('names every sentence whose tags differ after any run of steps (property)', () => {
    const three = () =>
      parseText(conll('a/O b/O c/O', 'd/O e/O', 'f/O g/O h/O i/O'), { scheme: 'iob2' }).document;
    const tags = fc.constantFrom('O', 'B-X', 'I-X', 'B-Y');
    const step = fc.tuple(fc.nat(2), fc.nat(3), fc.array(tags, { minLength: 1, maxLength: 3 }));
    fc.assert(
      fc.property(fc.array(step, { maxLength: 12 }), (steps) => {
        const start = three();
        let doc = start;
        for (const [si, at, after] of steps) {
          const s = doc.sentences[si]!;
          const from = Math.min(at, s.length - 1);
          const r = applyStep(doc, setTagsStep(doc, si, from, after.slice(0, s.length - from)));
          if (r.ok) doc = r.doc;
        }
        const named = stepsSince(doc, start);
        expect(named).not.toBeNull();
        const differ = doc.sentences.flatMap((s, i) =>
          s.tags.join() === start.sentences[i]!.tags.join() ? [] : [i],
        );
        for (const i of differ) expect(named).toContain(i);
        expect(named!.length).toBeLessThanOrEqual(steps.length);
      }),
      { numRuns: 300 },
    );
  });
  it('is null for a document that did not come from the other through steps', () => {
    const a = base();
    const b = base();
    const r = applyStep(a, setTagsStep(a, 0, 0, ['B-PER']));
    expect(r.ok && stepsSince(r.doc, b)).toBeNull();
    expect(r.ok && stepsSince(r.doc, a)).toEqual([0]);
    expect(stepsSince(a, a)).toEqual([]);
    expect(r.ok && stepsSince(a, r.doc)).toBeNull();
  });
});
