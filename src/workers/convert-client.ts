import type { ConvertReply, ConvertRequest } from './convert-protocol';

/**
 * Runs one conversion in a fresh worker (terminated when done or cancelled): imports are rare
 * and large, so nothing is kept between them.
 */
export function convertInWorker(request: ConvertRequest): {
  result: Promise<ConvertReply>;
  cancel: () => void;
} {
  const worker = new Worker(new URL('./convert.worker.ts', import.meta.url), { type: 'module' });
  let cancel: () => void = () => undefined;
  const result = new Promise<ConvertReply>((resolve, reject) => {
    cancel = () => {
      worker.terminate();
      reject(new Error('cancelled'));
    };
    worker.onmessage = (e: MessageEvent<ConvertReply>) => {
      worker.terminate();
      resolve(e.data);
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(e.message || 'the conversion worker failed'));
    };
  });
  worker.postMessage(request);
  return { result, cancel };
}
