// Parses a corpus off the main thread, reporting progress, and sends the result back packed
// (typed arrays transferred, one tag table instead of a million strings).
import { parse, type ParseOptions } from '../core/format/parse';
import { packedBuffers, packResult } from '../core/model/pack';
import type { WorkerReply, WorkerRequest } from './parse-protocol';

interface WorkerScope {
  onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerReply, transfer?: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;

scope.onmessage = (e) => {
  const { bytes, options } = e.data;
  let last = 0;
  const opts: ParseOptions = {
    ...options,
    onProgress: (fraction) => {
      if (fraction - last >= 0.02) {
        last = fraction;
        scope.postMessage({ type: 'progress', fraction });
      }
    },
  };
  try {
    const packed = packResult(parse(new Uint8Array(bytes), opts));
    scope.postMessage({ type: 'done', packed }, packedBuffers(packed));
  } catch (err) {
    // parse() does not throw on user data; this is a bug or an out-of-memory condition.
    scope.postMessage({ type: 'failed', message: (err as Error).message ?? String(err) });
  }
};
