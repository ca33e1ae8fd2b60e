import type { CorpusDocument, Sentence } from '../core/model/document';
import { parseLabelSet, serializeLabelSet, type LabelSet } from '../core/labels/label-set';
import { countLabels, shiftLabelCounts } from '../core/review/facts';
import { extractChunks, type ChunkRules } from '../core/scheme/chunks';

/**
 * The labels of the open document: a stable order (it decides colours and hotkeys) and entity
 * counts kept up to date edit by edit. Maps, never objects: label names are untrusted keys.
 */
export interface LabelBook {
  readonly names: readonly string[];
  readonly index: ReadonlyMap<string, number>;
  readonly counts: ReadonlyMap<string, number>;
  /** Guideline text per label (from the label set), shown on hover over its entities. */
  readonly descriptions: ReadonlyMap<string, string>;
}

/**
 * Builds the label book of a freshly opened document: the label set's types first, in its
 * order, then the other types found in the file, sorted by name.
 */
export function buildLabelBook(
  doc: CorpusDocument,
  set?: LabelSet | null,
  inFile: ReadonlyMap<string, number> = countLabels(doc),
): LabelBook {
  const counts = new Map(inFile);
  const fromSet = set?.labels.map((l) => l.name) ?? [];
  const inSet = new Set(fromSet);
  const found = [...counts.keys()]
    .filter((n) => !inSet.has(n))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const names = [...fromSet, ...found];
  for (const n of fromSet) if (!counts.has(n)) counts.set(n, 0);
  const descriptions = new Map<string, string>();
  for (const l of set?.labels ?? []) if (l.description) descriptions.set(l.name, l.description);
  return { names, index: new Map(names.map((n, i) => [n, i])), counts, descriptions };
}

/** A book with `names` in a new order (colours follow the order). */
export function withNames(book: LabelBook, names: readonly string[]): LabelBook {
  return { ...book, names, index: new Map(names.map((n, i) => [n, i])) };
}

const setKey = (docId: string) => `retag.labelSet.${docId}`;

/** The label set saved for a document (untrusted on the way back in: read like a file). */
export function savedLabelSet(docId: string | null): LabelSet | null {
  if (!docId) return null;
  try {
    const text = localStorage.getItem(setKey(docId));
    if (!text) return null;
    const r = parseLabelSet(text);
    return r.ok ? r.set : null;
  } catch {
    return null;
  }
}

/** Saves a document's label set (order and descriptions); storage errors only cost this. */
export function saveLabelSet(docId: string | null, set: LabelSet): void {
  if (!docId) return;
  try {
    localStorage.setItem(setKey(docId), serializeLabelSet(set));
  } catch {
    // storage full or blocked: the set lasts for this session
  }
}

/** Updates counts for one sentence that changed; a new label is appended (indices stay put). */
export function updateLabelBook(
  book: LabelBook,
  before: Sentence,
  after: Sentence,
  rules: ChunkRules,
): LabelBook {
  const counts = new Map(book.counts);
  shiftLabelCounts(counts, before.tags, after.tags, rules);
  let names = book.names;
  let index = book.index;
  for (const c of extractChunks(after.tags, rules)) {
    if (!index.has(c.type)) {
      names = [...names, c.type];
      index = new Map(index).set(c.type, names.length - 1);
    }
  }
  return { names, index, counts, descriptions: book.descriptions };
}

/** Adds a label the user typed (no entity yet). */
export function addLabel(book: LabelBook, name: string): LabelBook {
  if (book.index.has(name)) return book;
  const names = [...book.names, name];
  return {
    names,
    index: new Map(book.index).set(name, names.length - 1),
    counts: new Map(book.counts).set(name, 0),
    descriptions: book.descriptions,
  };
}
