import type { Op } from '../../core/edit/history';
import { appendOps, ConflictError, type SessionRecord } from './db';
import { isQuotaError } from './quota';

/** What the user is told about saving. "saved" only once the write has completed. */
export type SaveStatus = 'saved' | 'saving' | 'unsaved' | 'memory';

export interface WriterEvents {
  status(status: SaveStatus, error: string): void;
  /** Another tab wrote first: this tab must stop writing. */
  conflict(): void;
}

/** Ops wait at most this long before they are written (each edit is durable within ~1 s). */
export const DEBOUNCE_MS = 300;
/** After a failed write, try again after this long. */
export const RETRY_MS = 3000;

const FULL =
  'The browser storage is full: your last edits are not saved. Free space or export the file.';

/** The banner text for a failed write; `stored` is false while the file itself is not stored. */
function failureMessage(e: unknown, stored: boolean): string {
  const name = (e as Error)?.name ?? 'error';
  if (!stored) {
    return isQuotaError(e)
      ? 'The browser storage is full: this document is not stored in the browser, so edits are not saved. Free space or export the file.'
      : `Could not store the file in the browser (${name}); edits are not saved. Export to keep them.`;
  }
  return isQuotaError(e)
    ? FULL
    : `Saving failed (${name}): your last edits are not saved. Export the file to keep them.`;
}

/**
 * Writes the op log in batches: debounced, flushed at once on demand (page hidden), retried
 * on failure, refused after a revision conflict. Never reports "saved" before `complete`.
 * A new document's file is stored first (`prepare`), and that is retried like any write.
 */
export class OpWriter {
  private pending: Op[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private writing: Promise<void> | undefined;
  private stopped = false;
  private failing = false;
  private prepared: boolean;

  constructor(
    private readonly db: IDBDatabase,
    private readonly docId: string,
    private revision: number,
    private readonly events: WriterEvents,
    private readonly session: () => SessionRecord,
    /** Stores the document's file and record (a new import); absent when it is stored. */
    private readonly prepare?: () => Promise<void>,
  ) {
    this.prepared = !prepare;
  }

  /** Ops not yet in a completed transaction. */
  get unsaved(): number {
    return this.pending.length;
  }

  /** The revision of the last completed write. */
  get rev(): number {
    return this.revision;
  }

  /** True once the document's file is stored and nothing is waiting to be written. */
  get idle(): boolean {
    return this.prepared && this.pending.length === 0 && !this.writing;
  }

  /** Queues an op; it is written within DEBOUNCE_MS (plus the commit). */
  enqueue(op: Op): void {
    if (this.stopped) return;
    this.pending.push(op);
    if (!this.failing) this.events.status('saving', '');
    this.schedule(DEBOUNCE_MS);
  }

  /** Writes everything pending now (page hidden, export, take-over); stores a new file. */
  flush(): Promise<void> {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (this.writing)
      return this.writing.then(() => (this.pending.length > 0 ? this.flush() : undefined));
    if ((this.pending.length === 0 && this.prepared) || this.stopped) return Promise.resolve();
    this.writing = this.write().finally(() => {
      this.writing = undefined;
    });
    return this.writing;
  }

  /** Stops writing for good (this tab lost the document to another tab). */
  stop(): void {
    this.stopped = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
  }

  private schedule(ms: number): void {
    if (this.timer !== undefined || this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, ms);
  }

  private append(batch: readonly Op[]): Promise<number> {
    if (batch.length === 0) return Promise.resolve(this.revision);
    return appendOps(this.db, this.docId, this.revision, batch, this.session());
  }

  private write(): Promise<void> {
    const batch = this.pending.slice();
    // Once the file is stored, the transaction is issued in this very task: when the page is
    // being hidden or closed, nothing waits for a reply before the commit is sent.
    const written = this.prepared
      ? this.append(batch)
      : (this.prepare?.() ?? Promise.resolve()).then(() => {
          this.prepared = true;
          return this.append(batch);
        });
    return written.then(
      (rev) => {
        this.revision = rev;
        this.pending.splice(0, batch.length);
        this.failing = false;
        if (this.pending.length === 0) this.events.status('saved', '');
        else this.schedule(0);
      },
      (e: unknown) => {
        if (e instanceof ConflictError) {
          this.stop();
          this.events.conflict();
          return;
        }
        this.failing = true;
        this.events.status('unsaved', failureMessage(e, this.prepared));
        this.schedule(RETRY_MS);
      },
    );
  }
}
