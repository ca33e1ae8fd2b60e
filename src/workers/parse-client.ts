import { MAX_FILE_BYTES } from '../core/format/decode';
import { parse, type ParseResult } from '../core/format/parse';
import { unpackResult, unpackResultSliced, type PackedResult } from '../core/model/pack';
import type { DocFacts } from '../core/review/facts';
import { yieldToPage } from './pause';
import { rememberMirror } from './doc-transfer';
import type { WorkerParseOptions, WorkerReply, WorkerRequest } from './parse-protocol';

/** Files at least this big are parsed in a worker, so the page never freezes. */
export const WORKER_THRESHOLD_BYTES = 1_000_000;

/** True when a file of `size` bytes is parsed in a worker (else on the page's thread). */
export function parsesInWorker(size: number): boolean {
  return size >= WORKER_THRESHOLD_BYTES && size <= MAX_FILE_BYTES;
}

/**
 * A parsed file; `facts` when the worker computed them (big files), else the caller does;
 * `copy` when the worker made the app's own copy of a picked file's bytes.
 */
export type ParsedFile = ParseResult & { readonly facts?: DocFacts; readonly copy?: Blob };

/** A parse in progress: its result, and a way to stop it. */
export interface ParseJob {
  readonly result: Promise<ParsedFile>;
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
 * The caller keeps its bytes (the worker gets a copy, or reads `blob`, which must hold the
 * same bytes). A big result is received in slices (text parts, then sentences 60k tokens at a
 * time), so no task of the page's thread lasts long even at 10M tokens.
 *
 * `bytes` may be a big file the user picked (a Blob, see `parsesInWorker`) that this thread
 * never reads: the worker reads it and, unless `blob` is given, makes the app's own copy of
 * its bytes (the result's `copy`).
 */
export function startParse(
  bytes: Uint8Array | Blob,
  options: WorkerParseOptions,
  onProgress: (fraction: number) => void,
  onPreview: (first: ParseResult) => void = () => undefined,
  blob?: Blob,
): ParseJob {
  // A file over the size limit is refused by parse() before it decodes a byte: do that here
  // rather than copy it to a worker (the result is a refused document with E_FILE_TOO_LARGE).
  if (bytes instanceof Uint8Array && !parsesInWorker(bytes.length)) {
    return { result: Promise.resolve().then(() => parse(bytes, options)), cancel: () => undefined };
  }
  const worker = new Worker(new URL('./parse.worker.ts', import.meta.url), { type: 'module' });
  // the worker posts a copy of the document here for the consistency worker (see docTransfer)
  const mirror = new MessageChannel();
  let reject: (e: Error) => void = () => undefined;
  let cancelled = false;
  /** The worker's last message ('done' or 'failed') came. */
  let finished = false;
  const result = new Promise<ParsedFile>((resolve, rej) => {
    reject = rej;
    let parts: string[] = [];
    let copy: Blob | undefined;
    const finish = async (packed: PackedResult, facts: DocFacts) => {
      // a big text stays in its parts (PiecedText): one 200 MB string costs ~150 ms to make
      const whole = parts.length > 0 ? { ...packed, textParts: parts } : packed;
      parts = [];
      const r = await unpackResultSliced(whole, async () => {
        await yieldToPage();
        if (cancelled) throw new ParseCancelled();
      });
      performance.mark('retag:unpacked');
      rememberMirror(r.document, mirror.port2);
      resolve({ ...r, facts, ...(copy ? { copy } : {}) });
    };
    worker.onmessage = (e: MessageEvent<WorkerReply>) => {
      const m = e.data;
      if (m.type === 'progress') onProgress(m.fraction);
      else if (m.type === 'text') parts.push(m.part);
      else if (m.type === 'copy') copy = m.blob;
      else if (m.type === 'preview') {
        performance.mark('retag:preview');
        const first = unpackResult(m.packed);
        // shown in a task of its own: unpacking and rendering it in one held the page's
        // thread for 110-190 ms while the worker parsed on the other core (a 100 MB file);
        // not once the whole result is in, or cancelled
        void yieldToPage().then(() => {
          if (!finished && !cancelled) onPreview(first);
        });
      } else {
        finished = true;
        worker.terminate();
        if (m.type === 'done') {
          performance.mark('retag:worker-done');
          finish(m.packed, m.facts).catch((err: Error) => {
            mirror.port2.close();
            rej(err);
          });
        } else {
          mirror.port2.close();
          rej(new Error(m.message));
        }
      }
    };
    worker.onerror = (e) => {
      finished = true;
      worker.terminate();
      mirror.port2.close();
      rej(new Error(e.message || 'the parser worker failed'));
    };
  });
  performance.mark('retag:parse-start');
  // A Blob of the same bytes (the app's own copy) is read by the worker: sending one copies
  // nothing, where copying 100 MB here would hold this thread for ~60 ms.
  const port = mirror.port1;
  if (blob) {
    worker.postMessage({ bytes: blob, options, mirror: port } satisfies WorkerRequest, [port]);
  } else if (bytes instanceof Blob) {
    worker.postMessage({ bytes, options, copy: true, mirror: port } satisfies WorkerRequest, [
      port,
    ]);
  } else {
    const copy = bytes.slice().buffer;
    worker.postMessage({ bytes: copy, options, mirror: port } satisfies WorkerRequest, [
      copy,
      port,
    ]);
  }
  return {
    result,
    cancel: () => {
      cancelled = true;
      worker.terminate();
      mirror.port2.close();
      reject(new ParseCancelled());
    },
  };
}
