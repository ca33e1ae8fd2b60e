import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { motionOf, renderRange, type Motion } from './overscan';

describe('motionOf', () => {
  it('tells a jump (more than a view height) from a scroll, and its direction', () => {
    expect(motionOf(100, 100, 400)).toBe('still');
    expect(motionOf(100, 220, 400)).toBe('down');
    expect(motionOf(220, 100, 400)).toBe('up');
    expect(motionOf(0, 400, 400)).toBe('down'); // exactly a view: rows still shared at the edge
    expect(motionOf(0, 401, 400)).toBe('jump');
    expect(motionOf(90_000, 10, 400)).toBe('jump');
  });
});

describe('renderRange', () => {
  it('renders overscan rows on both sides at rest, ahead while moving, none while jumping', () => {
    expect(renderRange(50, 58, 1000, 4, 'still')).toEqual({ start: 46, end: 62 });
    expect(renderRange(50, 58, 1000, 4, 'down')).toEqual({ start: 49, end: 62 });
    expect(renderRange(50, 58, 1000, 4, 'up')).toEqual({ start: 46, end: 59 });
    expect(renderRange(50, 58, 1000, 4, 'jump')).toEqual({ start: 50, end: 58 });
    expect(renderRange(1, 3, 5, 4, 'still')).toEqual({ start: 0, end: 4 });
  });

  it('always covers the rows in view and never leaves the list', () => {
    const motion = fc.constantFrom<Motion>('still', 'down', 'up', 'jump');
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.nat(),
        fc.nat(),
        fc.nat({ max: 10 }),
        motion,
        (count, a, b, overscan, m) => {
          const first = Math.min(a % count, b % count);
          const last = Math.max(a % count, b % count);
          const { start, end } = renderRange(first, last, count, overscan, m);
          expect(start).toBeGreaterThanOrEqual(0);
          expect(end).toBeLessThanOrEqual(count - 1);
          expect(start).toBeLessThanOrEqual(first);
          expect(end).toBeGreaterThanOrEqual(last);
          // never more than the rows at rest
          const still = renderRange(first, last, count, overscan, 'still');
          expect(start).toBeGreaterThanOrEqual(still.start);
          expect(end).toBeLessThanOrEqual(still.end);
          if (m === 'still')
            expect([first - start, end - last]).toEqual([
              Math.min(overscan, first),
              Math.min(overscan, count - 1 - last),
            ]);
        },
      ),
    );
  });
});
