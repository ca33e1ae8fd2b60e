// Corpus-wide checks around the open document: the consistency analysis (in a worker, updated
// per edit), search, the list filter, review marks and "next …" navigation, and the offer to
// label the other occurrences of what was just labelled.
import { fileSizeRefusal } from '../core/format/decode';
import type { Finding, Occurrence } from '../core/checks/consistency';
import { applyVariant } from '../core/checks/consistency';
import type { SentenceIndexSet } from '../core/checks/mirror';
import { sentenceTokens, type CorpusDocument } from '../core/model/document';
import { stepsSince } from '../core/model/edit';
import { repairSentences, sentencesWithIssue } from '../core/review/tag-issues';
import type { DiagnosticCode } from '../core/diagnostics';
import {
  labelMatches,
  otherOccurrencesSliced,
  search,
  searchSliced,
  type Match,
  type SearchQuery,
  type SearchResult,
} from '../core/search/search';
import { startConsistency, type ConsistencyJob } from '../workers/consistency-client';
import {
  preloadSearch,
  regexSearchInWorker,
  SearchTimeout,
  SearchWorkerFailed,
} from '../workers/search-client';
import { startParse } from '../workers/parse-client';
import { rememberSource } from '../workers/doc-transfer';
import { yieldToPage } from '../workers/pause';
import {
  dispatch,
  moveCursor,
  useEditor,
  type EditorState,
  type Filter,
  IDLE_CONSISTENCY,
} from './editor-store';

// ---- consistency ---------------------------------------------------------------------------

let job: ConsistencyJob | null = null;
let jobDoc: CorpusDocument | null = null;
let jobEvidence: EditorState['evidence'] | null = null;
let pending = false;

/**
 * Runs `fn` once the page is idle (after the frame in progress is painted), within 50 ms at the
 * latest: the consistency bookkeeping of an edit (2–8 ms at 1M tokens) then never delays the
 * frame that shows the edit, and edits typed in a burst are sent together.
 */
function whenIdle(fn: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(fn, { timeout: 50 });
  else setTimeout(fn, 0);
}

function restart(st: EditorState): void {
  job?.stop();
  job = null;
  lastInputSent = -Infinity;
  jobDoc = st.doc;
  touched = new Set();
  jobEvidence = st.evidence;
  if (!st.doc || st.doc.refused) {
    useEditor.setState({ consistency: IDLE_CONSISTENCY });
    return;
  }
  useEditor.setState({ consistency: { ...IDLE_CONSISTENCY, status: 'running' } });
  const sources = [
    { name: st.fileName, doc: st.doc, evidenceOnly: false },
    ...st.evidence.map((e) => ({ name: e.name, doc: e.doc, evidenceOnly: true })),
  ];
  let first = true;
  const tokens = st.doc.tokens;
  /** Still the document this job analyses (not a new file, nor the preview of one)? */
  const current = () => {
    const now = useEditor.getState();
    return job === mine && now.doc?.tokens === tokens && now.importState.phase !== 'parsing';
  };
  /** The newest findings not shown yet (a burst of replies is shown once). */
  let latest: { findings: readonly Finding[]; flagged: SentenceIndexSet; ms: number } | null = null;
  const show = () => {
    if (!latest || !current()) return;
    const { findings, flagged, ms } = latest;
    latest = null;
    useEditor.setState({ consistency: { status: 'ready', findings, flagged, error: '', ms } });
  };
  const mine = startConsistency(
    sources,
    (findings, flagged, ms, paused) => {
      if (!current()) return;
      // for the benchmark: when findings arrived, how long the worker took, how long it paused
      performance.mark(first ? 'retag:consistency-ready' : 'retag:consistency-update', {
        detail: { ms, paused },
      });
      if (first) {
        latest = { findings, flagged, ms };
        show();
      } else {
        if (!latest) whenIdle(show);
        latest = { findings, flagged, ms };
      }
      first = false;
    },
    (message) => {
      if (!current()) return;
      latest = null; // a reply waiting to be shown must not hide the failure
      useEditor.setState({
        consistency: { ...IDLE_CONSISTENCY, status: 'failed', error: message },
      });
    },
  );
  job = mine;
}

/** Sends the sentences that changed since the worker's copy (edit, undo, redo alike). */
function sync(): void {
  pending = false;
  lastSync = performance.now();
  const st = useEditor.getState();
  if (st.importState.phase === 'parsing') return;
  if (!st.doc || !jobDoc || st.doc.tokens !== jobDoc.tokens || st.evidence !== jobEvidence) {
    restart(st);
    return;
  }
  if (st.doc === jobDoc) return;
  const changed: { index: number; tags: readonly string[] }[] = [];
  const a = jobDoc.sentences;
  const b = st.doc.sentences;
  const differs = (i: number) => {
    const s = b[i];
    if (s && s !== a[i] && s.tags !== a[i]?.tags) changed.push({ index: i, tags: s.tags });
  };
  // The sentences the edits since the last sync touched; every sentence (42,700 at 1M tokens,
  // about 1.5 ms) only when some change did not come from steps.
  if (touched) [...touched].sort((x, y) => x - y).forEach(differs);
  else for (let i = 0; i < b.length; i++) differs(i);
  jobDoc = st.doc;
  touched = new Set();
  if (changed.length > 0) job?.update(changed);
}

/** Sentences edited since the worker's copy, or null when they must be found by comparing. */
let touched: Set<number> | null = null;

/** Notes which sentences a document change touched (asked while both versions are alive). */
function track(next: CorpusDocument | null, prev: CorpusDocument | null): void {
  if (!touched || next === prev) return;
  const steps = next && prev ? stepsSince(next, prev) : null;
  if (!steps) touched = null;
  else for (const i of steps) touched.add(i);
}

/** When the worker was last told the user is active (told at most once per INPUT_SPACING_MS). */
let lastInputSent = -Infinity;
const INPUT_SPACING_MS = 50;

/** Tells the worker the user is typing or pointing, so a full analysis steps aside. */
function userActive(): void {
  const now = performance.now();
  if (!job || now - lastInputSent < INPUT_SPACING_MS) return;
  lastInputSent = now;
  job.userActive();
}

/** Keeps the consistency worker in step with the open document. Call once at start. */
export function watchConsistency(): void {
  if (typeof window !== 'undefined') {
    for (const type of ['keydown', 'pointerdown', 'wheel'] as const)
      window.addEventListener(type, userActive, { capture: true, passive: true });
  }
  useEditor.subscribe((st, prev) => {
    if (st.doc === prev.doc && st.evidence === prev.evidence && st.importState === prev.importState)
      return;
    track(st.doc, prev.doc);
    // After the frame: the worker's bookkeeping never delays painting an edit. And at most
    // once per SYNC_SPACING_MS: a run of keypresses sends one batch per 50 ms, not one per
    // key (each costs the worker ~2.5 ms and the page ~1 ms at 1M tokens, on a machine whose
    // cores also paint). Findings still follow an edit within 100 ms.
    if (!pending) {
      pending = true;
      const wait = lastSync + SYNC_SPACING_MS - performance.now();
      if (wait > 0) setTimeout(() => whenIdle(sync), wait);
      else whenIdle(sync);
    }
  });
}

const SYNC_SPACING_MS = 50;
let lastSync = -Infinity;

/** Applies a variant of a finding to chosen occurrences (of the open document) in one step. */
export function applyFindingVariant(
  finding: Finding,
  variant: number,
  occurrences: readonly Occurrence[],
): boolean {
  const doc = useEditor.getState().doc;
  if (!doc) return false;
  const mine = occurrences.filter((o) => o.source === 0);
  return dispatch(applyVariant(doc, finding, variant, mine));
}

/** Opens a file as evidence only: read-only, used by the consistency check, never exported. */
export async function addEvidence(file: File): Promise<string> {
  const tooBig = fileSizeRefusal(file.size);
  if (tooBig) return `${file.name}: ${tooBig}`;
  const bytes = new Uint8Array(await file.arrayBuffer());
  // the app's own copy (the worker reads it; the consistency worker may read it again later)
  const blob = new Blob([bytes as BlobPart]);
  const result = await startParse(bytes, {}, () => undefined, undefined, blob).result;
  if (result.document.refused || result.document.sentences.length === 0)
    return `${file.name}: nothing to use as evidence`;
  rememberSource(result.document, blob, {});
  useEditor.setState((st) => ({
    evidence: [...st.evidence, { name: file.name, doc: result.document }],
  }));
  return `${file.name}: ${result.document.sentences.length} sentences added as evidence`;
}

/** Drops an evidence file. */
export function removeEvidence(index: number): void {
  useEditor.setState((st) => ({ evidence: st.evidence.filter((_, i) => i !== index) }));
}

// ---- search --------------------------------------------------------------------------------

let searchSeq = 0;

/** Hands the open document to the search worker ahead of a regex search (panel opened). */
export function warmSearch(): void {
  const doc = useEditor.getState().doc;
  if (doc) preloadSearch(doc);
}

/** Documents at least this many tokens long are searched in slices (about 100 ms each). */
const SLICED_SEARCH_TOKENS = 300_000;

/** Runs a search; regex searches run in a worker and are stopped past the time limit. */
export async function runSearch(query: SearchQuery): Promise<void> {
  const st = useEditor.getState();
  const doc = st.doc;
  if (!doc) return;
  const seq = ++searchSeq;
  if (query.kind !== 'regex') {
    let result: SearchResult;
    if (doc.tokens.line.length < SLICED_SEARCH_TOKENS) result = search(doc, query);
    else {
      // a big corpus is searched in slices, so the page answers meanwhile; a newer search or
      // another document abandons this one
      useEditor.setState({ search: { query, result: null, running: true, error: '' } });
      const superseded = new Error('superseded');
      try {
        result = await searchSliced(doc, query, async () => {
          await yieldToPage();
          if (seq !== searchSeq || useEditor.getState().doc?.tokens !== doc.tokens)
            throw superseded;
        });
      } catch (e) {
        if (e === superseded) return;
        throw e;
      }
    }
    useEditor.setState({ search: { query, result, running: false, error: '' } });
    refreshMatchesFilter();
    return;
  }
  if (query.source === '') {
    useEditor.setState({ search: { query, result: null, running: false, error: '' } });
    return;
  }
  useEditor.setState({ search: { query, result: null, running: true, error: '' } });
  try {
    const result = await regexSearchInWorker(doc, query.source, query.caseSensitive);
    // another search, or another document, since: these matches are not for it
    if (seq !== searchSeq || useEditor.getState().doc?.tokens !== doc.tokens) return;
    useEditor.setState({ search: { query, result, running: false, error: '' } });
    refreshMatchesFilter();
  } catch (e) {
    if (seq !== searchSeq || useEditor.getState().doc?.tokens !== doc.tokens) return;
    const error =
      e instanceof SearchTimeout
        ? `Search stopped: ${e.message}. Simplify the pattern (nested repeats like (a+)+ can take forever).`
        : e instanceof SearchWorkerFailed
          ? `Search failed: ${e.message}`
          : `Not a valid regular expression: ${(e as Error).message}`;
    useEditor.setState({ search: { query, result: null, running: false, error } });
  }
}

/**
 * The matches of the current search in the current document: label and tag searches are run
 * again (edits since may have moved them); word and regex matches stand, as tokens never change.
 */
export function currentMatches(): readonly Match[] {
  const st = useEditor.getState();
  const q = st.search.query;
  if (!st.doc || !q || !st.search.result) return [];
  if (q.kind === 'label' || q.kind === 'tags' || q.kind === 'entityStart')
    return search(st.doc, q).matches;
  return st.search.result.matches;
}

/** Labels every current search match as `type` in one undoable step. */
export function labelAllMatches(type: string): boolean {
  const doc = useEditor.getState().doc;
  return doc ? dispatch(labelMatches(doc, currentMatches(), type)) : false;
}

// ---- filter and navigation -------------------------------------------------------------------

// Both caches are keyed by objects that never change: a search result, a token table (edits
// never change which sentences are quarantined). The filter counts run on every store change.
const matchCache = new WeakMap<object, number[]>();
const quarantineCache = new WeakMap<object, number[]>();

function matchSentences(st: EditorState): number[] {
  const result = st.search.result;
  if (!result) return [];
  let out = matchCache.get(result);
  if (!out) {
    out = [];
    for (const m of result.matches) if (out[out.length - 1] !== m.sentence) out.push(m.sentence);
    matchCache.set(result, out);
  }
  return out;
}

/** Records the quarantined sentences of a document, found ahead of showing it (ascending). */
export function rememberQuarantined(doc: CorpusDocument, sentences: number[]): void {
  quarantineCache.set(doc.tokens, sentences);
}

function quarantined(st: EditorState): number[] {
  const doc = st.doc;
  if (!doc) return [];
  let out = quarantineCache.get(doc.tokens);
  if (!out) {
    out = [];
    doc.sentences.forEach((s, i) => s.quarantined && out?.push(i));
    quarantineCache.set(doc.tokens, out);
  }
  return out;
}

function problemSentences(st: EditorState): number[] {
  const q = quarantined(st);
  const list =
    q.length > 0 ? [...new Set([...st.tagIssues.keys(), ...q])] : [...st.tagIssues.keys()];
  return list.sort((a, b) => a - b);
}

/** The sentences each filter would show (ascending). */
export function filterSentences(st: EditorState, filter: Filter): number[] | null {
  const n = st.doc?.sentences.length ?? 0;
  switch (filter) {
    case 'all':
      return null;
    case 'matches':
      return matchSentences(st);
    case 'changed':
      return [...st.changedBySentence.keys()].sort((a, b) => a - b);
    case 'problems':
      return problemSentences(st);
    case 'inconsistent':
      return [...st.consistency.flagged].sort((a, b) => a - b);
    case 'unreviewed': {
      const out: number[] = [];
      for (let i = 0; i < n; i++) if (!st.reviewed.has(i)) out.push(i);
      return out;
    }
  }
}

/** Live counts for the filter menu (sentences each filter would show). */
export function filterCounts(st: EditorState): Record<Filter, number> {
  const n = st.doc?.sentences.length ?? 0;
  return {
    all: n,
    matches: matchSentences(st).length,
    changed: st.changedBySentence.size,
    // the tag-issue index skips quarantined sentences, so the two never overlap
    problems: st.tagIssues.size + quarantined(st).length,
    inconsistent: st.consistency.flagged.size,
    unreviewed: n - st.reviewed.size,
  };
}

/**
 * Shows only the sentences of a filter. The list is fixed when set (a sentence does not vanish
 * under the cursor when an edit resolves it); set the filter again to refresh it.
 */
export function setFilter(filter: Filter): void {
  const st = useEditor.getState();
  const list = filterSentences(st, filter);
  const visible = list ? Int32Array.from(list) : null;
  const first = visible?.[0];
  const keep = !visible || indexIn(visible, st.cursor.s) >= 0;
  useEditor.setState((s) => ({
    filter,
    visible,
    cursor: keep || first === undefined ? s.cursor : { s: first, t: 0 },
    anchor: null,
    scrollRequest: s.scrollRequest + 1,
  }));
}

function refreshMatchesFilter(): void {
  if (useEditor.getState().filter === 'matches') setFilter('matches');
}

/** Position of sentence `s` in a sorted list, or -1. */
export function indexIn(list: Int32Array, s: number): number {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = list[mid] as number;
    if (v === s) return mid;
    if (v < s) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** The row of sentence `s` in the list as shown (nearest row when it is filtered out). */
export function rowOf(st: Pick<EditorState, 'visible'>, s: number): number {
  const v = st.visible;
  if (!v) return s;
  let lo = 0;
  let hi = v.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((v[mid] as number) < s) lo = mid + 1;
    else hi = mid;
  }
  return Math.min(lo, Math.max(0, v.length - 1));
}

/** The sentence `delta` rows away from sentence `s` in the list as shown (clamped). */
export function sentenceAtOffset(st: EditorState, s: number, delta: number): number {
  const v = st.visible;
  const n = st.doc?.sentences.length ?? 0;
  if (!v) return Math.min(n - 1, Math.max(0, s + delta));
  if (v.length === 0) return s;
  // From a hidden sentence, rowOf is already the next row: one step down lands on it.
  const from = indexIn(v, s) < 0 && delta > 0 ? rowOf(st, s) - 1 : rowOf(st, s);
  const row = Math.min(v.length - 1, Math.max(0, from + delta));
  return v[row] as number;
}

/** Kinds of "next …" navigation. */
export type NextKind = 'unreviewed' | 'problem' | 'inconsistency';

/** Moves the cursor to the next sentence of a kind after the cursor (wrapping). False if none. */
export function goToNext(kind: NextKind): boolean {
  const st = useEditor.getState();
  const n = st.doc?.sentences.length ?? 0;
  const is = (i: number) =>
    kind === 'unreviewed'
      ? !st.reviewed.has(i)
      : kind === 'problem'
        ? st.tagIssues.has(i)
        : st.consistency.flagged.has(i);
  // With a filter, only the sentences it shows.
  const v = st.visible;
  const count = v ? v.length : n;
  const start = v ? rowOf(st, st.cursor.s) - (indexIn(v, st.cursor.s) < 0 ? 1 : 0) : st.cursor.s;
  for (let k = 1; k <= count; k++) {
    const r = (((start + k) % count) + count) % count;
    const i = v ? (v[r] as number) : r;
    if (is(i)) {
      moveCursor({ s: i, t: 0 });
      return true;
    }
  }
  return false;
}

// ---- problems --------------------------------------------------------------------------------

/** Repairs the tag sequences of sentences (one, or all with an issue of a kind) in one step. */
export function repairSentencesNow(sentences: readonly number[]): boolean {
  const doc = useEditor.getState().doc;
  return doc ? dispatch(repairSentences(doc, sentences)) : false;
}

/** The sentences "fix all of this kind" repairs. */
export function sentencesOfKind(code: DiagnosticCode): number[] {
  return sentencesWithIssue(useEditor.getState().tagIssues, code);
}

// ---- label all occurrences -------------------------------------------------------------------

let offerSeq = 0;

/**
 * After a labelling: offers to label the other occurrences of the same words. The corpus is
 * scanned in slices (1M tokens take ~50 ms); any change of the document meanwhile, or a newer
 * offer, abandons the scan. Resolves when the offer is shown or abandoned.
 */
export async function offerOtherOccurrences(
  span: Match,
  type: string,
  caseSensitive = true,
): Promise<void> {
  const doc = useEditor.getState().doc;
  const s = doc?.sentences[span.sentence];
  if (!doc || !s) return;
  const seq = ++offerSeq;
  // stale once the document changed, a newer scan started, or the offer shown when this one
  // started was dismissed, accepted or replaced meanwhile
  const shown = useEditor.getState().offer;
  const stale = () =>
    seq !== offerSeq || useEditor.getState().doc !== doc || useEditor.getState().offer !== shown;
  const abandoned = new Error('abandoned');
  let matches: Match[];
  try {
    matches = await otherOccurrencesSliced(doc, span, caseSensitive, type, async () => {
      await yieldToPage();
      if (stale()) throw abandoned;
    });
  } catch (e) {
    if (e === abandoned) return;
    throw e;
  }
  if (stale()) return;
  const words = sentenceTokens(doc, s).slice(span.start, span.end);
  useEditor.setState({
    offer: matches.length > 0 ? { type, words, span, caseSensitive, matches } : null,
  });
}

/** Applies the offer: labels the offered occurrences (all, or the chosen ones) in one step. */
export function acceptOffer(chosen?: readonly Match[]): boolean {
  const st = useEditor.getState();
  if (!st.doc || !st.offer) return false;
  const ok = dispatch(labelMatches(st.doc, chosen ?? st.offer.matches, st.offer.type));
  if (ok) useEditor.setState({ offer: null });
  return ok;
}
