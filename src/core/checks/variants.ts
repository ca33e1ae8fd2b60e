import type { CorpusTable } from './corpus-table';
import type { VariantChunk } from './types';

const BARE_TYPE = /^[\p{L}\p{N}_.-]+$/u;
const typeTokens = new Map<string, string>();

/**
 * A type as written inside a variant id: bare when it cannot be mistaken for the id syntax
 * ("O", brackets, "inside:"), JSON-quoted otherwise, so two labellings never share an id.
 */
function typeToken(type: string): string {
  let t = typeTokens.get(type);
  if (t === undefined) {
    t = type !== 'O' && BARE_TYPE.test(type) ? type : JSON.stringify(type);
    if (typeTokens.size < 10_000) typeTokens.set(type, t);
  }
  return t;
}

/** A type as shown to people; conlleval reads `B` or `B-` as an entity with an empty type. */
export function typeLabel(type: string): string {
  return type === '' ? '(untyped)' : type;
}

/**
 * The id of how the words at global [a, b) are labelled now: "O" for no entity, the bare type
 * for one entity over exactly the words, "[s,e)T…" for entities inside, "inside:T" for words
 * strictly inside one longer entity, "cross:…" (with < and > marking entities that go on
 * beyond the edges) for any other entity crossing an edge. Called once per occurrence, so the
 * common cases (all O, one whole entity) allocate nothing but the result.
 */
export function variantIdAt(t: CorpusTable, a: number, b: number): string {
  let out = '';
  let parts = 0;
  let crossing = false;
  let whole = -1;
  let g = a;
  while (g < b) {
    const ty = t.chunkType[g]!;
    if (ty < 0) {
      g++;
      continue;
    }
    const cs = t.chunkStart[g]!;
    const ce = t.chunkEnd[g]!;
    const left = cs < a;
    const right = ce > b;
    if (left || right) crossing = true;
    const s = Math.max(cs, a) - a;
    const e = Math.min(ce, b) - a;
    if (s === 0 && e === b - a) whole = ty;
    out += `${left ? '<' : ''}[${s},${e})${typeToken(t.types[ty]!)}${right ? '>' : ''}`;
    parts++;
    g = Math.min(ce, b);
  }
  if (parts === 0) return 'O';
  if (whole >= 0) return (crossing ? 'inside:' : '') + typeToken(t.types[whole]!);
  return crossing ? 'cross:' + out : out;
}

/** True for ids of labellings where an entity crosses the edges of the words. */
export function isCrossingId(id: string): boolean {
  return id.startsWith('inside:') || id.startsWith('cross:');
}

/** True for ids of "no entity" or "one entity over exactly the words" (a pure type choice). */
export function isTypeOnlyId(id: string): boolean {
  return !isCrossingId(id) && !id.startsWith('[');
}

/** The entities (clipped to the words) and the human label of the labelling at global [a, b). */
export function describeAt(
  t: CorpusTable,
  a: number,
  b: number,
  words: readonly string[],
): { chunks: VariantChunk[]; label: string } {
  const chunks: VariantChunk[] = [];
  const texts: string[] = [];
  const quote = (s: number, e: number) => `“${words.slice(s, e).join(' ')}”`;
  let g = a;
  while (g < b) {
    const ty = t.chunkType[g]!;
    if (ty < 0) {
      g++;
      continue;
    }
    const cs = t.chunkStart[g]!;
    const ce = t.chunkEnd[g]!;
    const type = t.types[ty]!;
    const s = Math.max(cs, a) - a;
    const e = Math.min(ce, b) - a;
    const crossing = cs < a || ce > b;
    chunks.push({ start: s, end: e, type });
    texts.push(`${quote(s, e)} ${crossing ? 'in a longer' : 'as'} ${typeLabel(type)}`);
    g = Math.min(ce, b);
  }
  const n = b - a;
  const only = chunks.length === 1 ? chunks[0] : undefined;
  let label: string;
  if (!only) label = chunks.length === 0 ? 'no entity' : texts.join(', ');
  else if (only.start === 0 && only.end === n) {
    label =
      t.chunkStart[a]! < a || t.chunkEnd[a]! > b
        ? `inside a longer ${typeLabel(only.type)}`
        : typeLabel(only.type);
  } else label = texts[0]!.includes(' in a longer ') ? texts[0]! : `only ${texts[0]}`;
  return { chunks, label };
}
