import type { CorpusDocument } from '../model/document';
import type { SetTagsStep } from '../model/edit';
import { extractChunks, type Chunk } from '../scheme/chunks';
import { encodeChunks } from '../scheme/schemes';
import { isWritableTag } from '../scheme/tags';

/** What one command does to the document: steps applied together, undone together. */
export interface Transaction {
  readonly steps: readonly SetTagsStep[];
  /** Command id (`span.label`, `span.remove`, …), used for history grouping and the UI. */
  readonly command: string;
}

/** The entities of a sentence, read with the document's chunk rules. */
export function sentenceChunks(doc: CorpusDocument, si: number): Chunk[] {
  const s = doc.sentences[si];
  return s ? extractChunks(s.tags, doc.scheme.rules) : [];
}

/** The entity that covers token `ti` of a sentence, if any. */
export function chunkAt(doc: CorpusDocument, si: number, ti: number): Chunk | undefined {
  return sentenceChunks(doc, si).find((c) => c.start <= ti && ti < c.end);
}

/**
 * Rewrites a sentence so that `remove` are gone and `add` exist, in the document's scheme.
 * Only tags next to the changed entities are touched (one token beyond, for IOB1/IOE1
 * boundaries), so an invalid sequence elsewhere in the sentence is never silently repaired.
 */
export function replaceChunks(
  doc: CorpusDocument,
  si: number,
  remove: readonly Chunk[],
  add: readonly Chunk[],
  command: string,
): Transaction | null {
  const s = doc.sentences[si];
  if (!s || s.quarantined) return null;
  const chunks = extractChunks(s.tags, doc.scheme.rules);
  const kept = chunks.filter((c) => !remove.some((r) => r.start === c.start && r.end === c.end));
  const next = [...kept, ...add].sort((a, b) => a.start - b.start);
  const touched = [...remove, ...add];
  if (touched.length === 0) return null;
  const lo = Math.max(0, Math.min(...touched.map((c) => c.start)) - 1);
  const hi = Math.min(s.length, Math.max(...touched.map((c) => c.end)) + 1);
  const encoded = encodeChunks(next, s.length, doc.scheme.scheme);
  let from = lo;
  let to = hi;
  while (from < to && encoded[from] === s.tags[from]) from++;
  while (to > from && encoded[to - 1] === s.tags[to - 1]) to--;
  if (from === to) return null;
  const after = encoded.slice(from, to);
  if (!after.every(isWritableTag)) return null;
  return {
    command,
    steps: [{ type: 'setTags', sentence: si, start: from, before: s.tags.slice(from, to), after }],
  };
}

/** Entities that overlap [start, end), and what is left of each outside it. */
function cutOut(chunks: readonly Chunk[], start: number, end: number) {
  const overlapped = chunks.filter((c) => c.start < end && start < c.end);
  const remainders: Chunk[] = [];
  for (const c of overlapped) {
    if (c.start < start) remainders.push({ start: c.start, end: start, type: c.type });
    if (end < c.end) remainders.push({ start: end, end: c.end, type: c.type });
  }
  return { overlapped, remainders };
}

function validRange(doc: CorpusDocument, si: number, start: number, end: number): boolean {
  const s = doc.sentences[si];
  return !!s && !s.quarantined && 0 <= start && start < end && end <= s.length;
}

/**
 * Makes tokens [start, end) one entity of `type`. What it overlaps is replaced: entities inside
 * are removed, entities sticking out keep their part outside the span. Null when nothing
 * would change or the type cannot be written.
 */
export function labelSpan(
  doc: CorpusDocument,
  si: number,
  start: number,
  end: number,
  type: string,
): Transaction | null {
  if (!validRange(doc, si, start, end) || type === '' || !isWritableTag(`B-${type}`)) return null;
  const chunks = sentenceChunks(doc, si);
  const { overlapped, remainders } = cutOut(chunks, start, end);
  return replaceChunks(doc, si, overlapped, [...remainders, { start, end, type }], 'span.label');
}

/** Makes tokens [start, end) part of no entity (entities sticking out keep their outside part). */
export function clearSpan(
  doc: CorpusDocument,
  si: number,
  start: number,
  end: number,
): Transaction | null {
  if (!validRange(doc, si, start, end)) return null;
  const { overlapped, remainders } = cutOut(sentenceChunks(doc, si), start, end);
  if (overlapped.length === 0) return null;
  return replaceChunks(doc, si, overlapped, remainders, 'span.clear');
}

/** Removes the whole entity that covers token `ti`. */
export function removeEntity(doc: CorpusDocument, si: number, ti: number): Transaction | null {
  const c = chunkAt(doc, si, ti);
  return c ? replaceChunks(doc, si, [c], [], 'entity.remove') : null;
}

/** Gives the entity covering token `ti` another type. */
export function relabelEntity(
  doc: CorpusDocument,
  si: number,
  ti: number,
  type: string,
): Transaction | null {
  const c = chunkAt(doc, si, ti);
  if (!c || c.type === type || type === '' || !isWritableTag(`B-${type}`)) return null;
  return replaceChunks(doc, si, [c], [{ ...c, type }], 'entity.relabel');
}

/**
 * Moves the boundaries of the entity covering token `ti` to [start, end); entities the new
 * extent overlaps are replaced as in `labelSpan`.
 */
export function resizeEntity(
  doc: CorpusDocument,
  si: number,
  ti: number,
  start: number,
  end: number,
): Transaction | null {
  const c = chunkAt(doc, si, ti);
  if (!c || !validRange(doc, si, start, end) || (c.start === start && c.end === end)) return null;
  const others = sentenceChunks(doc, si).filter(
    (o) => o !== c && !(o.start === c.start && o.end === c.end),
  );
  const { overlapped, remainders } = cutOut(others, start, end);
  const tr = replaceChunks(
    doc,
    si,
    [c, ...overlapped],
    [...remainders, { start, end, type: c.type }],
    'entity.resize',
  );
  return tr;
}

/** Puts a sentence's tags back as they were in the file. */
export function revertSentence(doc: CorpusDocument, si: number): Transaction | null {
  const s = doc.sentences[si];
  if (!s || s.quarantined) return null;
  let from = 0;
  let to = s.length;
  while (from < to && s.tags[from] === s.originalTags[from]) from++;
  while (to > from && s.tags[to - 1] === s.originalTags[to - 1]) to--;
  if (from === to) return null;
  return {
    command: 'sentence.revert',
    steps: [
      {
        type: 'setTags',
        sentence: si,
        start: from,
        before: s.tags.slice(from, to),
        after: s.originalTags.slice(from, to),
      },
    ],
  };
}
