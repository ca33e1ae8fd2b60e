// Parses a corpus off the main thread, reporting progress, and sends the result back packed
// (typed arrays transferred, one tag table instead of a million strings).
import { parse, type ParseOptions } from '../core/format/parse';
import { packedBuffers, packResult } from '../core/model/pack';
import { docFacts } from '../core/review/facts';
import { SOURCE_TRANSFER_TOKENS } from './doc-transfer';
import type { WorkerReply, WorkerRequest } from './parse-protocol';
import { TEXT_PART, textParts } from './text-parts';

interface WorkerScope {
  onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerReply, transfer?: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;

/** Bytes parsed ahead for the preview: enough for a screenful of sentences and then some. */
const PREVIEW_BYTES = 256 * 1024;

/** Where the preview ends: the first blank line after PREVIEW_BYTES (0: no preview). */
function previewCut(bytes: Uint8Array): number {
  if (bytes.length <= PREVIEW_BYTES * 2) return 0;
  for (
    let i = bytes.indexOf(0x0a, PREVIEW_BYTES);
    i >= 0 && i < bytes.length - 1;
    i = bytes.indexOf(0x0a, i + 1)
  ) {
    // past twice the preview size (a very long line): no preview, rather than a huge one
    if (i > PREVIEW_BYTES * 2) return 0;
    const next = bytes[i + 1];
    if (next === 0x0a || (next === 0x0d && bytes[i + 2] === 0x0a)) return i + 1;
  }
  return 0;
}

scope.onmessage = async (e) => {
  const { options } = e.data;
  let bytes: ArrayBuffer;
  try {
    bytes = e.data.bytes instanceof Blob ? await e.data.bytes.arrayBuffer() : e.data.bytes;
  } catch (err) {
    // e.g. the browser could not read the Blob back (its storage was cleared)
    scope.postMessage({ type: 'failed', message: (err as Error).message ?? String(err) });
    return;
  }
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
    const all = new Uint8Array(bytes);
    const cut = previewCut(all);
    if (cut > 0) {
      const preview = packResult(parse(all.subarray(0, cut), options));
      scope.postMessage({ type: 'preview', packed: preview }, packedBuffers(preview));
    }
    // made here (after the preview, which it would delay): copying 100 MB into a Blob held
    // the page's thread for ~90 ms
    if (e.data.copy) scope.postMessage({ type: 'copy', blob: new Blob([all]) });
    const result = parse(all, opts);
    const facts = docFacts(result.document);
    const packed = packResult(result);
    // the consistency worker's copy, cloned on this thread before the buffers go to the page
    if (e.data.mirror && result.document.tokens.line.length < SOURCE_TRANSFER_TOKENS)
      e.data.mirror.postMessage(packed);
    const { text } = packed;
    if (text.length > TEXT_PART) {
      for (const part of textParts(text, all, options.encoding !== 'windows-1252'))
        scope.postMessage({ type: 'text', part });
    }
    const done = text.length > TEXT_PART ? { ...packed, text: '' } : packed;
    scope.postMessage({ type: 'done', packed: done, facts }, packedBuffers(done));
  } catch (err) {
    // parse() does not throw on user data; this is a bug or an out-of-memory condition.
    scope.postMessage({ type: 'failed', message: (err as Error).message ?? String(err) });
  }
};
