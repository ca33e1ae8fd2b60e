/** A tag split as conlleval splits it: prefix before the first hyphen, type after it. */
export interface SplitTag {
  readonly prefix: string;
  readonly type: string;
}

const cache = new Map<string, SplitTag>();
const O_SPLIT: SplitTag = { prefix: 'O', type: '' };

/**
 * Splits a tag at its first hyphen (`B-creative-work` → B / creative-work), exactly as
 * conlleval's `/^([^-]*)-(.*)$/` does. A tag without a hyphen is all prefix with an empty type.
 */
export function splitTag(tag: string): SplitTag {
  if (tag === 'O') return O_SPLIT;
  const hit = cache.get(tag);
  if (hit) return hit;
  const dash = tag.indexOf('-');
  const split: SplitTag =
    dash < 0
      ? { prefix: tag, type: '' }
      : { prefix: tag.slice(0, dash), type: tag.slice(dash + 1) };
  if (cache.size < 100_000) cache.set(tag, split);
  return split;
}

/** Joins a prefix and a type back into a tag (`O` has no type). */
export function joinTag(prefix: string, type: string): string {
  return prefix === 'O' ? 'O' : `${prefix}-${type}`;
}

/** True for values that look like tags: `O`, `B`, `I-X`, `s-per`, … (used to find tag columns). */
export function looksLikeTag(value: string): boolean {
  return value === 'O' || /^[BIESLUMbieslum](?:-.*)?$/.test(value);
}

/**
 * True when a string can be written as a new tag field without breaking the file's structure:
 * non-empty, no TAB, space, line break or other control character, no lone surrogate.
 * (U+00A0 and U+FEFF are allowed: no reader splits at them.)
 */
export function isWritableTag(tag: string): boolean {
  return tag.length > 0 && !/[ \u0000-\u001F\u007F-\u009F]/.test(tag) && !/\p{Cs}/u.test(tag);
}
