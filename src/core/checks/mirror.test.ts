import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FindingsMirror, type SentenceBits } from './mirror';
import type { Finding } from './types';

/** A finding reduced to what the mirror reads: its id and its places. */
const finding = (id: string, places: readonly [number, number, boolean][]): Finding =>
  ({
    id,
    occurrences: places.map(([source, sentence, flagged]) => ({ source, sentence, flagged })),
  }) as unknown as Finding;

const naiveFlagged = (fs: readonly Finding[]) =>
  new Set(
    fs.flatMap((f) =>
      f.occurrences.filter((o) => o.source === 0 && o.flagged).map((o) => o.sentence),
    ),
  );

describe('the page’s mirror of the consistency findings', () => {
  it('equals the latest findings and their flagged sentences after any run of replies (property)', () => {
    // few sentences (so they share places), and some far ones (the mirror's arrays grow)
    const place = fc.tuple(fc.nat(1), fc.oneof(fc.nat(6), fc.nat(5000)), fc.boolean());
    const state = fc.uniqueArray(
      fc.tuple(fc.constantFrom('a', 'b', 'c', 'd', 'e'), fc.array(place, { maxLength: 4 })),
      { selector: (x) => x[0], maxLength: 5 },
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(state, fc.nat(3), fc.boolean()), { minLength: 1, maxLength: 8 }),
        (states) => {
          const mirror = new FindingsMirror();
          let prev = new Map<string, Finding>();
          let prevOrder: string[] | null = null;
          let prevFlagged: SentenceBits | null = null;
          for (const [generated, cut, keepOrder] of states) {
            // an edit that changes places but no finding's rank (the usual case)
            type Places = readonly [number, number, boolean][];
            const s: (readonly [string, Places])[] =
              keepOrder && prevOrder
                ? prevOrder.map((id, i): readonly [string, Places] => [id, generated[i]?.[1] ?? []])
                : generated;
            // unchanged findings keep their object, as the worker's index does
            const now = s.map(([id, places]) => {
              const old = prev.get(id);
              return old &&
                JSON.stringify(old.occurrences) === JSON.stringify(finding(id, places).occurrences)
                ? old
                : finding(id, places);
            });
            const changed = now.filter((f) => prev.get(f.id) !== f);
            // sent in parts, as big replies are
            mirror.take(changed.slice(0, cut));
            mirror.take(changed.slice(cut));
            // the worker leaves the order out when it is the last reply's
            const order: string[] = now.map((f) => f.id);
            const same = prevOrder !== null && prevOrder.join('\n') === order.join('\n');
            const { findings, flagged } = mirror.finish(same ? undefined : order);
            prevOrder = order;
            expect(findings).toEqual(now);
            const naive = naiveFlagged(now);
            expect([...flagged]).toEqual([...naive].sort((a, b) => a - b));
            expect(flagged.size).toBe(naive.size);
            const wrong: number[] = [];
            for (let i = 0; i <= 5001; i++) if (flagged.has(i) !== naive.has(i)) wrong.push(i);
            expect(wrong).toEqual([]);
            if (prevFlagged && [...prevFlagged].sort().join() === [...flagged].sort().join())
              expect(flagged).toBe(prevFlagged);
            prevFlagged = flagged;
            prev = new Map(now.map((f) => [f.id, f]));
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
