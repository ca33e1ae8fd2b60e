import type { CorpusDocument } from '../model/document';
import { extractChunks } from '../scheme/chunks';

/** Corpus statistics for the stats panel: entities per label in the file and now. */
export interface CorpusStats {
  readonly tokens: number;
  readonly sentences: number;
  readonly documents: number;
  readonly entities: number;
  readonly originalEntities: number;
  /** Label → [in the file, now], sorted by label. Map: labels are untrusted keys. */
  readonly byLabel: ReadonlyMap<string, readonly [number, number]>;
}

/** Counts tokens, sentences, documents and entities per label (file vs now) in one pass. */
export function corpusStats(doc: CorpusDocument): CorpusStats {
  const counts = new Map<string, [number, number]>();
  let tokens = 0;
  let entities = 0;
  let originalEntities = 0;
  let lastDoc = -1;
  let documents = 0;
  const bump = (type: string, k: 0 | 1) => {
    let c = counts.get(type);
    if (!c) counts.set(type, (c = [0, 0]));
    c[k] += 1;
  };
  for (const s of doc.sentences) {
    tokens += s.length;
    if (s.doc !== lastDoc) {
      documents += 1;
      lastDoc = s.doc;
    }
    const now = extractChunks(s.tags, doc.scheme.rules);
    const was = s.tags === s.originalTags ? now : extractChunks(s.originalTags, doc.scheme.rules);
    for (const c of now) bump(c.type, 1);
    for (const c of was) bump(c.type, 0);
    entities += now.length;
    originalEntities += was.length;
  }
  const byLabel = new Map(
    [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) as [string, [number, number]][],
  );
  return {
    tokens,
    sentences: doc.sentences.length,
    documents,
    entities,
    originalEntities,
    byLabel,
  };
}
