import { create } from 'zustand';
import type { Diagnostic, DiagnosticCode } from '../core/diagnostics';
import type { Transaction } from '../core/edit/commands';
import {
  applyTransaction,
  EMPTY_HISTORY,
  groupsWith,
  movedIndex,
  record,
  recordStructure,
  redo,
  shiftIndices,
  undo,
  type History,
  type HistoryEntry,
  type Op,
} from '../core/edit/history';
import { changedTagCount, type CorpusDocument } from '../core/model/document';
import type { SetTagsStep } from '../core/model/edit';
import type { DocFacts } from '../core/review/facts';
import { buildTagIssues, updateTagIssues, type TagIssueIndex } from '../core/review/tag-issues';
import { extractChunks } from '../core/scheme/chunks';
import { applyStructure, sentenceShift, type StructureStep } from '../core/structure/structure';
import type { Match, SearchQuery, SearchResult } from '../core/search/search';
import type { Finding } from '../core/checks/consistency';
import type { SentenceIndexSet } from '../core/checks/mirror';
import type { WorkerParseOptions } from '../workers/parse-protocol';
import { buildLabelBook, savedLabelSet, updateLabelBook, type LabelBook } from './label-book';
import type { SaveStatus } from './persistence/writer';

/** A token position: sentence index and token index. */
export interface Pos {
  readonly s: number;
  readonly t: number;
}

/** The last labelling action, for the "repeat" key. */
export type LastAction =
  { readonly kind: 'label'; readonly type: string } | { readonly kind: 'remove' };

export interface ImportState {
  readonly phase: 'idle' | 'parsing' | 'failed';
  readonly fileName: string;
  readonly progress: number;
  readonly error: string;
}

export interface SaveState {
  readonly status: SaveStatus;
  readonly error: string;
  /** Another tab holds the document: this one only reads. */
  readonly readOnly: boolean;
  /** Why it is read-only (shown in the banner). */
  readonly readOnlyReason: string;
  /** Edits restored from storage when the document was reopened. */
  readonly restored: number;
}

/** Which sentences the list shows. */
export type Filter = 'all' | 'matches' | 'changed' | 'problems' | 'inconsistent' | 'unreviewed';

export interface SearchState {
  readonly query: SearchQuery | null;
  readonly result: SearchResult | null;
  readonly running: boolean;
  readonly error: string;
}

export interface ConsistencyState {
  readonly status: 'idle' | 'running' | 'ready' | 'failed';
  readonly findings: readonly Finding[];
  /** Sentences of the open document with a flagged occurrence. */
  readonly flagged: SentenceIndexSet;
  readonly error: string;
  /** Milliseconds the last full analysis or update took (in the worker). */
  readonly ms: number;
}

/** A file opened as evidence only: read-only, used by the consistency check, never exported. */
export interface EvidenceFile {
  readonly name: string;
  readonly doc: CorpusDocument;
}

/** "Label the N other occurrences of these words", offered after a labelling. */
export interface LabelOffer {
  readonly type: string;
  readonly words: readonly string[];
  readonly span: Match;
  readonly caseSensitive: boolean;
  readonly matches: readonly Match[];
}

export interface EditorState {
  readonly docId: string | null;
  readonly fileName: string;
  readonly doc: CorpusDocument | null;
  readonly options: WorkerParseOptions;
  readonly diagnostics: readonly Diagnostic[];
  readonly diagnosticCounts: ReadonlyMap<DiagnosticCode, number>;
  readonly labels: LabelBook;
  /** Changed tags per sentence index (only sentences with changes). */
  readonly changedBySentence: ReadonlyMap<number, number>;
  readonly changedTags: number;
  readonly history: History;
  readonly cursor: Pos;
  /** Other end of the selection in the cursor's sentence; null when nothing is selected. */
  readonly anchor: Pos | null;
  readonly lastAction: LastAction | null;
  readonly importState: ImportState;
  readonly save: SaveState;
  /** Bumped to ask the list to scroll the cursor into view. */
  readonly scrollRequest: number;
  readonly panel: Panel;
  /** Invalid tag sequences, live: updated for each sentence an edit touches. */
  readonly tagIssues: TagIssueIndex;
  /** Sentences the annotator marked reviewed (persisted as ops, not undoable). */
  readonly reviewed: ReadonlySet<number>;
  readonly filter: Filter;
  /** Sentence indices the list shows (ascending), or null for all. Fixed when the filter is set. */
  readonly visible: Int32Array | null;
  readonly search: SearchState;
  readonly consistency: ConsistencyState;
  readonly evidence: readonly EvidenceFile[];
  readonly offer: LabelOffer | null;
  /** How the open document was made from another format or raw text (kept until another opens). */
  readonly conversion: ConversionReport | null;
}

/** What converting an input (another tool's format, raw text) into the open corpus did. */
export interface ConversionReport {
  /** "doccano JSONL", "raw text", … */
  readonly from: string;
  readonly source: string;
  readonly summary: string;
  /** How text without token offsets was split, when some was (it can be read again). */
  readonly tokenize?: 'auto' | 'words' | 'whitespace';
  /** Findings about the input, positioned in the input file (not in the corpus). */
  readonly notes: readonly {
    readonly file: string;
    readonly line: number;
    readonly severity: 'error' | 'warning' | 'info';
    readonly code: string;
    readonly message: string;
  }[];
}

export type Panel =
  'none' | 'problems' | 'help' | 'search' | 'consistency' | 'changes' | 'stats' | 'labels';

export const EMPTY_SEARCH: SearchState = { query: null, result: null, running: false, error: '' };
export const IDLE_CONSISTENCY: ConsistencyState = {
  status: 'idle',
  findings: [],
  flagged: new Set(),
  error: '',
  ms: 0,
};

const EMPTY_LABELS: LabelBook = {
  names: [],
  index: new Map(),
  counts: new Map(),
  descriptions: new Map(),
};

export const useEditor = create<EditorState>(() => ({
  docId: null,
  fileName: '',
  doc: null,
  options: {},
  diagnostics: [],
  diagnosticCounts: new Map(),
  labels: EMPTY_LABELS,
  changedBySentence: new Map(),
  changedTags: 0,
  history: EMPTY_HISTORY,
  cursor: { s: 0, t: 0 },
  anchor: null,
  lastAction: null,
  importState: { phase: 'idle', fileName: '', progress: 0, error: '' },
  // not "Saved" before storage is open and the document stored (the session layer says when)
  save: { status: 'saving', error: '', readOnly: false, readOnlyReason: '', restored: 0 },
  scrollRequest: 0,
  panel: 'none',
  tagIssues: new Map(),
  reviewed: new Set(),
  filter: 'all',
  visible: null,
  search: EMPTY_SEARCH,
  consistency: IDLE_CONSISTENCY,
  evidence: [],
  offer: null,
  conversion: null,
}));

/** Persistence hook: the session layer installs it to write each op. */
let persistOp: (op: Op) => void = () => undefined;

/** Installs the function that persists ops (the session layer's writer). */
export function setOpSink(sink: (op: Op) => void): void {
  persistOp = sink;
}

/** The changed tags of a document, by sentence (only sentences with changes) and in all. */
export interface ChangeCounts {
  readonly changedBySentence: Map<number, number>;
  readonly changedTags: number;
}

/**
 * Counts the changed tags of sentences [from, to) into `bySentence` (only sentences with
 * changes); returns how many it found. `prepareToShow` calls it a slice at a time.
 */
export function countChanges(
  doc: CorpusDocument,
  from: number,
  to: number,
  bySentence: Map<number, number>,
): number {
  let found = 0;
  for (let i = from; i < to; i++) {
    const s = doc.sentences[i];
    const n = s ? changedTagCount(s) : 0;
    if (n > 0) {
      bySentence.set(i, n);
      found += n;
    }
  }
  return found;
}

/** Computes per-sentence change counts for a document (after import or replay). */
function changeCounts(doc: CorpusDocument): ChangeCounts {
  const changedBySentence = new Map<number, number>();
  const changedTags = countChanges(doc, 0, doc.sentences.length, changedBySentence);
  return { changedBySentence, changedTags };
}

/** Makes a parsed (and possibly replayed) document the open one. */
export function setDocument(args: {
  docId: string | null;
  fileName: string;
  doc: CorpusDocument;
  options: WorkerParseOptions;
  diagnostics: readonly Diagnostic[];
  diagnosticCounts: ReadonlyMap<DiagnosticCode, number>;
  history?: History;
  reviewed?: ReadonlySet<number>;
  cursor?: Pos;
  restored?: number;
  /** Label counts and tag issues of `doc`, when a worker computed them (else done here). */
  facts?: DocFacts;
  /** The change counts of `doc`, when computed ahead (else done here). */
  changes?: ChangeCounts;
}): void {
  const { doc } = args;
  const cursor = args.cursor && doc.sentences[args.cursor.s] ? args.cursor : { s: 0, t: 0 };
  useEditor.setState((st) => ({
    docId: args.docId,
    fileName: args.fileName,
    doc,
    options: args.options,
    diagnostics: args.diagnostics,
    diagnosticCounts: args.diagnosticCounts,
    labels: buildLabelBook(doc, savedLabelSet(args.docId), args.facts?.labelCounts),
    ...(args.changes ?? changeCounts(doc)),
    history: args.history ?? EMPTY_HISTORY,
    cursor,
    anchor: null,
    lastAction: null,
    importState: { phase: 'idle', fileName: '', progress: 0, error: '' },
    save: { ...st.save, restored: args.restored ?? 0 },
    scrollRequest: st.scrollRequest + 1,
    tagIssues: args.facts?.tagIssues ?? buildTagIssues(doc),
    reviewed: args.reviewed ?? new Set(),
    filter: 'all',
    visible: null,
    search: EMPTY_SEARCH,
    consistency: IDLE_CONSISTENCY,
    offer: null,
    conversion: null,
  }));
}

/** Updates label and change counts for the sentences some steps touched. */
function afterSteps(st: EditorState, next: CorpusDocument, steps: readonly SetTagsStep[]) {
  let labels = st.labels;
  let changedBySentence = st.changedBySentence;
  let changedTags = st.changedTags;
  const seen = new Set<number>();
  for (const step of steps) {
    if (seen.has(step.sentence)) continue;
    seen.add(step.sentence);
    const before = st.doc?.sentences[step.sentence];
    const after = next.sentences[step.sentence];
    if (!before || !after) continue;
    labels = updateLabelBook(labels, before, after, next.scheme.rules);
    const was = changedBySentence.get(step.sentence) ?? 0;
    const now = changedTagCount(after);
    if (was !== now) {
      const m = new Map(changedBySentence);
      if (now > 0) m.set(step.sentence, now);
      else m.delete(step.sentence);
      changedBySentence = m;
      changedTags += now - was;
    }
  }
  const tagIssues = updateTagIssues(st.tagIssues, next, seen);
  return { doc: next, labels, changedBySentence, changedTags, tagIssues };
}

/**
 * The single write path: applies a transaction, records it in history (grouping quick edits),
 * updates counts, and hands the op to persistence. False when it does not apply.
 */
export function dispatch(tr: Transaction | null, lastAction?: LastAction): boolean {
  const st = useEditor.getState();
  // No edits while a file is still being read (a preview of its first sentences is shown).
  if (!tr || !st.doc || st.save.readOnly || st.importState.phase === 'parsing') return false;
  const next = applyTransaction(st.doc, tr);
  if (!next) return false;
  const time = Date.now();
  const group = groupsWith(st.history, tr, time);
  useEditor.setState({
    ...afterSteps(st, next, tr.steps),
    history: record(st.history, tr, time, group),
    ...(lastAction ? { lastAction } : {}),
  });
  persistOp({ kind: 'do', tr, time, group });
  return true;
}

/**
 * Moves the keys of a sentence-indexed map across a structural edit (see `movedIndex`); the
 * sentences the edit touched are dropped, for the caller to count again.
 */
function shiftMap<V>(m: ReadonlyMap<number, V>, step: StructureStep): Map<number, V> {
  const { at, delta } = sentenceShift(step);
  const out = new Map<number, V>();
  for (const [i, v] of m) {
    if (i === at || (delta === -1 && i === at + 1)) continue;
    out.set(movedIndex(i, step), v);
  }
  return out;
}

/** Where a token position ends up after a structural edit (it stays on the same token). */
export function cursorAfter(p: Pos, step: StructureStep): Pos {
  const at = step.sentence;
  switch (step.type) {
    case 'splitToken':
      return p.s === at && p.t > step.token ? { s: p.s, t: p.t + 1 } : p;
    case 'mergeTokens':
      return p.s === at && p.t > step.token ? { s: p.s, t: p.t - 1 } : p;
    case 'splitSentence':
      if (p.s === at && p.t >= step.token) return { s: at + 1, t: p.t - step.token };
      return p.s > at ? { s: p.s + 1, t: p.t } : p;
    case 'joinSentences':
      if (p.s === at + 1) return { s: at, t: step.token + p.t };
      return p.s > at + 1 ? { s: p.s - 1, t: p.t } : p;
  }
}

/**
 * The state after a structural edit: indices of later sentences move, the sentences it
 * touched are counted and validated again; filters and search results are dropped (their
 * indices are stale), the consistency worker restarts on its own (new token table).
 */
function afterStructure(
  st: EditorState,
  next: CorpusDocument,
  step: StructureStep,
): Partial<EditorState> {
  const { at, delta } = sentenceShift(step);
  const oldTouched = delta === -1 ? [at, at + 1] : [at];
  const newTouched = delta === 1 ? [at, at + 1] : [at];
  const counts = new Map(st.labels.counts);
  const rules = next.scheme.rules;
  for (const si of oldTouched) {
    const s = st.doc?.sentences[si];
    if (s)
      for (const c of extractChunks(s.tags, rules))
        counts.set(c.type, (counts.get(c.type) ?? 0) - 1);
  }
  for (const si of newTouched) {
    const s = next.sentences[si];
    if (s)
      for (const c of extractChunks(s.tags, rules))
        counts.set(c.type, (counts.get(c.type) ?? 0) + 1);
  }
  const changedBySentence = shiftMap(st.changedBySentence, step);
  let changedTags = st.changedTags;
  for (const si of oldTouched) changedTags -= st.changedBySentence.get(si) ?? 0;
  for (const si of newTouched) {
    const s = next.sentences[si];
    const n = s ? changedTagCount(s) : 0;
    if (n > 0) changedBySentence.set(si, n);
    changedTags += n;
  }
  const shifted = shiftMap(st.tagIssues, step);
  const cursor = cursorAfter(st.cursor, step);
  const len = next.sentences[cursor.s]?.length ?? 1;
  return {
    doc: next,
    labels: { ...st.labels, counts },
    changedBySentence,
    changedTags,
    tagIssues: updateTagIssues(shifted, next, newTouched),
    reviewed: shiftIndices(st.reviewed, step),
    cursor: { s: cursor.s, t: Math.max(0, Math.min(cursor.t, len - 1)) },
    anchor: null,
    filter: 'all',
    visible: null,
    search: EMPTY_SEARCH,
    offer: null,
    scrollRequest: st.scrollRequest + 1,
  };
}

/** Applies a structural edit (split/merge tokens, split/join sentences): undoable, persisted. */
export function dispatchStructure(step: StructureStep): boolean {
  const st = useEditor.getState();
  if (!st.doc || st.save.readOnly || st.importState.phase === 'parsing') return false;
  const r = applyStructure(st.doc, step);
  if (!r.ok) return false;
  const time = Date.now();
  useEditor.setState({
    ...afterStructure(st, r.doc, step),
    history: recordStructure(st.history, step, time),
  });
  persistOp({ kind: 'structure', step, time });
  return true;
}

/** Undoes the last edit (or group of quick edits). */
export function undoEdit(): boolean {
  return travel('undo');
}

/** Redoes the last undone edit. */
export function redoEdit(): boolean {
  return travel('redo');
}

/** Called after an undo or redo with the entry it travelled over (the label set listens). */
let travelHook: (entry: HistoryEntry, kind: 'undo' | 'redo') => void = () => undefined;

/** Installs the function told about each undo and redo. */
export function setTravelHook(hook: (entry: HistoryEntry, kind: 'undo' | 'redo') => void): void {
  travelHook = hook;
}

function travel(kind: 'undo' | 'redo'): boolean {
  const st = useEditor.getState();
  if (!st.doc || st.save.readOnly || st.importState.phase === 'parsing') return false;
  const t = kind === 'undo' ? undo(st.doc, st.history) : redo(st.doc, st.history);
  if (!t) return false;
  const entry = kind === 'undo' ? st.history.done.at(-1) : st.history.undone.at(-1);
  if (t.structure) {
    const structure = t.structure;
    useEditor.setState({ ...afterStructure(st, t.doc, structure), history: t.history });
    persistOp({ kind });
    if (entry) travelHook(entry, kind);
    return true;
  }
  const first = t.steps[0];
  useEditor.setState((s) => ({
    ...afterSteps(st, t.doc, t.steps),
    history: t.history,
    offer: null,
    ...(first
      ? {
          cursor: { s: first.sentence, t: first.start },
          anchor: null,
          scrollRequest: s.scrollRequest + 1,
          ...reveal(s, first.sentence),
        }
      : {}),
  }));
  persistOp({ kind });
  if (entry) travelHook(entry, kind);
  return true;
}

/** Moves the cursor; with `extend`, keeps (or starts) a selection in the same sentence. */
export function moveCursor(to: Pos, extend = false, scroll = true): void {
  useEditor.setState((st) => {
    const anchor = extend && to.s === st.cursor.s ? (st.anchor ?? st.cursor) : null;
    return {
      cursor: to,
      anchor,
      scrollRequest: scroll ? st.scrollRequest + 1 : st.scrollRequest,
      ...reveal(st, to.s),
    };
  });
}

/** Selects tokens [start, end) of a sentence (cursor at the end, anchor at the start). */
export function selectRange(s: number, start: number, end: number): void {
  useEditor.setState((st) => ({
    cursor: { s, t: end - 1 },
    anchor: { s, t: start },
    ...reveal(st, s),
  }));
}

/**
 * The cursor never sits on a sentence the filter hides (label keys would edit a row nobody
 * sees): moving there (a panel's "go to", undo, "next …") shows all sentences again.
 */
function reveal(st: EditorState, s: number): Partial<EditorState> {
  const v = st.visible;
  if (!v) return {};
  let lo = 0;
  let hi = v.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const x = v[mid] as number;
    if (x === s) return {};
    if (x < s) lo = mid + 1;
    else hi = mid - 1;
  }
  return { filter: 'all', visible: null, scrollRequest: st.scrollRequest + 1 };
}

/** The selected token range of the cursor's sentence, or the cursor token alone. */
export function selection(st: Pick<EditorState, 'cursor' | 'anchor'>): {
  s: number;
  start: number;
  end: number;
  explicit: boolean;
} {
  const { cursor, anchor } = st;
  if (!anchor || anchor.s !== cursor.s)
    return { s: cursor.s, start: cursor.t, end: cursor.t + 1, explicit: false };
  return {
    s: cursor.s,
    start: Math.min(anchor.t, cursor.t),
    end: Math.max(anchor.t, cursor.t) + 1,
    explicit: true,
  };
}

/** Marks sentences reviewed (or not). Persisted with the document; not an undoable edit. */
export function setReviewed(sentences: readonly number[], reviewed: boolean): boolean {
  const st = useEditor.getState();
  if (!st.doc || st.save.readOnly || st.importState.phase === 'parsing') return false;
  const valid = sentences.filter((si) => st.doc?.sentences[si] && st.reviewed.has(si) !== reviewed);
  if (valid.length === 0) return false;
  const next = new Set(st.reviewed);
  for (const si of valid) {
    if (reviewed) next.add(si);
    else next.delete(si);
  }
  useEditor.setState({ reviewed: next });
  persistOp({ kind: 'review', sentences: valid, reviewed });
  return true;
}

/** Opens or closes a side panel. */
export function setPanel(panel: EditorState['panel']): void {
  useEditor.setState((st) => ({ panel: st.panel === panel ? 'none' : panel }));
}
