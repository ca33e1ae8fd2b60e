import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../core/format/decode';
import { textParts } from './text-parts';

/** Lines of words from a small alphabet with emoji, accents, a BOM and CRLF. */
const line = fc
  .array(fc.constantFrom('a', 'Zé', '😂', '\uFEFF', '“x”', '\t', ' ', 'B-PER', 'O'), {
    maxLength: 6,
  })
  .map((w) => w.join(''));
const eol = fc.constantFrom('\n', '\r\n', '\n\n');

describe('textParts', () => {
  it('joins to the decoded text, each part at most `max` characters, for any bytes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(line, eol), { maxLength: 30 }),
        // bytes that are not UTF-8 (the parse mends those lines), spliced in anywhere
        fc.array(fc.tuple(fc.nat(400), fc.constantFrom(0xff, 0xc3, 0x80, 0xe2)), {
          maxLength: 3,
        }),
        fc.integer({ min: 1, max: 40 }),
        (lines, bad, max) => {
          const bytes = [...new TextEncoder().encode(lines.map(([l, e]) => l + e).join(''))];
          for (const [at, b] of bad) bytes.splice(Math.min(at, bytes.length), 0, b);
          const all = Uint8Array.from(bytes);
          const { text } = decodeBytes(all);
          const parts = [...textParts(text, all, true, max)];
          expect(parts.join('')).toBe(text);
          for (const p of parts) {
            expect(p.length).toBeGreaterThan(0);
            expect(p.length).toBeLessThanOrEqual(max);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('cuts a clean UTF-8 file after newlines, from its bytes', () => {
    const text = 'ab\ncd\néf\n😂\nxyz';
    const bytes = new TextEncoder().encode(text);
    expect([...textParts(text, bytes, true, 6)]).toEqual(['ab\ncd\n', 'éf\n', '😂\n', 'xyz']);
    // windows-1252 (or not told UTF-8): slices of the text
    expect([...textParts(text, bytes, false, 6)]).toEqual(['ab\ncd\n', 'éf\n😂\n', 'xyz']);
  });
});
