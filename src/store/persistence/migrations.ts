// Schema versions of the `retag` database. Each step upgrades from version i to i + 1 inside
// the browser's versionchange transaction, so a step that throws aborts the whole upgrade and
// the database stays at its old version with its old data (the browser guarantees that).
// A step that rewrites records first copies each one into `backups` as it was.

/** One upgrade step: runs inside the versionchange transaction. */
export type Migration = (db: IDBDatabase, tx: IDBTransaction) => void;

/** The key a pre-migration copy is kept under: `v1:docs:<id>`. */
export function backupKey(fromVersion: number, store: string, key: IDBValidKey): string {
  return `v${fromVersion}:${store}:${String(key)}`;
}

/** v0 → v1: the imported files, document records, the op log and the session. */
function createStores(db: IDBDatabase): void {
  if (!db.objectStoreNames.contains('files')) db.createObjectStore('files', { keyPath: 'id' });
  if (!db.objectStoreNames.contains('docs')) db.createObjectStore('docs', { keyPath: 'id' });
  if (!db.objectStoreNames.contains('ops'))
    db.createObjectStore('ops', { keyPath: ['docId', 'seq'] });
  if (!db.objectStoreNames.contains('meta')) db.createObjectStore('meta', { keyPath: 'key' });
}

/**
 * v1 → v2: document records carry their export state (`exportedRev`, `exportedAt`), restored
 * on reopen. v1 records are copied to the new `backups` store, then given "never exported".
 */
function addExportState(db: IDBDatabase, tx: IDBTransaction): void {
  const backups = db.objectStoreNames.contains('backups')
    ? tx.objectStore('backups')
    : db.createObjectStore('backups', { keyPath: 'key' });
  const docs = tx.objectStore('docs');
  const at = Date.now();
  const cursor = docs.openCursor();
  cursor.onsuccess = () => {
    const c = cursor.result;
    if (!c) return;
    const rec = c.value as Record<string, unknown>;
    backups.put({ key: backupKey(1, 'docs', c.primaryKey), from: 1, at, value: rec });
    c.update({ ...rec, exportedRev: -1, exportedAt: 0 });
    c.continue();
  };
}

/** Step i upgrades version i to i + 1; the database version is their count (openDb runs them). */
export const MIGRATIONS: readonly Migration[] = [createStores, addExportState];
