import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RowHeights } from './row-heights';

/** The obvious O(n) reading, to check the Fenwick tree against. */
function naive(h: number[]) {
  const offset = (i: number) => h.slice(0, i).reduce((a, b) => a + b, 0);
  const indexAt = (y: number) => {
    let acc = 0;
    for (let i = 0; i < h.length; i++) {
      if (acc + (h[i] ?? 0) > y) return i;
      acc += h[i] ?? 0;
    }
    return Math.max(0, h.length - 1);
  };
  return { offset, indexAt };
}

describe('RowHeights', () => {
  it('agrees with a from-scratch computation after any sequence of updates', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 1, maxLength: 60 }),
        fc.array(fc.tuple(fc.nat(59), fc.integer({ min: 1, max: 300 })), { maxLength: 40 }),
        fc.array(fc.nat(20_000), { maxLength: 20 }),
        (init, updates, probes) => {
          const rows = new RowHeights(init);
          const h = [...init];
          for (const [i, v] of updates) {
            if (i >= h.length) continue;
            expect(rows.set(i, v)).toBe(v - (h[i] ?? 0));
            h[i] = v;
          }
          const ref = naive(h);
          expect(rows.total).toBe(h.reduce((a, b) => a + b, 0));
          for (let i = 0; i <= h.length; i++) expect(rows.offset(i)).toBe(ref.offset(i));
          for (const y of probes) expect(rows.indexAt(y)).toBe(ref.indexAt(y));
        },
      ),
      { numRuns: 500 },
    );
  });
  it('handles an empty list', () => {
    const rows = new RowHeights([]);
    expect(rows.total).toBe(0);
    expect(rows.indexAt(100)).toBe(0);
  });
  it('builds the same tree in slices as in one pass, whatever the slice size', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 200 }), { maxLength: 80 }),
        fc.integer({ min: 1, max: 90 }),
        fc.array(fc.tuple(fc.nat(79), fc.integer({ min: 1, max: 300 })), { maxLength: 10 }),
        async (init, slice, updates) => {
          let pauses = 0;
          const sliced = await RowHeights.sliced(
            init.length,
            (i) => init[i] ?? 0,
            async () => {
              pauses++;
            },
            slice,
          );
          expect(pauses).toBe(Math.max(0, Math.ceil(init.length / slice) - 1));
          const whole = new RowHeights(init);
          for (const [i, v] of updates) expect(sliced.set(i, v)).toBe(whole.set(i, v));
          expect(sliced.count).toBe(whole.count);
          expect(sliced.total).toBe(whole.total);
          for (let i = 0; i <= init.length; i++) {
            expect(sliced.offset(i)).toBe(whole.offset(i));
            expect(sliced.height(i)).toBe(whole.height(i));
          }
          for (let y = 0; y < whole.total + 50; y += 37)
            expect(sliced.indexAt(y)).toBe(whole.indexAt(y));
        },
      ),
      { numRuns: 300 },
    );
  });
});
