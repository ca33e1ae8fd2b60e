import type { LabelDef, LabelSet } from '../core/labels/label-set';
import { retypeEntities, type Retype } from '../core/labels/retype';
import type { HistoryEntry } from '../core/edit/history';
import { dispatch, setTravelHook, useEditor } from './editor-store';
import { saveLabelSet, withNames, type LabelBook } from './label-book';

/** The open document's label set: its types in palette order, with descriptions and keys. */
export function currentLabelSet(keys: ReadonlyMap<string, string> = new Map()): LabelSet {
  const { labels } = useEditor.getState();
  return {
    labels: labels.names.map((name): LabelDef => {
      const key = keys.get(name);
      const description = labels.descriptions.get(name);
      return { name, ...(key ? { key } : {}), ...(description ? { description } : {}) };
    }),
  };
}

function persist(): void {
  const st = useEditor.getState();
  saveLabelSet(st.docId, currentLabelSet());
}

/**
 * Makes a loaded label set the document's: its types first in its order (they take its colours),
 * the other types of the file after them; its descriptions replace the current ones.
 */
export function applyLabelSet(set: LabelSet): void {
  useEditor.setState((st) => {
    const names = set.labels.map((l) => l.name);
    const inSet = new Set(names);
    const counts = new Map(st.labels.counts);
    for (const n of names) if (!counts.has(n)) counts.set(n, 0);
    const descriptions = new Map<string, string>();
    for (const l of set.labels) if (l.description) descriptions.set(l.name, l.description);
    for (const [n, d] of st.labels.descriptions) if (!inSet.has(n)) descriptions.set(n, d);
    const book = withNames(st.labels, [...names, ...st.labels.names.filter((n) => !inSet.has(n))]);
    return { labels: { ...book, counts, descriptions } };
  });
  persist();
}

/** Sets (or clears, with '') the guideline text of a type. */
export function setDescription(name: string, text: string): void {
  useEditor.setState((st) => {
    const descriptions = new Map(st.labels.descriptions);
    if (text.trim() === '') descriptions.delete(name);
    else descriptions.set(name, text);
    return { labels: { ...st.labels, descriptions } };
  });
  persist();
}

/** What renaming (or, with null, deleting) a type would do: for the preview. */
export function previewRetype(from: string, to: string | null): Retype | null {
  const { doc } = useEditor.getState();
  return doc ? retypeEntities(doc, from, to) : null;
}

/**
 * Renames `from` to `to` across the corpus (merges when `to` exists), or deletes it (`to`
 * null). One undoable step. The type keeps its place (and colour) in the palette on a rename.
 */
export function retypeLabel(from: string, to: string | null): boolean {
  const before = useEditor.getState();
  const r = previewRetype(from, to);
  const merge = to !== null && before.labels.index.has(to);
  if (r?.tr && !dispatch(r.tr)) return false;
  const entry = r?.tr ? useEditor.getState().history.done.at(-1) : undefined;
  useEditor.setState((st) => {
    let names = st.labels.names.filter((n) => n !== to || merge);
    names =
      merge || to === null
        ? names.filter((n) => n !== from)
        : names.map((n) => (n === from ? to : n));
    const counts = new Map(st.labels.counts);
    counts.delete(from);
    if (to !== null && !counts.has(to)) counts.set(to, 0);
    const descriptions = new Map(st.labels.descriptions);
    const d = descriptions.get(from);
    descriptions.delete(from);
    if (to !== null && d !== undefined && !descriptions.has(to)) descriptions.set(to, d);
    return { labels: { ...withNames(st.labels, names), counts, descriptions } };
  });
  if (entry) books.set(entry, { before: before.labels, after: useEditor.getState().labels });
  persist();
  return true;
}

/** The label book before and after each rename, merge or delete, to put back on undo/redo. */
const books = new WeakMap<HistoryEntry, { before: LabelBook; after: LabelBook }>();

setTravelHook((entry, kind) => {
  const b = books.get(entry);
  if (!b) return;
  const target = kind === 'undo' ? b.before : b.after;
  // the counts are live (other edits may have happened since): keep them, restore the order
  useEditor.setState((st) => {
    const counts = new Map(st.labels.counts);
    for (const n of target.names) if (!counts.has(n)) counts.set(n, 0);
    for (const n of counts.keys())
      if (!target.names.includes(n) && !counts.get(n)) counts.delete(n);
    const names = [
      ...target.names,
      ...st.labels.names.filter((n) => !target.index.has(n) && (counts.get(n) ?? 0) > 0),
    ];
    return {
      labels: { ...withNames(st.labels, names), counts, descriptions: target.descriptions },
    };
  });
  persist();
});
