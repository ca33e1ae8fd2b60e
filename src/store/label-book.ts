import type { CorpusDocument, Sentence } from '../core/model/document';
import { extractChunks, type ChunkRules } from '../core/scheme/chunks';

/**
 * The labels of the open document: a stable order (it decides colours and hotkeys) and entity
 * counts kept up to date edit by edit. Maps, never objects: label names are untrusted keys.
 */
export interface LabelBook {
  readonly names: readonly string[];
  readonly index: ReadonlyMap<string, number>;
  readonly counts: ReadonlyMap<string, number>;
}

/** Builds the label book of a freshly opened document (labels sorted by name). */
export function buildLabelBook(doc: CorpusDocument): LabelBook {
  const counts = new Map<string, number>();
  for (const s of doc.sentences) {
    for (const c of extractChunks(s.tags, doc.scheme.rules))
      counts.set(c.type, (counts.get(c.type) ?? 0) + 1);
  }
  const names = [...counts.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { names, index: new Map(names.map((n, i) => [n, i])), counts };
}

/** Updates counts for one sentence that changed; a new label is appended (indices stay put). */
export function updateLabelBook(
  book: LabelBook,
  before: Sentence,
  after: Sentence,
  rules: ChunkRules,
): LabelBook {
  const counts = new Map(book.counts);
  for (const c of extractChunks(before.tags, rules))
    counts.set(c.type, (counts.get(c.type) ?? 0) - 1);
  let names = book.names;
  let index = book.index;
  for (const c of extractChunks(after.tags, rules)) {
    counts.set(c.type, (counts.get(c.type) ?? 0) + 1);
    if (!index.has(c.type)) {
      names = [...names, c.type];
      index = new Map(index).set(c.type, names.length - 1);
    }
  }
  return { names, index, counts };
}

/** Adds a label the user typed (no entity yet). */
export function addLabel(book: LabelBook, name: string): LabelBook {
  if (book.index.has(name)) return book;
  const names = [...book.names, name];
  return {
    names,
    index: new Map(book.index).set(name, names.length - 1),
    counts: new Map(book.counts).set(name, 0),
  };
}
