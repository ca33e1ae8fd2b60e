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
/** Why the last load failed (searches then fail with it rather than wait). */
let loadError = 'no document was loaded';

/** Messages are handled one after another (a load may wait for a file to be read). */
let queue = Promise.resolve();
scope.onmessage = (e) => {
  queue = queue.then(() => handle(e.data));
};

async function handle(m: SearchRequest): Promise<void> {
  if (m.type === 'load') {
    doc = null;
    try {
      doc = await receiveDoc(m.doc);
    } catch (err) {
      loadError = `the document could not be read for searching (${String(err)})`;
    }
    scope.postMessage({ type: 'loaded', load: m.load });
    return;
  }
  if (!doc) {
    scope.postMessage({ type: 'failed', id: m.id, message: loadError });
    return;
  }
  let re: RegExp;
  try {
    re = new RegExp(m.source, m.flags);
  } catch (err) {
    scope.postMessage({ type: 'error', id: m.id, message: (err as Error).message });
    return;
  }
  scope.postMessage({ type: 'started', id: m.id });
  try {
    scope.postMessage({ type: 'result', id: m.id, result: regexSearch(doc, re) });
  } catch (err) {
    scope.postMessage({ type: 'failed', id: m.id, message: String(err) });
  }
}
