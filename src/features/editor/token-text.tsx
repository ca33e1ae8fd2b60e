import type { ReactNode } from 'react';
import { INVISIBLE_CHAR } from '../../core/format/scan';

// Invisible and control characters (zero-width, bidi overrides, BOM, C0/C1) are shown as
// visible markers so that one tag cannot be made to look like another; the text itself is
// never changed. Which characters: core's INVISIBLE_CHAR, the ones the parser reports.

/** A token's text for display: React text only, with markers for invisible characters. */
export function tokenDisplay(text: string): ReactNode {
  if (!INVISIBLE_CHAR.test(text)) return text;
  const out: ReactNode[] = [];
  let plain = '';
  for (const ch of text) {
    if (INVISIBLE_CHAR.test(ch)) {
      if (plain) out.push(plain);
      plain = '';
      const code = `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
      out.push(
        <abbr
          key={out.length}
          title={code}
          className="mx-px rounded bg-red-100 px-0.5 text-[0.6rem] font-mono text-red-800 no-underline dark:bg-red-950 dark:text-red-200"
        >
          {code}
        </abbr>,
      );
    } else plain += ch;
  }
  if (plain) out.push(plain);
  return out;
}
