// How a document reaches a worker (consistency, search). Packing a 10M-token document and
// copying its 200 MB text and token tables cost the page's thread seconds; a big document
// that is still its file plus tag edits goes as the file's bytes (one copy) and the edited
// sentences, and the worker parses the file again itself.
import { parse } from '../core/format/parse';
import type { CorpusDocument, TokenTable } from '../core/model/document';
import { packedBuffers, packResult, unpackResult, type PackedResult } from '../core/model/pack';
import type { WorkerParseOptions } from './parse-protocol';

export type DocTransfer =
  | { readonly kind: 'packed'; readonly packed: PackedResult }
  | {
      readonly kind: 'source';
      /** The file: a Blob (cheap to send) or a copy of its bytes. */
      readonly bytes: Blob | ArrayBuffer;
      readonly options: WorkerParseOptions;
      /** Sentences whose tags differ from the file's, by index. */
      readonly edits: readonly { readonly index: number; readonly tags: readonly string[] }[];
    };

/** Documents at least this many tokens long go to workers as their source file. */
export const SOURCE_TRANSFER_TOKENS = 2_000_000;

/** The file and options each token table was parsed from (tag edits keep the table). */
const sources = new WeakMap<
  TokenTable,
  { bytes: Uint8Array; blob: Blob | null; options: WorkerParseOptions }
>();

/**
 * Records that `doc` (and every tag edit of it) is `parse(bytes, options)` plus tag edits;
 * `blob`, when known, holds the same bytes (the chosen File, or the stored copy).
 */
export function rememberSource(
  doc: CorpusDocument,
  bytes: Uint8Array,
  options: WorkerParseOptions,
  blob: Blob | null = null,
): void {
  sources.set(doc.tokens, {
    bytes,
    blob: blob && blob.size === bytes.length ? blob : null,
    options,
  });
}

/** What to post to a worker for `doc`, and the buffers to transfer with it. */
export function docTransfer(doc: CorpusDocument): {
  transfer: DocTransfer;
  buffers: ArrayBuffer[];
} {
  const src = sources.get(doc.tokens);
  if (src && doc.tokens.line.length >= SOURCE_TRANSFER_TOKENS) {
    const edits: { index: number; tags: readonly string[] }[] = [];
    doc.sentences.forEach((s, index) => {
      if (s.tags !== s.originalTags) edits.push({ index, tags: s.tags });
    });
    if (src.blob)
      return {
        transfer: { kind: 'source', bytes: src.blob, options: src.options, edits },
        buffers: [],
      };
    const bytes = src.bytes.slice().buffer;
    return { transfer: { kind: 'source', bytes, options: src.options, edits }, buffers: [bytes] };
  }
  const packed = packResult({ document: doc, diagnostics: [], diagnosticCounts: new Map() });
  // the token table and line starts are shared with the page's document: copied, not moved
  const own = new Set<ArrayBufferLike>([packed.sentenceData.buffer, packed.tagIds.buffer]);
  return {
    transfer: { kind: 'packed', packed },
    buffers: packedBuffers(packed).filter((b) => own.has(b)),
  };
}

/** The worker's side: the document again. */
export async function receiveDoc(t: DocTransfer): Promise<CorpusDocument> {
  if (t.kind === 'packed') return unpackResult(t.packed).document;
  const bytes = t.bytes instanceof Blob ? await t.bytes.arrayBuffer() : t.bytes;
  const doc = parse(new Uint8Array(bytes), t.options).document;
  if (t.edits.length === 0) return doc;
  const sentences = doc.sentences.slice();
  for (const e of t.edits) {
    const s = sentences[e.index];
    if (s) sentences[e.index] = { ...s, tags: e.tags };
  }
  return { ...doc, sentences };
}
