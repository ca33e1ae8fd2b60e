import { extractChunks, type Chunk, type ChunkRules } from '../scheme/chunks';
import { encodeChunks, type Scheme } from '../scheme/schemes';
import { splitTag } from '../scheme/tags';

/** The scheme a sentence is read and written in. */
export interface SchemeCtx {
  readonly scheme: Scheme;
  readonly rules: ChunkRules;
}

const sameChunk = (a: Chunk, b: Chunk) =>
  a.start === b.start && a.end === b.end && a.type === b.type;

function sameChunks(a: readonly Chunk[], b: readonly Chunk[]): boolean {
  return a.length === b.length && a.every((c, i) => sameChunk(c, b[i] as Chunk));
}

/** Two tags that conlleval reads alike (same prefix, same type; type "0" reads as none). */
function equivalent(a: string, b: string): boolean {
  if (a === b) return true;
  const x = splitTag(a);
  const y = splitTag(b);
  const tx = x.type === '0' ? '' : x.type;
  const ty = y.type === '0' ? '' : y.type;
  return x.prefix === y.prefix && tx === ty;
}

/** Writes the tokens of `chunks` from `encoded` into `out`, keeping tags that already read alike. */
function writeChunks(out: string[], encoded: readonly string[], chunks: readonly Chunk[]): void {
  for (const c of chunks) {
    for (let i = c.start; i < c.end; i++) {
      const e = encoded[i] as string;
      if (!equivalent(out[i] as string, e)) out[i] = e;
    }
  }
}

/**
 * Makes `cand` read as `expected` by re-encoding only the `affected` entities in the scheme
 * (in IOB1/IOE1 also the one tag of a neighbour that marks whether it touches them); when that
 * is not enough (an invalid neighbour changes how the boundary reads), the touching entities
 * too. Every other tag stays as it is, invalid or not.
 */
export function reencode(
  cand: readonly string[],
  expected: readonly Chunk[],
  affected: readonly Chunk[],
  ctx: SchemeCtx,
): string[] {
  const out = cand.slice();
  if (affected.length === 0) return out;
  const encoded = encodeChunks(expected, cand.length, ctx.scheme);
  writeChunks(out, encoded, affected);
  const near = expected.filter(
    (c) => !affected.includes(c) && affected.some((a) => c.end >= a.start && c.start <= a.end),
  );
  for (const c of near) {
    for (const a of affected) {
      let i = -1;
      if (ctx.scheme === 'iob1' && c.start === a.end) i = c.start;
      else if (ctx.scheme === 'ioe1' && c.end === a.start) i = c.end - 1;
      if (i >= 0 && !equivalent(out[i] as string, encoded[i] as string))
        out[i] = encoded[i] as string;
    }
  }
  if (near.length > 0 && !sameChunks(extractChunks(out, ctx.rules), expected)) {
    writeChunks(out, encoded, near);
  }
  return out;
}

/** The entity covering token i, if any. */
function chunkAt(chunks: readonly Chunk[], i: number): Chunk | undefined {
  return chunks.find((c) => c.start <= i && i < c.end);
}

/** Tags after splitting token i in two: both parts belong to the token's entity, if any. */
export function splitTokenTags(tags: readonly string[], i: number, ctx: SchemeCtx): string[] {
  const chunks = extractChunks(tags, ctx.rules);
  const own = chunkAt(chunks, i);
  const expected = chunks.map((c) => ({
    start: c.start > i ? c.start + 1 : c.start,
    end: c.end > i ? c.end + 1 : c.end,
    type: c.type,
  }));
  const cand = [...tags.slice(0, i + 1), tags[i] as string, ...tags.slice(i + 1)];
  const affected = own ? expected.filter((c) => c.start <= i && i < c.end) : [];
  return reencode(cand, expected, affected, ctx);
}

/**
 * Tags after merging tokens i and i+1: the merged token keeps the first token's entity, else
 * takes the second's; an entity left without tokens disappears.
 */
export function mergeTokensTags(tags: readonly string[], i: number, ctx: SchemeCtx): string[] {
  const chunks = extractChunks(tags, ctx.rules);
  const c1 = chunkAt(chunks, i);
  const c2 = chunkAt(chunks, i + 1);
  const expected: Chunk[] = [];
  const affected: Chunk[] = [];
  for (const c of chunks) {
    let next: Chunk | undefined;
    if (c.end <= i) next = c;
    else if (c.start >= i + 2) next = { start: c.start - 1, end: c.end - 1, type: c.type };
    else if (c === c1) next = c === c2 ? { ...c, end: c.end - 1 } : c;
    else if (c1)
      next = c.end - 1 > i + 1 ? { start: i + 1, end: c.end - 1, type: c.type } : undefined;
    else next = { start: i, end: c.end - 1, type: c.type };
    if (!next) continue;
    expected.push(next);
    if (c === c1 || c === c2) affected.push(next);
  }
  const keep = c1 || !c2 ? (tags[i] as string) : (tags[i + 1] as string);
  const cand = [...tags.slice(0, i), keep, ...tags.slice(i + 2)];
  return reencode(cand, expected, affected, ctx);
}

/** True when two entities that meet at a sentence boundary need their boundary re-encoded. */
function meetNeedsCare(a: Chunk | undefined, b: Chunk | undefined, cut: boolean): boolean {
  return a !== undefined && b !== undefined && (cut || a.type === b.type);
}

/** Tags of the two sentences made by a break before token k (an entity across it is cut in two). */
export function splitSentenceTags(
  tags: readonly string[],
  k: number,
  ctx: SchemeCtx,
): [string[], string[]] {
  const chunks = extractChunks(tags, ctx.rules);
  const left: Chunk[] = [];
  const right: Chunk[] = [];
  let cut = false;
  for (const c of chunks) {
    if (c.start < k) left.push({ start: c.start, end: Math.min(c.end, k), type: c.type });
    if (c.end > k) right.push({ start: Math.max(c.start, k) - k, end: c.end - k, type: c.type });
    if (c.start < k && k < c.end) cut = true;
  }
  // A cut entity becomes two; two entities of one type that touch at the break lose the mark
  // that told them apart (IOB1 B-, IOE1 E-).
  const last = left[left.length - 1];
  const first = right[0];
  const meet = last?.end === k && first?.start === 0 && meetNeedsCare(last, first, cut);
  const a = reencode(tags.slice(0, k), left, meet && last ? [last] : [], ctx);
  const b = reencode(tags.slice(k), right, meet && first ? [first] : [], ctx);
  return [a, b];
}

/** Tags of two sentences joined: concatenated; entities that meet at the join stay apart. */
export function joinSentencesTags(
  a: readonly string[],
  b: readonly string[],
  ctx: SchemeCtx,
): string[] {
  const ca = extractChunks(a, ctx.rules);
  const cb = extractChunks(b, ctx.rules).map((c) => ({
    start: c.start + a.length,
    end: c.end + a.length,
    type: c.type,
  }));
  const last = ca[ca.length - 1];
  const first = cb[0];
  const expected = [...ca, ...cb];
  const cand = [...a, ...b];
  const touch = last?.end === a.length && first?.start === a.length;
  const meet = touch && meetNeedsCare(last, first, false);
  const out = reencode(cand, expected, meet && last && first ? [last, first] : [], ctx);
  // Entities of different types that touch can still read as one with odd tags: fix the pair.
  if (touch && last && first && !sameChunks(extractChunks(out, ctx.rules), expected)) {
    return reencode(cand, expected, [last, first], ctx);
  }
  return out;
}
