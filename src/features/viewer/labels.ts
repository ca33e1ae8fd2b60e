import { extractChunks } from '../../core/scheme/chunks';
import type { CorpusDocument } from '../../core/model/document';

/** Labels of a document with their entity counts, in a stable order (by name). */
export interface LabelInfo {
  readonly names: readonly string[];
  readonly index: ReadonlyMap<string, number>;
  readonly counts: ReadonlyMap<string, number>;
}

/** Collects the labels of a document (a Map, never an object: label names are untrusted keys). */
export function collectLabels(doc: CorpusDocument): LabelInfo {
  const counts = new Map<string, number>();
  for (const s of doc.sentences) {
    for (const c of extractChunks(s.tags, doc.scheme.rules)) {
      counts.set(c.type, (counts.get(c.type) ?? 0) + 1);
    }
  }
  const names = [...counts.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { names, index: new Map(names.map((n, i) => [n, i])), counts };
}
