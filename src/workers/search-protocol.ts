import type { DocTransfer } from './doc-transfer';
import type { SearchResult } from '../core/search/search';

/** Messages to the regex search worker. */
export type SearchRequest =
  | { readonly type: 'load'; readonly load: number; readonly doc: DocTransfer }
  | {
      readonly type: 'regex';
      readonly id: number;
      readonly source: string;
      readonly flags: string;
    };

/** A finished search, or a pattern that does not compile. */
export type SearchReply =
  /** The document of load request `load` is unpacked: searches now start at once. */
  | { readonly type: 'loaded'; readonly load: number }
  | { readonly type: 'started'; readonly id: number }
  | { readonly type: 'result'; readonly id: number; readonly result: SearchResult }
  | { readonly type: 'error'; readonly id: number; readonly message: string }
  /** The worker cannot search (its document could not be read, or the search threw). */
  | { readonly type: 'failed'; readonly id: number; readonly message: string };
