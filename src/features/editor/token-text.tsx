import type { ReactNode } from 'react';

// Invisible and control characters (zero-width, bidi overrides, BOM, C0/C1) are shown as
// visible markers so that one tag cannot be made to look like another; the text itself is
// never changed.
const INVISIBLE =
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/;

/** A token's text for display: React text only, with markers for invisible characters. */
export function tokenDisplay(text: string): ReactNode {
  if (!INVISIBLE.test(text)) return text;
  const out: ReactNode[] = [];
  let plain = '';
  for (const ch of text) {
    if (INVISIBLE.test(ch)) {
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
