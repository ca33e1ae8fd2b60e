// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { tokenDisplay, visibleText } from './token-text';

afterEach(cleanup);

/** What a user sees: the rendered text of `tokenDisplay(s)`. */
function seen(s: string): string {
  const { container, unmount } = render(<span>{tokenDisplay(s)}</span>);
  const text = container.textContent ?? '';
  unmount();
  return text;
}

describe('tokenDisplay and visibleText (case 45)', () => {
  it('leaves ordinary text, markup and non-Latin text alone', () => {
    for (const s of ['PER', '<img src=x onerror=alert(1)>', 'B-人名', 'naïve', '😀', ''])
      expect(tokenDisplay(s)).toBe(s);
    expect(visibleText('B-ORG-X')).toBe('B-ORG-X');
  });

  it('marks zero-width, bidi (overrides and isolates), BOM and C0/C1 characters', () => {
    expect(seen('PER\u200B')).toBe('PERU+200B');
    expect(seen('a\u202Eevil')).toBe('aU+202Eevil');
    expect(seen('\u2066iso\u2069')).toBe('U+2066isoU+2069');
    expect(seen('\uFEFFbom')).toBe('U+FEFFbom');
    expect(seen('c\u0001x\u007F\u0085')).toBe('cU+0001xU+007FU+0085');
    expect(seen('soft\u00ADhyphen')).toBe('softU+00ADhyphen');
    expect(seen('tag\u{E0041}')).toBe('tagU+E0041');
    expect(visibleText('PER\u200D')).toBe('PER⟨U+200D⟩');
  });

  it('never lets two different names look the same', () => {
    const names = [
      'PER',
      'PER\u200B',
      'PER\u200C',
      'PER\uFEFF',
      '\u202EREP',
      'PER\u2060',
      'P\u00ADER',
    ];
    expect(new Set(names.map(seen)).size).toBe(names.length);
    expect(new Set(names.map(visibleText)).size).toBe(names.length);
    // and no invisible or reordering character reaches the rendered text
    for (const n of names)
      expect(seen(n)).not.toMatch(/[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/);
  });
});
