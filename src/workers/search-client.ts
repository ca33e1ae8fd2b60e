import type { CorpusDocument } from '../core/model/document';
import { docTransfer } from './doc-transfer';
import type { SearchResult } from '../core/search/search';
import type { SearchReply, SearchRequest } from './search-protocol';

/**
 * How long a regex search may run before the worker is stopped. The issue asks for the stop
 * within ~200 ms of the key press; the other 50 ms are for the timer firing late and the message
 * being painted on a loaded machine (with 180 ms, key → message took 226 and 246 ms in two of
 * about eight full e2e runs, 184–193 ms otherwise).
 */
export const REGEX_TIME_LIMIT_MS = 150;

/** Raised when a regex search ran past the time limit and was stopped. */
export class SearchTimeout extends Error {}

/** Raised when the search worker itself failed (it could not start, or crashed). */
export class SearchWorkerFailed extends Error {}

let worker: Worker | null = null;
/** The token table the worker holds: tokens never change, so edits do not reload it. */
let loaded: CorpusDocument['tokens'] | null = null;
let nextId = 1;
/** Stops the search in progress (its promise rejects), if any. */
let stopRunning: (() => void) | null = null;

function post(w: Worker, m: SearchRequest): void {
  w.postMessage(m);
}

/** The last load request posted, and the last one the worker said it finished. */
let posted = 0;
let ready = 0;

/** Starts the worker and hands it the document (tokens never change: once per document). */
function load(doc: CorpusDocument): Worker {
  if (!worker) {
    const w = new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module' });
    w.addEventListener('message', (e: MessageEvent<SearchReply>) => {
      if (e.data.type === 'loaded') ready = e.data.load;
    });
    worker = w;
    loaded = null;
  }
  if (loaded !== doc.tokens) {
    posted += 1;
    const { transfer, buffers } = docTransfer(doc);
    worker.postMessage(
      { type: 'load', load: posted, doc: transfer } satisfies SearchRequest,
      buffers,
    );
    loaded = doc.tokens;
  }
  return worker;
}

/**
 * Loads the document into the search worker ahead of a search (when the search panel opens),
 * so that a regex search answers, or is stopped, within the time limit of the key press.
 */
export function preloadSearch(doc: CorpusDocument): void {
  load(doc);
}

/**
 * Runs a regex search over `doc` in a worker. Rejects with SearchTimeout when it runs past
 * the limit (the worker is terminated, so a pattern like `(a+)+$` cannot hang anything), and
 * with an Error when the pattern does not compile. Tags are not searched, only tokens.
 */
export function regexSearchInWorker(
  doc: CorpusDocument,
  source: string,
  caseSensitive: boolean,
  limitMs = REGEX_TIME_LIMIT_MS,
): Promise<SearchResult> {
  // A new search replaces a running one: the worker is stopped rather than left to finish
  // (or hang) before it gets to the new pattern.
  stopRunning?.();
  const w = load(doc);
  // With the document already unpacked in the worker the clock starts now (the page gets its
  // answer within the limit); otherwise it starts when the worker starts matching.
  const fromNow = ready === posted;
  const id = nextId++;
  return new Promise((resolve, reject) => {
    let timer = 0;
    const done = () => {
      clearTimeout(timer);
      w.removeEventListener('message', onMessage);
      stopRunning = null;
    };
    const onMessage = (e: MessageEvent<SearchReply>) => {
      if (e.data.type === 'loaded' || e.data.id !== id) return;
      if (e.data.type === 'started') {
        if (!fromNow) timer = window.setTimeout(stop, limitMs);
        return;
      }
      done();
      if (e.data.type === 'result') resolve(e.data.result);
      else if (e.data.type === 'failed') {
        // a fresh worker (and a fresh read of the document) for the next search
        w.terminate();
        if (worker === w) {
          worker = null;
          loaded = null;
        }
        reject(new SearchWorkerFailed(e.data.message));
      } else reject(new Error(e.data.message));
    };
    w.addEventListener('message', onMessage);
    const onError = (e: ErrorEvent) => {
      w.removeEventListener('error', onError);
      done();
      w.terminate();
      if (worker === w) {
        worker = null;
        loaded = null;
      }
      reject(new SearchWorkerFailed(e.message || 'the search worker could not run'));
    };
    w.addEventListener('error', onError);
    const kill = (message: string) => {
      done();
      w.terminate();
      if (worker === w) {
        worker = null;
        loaded = null;
      }
      reject(new SearchTimeout(message));
    };
    const stop = () => kill(`the pattern ran past ${limitMs} ms and was stopped`);
    stopRunning = () => kill('replaced by a new search');
    post(w, { type: 'regex', id, source, flags: caseSensitive ? 'gu' : 'giu' });
    if (fromNow) timer = window.setTimeout(stop, limitMs);
  });
}
