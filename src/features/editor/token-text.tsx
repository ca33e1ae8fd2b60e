import type { ReactNode } from 'react';
import { INVISIBLE_CHAR } from '../../core/format/scan';

// Invisible and control characters (zero-width, bidi overrides and isolates, BOM, C0/C1) are
// shown as visible markers so that one tag cannot be made to look like another (`PER` and
// `PER` + U+200B), and a bidi override cannot reorder what follows; the text itself is never
// changed. Which characters: core's INVISIBLE_CHAR (the ones the parser reports), plus the
// ones below that render as nothing or reorder text but that core does not report: soft
// hyphen, Arabic letter mark, Hangul fillers, Mongolian vowel separator, line/paragraph
// separators, the bidi isolates U+2066–U+2069, interlinear annotation marks and the Unicode
// tag characters U+E0000–U+E007F (which can smuggle invisible ASCII).
const MORE_INVISIBLE =
  /[\u00AD\u061C\u115F\u1160\u180E\u2028\u2029\u2066-\u2069\u3164\uFFA0\uFFF9-\uFFFB\u{E0000}-\u{E007F}]/u;

function isInvisible(ch: string): boolean {
  return INVISIBLE_CHAR.test(ch) || MORE_INVISIBLE.test(ch);
}

function codeOf(ch: string): string {
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * A token's (or a label's, a tag's, a message's) text for display: React text only, with
 * markers for invisible characters.
 */
export function tokenDisplay(text: string): ReactNode {
  if (!INVISIBLE_CHAR.test(text) && !MORE_INVISIBLE.test(text)) return text;
  const out: ReactNode[] = [];
  let plain = '';
  for (const ch of text) {
    if (isInvisible(ch)) {
      if (plain) out.push(plain);
      plain = '';
      const code = codeOf(ch);
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

/**
 * The same as plain text, for places that hold only a string (`<option>`): each invisible
 * character becomes `⟨U+200B⟩`.
 */
export function visibleText(text: string): string {
  if (!INVISIBLE_CHAR.test(text) && !MORE_INVISIBLE.test(text)) return text;
  let out = '';
  for (const ch of text) out += isInvisible(ch) ? `⟨${codeOf(ch)}⟩` : ch;
  return out;
}
