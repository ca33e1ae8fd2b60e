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

/**
 * Writes the op log in batches: debounced, flushed at once on demand (page hidden), retried
 * on failure, refused after a revision conflict. Never reports "saved" before `complete`.
 */
export class OpWriter {
  private pending: Op[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private writing: Promise<void> | undefined;
  private stopped = false;
  private failing = false;

  constructor(
    private readonly db: IDBDatabase,
    private readonly docId: string,
    private rev: number,
    private readonly events: WriterEvents,
    private readonly session: () => SessionRecord,
    /** Resolves once the document record exists (a new import is stored after it is shown). */
    private readonly ready: Promise<void> = Promise.resolve(),
  ) {}

  /** Ops not yet in a completed transaction. */
  get unsaved(): number {
    return this.pending.length;
  }

  /** Queues an op; it is written within DEBOUNCE_MS (plus the commit). */
  enqueue(op: Op): void {
    if (this.stopped) return;
    this.pending.push(op);
    if (!this.failing) this.events.status('saving', '');
    this.schedule(DEBOUNCE_MS);
  }

  /** Writes everything pending now (page hidden, export, take-over). */
  flush(): Promise<void> {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (this.writing)
      return this.writing.then(() => (this.pending.length > 0 ? this.flush() : undefined));
    if (this.pending.length === 0 || this.stopped) return Promise.resolve();
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

  private async write(): Promise<void> {
    const batch = this.pending.slice();
    try {
      await this.ready;
      this.rev = await appendOps(this.db, this.docId, this.rev, batch, this.session());
      this.pending.splice(0, batch.length);
      this.failing = false;
      if (this.pending.length === 0) this.events.status('saved', '');
      else this.schedule(0);
    } catch (e) {
      if (e instanceof ConflictError) {
        this.stop();
        this.events.conflict();
        return;
      }
      this.failing = true;
      const message = isQuotaError(e)
        ? 'The browser storage is full: your last edits are not saved. Free space or export the file.'
        : `Saving failed (${(e as Error)?.name ?? 'error'}): your last edits are not saved. Export the file to keep them.`;
      this.events.status('unsaved', message);
      this.schedule(RETRY_MS);
    }
  }
}
