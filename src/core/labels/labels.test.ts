import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from '../format/parse';
import { serialize } from '../format/serialize';
import { extractChunks, type Chunk } from '../scheme/chunks';
import { encodeChunks, SCHEMES, type Scheme } from '../scheme/schemes';
import { applyChecked } from '../testing/check-transaction';
import { conll, parseText } from '../testing/fixtures';
import { LABEL_SET_FORMAT, parseLabelSet, serializeLabelSet } from './label-set';
import { retypeEntities } from './retype';

const set = (labels: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ format: LABEL_SET_FORMAT, version: 1, labels, ...extra });

describe('retypeEntities', () => {
  it('renames a type everywhere as one transaction, keeping entity extents', () => {
    const doc = parseText(conll('a/B-X b/I-X c/O d/B-Y', 'e/B-X f/O', 'g/O h/B-Y')).document;
    const r = retypeEntities(doc, 'X', 'Z');
    expect(r.entities).toBe(2);
    expect(r.sentences).toBe(2);
    const after = applyChecked(doc, r.tr);
    expect(after.sentences.map((s) => s.tags.join(' '))).toEqual([
      'B-Z I-Z O B-Y',
      'B-Z O',
      'O B-Y',
    ]);
  });

  it('merges into an existing type without fusing touching entities (IOB1)', () => {
    const doc = parseText(conll('a/I-X b/I-Y c/I-Y'), { scheme: 'iob1' }).document;
    const r = retypeEntities(doc, 'X', 'Y');
    const after = applyChecked(doc, r.tr);
    expect(after.sentences[0]?.tags).toEqual(['I-Y', 'B-Y', 'I-Y']);
    expect(extractChunks(after.sentences[0]!.tags, after.scheme.rules)).toHaveLength(2);
  });

  it('deletes a type: its entities become O', () => {
    const doc = parseText(conll('a/S-X b/B-Y c/E-Y d/S-X'), { scheme: 'bioes' }).document;
    const r = retypeEntities(doc, 'X', null);
    expect(r.tr?.command).toBe('labels.delete');
    const after = applyChecked(doc, r.tr);
    expect(after.sentences[0]?.tags).toEqual(['O', 'B-Y', 'E-Y', 'O']);
  });

  it('leaves an invalid sequence elsewhere in the sentence alone', () => {
    const doc = parseText(conll('a/I-Y b/O c/B-X d/O e/O f/I-Y'), { scheme: 'iob2' }).document;
    const after = applyChecked(doc, retypeEntities(doc, 'X', 'Z').tr);
    expect(after.sentences[0]?.tags).toEqual(['I-Y', 'O', 'B-Z', 'O', 'O', 'I-Y']);
  });

  it('refuses unwritable names and no-ops', () => {
    const doc = parseText(conll('a/B-X')).document;
    expect(retypeEntities(doc, 'X', 'has space').tr).toBeNull();
    expect(retypeEntities(doc, 'X', 'X').tr).toBeNull();
    expect(retypeEntities(doc, 'Q', 'Z').tr).toBeNull();
  });

  it('treats __proto__ as a plain type name', () => {
    const doc = parseText(conll('a/B-__proto__ b/O')).document;
    const after = applyChecked(doc, retypeEntities(doc, '__proto__', 'constructor').tr);
    expect(after.sentences[0]?.tags).toEqual(['B-constructor', 'O']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('on a real corpus: only tag fields of the renamed type change in the exported bytes', () => {
    const bytes = readFileSync('../shared/corpora/conll2003/iob1-crlf/eng.testa');
    const doc = parse(bytes).document;
    const r = retypeEntities(doc, 'MISC', 'MISCELLANEOUS');
    expect(r.entities).toBe(922);
    const after = applyChecked(doc, r.tr);
    const out = new TextDecoder().decode(serialize(after)).split('\r\n');
    const inp = new TextDecoder().decode(bytes).split('\r\n');
    expect(out).toHaveLength(inp.length);
    let changed = 0;
    for (let i = 0; i < inp.length; i++) {
      if (out[i] === inp[i]) continue;
      changed++;
      expect(out[i]).toBe(inp[i]!.replace(/-MISC$/, '-MISCELLANEOUS'));
    }
    expect(changed).toBeGreaterThan(922);
  });

  it('property: entities keep their extents, only the renamed type changes, in every scheme', () => {
    const arb = fc.array(
      fc.tuple(fc.nat(9), fc.integer({ min: 1, max: 3 }), fc.constantFrom('X', 'Y', 'Z')),
      { maxLength: 5 },
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...SCHEMES),
        fc.array(arb, { minLength: 1, maxLength: 3 }),
        fc.constantFrom('Y', 'Z', 'W', null),
        (scheme: Scheme, sentences, to) => {
          const built = sentences.map((marks) => {
            const taken = new Array<boolean>(10).fill(false);
            const chunks: Chunk[] = [];
            for (const [s, len, type] of marks) {
              const e = Math.min(10, s + len);
              if (taken.slice(s, e).some(Boolean)) continue;
              for (let i = s; i < e; i++) taken[i] = true;
              chunks.push({ start: s, end: e, type });
            }
            return chunks.sort((a, b) => a.start - b.start);
          });
          const text = built
            .map((c) =>
              encodeChunks(c, 10, scheme)
                .map((g, i) => `w${i}\t${g}\n`)
                .join(''),
            )
            .join('\n');
          const doc = parseText(text, { scheme }).document;
          const r = retypeEntities(doc, 'X', to);
          const xs = built.flat().filter((c) => c.type === 'X').length;
          expect(r.entities).toBe(xs);
          if (xs === 0) {
            expect(r.tr).toBeNull();
            return;
          }
          const after = applyChecked(doc, r.tr);
          after.sentences.forEach((s, i) => {
            const expected = built[i]!.flatMap((c) =>
              c.type !== 'X' ? [c] : to === null ? [] : [{ ...c, type: to }],
            );
            expect(extractChunks(s.tags, after.scheme.rules)).toEqual(expected);
          });
        },
      ),
    );
  });
});

describe('label sets', () => {
  it('reads what it writes', () => {
    const s = {
      labels: [
        { name: 'PER', key: 'p', description: 'People, including fictional ones.' },
        { name: 'creative-work' },
      ],
    };
    const text = serializeLabelSet(s);
    expect(text).toBe(
      '{\n  "format": "retag-label-set",\n  "version": 1,\n  "labels": [\n    {\n      "name": "PER",\n      "key": "p",\n      "description": "People, including fictional ones."\n    },\n    {\n      "name": "creative-work"\n    }\n  ]\n}\n',
    );
    expect(parseLabelSet(text)).toEqual({ ok: true, set: s });
  });

  it.each([
    [
      '__proto__ at the top',
      `{"format":"${LABEL_SET_FORMAT}","version":1,"labels":[],"__proto__":{"x":1}}`,
      /__proto__/,
    ],
    ['constructor in a label', set([{ name: 'A', constructor: { prototype: 1 } }]), /constructor/],
    [
      'prototype deep down',
      set([{ name: 'A', description: 'x' }], { x: { y: [{ prototype: 1 }] } }),
      /prototype/,
    ],
    ['an unknown top key', set([], { colours: 1 }), /Unknown key "colours"/],
    ['an unknown label key', set([{ name: 'A', color: 'red' }]), /unknown key "color"/],
    ['a name with a space', set([{ name: 'A B' }]), /"name" must be/],
    ['a duplicate name', set([{ name: 'A' }, { name: 'A' }]), /listed twice/],
    ['a two-character key', set([{ name: 'A', key: 'ab' }]), /one character/],
    [
      'a duplicate key',
      set([
        { name: 'A', key: 'a' },
        { name: 'B', key: 'a' },
      ]),
      /used twice/,
    ],
    ['a wrong format marker', JSON.stringify({ format: 'x', version: 1, labels: [] }), /"format"/],
    ['not an object', '[1,2]', /JSON object/],
    ['not JSON', '{', /Not JSON/],
  ])('refuses %s with a message', (_, text, message) => {
    const r = parseLabelSet(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join('\n')).toMatch(message);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('property: arbitrary JSON never throws and never pollutes the prototype', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const r = parseLabelSet(
          JSON.stringify({ format: LABEL_SET_FORMAT, version: 1, labels: v }),
        );
        expect(typeof r.ok).toBe('boolean');
        expect(Object.getPrototypeOf({})).toBe(Object.prototype);
        expect(Object.keys(Object.prototype)).toEqual([]);
      }),
    );
  });
});
