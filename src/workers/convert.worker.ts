// Converts imports off the page's thread: a 100 MB JSONL file or a book of raw text must not
// freeze the editor while it is tokenized and mapped to tags.
import { importInterchange } from '../core/interchange';
import { rawTextToConll, tokenizeText } from '../core/text/tokenize';
import type { ConvertReply, ConvertRequest } from './convert-protocol';

interface WorkerScope {
  onmessage: ((e: MessageEvent<ConvertRequest>) => void) | null;
  postMessage(message: ConvertReply): void;
}
const scope = self as unknown as WorkerScope;

scope.onmessage = (e) => {
  const m = e.data;
  try {
    if (m.type === 'interchange') {
      const result = importInterchange(m.format, m.files, { tokenize: m.tokenize });
      scope.postMessage({ type: 'interchange', result });
    } else {
      const sentences = tokenizeText(m.text);
      const tokens = sentences.reduce((n, s) => n + s.tokens.length, 0);
      scope.postMessage({
        type: 'raw',
        conll: rawTextToConll(m.text, sentences),
        sentences: sentences.length,
        tokens,
      });
    }
  } catch (err) {
    scope.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};
