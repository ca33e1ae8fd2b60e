// Test helpers: small builders that keep tests readable. Not shipped in the app.
import { parse, type ParseOptions, type ParseResult } from '../format/parse';

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
