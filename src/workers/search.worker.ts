// Runs regex searches where a pathological pattern cannot freeze the page: the page terminates
// this worker when a search runs past its time limit.
import type { CorpusDocument } from '../core/model/document';
import { unpackResult } from '../core/model/pack';
import { regexSearch } from '../core/search/search';
import type { SearchReply, SearchRequest } from './search-protocol';

interface WorkerScope {
  onmessage: ((e: MessageEvent<SearchRequest>) => void) | null;
  postMessage(message: SearchReply): void;
}
const scope = self as unknown as WorkerScope;
let doc: CorpusDocument | null = null;

scope.onmessage = (e) => {
  const m = e.data;
  if (m.type === 'load') {
    doc = unpackResult(m.packed).document;
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
};
