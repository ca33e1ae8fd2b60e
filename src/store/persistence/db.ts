// The IndexedDB layout: the imported file's bytes are written once; each edit appends a small
// op and bumps a revision in the same transaction (compare-and-swap), so a stale tab can never
// overwrite newer work, and one edit writes bytes in proportion to the edit, not the corpus.
import type { Op } from '../../core/edit/history';
import type { WorkerParseOptions } from '../../workers/parse-protocol';

const DB_NAME = 'retag';
const DB_VERSION = 1;

/** A document's metadata (small: rewritten on every save). */
export interface DocRecord {
  readonly id: string;
  readonly name: string;
  readonly size: number;
  readonly options: WorkerParseOptions;
  /** Number of ops written; the compare-and-swap revision. */
  readonly rev: number;
  readonly createdAt: number;
  readonly openedAt: number;
  readonly savedAt: number;
}

/** Where the user was, restored on reopen. */
export interface SessionRecord {
  readonly docId: string;
  readonly cursor: { s: number; t: number };
}

/** A write refused because another tab wrote first. */
export class ConflictError extends Error {
  constructor(
    readonly expected: number,
    readonly found: number,
  ) {
    super(`revision conflict: expected ${expected}, found ${found}`);
  }
}

function req<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new DOMException('transaction aborted', 'AbortError'));
  });
}

/** Opens (and creates or upgrades) the database. */
export function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    if (typeof indexedDB === 'undefined') {
      reject(new Error('IndexedDB is not available'));
      return;
    }
    const r = indexedDB.open(DB_NAME, DB_VERSION);
    r.onupgradeneeded = () => {
      const db = r.result;
      if (!db.objectStoreNames.contains('files')) db.createObjectStore('files', { keyPath: 'id' });
      if (!db.objectStoreNames.contains('docs')) db.createObjectStore('docs', { keyPath: 'id' });
      if (!db.objectStoreNames.contains('ops'))
        db.createObjectStore('ops', { keyPath: ['docId', 'seq'] });
      if (!db.objectStoreNames.contains('meta')) db.createObjectStore('meta', { keyPath: 'key' });
    };
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
    r.onblocked = () => reject(new Error('the database is blocked by another tab'));
  });
}

/** Stores a newly imported file and its metadata, and makes it the session's document. */
export async function createDoc(db: IDBDatabase, rec: DocRecord, bytes: Uint8Array): Promise<void> {
  const tx = db.transaction(['files', 'docs', 'meta'], 'readwrite', { durability: 'strict' });
  tx.objectStore('files').put({ id: rec.id, bytes: bytes.slice().buffer });
  tx.objectStore('docs').put(rec);
  tx.objectStore('meta').put({ key: 'session', value: { docId: rec.id, cursor: { s: 0, t: 0 } } });
  await done(tx);
}

/**
 * Appends ops if the document is still at `expectedRev` (compare-and-swap inside one
 * transaction); returns the new revision. Throws ConflictError when another writer got there.
 */
export async function appendOps(
  db: IDBDatabase,
  docId: string,
  expectedRev: number,
  ops: readonly Op[],
  session?: SessionRecord,
): Promise<number> {
  const tx = db.transaction(['docs', 'ops', 'meta'], 'readwrite');
  const docs = tx.objectStore('docs');
  const rec = (await req(docs.get(docId))) as DocRecord | undefined;
  if (!rec || rec.rev !== expectedRev) {
    tx.abort();
    await done(tx).catch(() => undefined);
    throw new ConflictError(expectedRev, rec?.rev ?? -1);
  }
  const store = tx.objectStore('ops');
  ops.forEach((op, i) => store.put({ docId, seq: expectedRev + i + 1, op }));
  const rev = expectedRev + ops.length;
  docs.put({ ...rec, rev, savedAt: Date.now() });
  if (session) tx.objectStore('meta').put({ key: 'session', value: session });
  await done(tx);
  return rev;
}

/** Everything needed to reopen a document. */
export interface StoredDoc {
  readonly rec: DocRecord;
  readonly bytes: Uint8Array;
  readonly ops: Op[];
}

/** Reads a document's metadata, file bytes and op log (ops up to its revision). */
export async function loadDoc(db: IDBDatabase, docId: string): Promise<StoredDoc | undefined> {
  const tx = db.transaction(['docs', 'files', 'ops'], 'readonly');
  const rec = (await req(tx.objectStore('docs').get(docId))) as DocRecord | undefined;
  if (!rec) return undefined;
  const file = (await req(tx.objectStore('files').get(docId))) as
    { bytes: ArrayBuffer } | undefined;
  if (!file) return undefined;
  const range = IDBKeyRange.bound([docId, 1], [docId, rec.rev]);
  const rows = (await req(tx.objectStore('ops').getAll(range))) as { op: Op }[];
  return { rec, bytes: new Uint8Array(file.bytes), ops: rows.map((r) => r.op) };
}

/** The current revision of a document (to check before writing after a take-over). */
export async function readRev(db: IDBDatabase, docId: string): Promise<number> {
  const tx = db.transaction('docs', 'readonly');
  const rec = (await req(tx.objectStore('docs').get(docId))) as DocRecord | undefined;
  return rec?.rev ?? -1;
}

/** Documents stored, most recently opened first. */
export async function listDocs(db: IDBDatabase): Promise<DocRecord[]> {
  const tx = db.transaction('docs', 'readonly');
  const all = (await req(tx.objectStore('docs').getAll())) as DocRecord[];
  return all.sort((a, b) => b.openedAt - a.openedAt);
}

/** The last session (which document, where the cursor was). */
export async function readSession(db: IDBDatabase): Promise<SessionRecord | undefined> {
  const tx = db.transaction('meta', 'readonly');
  const row = (await req(tx.objectStore('meta').get('session'))) as
    { value: SessionRecord } | undefined;
  return row?.value;
}

/** Records which document is open and when it was opened. */
export async function markOpened(
  db: IDBDatabase,
  docId: string,
  cursor: { s: number; t: number },
): Promise<void> {
  const tx = db.transaction(['docs', 'meta'], 'readwrite');
  const docs = tx.objectStore('docs');
  const rec = (await req(docs.get(docId))) as DocRecord | undefined;
  if (rec) docs.put({ ...rec, openedAt: Date.now() });
  tx.objectStore('meta').put({ key: 'session', value: { docId, cursor } });
  await done(tx);
}
