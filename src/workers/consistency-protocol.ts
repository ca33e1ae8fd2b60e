import type { FindingsWire } from '../core/checks/wire';
import type { DocTransfer } from './doc-transfer';

/** Messages to the consistency worker. `gen` ties replies to the corpus they were asked for. */
export type ConsistencyRequest =
  | {
      readonly type: 'init';
      readonly gen: number;
      readonly sources: readonly {
        readonly name: string;
        readonly evidenceOnly: boolean;
        readonly doc: DocTransfer;
      }[];
    }
  | {
      readonly type: 'update';
      readonly gen: number;
      /** New tags of sentences of source 0 (the open document) that changed. */
      readonly sentences: readonly { readonly index: number; readonly tags: readonly string[] }[];
    }
  /** The user pressed a key or pointed: the analysis in progress pauses for a moment. */
  | { readonly type: 'input' };

/**
 * Replies: the ranked findings after an init or update, or why it failed. Only findings that
 * changed since the last reply are sent in full (packed: see `FindingsWire`); `order` lists
 * every finding's id in rank order (an edit changes a handful of 2,000 findings, and copying
 * them all costs more than the analysis).
 */
export type ConsistencyReply =
  /**
   * Findings sent ahead of a 'findings' reply: a 10M-token corpus has 2,260 findings with
   * 307,000 places to send; even packed, one message that big would hold the page's thread
   * about 0.2 s while it is received.
   */
  | { readonly type: 'part'; readonly gen: number; readonly changed: FindingsWire }
  | {
      readonly type: 'findings';
      readonly gen: number;
      /** Absent when the same as the last reply's: most edits change no finding's rank. */
      readonly order?: readonly string[];
      readonly changed: FindingsWire;
      /** The worker's own time for this reply, without `paused`. */
      readonly ms: number;
      /**
       * Time the work stood still: letting messages in between slices, and waiting while the
       * user typed or pointed.
       */
      readonly paused: number;
    }
  | { readonly type: 'error'; readonly gen: number; readonly message: string };
