// Opening, restoring and saving documents: the glue between the store, the parser worker,
// IndexedDB (op log) and Web Locks (one writer per document).
import { replay } from '../core/edit/history';
import { watchConsistency } from './checks';
import { serialize } from '../core/format/serialize';
import { convertDocumentScheme } from '../core/scheme/convert-document';
import type { Scheme } from '../core/scheme/schemes';
import { updateFacts } from '../core/review/facts';
import {
  ParseCancelled,
  parsesInWorker,
  startParse,
  type ParseJob,
  type ParsedFile,
} from '../workers/parse-client';
import type { WorkerParseOptions } from '../workers/parse-protocol';
import { rememberSource } from '../workers/doc-transfer';
import { yieldToPage } from '../workers/pause';
import { prepareToShow } from './prepare';
import type { ParseResult } from '../core/format/parse';
import {
  setDocument,
  setOpSink,
  useEditor,
  type ChangeCounts,
  type EditorState,
  type Pos,
} from './editor-store';
import type { CorpusDocument } from '../core/model/document';
import {
  createDoc,
  listDocs,
  loadDoc,
  markExported,
  markOpened,
  openDb,
  readSession,
  type DocRecord,
} from './persistence/db';
import { acquireDocLock, type DocLock } from './persistence/locks';
import { checkPersistence, checkUsage, useStorageNotice } from './persistence/storage-notice';
import { OpWriter, type SaveStatus } from './persistence/writer';

/** The sample corpus shipped in public/, shown to a new user at once. */
export const SAMPLE_NAME = 'multipath-tcp.bio.txt';

let db: IDBDatabase | null = null;
/** False when the database could only be opened read-only (its upgrade failed). */
let dbWritable = false;
let writer: OpWriter | null = null;
let lock: DocLock | null = null;
let job: ParseJob | null = null;
/**
 * The bytes of the open document as imported (for re-reading with other options), as a Blob:
 * the app's own copy or the one stored in IndexedDB, never the
 * picked File (read from disk again, it fails or changes once the file is saved over).
 * Workers read it; sending it costs nothing, where copying 100 MB here took ~50 ms.
 */
let currentBlob: Blob | null = null;
/** A File System Access handle when the file was opened through the picker. */
let fileHandle: FileSystemFileHandle | null = null;

function setSave(patch: Partial<ReturnType<typeof useEditor.getState>['save']>): void {
  const save = useEditor.getState().save;
  // Every edit reports 'saving': while it already is, telling the store (and every subscriber)
  // again is a cost per keypress for nothing.
  if (Object.entries(patch).every(([k, v]) => Object.is(save[k as keyof typeof save], v))) return;
  useEditor.setState((st) => ({ save: { ...st.save, ...patch } }));
}

function setStatus(status: SaveStatus, error: string): void {
  setSave({ status, error });
  if (status === 'saved') void checkUsage();
}

/** Starts the app: opens storage, then restores the last session or opens the sample. */
export async function initApp(): Promise<void> {
  setOpSink((op) => writer?.enqueue(op));
  watchConsistency();
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') void writer?.flush();
  });
  window.addEventListener('pagehide', () => void writer?.flush());
  window.addEventListener('beforeunload', (e) => {
    const st = useEditor.getState();
    if (
      (st.save.status === 'memory' || st.save.status === 'unsaved') &&
      (st.history.done.length > 0 || st.reviewed.size > 0)
    ) {
      e.preventDefault();
    }
  });
  try {
    const opened = await openDb();
    db = opened.db;
    dbWritable = opened.writable;
    if (!opened.writable) {
      const why = (opened.error as Error)?.name ?? 'error';
      setStatus(
        'memory',
        `Could not upgrade this browser's storage for retag (${why}): your saved work is shown, but new edits are kept in memory only. Export before you close this tab.`,
      );
    } else {
      void checkPersistence();
      void checkUsage(true);
    }
  } catch {
    db = null;
    dbWritable = false;
    setStatus(
      'memory',
      'Browser storage is unavailable: edits are kept in memory only. Export before you close this tab.',
    );
  }
  const session = db ? await readSession(db).catch(() => undefined) : undefined;
  if (session && (await restoreDoc(session.docId, session.cursor))) return;
  await openSample();
  // no document (the sample could not be read): nothing is waiting to be saved
  if (!useEditor.getState().docId && useEditor.getState().save.status === 'saving')
    setStatus('saved', '');
}

/**
 * Imports a file as a new document (stored once; edits then go to the op log): its bytes, or
 * the File itself, which this thread reads only when it is small (a big one goes to the parse
 * worker, which makes the app's copy of its bytes). `known`: a Blob of the same bytes that the
 * app already owns.
 */
export async function importBytes(
  fileName: string,
  source: Uint8Array | Blob,
  options: WorkerParseOptions = {},
  handle: FileSystemFileHandle | null = null,
  known: Blob | null = null,
): Promise<boolean> {
  const bytes =
    source instanceof Uint8Array
      ? source
      : parsesInWorker(source.size)
        ? null
        : new Uint8Array(await source.arrayBuffer());
  const size = source instanceof Uint8Array ? source.length : source.size;
  const owned = known && known.size === size ? known : bytes ? new Blob([bytes as BlobPart]) : null;
  const parsed = await parseWithProgress(fileName, bytes ?? source, options, owned);
  if (!parsed) return false;
  const { result, changes } = parsed;
  const blob = owned ?? result.copy;
  if (!blob) {
    failImport(fileName, `Could not read ${fileName}: the parser sent no copy of it`);
    return false;
  }
  await detach();
  currentBlob = blob;
  rememberSource(result.document, blob, options);
  fileHandle = handle;
  const docId = crypto.randomUUID();
  const now = Date.now();
  useStorageNotice.setState({ savedAt: 0, exportedAt: 0, exportedDoc: null });
  if (db && dbWritable) {
    const database = db;
    const rec: DocRecord = {
      id: docId,
      name: fileName,
      size,
      options,
      rev: 0,
      createdAt: now,
      openedAt: now,
      savedAt: now,
      exportedRev: -1,
      exportedAt: 0,
    };
    // Show the document first; the writer stores the file meanwhile (and retries that like
    // any write, e.g. once a full disk has room again), and holds edits until it is stored.
    if (await attach(docId, 0, () => createDoc(database, rec, blob))) void writer?.flush();
  }
  performance.mark('retag:stored-started');
  setDocument({
    docId,
    fileName,
    doc: result.document,
    options,
    diagnostics: result.diagnostics,
    diagnosticCounts: result.diagnosticCounts,
    facts: result.facts,
    changes,
  });
  performance.mark('retag:shown');
  return true;
}

/** Loads the built-in sample from the app's own origin. */
export async function openSample(): Promise<void> {
  try {
    const res = await fetch(`${import.meta.env.BASE_URL}sample.bio.txt`);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    await importBytes(SAMPLE_NAME, new Uint8Array(await res.arrayBuffer()));
  } catch (e) {
    failImport(SAMPLE_NAME, `Could not load the sample: ${(e as Error).message}`);
  }
}

/** Reopens a stored document: parses its file, replays its op log, takes the lock if free. */
export async function restoreDoc(docId: string, cursor?: Pos): Promise<boolean> {
  if (!db) return false;
  const stored = await loadDoc(db, docId).catch(() => undefined);
  if (!stored) return false;
  const replayed: { rebuilt?: ReturnType<typeof replay> } = {};
  const parsed = await parseWithProgress(
    stored.rec.name,
    stored.bytes,
    stored.rec.options,
    stored.blob,
    (r) => (replayed.rebuilt = replay(r.document, stored.ops)).doc,
  );
  const rebuilt = replayed.rebuilt;
  if (!parsed || !rebuilt) return false;
  const { result, changes } = parsed;
  await detach();
  currentBlob = stored.blob ?? new Blob([stored.bytes as BlobPart]);
  rememberSource(result.document, currentBlob, stored.rec.options);
  fileHandle = null;
  const owned = await attach(docId, stored.rev);
  setDocument({
    docId,
    fileName: stored.rec.name,
    doc: rebuilt.doc,
    options: stored.rec.options,
    diagnostics: result.diagnostics,
    diagnosticCounts: result.diagnosticCounts,
    history: rebuilt.history,
    reviewed: rebuilt.reviewed,
    changes,
    facts: result.facts && updateFacts(result.facts, result.document, rebuilt.doc),
    cursor,
    restored: stored.ops.slice(0, rebuilt.applied).some((op) => op.kind !== 'review')
      ? Math.max(1, rebuilt.history.done.length)
      : 0,
  });
  useStorageNotice.setState({
    savedAt: stored.savedAt,
    exportedAt: stored.rec.exportedAt,
    // exported at this very revision: nothing new since
    exportedDoc: stored.rec.exportedRev === stored.rev ? rebuilt.doc : null,
  });
  if (owned) await markOpened(db, docId, cursor ?? { s: 0, t: 0 }).catch(() => undefined);
  return true;
}

/** Re-reads the open file with other options (tag column, scheme). Edits are not carried over. */
export async function reread(options: WorkerParseOptions): Promise<boolean> {
  const st = useEditor.getState();
  if (!currentBlob) return false;
  return importBytes(st.fileName, currentBlob, options, fileHandle, currentBlob);
}

/** Takes the document over from another tab, then reloads it from storage. */
export async function takeOver(): Promise<void> {
  const st = useEditor.getState();
  if (!db || !st.docId) return;
  await detach();
  const stolen = await acquireDocLock(st.docId, onLockLost, true);
  stolen?.release();
  await restoreDoc(st.docId, st.cursor);
}

/** Stops the parse in progress. */
export function cancelImport(): void {
  job?.cancel();
}

/** Documents stored in this browser, most recent first. */
export async function recentDocs(): Promise<DocRecord[]> {
  return db ? listDocs(db).catch(() => []) : [];
}

/** The corrected file's bytes (written after pending edits are flushed); counts as an export. */
export async function exportBytes(scheme?: Scheme): Promise<Uint8Array | null> {
  const doc = useEditor.getState().doc;
  if (!doc) return null;
  await flushEdits();
  return serialize(scheme ? convertDocumentScheme(doc, scheme).doc : doc);
}

/** Writes pending edits now (before an export), and records the export. */
export async function flushEdits(): Promise<void> {
  const st = useEditor.getState();
  await writer?.flush().catch(() => undefined);
  useStorageNotice.setState({ exportedDoc: st.doc, exportedAt: Date.now() });
  // the stored export state covers only what is stored (an unsaved edit is not "exported" there)
  const w = writer;
  if (db && w && st.docId && w.idle) await markExported(db, st.docId, w.rev).catch(() => undefined);
}

/** The File System Access handle of the open file, when it was opened through the picker. */
export function currentHandle(): FileSystemFileHandle | null {
  return fileHandle;
}

/**
 * Parses a file with progress and a preview, then prepares the document to show (`toShow`,
 * by default the parsed one) in slices. Cancel (or a newer import) stops either step and puts
 * back what was shown before the preview; a superseded import leaves the state to the newer.
 */
async function parseWithProgress(
  fileName: string,
  bytes: Uint8Array | Blob,
  options: WorkerParseOptions,
  blob: Blob | null,
  toShow: (r: ParsedFile) => CorpusDocument = (r) => r.document,
): Promise<{ result: ParsedFile; changes: ChangeCounts } | null> {
  job?.cancel();
  useEditor.setState({ importState: { phase: 'parsing', fileName, progress: 0, error: '' } });
  // What was shown before a preview replaced it, to put back if the import is cancelled.
  let before: Partial<EditorState> | null = null;
  const parse = startParse(
    bytes,
    options,
    (progress) => useEditor.setState((st) => ({ importState: { ...st.importState, progress } })),
    (first) => {
      const st = useEditor.getState();
      // everything a document brings (checks, review marks, filters too), not the save status
      const shown: Partial<Record<keyof EditorState, unknown>> = { ...st };
      delete shown.importState;
      delete shown.save;
      before = shown as Partial<EditorState>;
      showPreview(fileName, first);
    },
    blob ?? undefined,
  );
  // Cancel holds until the document is prepared, not only while the worker parses.
  let cancelled = false;
  const current: ParseJob = {
    result: parse.result,
    cancel: () => {
      cancelled = true;
      parse.cancel();
    },
  };
  job = current;
  try {
    const result = await current.result;
    const changes = await prepareToShow(toShow(result), async () => {
      await yieldToPage();
      if (cancelled) throw new ParseCancelled();
    });
    return { result, changes };
  } catch (e) {
    // superseded by a newer import: that one owns what is shown and the import state now
    if (job !== current) return null;
    if (before) useEditor.setState(before);
    if (e instanceof ParseCancelled) {
      useEditor.setState({ importState: { phase: 'idle', fileName: '', progress: 0, error: '' } });
    } else {
      failImport(fileName, `Could not read ${fileName}: ${(e as Error).message}`);
    }
    return null;
  } finally {
    if (job === current) job = null;
  }
}

/** Shows the first sentences of a big file while the rest is read; editing waits for the rest. */
function showPreview(fileName: string, first: ParseResult): void {
  const progress = useEditor.getState().importState.progress;
  setDocument({
    docId: null,
    fileName,
    doc: first.document,
    options: {},
    diagnostics: [],
    diagnosticCounts: new Map(),
  });
  useEditor.setState({ importState: { phase: 'parsing', fileName, progress, error: '' } });
  performance.mark('retag:preview-shown');
}

function failImport(fileName: string, error: string): void {
  useEditor.setState({ importState: { phase: 'failed', fileName, progress: 0, error } });
}

/** Takes the lock and starts the writer; read-only when another tab holds the document. */
async function attach(docId: string, rev: number, prepare?: () => Promise<void>): Promise<boolean> {
  if (!db || !dbWritable) return false;
  lock = await acquireDocLock(docId, onLockLost);
  if (!lock) {
    setSave({
      readOnly: true,
      readOnlyReason: 'This document is open in another tab. It is read-only here.',
      status: 'saved',
      error: '',
    });
    return false;
  }
  const database = db;
  writer = new OpWriter(
    database,
    docId,
    rev,
    { status: setStatus, conflict: () => onConflict() },
    () => ({
      docId,
      cursor: useEditor.getState().cursor,
    }),
    prepare,
  );
  // a new import is not saved until its file is stored (the writer says when)
  setSave({ readOnly: false, readOnlyReason: '', status: prepare ? 'saving' : 'saved', error: '' });
  return true;
}

/** Flushes and drops the current document's writer and lock. */
async function detach(): Promise<void> {
  const w = writer;
  writer = null;
  if (w) await w.flush().catch(() => undefined);
  w?.stop();
  lock?.release();
  lock = null;
}

function onLockLost(): void {
  const unsaved = writer?.unsaved ?? 0;
  writer?.stop();
  writer = null;
  lock = null;
  setSave({
    readOnly: true,
    readOnlyReason:
      'Another tab took over this document; it is read-only here.' +
      (unsaved > 0
        ? ` ${unsaved} edit(s) made here in the last second were not saved: export to keep them.`
        : ''),
  });
}

function onConflict(): void {
  writer = null;
  setSave({
    readOnly: true,
    readOnlyReason:
      'Another tab saved newer work on this document; this tab stopped saving so as not to overwrite it. Export to keep what you see here.',
    status: 'unsaved',
  });
}
