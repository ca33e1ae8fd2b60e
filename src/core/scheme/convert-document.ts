import type { CorpusDocument, Sentence } from '../model/document';
import { chunkRulesFor, convertTags, type Scheme } from './schemes';
import { isWritableTag } from './tags';
import { validateTags } from './validate';

/** A document with its tags rewritten in another scheme, and what that did. */
export interface SchemeConversion {
  readonly doc: CorpusDocument;
  /** Sentences whose tags changed. */
  readonly changed: number;
  /** Of those, sentences whose tags were invalid in the source scheme (read, then rewritten). */
  readonly repaired: number;
  /** Malformed (quarantined) sentences, exported verbatim. */
  readonly skipped: number;
  /** Sentences left as they were because a new tag could not be written (never happens for valid labels). */
  readonly refused: number;
}

/**
 * Rewrites every sentence's tags from the document's scheme into `to` (entities are kept; only
 * tag fields change when serialized). One pass, one new sentence array: fine at 1M tokens.
 */
export function convertDocumentScheme(doc: CorpusDocument, to: Scheme): SchemeConversion {
  const from = doc.scheme.scheme;
  if (to === from) return { doc, changed: 0, repaired: 0, skipped: 0, refused: 0 };
  let changed = 0;
  let repaired = 0;
  let skipped = 0;
  let refused = 0;
  const sentences = doc.sentences.map((s): Sentence => {
    if (s.quarantined) {
      skipped += 1;
      return s;
    }
    const after = convertTags(s.tags, from, to);
    let same = true;
    for (let k = 0; k < after.length; k++) {
      const t = after[k] as string;
      if (t === s.tags[k]) continue;
      same = false;
      if (t !== s.originalTags[k] && !isWritableTag(t)) {
        refused += 1;
        return s;
      }
    }
    if (same) return s;
    if (validateTags(s.tags, from).length > 0) repaired += 1;
    changed += 1;
    return { ...s, tags: after };
  });
  return {
    doc: {
      ...doc,
      sentences,
      scheme: { ...doc.scheme, scheme: to, rules: chunkRulesFor(to), overridden: true },
    },
    changed,
    repaired,
    skipped,
    refused,
  };
}
