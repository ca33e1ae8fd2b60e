import type { Diagnostic, DiagnosticCode } from '../diagnostics';
import type { RawPatch } from '../format/decode';
import type { ParseResult } from '../format/parse';
import type { CorpusDocument, Dialect, SchemeInfo, Sentence, TokenTable } from './document';
import { PiecedText, textString } from './text';

/**
 * A parse result in a form that crosses a worker boundary cheaply: typed arrays (transferable)
 * and one table of distinct tags instead of a million tag strings.
 */
export interface PackedResult {
  /** The text, or '' when it is in `textParts` (a big text, kept in pieces). */
  readonly text: string;
  readonly textParts?: readonly string[];
  readonly patches: readonly RawPatch[];
  readonly lineStarts: Uint32Array;
  readonly tokens: TokenTable;
  /** Per sentence: first, length, doc, startLine, endLine, quarantined (6 numbers each). */
  readonly sentenceData: Uint32Array;
  /** Per token: index into `tagTable`. */
  readonly tagIds: Uint32Array;
  readonly tagTable: readonly string[];
  readonly dialect: Dialect;
  readonly scheme: SchemeInfo;
  readonly refused: boolean;
  readonly diagnostics: readonly Diagnostic[];
  readonly diagnosticCounts: readonly (readonly [DiagnosticCode, number])[];
}

const FIELDS = 6;

/** Packs a freshly parsed (unedited) result for transfer. */
export function packResult(r: ParseResult): PackedResult {
  const d = r.document;
  const table: string[] = [];
  const ids = new Map<string, number>();
  const tagIds = new Uint32Array(d.tokens.line.length);
  const sentenceData = new Uint32Array(d.sentences.length * FIELDS);
  d.sentences.forEach((s, i) => {
    sentenceData.set(
      [s.first, s.length, s.doc, s.startLine, s.endLine, s.quarantined ? 1 : 0],
      i * FIELDS,
    );
    for (let k = 0; k < s.length; k++) {
      const tag = s.tags[k] as string;
      let id = ids.get(tag);
      if (id === undefined) {
        id = table.length;
        table.push(tag);
        ids.set(tag, id);
      }
      tagIds[s.first + k] = id;
    }
  });
  return {
    ...(d.text instanceof PiecedText
      ? { text: '', textParts: d.text.parts }
      : { text: textString(d.text) }),
    patches: d.patches,
    lineStarts: d.lineStarts,
    tokens: d.tokens,
    sentenceData,
    tagIds,
    tagTable: table,
    dialect: d.dialect,
    scheme: d.scheme,
    refused: d.refused,
    diagnostics: r.diagnostics,
    diagnosticCounts: [...r.diagnosticCounts],
  };
}

/** The buffers of a packed result, to list as transferables. */
export function packedBuffers(p: PackedResult): ArrayBuffer[] {
  const arrays = [p.lineStarts, p.sentenceData, p.tagIds, ...Object.values(p.tokens)];
  const seen = new Set<ArrayBuffer>();
  for (const a of arrays) seen.add(a.buffer as ArrayBuffer);
  return [...seen];
}

/**
 * Sentences with the same tags share one tags array (arrays are never mutated: an edit copies).
 * In real corpora only 29–40 % of sentences have a tag sequence of their own (most are all O,
 * or one short entity): sharing saves the page most of its 10M tag slots at 10M tokens, and the
 * garbage collector the work of copying them, which made pauses of 60–100 ms while a 100 MB file
 * was unpacked. `seen` maps a hash of a tag-id run to the sentences (indices into `out`)
 * holding arrays with that hash.
 */
type Shared = Map<number, number | number[]>;

function sameIds(ids: Uint32Array, a: number, b: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (ids[a + k] !== ids[b + k]) return false;
  return true;
}

/** A hash of the tag-id run of a sentence. */
function idsHash(ids: Uint32Array, first: number, length: number): number {
  let h = length | 0;
  for (let k = 0; k < length; k++) h = Math.imul(h ^ (ids[first + k] as number), 16777619);
  return h;
}

/** The tags array of an earlier sentence with the same tag ids, if any. */
function sharedTags(
  ids: Uint32Array,
  first: number,
  length: number,
  at: number | number[] | undefined,
  out: readonly Sentence[],
): readonly string[] | undefined {
  if (at === undefined) return undefined;
  if (typeof at === 'number') {
    const s = out[at] as Sentence;
    return s.length === length && sameIds(ids, s.first, first, length) ? s.tags : undefined;
  }
  for (const j of at) {
    const s = out[j] as Sentence;
    if (s.length === length && sameIds(ids, s.first, first, length)) return s.tags;
  }
  return undefined;
}

/** Rebuilds sentences [from, to) into `out`. */
function unpackSentences(
  p: PackedResult,
  from: number,
  to: number,
  out: Sentence[],
  seen: Shared,
): void {
  for (let i = from; i < to; i++) {
    const o = i * FIELDS;
    const first = p.sentenceData[o] as number;
    const length = p.sentenceData[o + 1] as number;
    const hash = idsHash(p.tagIds, first, length);
    const at = seen.get(hash);
    let tags = sharedTags(p.tagIds, first, length, at, out);
    if (!tags) {
      const made = new Array<string>(length);
      for (let k = 0; k < length; k++)
        made[k] = p.tagTable[p.tagIds[first + k] as number] as string;
      tags = made;
      if (at === undefined) seen.set(hash, i);
      else if (typeof at === 'number') seen.set(hash, [at, i]);
      else at.push(i);
    }
    out[i] = {
      id: i,
      first,
      length,
      tags,
      originalTags: tags,
      doc: p.sentenceData[o + 2] as number,
      startLine: p.sentenceData[o + 3] as number,
      endLine: p.sentenceData[o + 4] as number,
      quarantined: p.sentenceData[o + 5] === 1,
    };
  }
}

function assemble(p: PackedResult, sentences: Sentence[]): ParseResult {
  const document: CorpusDocument = {
    text: p.textParts ? new PiecedText(p.textParts) : p.text,
    patches: p.patches,
    lineStarts: p.lineStarts,
    tokens: p.tokens,
    sentences,
    dialect: p.dialect,
    scheme: p.scheme,
    refused: p.refused,
  };
  return { document, diagnostics: p.diagnostics, diagnosticCounts: new Map(p.diagnosticCounts) };
}

/** Rebuilds the parse result on the receiving side. */
export function unpackResult(p: PackedResult): ParseResult {
  const n = p.sentenceData.length / FIELDS;
  const sentences: Sentence[] = []; // filled in order (a preallocated 400k array may be a slow dictionary)
  unpackSentences(p, 0, n, sentences, new Map());
  return assemble(p, sentences);
}

/**
 * The same as `unpackResult`, about `tokensPerSlice` tokens at a time with `await pause()`
 * between slices: a 10M-token result would otherwise hold the page's thread for a second.
 */
export async function unpackResultSliced(
  p: PackedResult,
  pause: () => Promise<void>,
  tokensPerSlice = 60_000,
): Promise<ParseResult> {
  const n = p.sentenceData.length / FIELDS;
  const sentences: Sentence[] = []; // filled in order (a preallocated 400k array may be a slow dictionary)
  const seen: Shared = new Map();
  let from = 0;
  while (from < n) {
    let to = from;
    let tokens = 0;
    while (to < n && tokens < tokensPerSlice) tokens += p.sentenceData[to++ * FIELDS + 1] as number;
    unpackSentences(p, from, to, sentences, seen);
    from = to;
    if (from < n) await pause();
  }
  return assemble(p, sentences);
}
