import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shallow } from 'zustand/shallow';
import { sameFields } from './use-same-fields';

describe('sameFields', () => {
  it('agrees with zustand’s shallow on plain objects (property)', () => {
    const value = fc.oneof(
      fc.constantFrom(0, -0, NaN, 1, '', 'a', null, undefined, true),
      fc.constantFrom({}, [], new Map()),
    );
    const obj = fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), value, {
      noNullPrototype: true,
    });
    fc.assert(
      fc.property(obj, obj, (a, b) => {
        expect(sameFields(a, b)).toBe(shallow(a, b));
        expect(sameFields(a, { ...a })).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
