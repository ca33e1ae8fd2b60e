import { splitTag } from './tags';

/**
 * Which conlleval decides what an entity is. `conlleval` is the official conlleval.pl
 * (2004-01-26); `bioes` is its widely used BIOES-aware variant (conlleval.py), used for files
 * with S-/E- tags, where the official tables would merge `S-PER S-PER` into one entity.
 */
export type ChunkRules = 'conlleval' | 'bioes';

/** An entity: tokens [start, end) of one sentence, with its type. */
export interface Chunk {
  readonly start: number;
  readonly end: number;
  readonly type: string;
}

function endOfChunkOfficial(pt: string, t: string, pty: string, ty: string): boolean {
  if (pt === 'B' && (t === 'B' || t === 'O')) return true;
  if (pt === 'I' && (t === 'B' || t === 'O')) return true;
  if (pt === 'E' && (t === 'E' || t === 'I' || t === 'O')) return true;
  if (pt !== 'O' && pt !== '.' && pty !== ty) return true;
  return pt === ']' || pt === '[';
}

function startOfChunkOfficial(pt: string, t: string, pty: string, ty: string): boolean {
  if (t === 'B' && (pt === 'B' || pt === 'I' || pt === 'O')) return true;
  if (pt === 'O' && t === 'I') return true;
  if (pt === 'E' && (t === 'E' || t === 'I')) return true;
  if (pt === 'O' && t === 'E') return true;
  if (t !== 'O' && t !== '.' && pty !== ty) return true;
  return t === '[' || t === ']';
}

function endOfChunkBioes(pt: string, t: string, pty: string, ty: string): boolean {
  if (pt === 'E' || pt === 'S') return true;
  if ((pt === 'B' || pt === 'I') && (t === 'B' || t === 'S' || t === 'O')) return true;
  if (pt !== 'O' && pt !== '.' && pty !== ty) return true;
  return pt === ']' || pt === '[';
}

function startOfChunkBioes(pt: string, t: string, pty: string, ty: string): boolean {
  if (t === 'B' || t === 'S') return true;
  if ((pt === 'E' || pt === 'S' || pt === 'O') && (t === 'E' || t === 'I')) return true;
  if (t !== 'O' && t !== '.' && pty !== ty) return true;
  return t === '[' || t === ']';
}

/** BILOU spells conlleval's BIOES with L for E and U for S; the BIOES-aware rules read it so. */
function bilouAsBioes(prefix: string): string {
  return prefix === 'L' ? 'E' : prefix === 'U' ? 'S' : prefix;
}

/**
 * Finds the entities of one sentence exactly as conlleval does (chunk start/end tables,
 * prefix = text before the first hyphen). The sentence boundary acts as an `O`.
 */
export function extractChunks(tags: readonly string[], rules: ChunkRules): Chunk[] {
  const out: Chunk[] = [];
  if (allO(tags)) return out;
  const bioes = rules === 'bioes';
  const end = bioes ? endOfChunkBioes : endOfChunkOfficial;
  const start = bioes ? startOfChunkBioes : startOfChunkOfficial;
  let pt = 'O';
  let pty = '';
  let open = -1;
  let openType = '';
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i] ?? 'O';
    if (tag === 'O' && pt === 'O' && pty === '' && open < 0) continue;
    const split = splitTag(tag);
    const t = bioes ? bilouAsBioes(split.prefix) : split.prefix;
    // conlleval.pl: `$guessedType = $guessedType ? $guessedType : ""` (Perl reads "0" as false).
    const ty = split.type === '0' ? '' : split.type;
    const ends = open >= 0 && end(pt, t, pty, ty);
    const starts = start(pt, t, pty, ty);
    if (open >= 0 && (ends || starts)) {
      out.push({ start: open, end: i, type: openType });
      open = -1;
    }
    if (starts) {
      open = i;
      openType = ty;
    }
    pt = t;
    pty = ty;
  }
  if (open >= 0) out.push({ start: open, end: tags.length, type: openType });
  return out;
}

/** True when every tag is `O` (most sentences of most corpora): nothing to read. */
export function allO(tags: readonly string[]): boolean {
  for (let i = 0; i < tags.length; i++) if (tags[i] !== 'O') return false;
  return true;
}
