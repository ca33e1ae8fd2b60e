// Runs regex searches where a pathological pattern cannot freeze the page: the page terminates
// this worker when a search runs past its time limit.
import type { CorpusDocument } from '../core/model/document';
import { receiveDoc } from './doc-transfer';
import { regexSearch } from '../core/search/search';
import type { SearchReply, SearchRequest } from './search-protocol';

interface WorkerScope {
  onmessage: ((e: MessageEvent<SearchRequest>) => void) | null;
  postMessage(message: SearchReply): void;
}
const scope = self as unknown as WorkerScope;
let doc: CorpusDocument | null = null;

/** Messages are handled one after another (a load may wait for a file to be read). */
let queue = Promise.resolve();
scope.onmessage = (e) => {
  queue = queue.then(() => handle(e.data));
};

async function handle(m: SearchRequest): Promise<void> {
  if (m.type === 'load') {
    doc = await receiveDoc(m.doc);
    scope.postMessage({ type: 'loaded', load: m.load });
    return;
  }
  if (!doc) return;
  let re: RegExp;
  try {
    re = new RegExp(m.source, m.flags);
  } catch (err) {
    scope.postMessage({ type: 'error', id: m.id, message: (err as Error).message });
    return;
  }
  scope.postMessage({ type: 'started', id: m.id });
  scope.postMessage({ type: 'result', id: m.id, result: regexSearch(doc, re) });
}
