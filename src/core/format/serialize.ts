import type { CorpusDocument } from '../model/document';
import { encodeText } from './decode';

/**
 * Writes the document back as text: the source text with the tag field of every changed token
 * replaced, and nothing else touched (separators, line endings, comments, markers, BOM).
 */
export function serializeText(doc: CorpusDocument): string {
  const { text, tokens } = doc;
  const parts: string[] = [];
  let at = 0;
  for (const s of doc.sentences) {
    if (s.tags === s.originalTags) continue;
    for (let i = 0; i < s.length; i++) {
      const tag = s.tags[i] as string;
      if (tag === s.originalTags[i]) continue;
      const k = s.first + i;
      const from = tokens.tagStart[k] as number;
      parts.push(text.slice(at, from), tag);
      at = tokens.tagEnd[k] as number;
    }
  }
  if (at === 0) return text;
  parts.push(text.slice(at));
  return parts.join('');
}

/**
 * Writes the document back as bytes, identical to the input except the edited tag fields.
 * Lines that did not decode as UTF-8 are written from their original bytes.
 */
export function serialize(doc: CorpusDocument): Uint8Array {
  if (doc.patches.length > 0) {
    // Patched lines belong to quarantined sentences, which are never edited, so the patch
    // offsets still match the text.
    return encodeText(serializeText(doc), doc.patches);
  }
  return encodeText(serializeText(doc), []);
}
