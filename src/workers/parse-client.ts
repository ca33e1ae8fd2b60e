import { MAX_FILE_BYTES } from '../core/format/decode';
import { parse, type ParseResult } from '../core/format/parse';
import { unpackResult } from '../core/model/pack';
import type { WorkerParseOptions, WorkerReply, WorkerRequest } from './parse-protocol';

/** Files at least this big are parsed in a worker, so the page never freezes. */
export const WORKER_THRESHOLD_BYTES = 1_000_000;

/** A parse in progress: its result, and a way to stop it. */
export interface ParseJob {
  readonly result: Promise<ParseResult>;
  cancel(): void;
}

/** Raised (as the rejection) when a parse was cancelled. */
export class ParseCancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

/**
 * Parses bytes: small files at once on this thread, big ones in a Web Worker with progress.
 * The caller keeps its bytes (the worker gets a copy).
 */
export function startParse(
  bytes: Uint8Array,
  options: WorkerParseOptions,
  onProgress: (fraction: number) => void,
  onPreview: (first: ParseResult) => void = () => undefined,
): ParseJob {
  // A file over the size limit is refused by parse() before it decodes a byte: do that here
  // rather than copy it to a worker (the result is a refused document with E_FILE_TOO_LARGE).
  if (bytes.length < WORKER_THRESHOLD_BYTES || bytes.length > MAX_FILE_BYTES) {
    return { result: Promise.resolve().then(() => parse(bytes, options)), cancel: () => undefined };
  }
  const worker = new Worker(new URL('./parse.worker.ts', import.meta.url), { type: 'module' });
  let reject: (e: Error) => void = () => undefined;
  const result = new Promise<ParseResult>((resolve, rej) => {
    reject = rej;
    worker.onmessage = (e: MessageEvent<WorkerReply>) => {
      const m = e.data;
      if (m.type === 'progress') onProgress(m.fraction);
      else if (m.type === 'preview') {
        performance.mark('retag:preview');
        onPreview(unpackResult(m.packed));
      } else {
        worker.terminate();
        if (m.type === 'done') {
          performance.mark('retag:worker-done');
          const r = unpackResult(m.packed);
          performance.mark('retag:unpacked');
          resolve(r);
        } else rej(new Error(m.message));
      }
    };
    worker.onerror = (e) => {
      worker.terminate();
      rej(new Error(e.message || 'the parser worker failed'));
    };
  });
  performance.mark('retag:parse-start');
  const copy = bytes.slice().buffer;
  const request: WorkerRequest = { bytes: copy, options };
  worker.postMessage(request, [copy]);
  return {
    result,
    cancel: () => {
      worker.terminate();
      reject(new ParseCancelled());
    },
  };
}
