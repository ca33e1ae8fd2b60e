import type { PackedResult } from '../core/model/pack';
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
  readonly bytes: ArrayBuffer;
  readonly options: WorkerParseOptions;
}

export type WorkerReply =
  | { readonly type: 'progress'; readonly fraction: number }
  /** The first sentences, parsed ahead of the rest so they can be shown at once (read-only). */
  | { readonly type: 'preview'; readonly packed: PackedResult }
  | { readonly type: 'done'; readonly packed: PackedResult }
  | { readonly type: 'failed'; readonly message: string };
