// One tab writes a document at a time: the writer holds an exclusive Web Lock named after
// the document. Other tabs open it read-only and can take the lock over (steal).

/** A held document lock; losing it to another tab is reported through acquireDocLock's onLost. */
export interface DocLock {
  release(): void;
}

function lockName(docId: string): string {
  return `retag-doc-${docId}`;
}

/** True where the Web Locks API exists. */
export function locksAvailable(): boolean {
  return typeof navigator !== 'undefined' && 'locks' in navigator;
}

/**
 * Tries to take the document's lock. Resolves to a DocLock, or null when another tab holds it.
 * `onLost` runs if another tab steals the lock later. `steal` takes it from the holder.
 */
export function acquireDocLock(
  docId: string,
  onLost: () => void,
  steal = false,
): Promise<DocLock | null> {
  if (!locksAvailable()) return Promise.resolve({ release: () => undefined });
  return new Promise((resolve) => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => {
      release = r;
    });
    const options: LockOptions = steal ? { steal: true } : { ifAvailable: true };
    navigator.locks
      .request(lockName(docId), options, async (lock) => {
        if (!lock) {
          resolve(null);
          return;
        }
        resolve({ release });
        await held;
      })
      .catch((e: unknown) => {
        // A stolen lock rejects its request with AbortError.
        if ((e as Error)?.name === 'AbortError') onLost();
      });
  });
}
