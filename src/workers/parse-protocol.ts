import type { PackedResult } from '../core/model/pack';
import type { DocFacts } from '../core/review/facts';
import type { TextEncodingName } from '../core/format/decode';
import type { Scheme } from '../core/scheme/schemes';

/** The parse options that cross to the worker (no callbacks). */
export interface WorkerParseOptions {
  readonly tagColumn?: number;
  readonly tokenColumn?: number;
  readonly scheme?: Scheme;
  /** "Reopen as windows-1252" (default UTF-8); see ParseOptions.encoding. */
  readonly encoding?: TextEncodingName;
}

export interface WorkerRequest {
  /** The file: its bytes (a copy), or a Blob of them the worker reads itself (no copy here). */
  readonly bytes: ArrayBuffer | Blob;
  readonly options: WorkerParseOptions;
  /**
   * Make the app's own copy of the Blob's bytes and send it before 'done' ('copy'): the Blob is a file
   * the user picked, which reads differently or fails once it changes on disk.
   */
  readonly copy?: boolean;
  /**
   * Where to post a copy of the packed result (whole text, nothing transferred) for the next
   * worker that needs the document, when it is under SOURCE_TRANSFER_TOKENS tokens.
   */
  readonly mirror?: MessagePort;
}

export type WorkerReply =
  | { readonly type: 'progress'; readonly fraction: number }
  /** The file's bytes as a Blob of the app's own (asked for with `copy`). */
  | { readonly type: 'copy'; readonly blob: Blob }
  /** The first sentences, parsed ahead of the rest so they can be shown at once (read-only). */
  | { readonly type: 'preview'; readonly packed: PackedResult }
  /**
   * A stretch of the document's text, in order, before 'done' (whose `packed.text` is then
   * empty): one 200 MB string would take the page's thread ~0.2 s to receive, a part ~10 ms.
   * The page keeps the parts as they are (PiecedText), never one string.
   */
  | { readonly type: 'text'; readonly part: string }
  /** The whole result, with what the editor derives from it (computed here, off the page). */
  | { readonly type: 'done'; readonly packed: PackedResult; readonly facts: DocFacts }
  | { readonly type: 'failed'; readonly message: string };
