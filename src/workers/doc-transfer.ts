// How a document reaches a worker (consistency, search). Packing a 10M-token document and
// copying its 200 MB text and token tables cost the page's thread seconds; a big document
// that is still its file plus tag edits goes as a Blob of the file (sending one costs nothing)
// and the edited sentences, and the worker parses the file again itself. The Blob is the
// app's own copy (or the one stored in IndexedDB), never the picked File: a File is read
// from disk again, and fails or changes once the file is saved over. A smaller document the
// parse worker read comes through a port: that worker posted a copy of its packed result
// there (the copy made on its thread), and the page hands the port on to the first worker
// that asks, so the page neither packs nor copies it (at 1M tokens: ~55 ms of packing and
// copying, 111-151 ms with the garbage collection after it, right after the import).
import { parse } from '../core/format/parse';
import type { CorpusDocument, TokenTable } from '../core/model/document';
import { packedBuffers, packResult, unpackResult, type PackedResult } from '../core/model/pack';
import type { WorkerParseOptions } from './parse-protocol';

export type DocTransfer =
  | { readonly kind: 'packed'; readonly packed: PackedResult }
  | {
      readonly kind: 'source';
      /** The file's bytes. */
      readonly bytes: Blob;
      readonly options: WorkerParseOptions;
      /** Sentences whose tags differ from the file's, by index. */
      readonly edits: readonly { readonly index: number; readonly tags: readonly string[] }[];
    }
  | {
      readonly kind: 'port';
      /** Receives one message: the document as the parse worker packed it. */
      readonly port: MessagePort;
      /** Sentences whose tags differ from the file's, by index. */
      readonly edits: readonly { readonly index: number; readonly tags: readonly string[] }[];
    };

/** Documents at least this many tokens long go to workers as their source file. */
export const SOURCE_TRANSFER_TOKENS = 2_000_000;

/** The file and options each token table was parsed from (tag edits keep the table). */
const sources = new WeakMap<TokenTable, { blob: Blob; options: WorkerParseOptions }>();

/** Records that `doc` (and every tag edit of it) is the parse of `blob` plus tag edits. */
export function rememberSource(doc: CorpusDocument, blob: Blob, options: WorkerParseOptions): void {
  sources.set(doc.tokens, { blob, options });
}

/**
 * The port on which the last parse worker posted its packed result, and that parse's token
 * table. One at most: a port nobody took holds a whole copy of its document, so the next
 * parse closes it (a document whose token table changed, or an import superseded, never
 * takes its port).
 */
let mirror: { tokens: TokenTable; port: MessagePort } | null = null;

/**
 * Records that `port` receives (or holds) the packed parse of `doc`: the next `docTransfer` of
 * `doc` or a tag edit of it sends the port instead of packing. Used once. The parse worker
 * posts nothing for a document of SOURCE_TRANSFER_TOKENS or more (it goes as its file), and a
 * refused one has nothing to check: their port is closed.
 */
export function rememberMirror(doc: CorpusDocument, port: MessagePort): void {
  mirror?.port.close();
  const usable = !doc.refused && doc.tokens.line.length < SOURCE_TRANSFER_TOKENS;
  mirror = usable ? { tokens: doc.tokens, port } : null;
  if (!usable) port.close();
}

/** The sentences whose tags are not the file's. */
function editsOf(doc: CorpusDocument): { index: number; tags: readonly string[] }[] {
  const edits: { index: number; tags: readonly string[] }[] = [];
  doc.sentences.forEach((s, index) => {
    if (s.tags !== s.originalTags) edits.push({ index, tags: s.tags });
  });
  return edits;
}

/** What to post to a worker for `doc`, and what to transfer with it. */
export function docTransfer(doc: CorpusDocument): {
  transfer: DocTransfer;
  buffers: Transferable[];
} {
  const src = sources.get(doc.tokens);
  if (src && doc.tokens.line.length >= SOURCE_TRANSFER_TOKENS) {
    return {
      transfer: { kind: 'source', bytes: src.blob, options: src.options, edits: editsOf(doc) },
      buffers: [],
    };
  }
  if (mirror && mirror.tokens === doc.tokens) {
    const { port } = mirror;
    mirror = null;
    return { transfer: { kind: 'port', port, edits: editsOf(doc) }, buffers: [port] };
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
  const doc =
    t.kind === 'port'
      ? unpackResult(await firstMessage<PackedResult>(t.port)).document
      : parse(new Uint8Array(await t.bytes.arrayBuffer()), t.options).document;
  if (t.edits.length === 0) return doc;
  const sentences = doc.sentences.slice();
  for (const e of t.edits) {
    const s = sentences[e.index];
    if (s) sentences[e.index] = { ...s, tags: e.tags };
  }
  return { ...doc, sentences };
}

/** The first message `port` receives (or has queued); the port is closed after it. */
function firstMessage<T>(port: MessagePort): Promise<T> {
  return new Promise((resolve) => {
    port.onmessage = (e: MessageEvent<T>) => {
      port.onmessage = null;
      port.close();
      resolve(e.data);
    };
  });
}
