// The IndexedDB layout: the imported file's bytes are written once; each edit appends a small
// op and bumps a revision in the same transaction (compare-and-swap), so a stale tab can never
// overwrite newer work, and one edit writes bytes in proportion to the edit, not the corpus.
import type { Op } from '../../core/edit/history';
import type { WorkerParseOptions } from '../../workers/parse-protocol';
import { MIGRATIONS, type Migration } from './migrations';

const DB_NAME = 'retag';

/** A document's metadata (small: rewritten on open and export, not on every edit). */
export interface DocRecord {
  readonly id: string;
  readonly name: string;
  readonly size: number;
  readonly options: WorkerParseOptions;
  /** Ops written when the record was last rewritten; the op log itself is the truth. */
  readonly rev: number;
  readonly createdAt: number;
  readonly openedAt: number;
  readonly savedAt: number;
  /** The revision last exported (-1: never), and when (0: never). Schema v2. */
  readonly exportedRev: number;
  readonly exportedAt: number;
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

/**
 * Sends the commit now: every request is already queued, so the browser can finish the
 * transaction even if this page goes away the next moment (tab closed, page hidden).
 */
function commitNow(tx: IDBTransaction): void {
  if (typeof tx.commit === 'function') tx.commit();
}

/**
 * Issues a transaction's requests; if one throws (a value that cannot be stored, a full disk
 * reported at once), aborts the transaction, so none of the requests already issued lands.
 */
function issue(tx: IDBTransaction, requests: () => void): void {
  try {
    requests();
  } catch (e) {
    try {
      tx.abort();
    } catch {
      // already finished
    }
    throw e;
  }
  commitNow(tx);
}

/** The database, and whether this app may write to it. */
export interface OpenedDb {
  readonly db: IDBDatabase;
  /** False when the upgrade to this app's schema failed: the old data is read-only here. */
  readonly writable: boolean;
  /** Why it is read-only. */
  readonly error?: unknown;
}

function openAt(
  version: number | undefined,
  migrations: readonly Migration[],
): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const r = version === undefined ? indexedDB.open(DB_NAME) : indexedDB.open(DB_NAME, version);
    r.onupgradeneeded = (e) => {
      const tx = r.transaction;
      if (!tx) return;
      if (version === undefined) {
        // only an existing database is opened as it is; never create an empty one
        tx.abort();
        reject(new Error('no database to open read-only'));
        return;
      }
      try {
        for (let v = e.oldVersion; v < migrations.length; v++) migrations[v]?.(r.result, tx);
      } catch (err) {
        // an upgrade is all or nothing: the browser keeps the old version and data
        tx.abort();
        reject(err);
      }
    };
    r.onsuccess = () => {
      const db = r.result;
      // another tab upgrading the schema: let it, this tab's connection closes
      db.onversionchange = () => db.close();
      resolve(db);
    };
    r.onerror = () => reject(r.error);
    r.onblocked = () => reject(new Error('the database is blocked by another tab'));
  });
}

/**
 * Opens (and creates or upgrades) the database. When the upgrade fails (a migration throws,
 * the disk is full, the database is newer than this app), opens it as it is, read-only, so
 * the saved work can still be shown and exported.
 */
export async function openDb(migrations: readonly Migration[] = MIGRATIONS): Promise<OpenedDb> {
  if (typeof indexedDB === 'undefined') throw new Error('IndexedDB is not available');
  try {
    return { db: await openAt(migrations.length, migrations), writable: true };
  } catch (error) {
    const db = await openAt(undefined, []);
    if (!db.objectStoreNames.contains('docs')) {
      db.close();
      throw error;
    }
    return { db, writable: false, error };
  }
}

/** Stores a newly imported file and its metadata, and makes it the session's document. */
export async function createDoc(db: IDBDatabase, rec: DocRecord, file: Blob): Promise<void> {
  // A Blob (the app's own copy of the bytes): IndexedDB stores it without serializing a 100 MB
  // value on this thread (an ArrayBuffer took ~0.8 s there).
  const tx = db.transaction(['files', 'docs', 'meta'], 'readwrite', { durability: 'strict' });
  const finished = done(tx);
  finished.catch(() => undefined); // observed below; not unhandled if issuing throws
  issue(tx, () => {
    tx.objectStore('files').put({ id: rec.id, bytes: file });
    tx.objectStore('docs').put(rec);
    tx.objectStore('meta').put({
      key: 'session',
      value: { docId: rec.id, cursor: { s: 0, t: 0 } },
    });
  });
  await finished;
}

/** The op log's key range for one document (seq 1, 2, …). */
function opRange(docId: string, from = 1): IDBKeyRange {
  return IDBKeyRange.bound([docId, from], [docId, Infinity]);
}

/** The revision of a document: the length of its op log. */
async function revIn(store: IDBObjectStore, docId: string): Promise<number> {
  const c = await req(store.openKeyCursor(opRange(docId), 'prev'));
  return c ? ((c.primaryKey as [string, number])[1] ?? 0) : 0;
}

/**
 * Appends ops at revisions expectedRev + 1, … and resolves to the new revision. The
 * compare-and-swap is the op log's key: `add` refuses a revision that another writer already
 * wrote, which aborts the whole transaction (ConflictError). Every request is issued at once
 * and committed without waiting for a reply, so a write started as the page is hidden or
 * closed still completes. Writes bytes in proportion to the ops, never to the document.
 */
export async function appendOps(
  db: IDBDatabase,
  docId: string,
  expectedRev: number,
  ops: readonly Op[],
  session?: SessionRecord,
): Promise<number> {
  const tx = db.transaction(['ops', 'meta'], 'readwrite');
  const store = tx.objectStore('ops');
  const savedAt = Date.now();
  let taken = false;
  const finished = done(tx);
  finished.catch(() => undefined); // observed below; not unhandled if issuing throws
  issue(tx, () => {
    ops.forEach((op, i) => {
      const r = store.add({ docId, seq: expectedRev + i + 1, op, savedAt });
      r.onerror = () => {
        if (r.error?.name === 'ConstraintError') taken = true;
      };
    });
    if (session) tx.objectStore('meta').put({ key: 'session', value: session });
  });
  try {
    await finished;
  } catch (e) {
    if (!taken) throw e;
    throw new ConflictError(expectedRev, await readRev(db, docId).catch(() => -1));
  }
  return expectedRev + ops.length;
}

/** Everything needed to reopen a document. */
export interface StoredDoc {
  readonly rec: DocRecord;
  readonly bytes: Uint8Array;
  /** The stored file as a Blob (null for files stored as ArrayBuffers by older versions). */
  readonly blob: Blob | null;
  readonly ops: Op[];
  /** The op log's length: the revision the next write must expect. */
  readonly rev: number;
  /** When the last op was written (0: no ops). */
  readonly savedAt: number;
}

/**
 * Reads a document's metadata, file bytes and op log. Ops are taken in order while their
 * revisions follow on (1, 2, 3, …), so a log is never read with a hole in it.
 */
export async function loadDoc(db: IDBDatabase, docId: string): Promise<StoredDoc | undefined> {
  const tx = db.transaction(['docs', 'files', 'ops'], 'readonly');
  const rec = (await req(tx.objectStore('docs').get(docId))) as DocRecord | undefined;
  if (!rec) return undefined;
  const file = (await req(tx.objectStore('files').get(docId))) as
    { bytes: ArrayBuffer | Blob } | undefined;
  if (!file) return undefined;
  const rows = (await req(tx.objectStore('ops').getAll(opRange(docId)))) as {
    seq: number;
    op: Op;
    savedAt?: number;
  }[];
  // after the last request of the transaction (awaiting anything else would end it);
  // files stored before Blobs were used are ArrayBuffers
  const bytes =
    file.bytes instanceof Blob
      ? new Uint8Array(await file.bytes.arrayBuffer())
      : new Uint8Array(file.bytes);
  let rev = 0;
  while (rev < rows.length && rows[rev]?.seq === rev + 1) rev += 1;
  const last = rows[rev - 1];
  return {
    // a database left at schema v1 (read-only after a failed upgrade) has no export state
    rec: { ...rec, exportedRev: rec.exportedRev ?? -1, exportedAt: rec.exportedAt ?? 0 },
    bytes,
    blob: file.bytes instanceof Blob ? file.bytes : null,
    ops: rows.slice(0, rev).map((r) => r.op),
    rev,
    savedAt: last ? (last.savedAt ?? rec.savedAt) : 0,
  };
}

/** The current revision of a document (the length of its op log). */
export async function readRev(db: IDBDatabase, docId: string): Promise<number> {
  const tx = db.transaction('ops', 'readonly');
  return revIn(tx.objectStore('ops'), docId);
}

/** Documents stored, most recently opened first, each with its current revision. */
export async function listDocs(db: IDBDatabase): Promise<DocRecord[]> {
  const tx = db.transaction(['docs', 'ops'], 'readonly');
  const all = (await req(tx.objectStore('docs').getAll())) as DocRecord[];
  const ops = tx.objectStore('ops');
  const out = await Promise.all(all.map(async (d) => ({ ...d, rev: await revIn(ops, d.id) })));
  return out.sort((a, b) => b.openedAt - a.openedAt);
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

/** Records that the document was exported at revision `rev` (never lowers it). */
export async function markExported(db: IDBDatabase, docId: string, rev: number): Promise<number> {
  const tx = db.transaction('docs', 'readwrite');
  const docs = tx.objectStore('docs');
  const rec = (await req(docs.get(docId))) as DocRecord | undefined;
  const at = Date.now();
  if (rec && (rec.exportedRev ?? -1) <= rev) docs.put({ ...rec, exportedRev: rev, exportedAt: at });
  await done(tx);
  return at;
}
