import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PiecedText, spliceText, textString } from './text';

/** A string and the same text cut into pieces at random places (empty pieces included). */
const pieced = fc
  .tuple(fc.string({ unit: 'binary', maxLength: 60 }), fc.array(fc.nat(60), { maxLength: 8 }))
  .map(([s, cuts]) => {
    const at = [...new Set(cuts.map((c) => c % (s.length + 1)))].sort((a, b) => a - b);
    const parts: string[] = [];
    let prev = 0;
    for (const c of [...at, s.length]) {
      parts.push(s.slice(prev, c));
      prev = c;
    }
    parts.push('');
    return { s, t: new PiecedText(parts) };
  });

describe('a text in pieces', () => {
  it('reads like the string it stands for (property)', () => {
    fc.assert(
      fc.property(
        pieced,
        fc.integer({ min: -70, max: 70 }),
        fc.integer({ min: -70, max: 70 }),
        ({ s, t }, a, b) => {
          expect(t.length).toBe(s.length);
          expect(textString(t)).toBe(s);
          expect(t.slice(a, b)).toBe(s.slice(a, b));
          expect(t.slice(a)).toBe(s.slice(a));
          expect(Number.isNaN(t.charCodeAt(a)) ? NaN : t.charCodeAt(a)).toEqual(
            Number.isNaN(s.charCodeAt(a)) ? NaN : s.charCodeAt(a),
          );
          const probe = s.slice(Math.abs(a) % (s.length + 1), (Math.abs(a) % (s.length + 1)) + 3);
          expect(t.startsWith(probe, Math.abs(b))).toBe(s.startsWith(probe, Math.abs(b)));
          expect(t.endsWith(probe)).toBe(s.endsWith(probe));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('splices like the string, copying only the pieces it touches (property)', () => {
    fc.assert(
      fc.property(
        pieced,
        fc.nat(70),
        fc.nat(70),
        fc.string({ maxLength: 5 }),
        ({ s, t }, a, b, ins) => {
          const from = Math.min(a, s.length);
          const to = Math.min(Math.max(from, b), s.length);
          const next = spliceText(t, from, to, ins);
          expect(next).toBeInstanceOf(PiecedText);
          expect(textString(next)).toBe(s.slice(0, from) + ins + s.slice(to));
          expect(spliceText(s, from, to, ins)).toBe(s.slice(0, from) + ins + s.slice(to));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('keeps pieces it does not touch as they are', () => {
    const t = new PiecedText(['aaaa\n', 'bbbb\n', 'cccc\n']);
    const next = t.splice(6, 7, 'XY');
    expect(next.parts).toEqual(['aaaa\n', 'bXYbb\n', 'cccc\n']);
    expect(next.parts[0]).toBe(t.parts[0]);
  });
});
