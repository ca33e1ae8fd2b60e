// Test helpers: small builders that keep tests readable. Not shipped in the app.
import { parse, type ParseOptions, type ParseResult } from '../format/parse';
import type { CorpusDocument, Sentence } from '../model/document';
import { applyStep } from '../model/edit';

/** `sent('John/B-PER Smith/I-PER went/O')` → tokens and tags (split at the last slash). */
export function sent(spec: string): { tokens: string[]; tags: string[] } {
  const tokens: string[] = [];
  const tags: string[] = [];
  for (const item of spec.trim().split(/ +/)) {
    const slash = item.lastIndexOf('/');
    tokens.push(item.slice(0, slash));
    tags.push(item.slice(slash + 1));
  }
  return { tokens, tags };
}

/** `tags('B-PER I-PER O')` → ['B-PER', 'I-PER', 'O']. */
export function tags(spec: string): string[] {
  return spec.trim() === '' ? [] : spec.trim().split(/ +/);
}

/** A two-column TAB file from sentence specs, blank line between sentences, final newline. */
export function conll(...sentences: string[]): string {
  return sentences
    .map((s) => {
      const { tokens, tags: t } = sent(s);
      return tokens.map((tok, i) => `${tok}\t${t[i]}\n`).join('');
    })
    .join('\n');
}

/** Parses text (as UTF-8 bytes, the way files arrive). */
export function parseText(text: string, options?: ParseOptions): ParseResult {
  return parse(new TextEncoder().encode(text), options);
}

/** The codes of a parse result's diagnostics, in order. */
export function codes(r: ParseResult): string[] {
  return r.diagnostics.map((d) => d.code);
}

/**
 * Applies single-tag edits `[sentence, token, tag]` (indices taken modulo the sizes), skipping
 * refused ones; calls `after` with each sentence edited. For property tests of incremental indexes.
 */
export function applyTagEdits(
  doc: CorpusDocument,
  edits: readonly (readonly [number, number, string])[],
  after: (doc: CorpusDocument, sentence: number) => void = () => undefined,
): CorpusDocument {
  let cur = doc;
  for (const [si, ti, tag] of edits) {
    const s = cur.sentences[si % cur.sentences.length] as Sentence;
    const t = ti % s.length;
    const r = applyStep(cur, {
      type: 'setTags',
      sentence: s.id,
      start: t,
      before: [s.tags[t] as string],
      after: [tag],
    });
    if (!r.ok) continue;
    cur = r.doc;
    after(cur, s.id);
  }
  return cur;
}
