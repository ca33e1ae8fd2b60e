import type { CorpusDocument, Sentence } from '../model/document';
import { isWritableTag } from '../scheme/tags';
import {
  planRewrite,
  touchesPatch,
  type LineRewrite,
  type Plan,
  type SampledLayout,
} from './rewrite';
import type { StructureError } from './steps';

/** A step checked against a document: the text rewrite and the sentences that replace old ones. */
export interface Prepared {
  readonly plan: Plan;
  /** Old sentences [from, from + count) are replaced by `sentences`. */
  readonly from: number;
  readonly count: number;
  readonly sentences: readonly Sentence[];
  /** The detector's sample-based layout after an edit of token lines near the top. */
  readonly layout?: SampledLayout;
}

/** True when two tag lists are equal element by element. */
export const sameTags = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((t, i) => t === b[i]);

/** A sentence whose tags equal the file's shares one array, as parse leaves it. */
export function withTags(
  tags: readonly string[],
  originalTags: readonly string[],
): Pick<Sentence, 'tags' | 'originalTags'> {
  return { tags: sameTags(tags, originalTags) ? originalTags : tags, originalTags };
}

/** Finds an editable sentence, or why not. */
export function editable(doc: CorpusDocument, i: number): Sentence | StructureError {
  const s = Number.isInteger(i) ? doc.sentences[i] : undefined;
  if (!s) return 'no-such-sentence';
  return s.quarantined ? 'quarantined' : s;
}

/** Current tags that differ from the file's must be writable into a tag field. */
export function writable(tags: readonly string[], original: readonly string[]): boolean {
  return tags.every((t, i) => t === original[i] || isWritableTag(t));
}

/** The line's text with [a0, a1) replaced by x and [b0, b1) by y; null when the ranges overlap. */
export function replaceFields(
  line: string,
  a0: number,
  a1: number,
  x: string,
  b0: number,
  b1: number,
  y: string,
): string | null {
  if (a0 > b0) return replaceFields(line, b0, b1, y, a0, a1, x);
  if (a1 > b0) return null;
  return line.slice(0, a0) + x + line.slice(a1, b0) + y + line.slice(b1);
}

/** Offsets of token k's fields relative to its line start. */
export function fieldsOf(doc: CorpusDocument, k: number) {
  const n = doc.tokens.line[k] as number;
  const at = doc.lineStarts[n - 1] as number;
  return {
    n,
    ts: (doc.tokens.tokenStart[k] as number) - at,
    te: (doc.tokens.tokenEnd[k] as number) - at,
    gs: (doc.tokens.tagStart[k] as number) - at,
    ge: (doc.tokens.tagEnd[k] as number) - at,
  };
}

/** The text of token k (a global token index). */
export const tokenAt = (doc: CorpusDocument, k: number): string =>
  doc.text.slice(doc.tokens.tokenStart[k], doc.tokens.tokenEnd[k]);
/** The tag field text of token k (the tag written in the file). */
export const tagAt = (doc: CorpusDocument, k: number): string =>
  doc.text.slice(doc.tokens.tagStart[k], doc.tokens.tagEnd[k]);

/** The rewrite checked, or why not (`bad` when the new lines would not read as intended). */
export function planOrError(
  doc: CorpusDocument,
  rw: LineRewrite,
  bad: StructureError,
): Plan | StructureError {
  if (touchesPatch(doc, rw)) return 'quarantined';
  return planRewrite(doc, rw) ?? bad;
}

/** True unless 0 < at < text.length and `at` does not fall inside a surrogate pair. */
export function badSplitPoint(text: string, at: number): boolean {
  if (!Number.isInteger(at) || at <= 0 || at >= text.length) return true;
  const hi = text.charCodeAt(at - 1);
  const lo = text.charCodeAt(at);
  return hi >= 0xd800 && hi <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff;
}
