import type { CorpusDocument } from '../model/document';
import { extractChunks } from '../scheme/chunks';
import { runSteps, STEP_SIZES, type Steps } from './steps';
import type { ConsistencySource } from './types';

/**
 * The form under which words are compared: lower case, and a Latin-letter word (a-z only) of
 * 4+ letters ending in a plain "s" (not "ss", "us", "is") loses it. So "Networks", "networks"
 * and "network" are one word: the sample's `network` (Application) and `networks` (O) are the
 * variation the annotator needs to see. Context and the score still tell a real error from a
 * homograph. Words with digits, apostrophes or other signs ("1990s", "it's") keep their "s".
 */
export function foldWord(word: string): string {
  const w = word.toLowerCase();
  return w.length >= 4 && /^[a-z]+[a-hj-rtv-z]s$/.test(w) ? w.slice(0, -1) : w;
}

/** Context value standing for the sentence edge (token ids are ≥ 0). */
export const EDGE = -1;

/**
 * The corpus as flat integer arrays. Tokens never change, only tags, so the token ids, the
 * sentence layout and the posting lists (word → positions) are built once; only the per-token
 * entity arrays are rewritten when a sentence's tags change.
 *
 * A global position g numbers every token of every source: g = base[source] + token-table index.
 */
export class CorpusTable {
  /** Word text by id, and id by text (folded with `foldWord`, or exact when folding is off). */
  readonly words: string[] = [];
  /**
   * How each word is shown: its most frequent form in the corpus, the first met of equals
   * (the sample's "network" ×6 over "networks" ×4 and "Networks" ×1). Without folding, the word.
   */
  readonly display: string[] = [];
  private readonly wordIds = new Map<string, number>();
  /** While building: each distinct token text, its word id and count (folded once per text). */
  private rawIds: Map<string, number> | null = new Map();
  private rawText: string[] = [];
  private rawWord: number[] = [];
  private rawCount: number[] = [];
  /** Word id at each global position. */
  readonly tok: Int32Array;
  /** Global sentence index at each global position; -1 for tokens of quarantined sentences. */
  readonly sentOf: Int32Array;
  /** Per global sentence: source, index in its document, first and end global positions. */
  readonly sentSource: Int32Array;
  readonly sentIndex: Int32Array;
  readonly sentFirst: Int32Array;
  readonly sentEnd: Int32Array;
  /** First global position and first global sentence of each source. */
  readonly base: number[] = [];
  readonly sentBase: number[] = [];
  /**
   * Positions of each word (outside quarantined sentences): post[postOff[w] .. postOff[w+1]).
   * Set once, at the end of the build (`CorpusTable.build`).
   */
  post: Int32Array = new Int32Array(0);
  postOff: Int32Array = new Int32Array(1);
  /** Per global position: the entity covering it (global [start, end) and type id), type -1 = O. */
  readonly chunkStart: Int32Array;
  readonly chunkEnd: Int32Array;
  readonly chunkType: Int32Array;
  /** Entity type names by id. */
  readonly types: string[] = [];
  private readonly typeIds = new Map<string, number>();

  /** Builds the table at once (`CorpusTable.build` can stop between steps). */
  static of(sources: readonly ConsistencySource[], fold = true): CorpusTable {
    return runSteps(CorpusTable.build(sources, fold));
  }

  /** Builds the table, yielding every few thousand tokens (see `Steps`). */
  static *build(
    sources: readonly ConsistencySource[],
    fold = true,
    every = STEP_SIZES.tokens,
  ): Steps<CorpusTable> {
    const table = new CorpusTable(sources, fold);
    yield* table.fill(sources, Math.max(1, every));
    return table;
  }

  /** Sizes the arrays; `fill` reads the corpus into them. */
  private constructor(
    sources: readonly ConsistencySource[],
    /** Whether words are compared folded (see foldWord). */
    readonly fold: boolean,
  ) {
    let tokens = 0;
    let sentences = 0;
    for (const s of sources) {
      this.base.push(tokens);
      this.sentBase.push(sentences);
      tokens += s.doc.tokens.tokenStart.length;
      sentences += s.doc.sentences.length;
    }
    this.tok = new Int32Array(tokens);
    this.sentOf = new Int32Array(tokens).fill(-1);
    this.sentSource = new Int32Array(sentences);
    this.sentIndex = new Int32Array(sentences);
    this.sentFirst = new Int32Array(sentences);
    this.sentEnd = new Int32Array(sentences);
    this.chunkStart = new Int32Array(tokens).fill(-1);
    this.chunkEnd = new Int32Array(tokens).fill(-1);
    this.chunkType = new Int32Array(tokens).fill(-1);
  }

  private *fill(sources: readonly ConsistencySource[], every: number): Steps<void> {
    for (let si = 0; si < sources.length; si++) yield* this.intern(sources[si]!.doc, si, every);
    this.chooseDisplay();
    yield;
    const tokens = this.tok.length;
    const counts = new Int32Array(this.words.length + 1);
    for (let g = 0; g < tokens; g++) {
      if (g % every === every - 1) yield;
      if (this.sentOf[g]! >= 0) counts[this.tok[g]! + 1]! += 1;
    }
    for (let w = 1; w < counts.length; w++) counts[w]! += counts[w - 1]!;
    yield;
    const post = new Int32Array(counts[counts.length - 1]!);
    const next = counts.slice(0, -1);
    for (let g = 0; g < tokens; g++) {
      if (g % every === every - 1) yield;
      if (this.sentOf[g]! >= 0) post[next[this.tok[g]!]!++] = g;
    }
    this.postOff = counts;
    this.post = post;
  }

  private *intern(doc: CorpusDocument, source: number, every: number): Steps<void> {
    const { text, tokens } = doc;
    const base = this.base[source]!;
    const sbase = this.sentBase[source]!;
    for (let k = 0; k < tokens.tokenStart.length; k++) {
      if (k % every === every - 1) yield;
      const raw = text.slice(tokens.tokenStart[k], tokens.tokenEnd[k]);
      let r = this.rawIds!.get(raw);
      if (r === undefined) {
        r = this.rawText.length;
        this.rawIds!.set(raw, r);
        this.rawText.push(raw);
        this.rawWord.push(this.wordId(this.fold ? foldWord(raw) : raw));
        this.rawCount.push(0);
      }
      this.rawCount[r]! += 1;
      this.tok[base + k] = this.rawWord[r]!;
    }
    yield;
    for (let i = 0; i < doc.sentences.length; i++) {
      if (i % every === every - 1) yield;
      const s = doc.sentences[i]!;
      const gs = sbase + i;
      this.sentSource[gs] = source;
      this.sentIndex[gs] = i;
      this.sentFirst[gs] = base + s.first;
      this.sentEnd[gs] = base + s.first + s.length;
      // Quarantined sentences lost their malformed lines, so their tokens are left out.
      if (!s.quarantined) this.sentOf.fill(gs, base + s.first, base + s.first + s.length);
    }
  }

  private wordId(w: string): number {
    let id = this.wordIds.get(w);
    if (id === undefined) {
      id = this.words.length;
      this.words.push(w);
      this.display.push(w);
      this.wordIds.set(w, id);
    }
    return id;
  }

  /** Sets each word's display form to its most frequent text, then drops the build-time maps. */
  private chooseDisplay(): void {
    const best = new Int32Array(this.words.length);
    // Texts in first-met order, so a strict > keeps the first met of equal counts.
    for (let r = 0; r < this.rawText.length; r++) {
      const w = this.rawWord[r]!;
      if (this.rawCount[r]! > best[w]!) {
        best[w] = this.rawCount[r]!;
        this.display[w] = this.rawText[r]!;
      }
    }
    this.rawIds = null;
    this.rawText = [];
    this.rawWord = [];
    this.rawCount = [];
  }

  /** Id of an entity type, interned on first sight. */
  typeId(type: string): number {
    let id = this.typeIds.get(type);
    if (id === undefined) {
      id = this.types.length;
      this.types.push(type);
      this.typeIds.set(type, id);
    }
    return id;
  }

  /**
   * Reads the entities of one sentence into the per-token arrays and returns them as global
   * [start, end) pairs (flat). Nothing for quarantined sentences.
   */
  setChunks(doc: CorpusDocument, gs: number): number[] {
    const s = doc.sentences[this.sentIndex[gs]!];
    const first = this.sentFirst[gs]!;
    const end = this.sentEnd[gs]!;
    if (!s || s.quarantined) return [];
    this.chunkType.fill(-1, first, end);
    const out: number[] = [];
    for (const c of extractChunks(s.tags, doc.scheme.rules)) {
      const a = first + c.start;
      const b = first + c.end;
      this.chunkStart.fill(a, a, b);
      this.chunkEnd.fill(b, a, b);
      this.chunkType.fill(this.typeId(c.type), a, b);
      out.push(a, b);
    }
    return out;
  }

  /** The key of the words at [a, b): their ids joined by commas. */
  keyAt(a: number, b: number): string {
    let k = String(this.tok[a]);
    for (let g = a + 1; g < b; g++) k += ',' + this.tok[g];
    return k;
  }

  /** Start positions of every occurrence (outside quarantined sentences) of a word-id sequence, ascending. */
  occurrences(ids: readonly number[]): Int32Array {
    const n = ids.length;
    // Scan the rarest word's postings and check the others around it.
    let k = 0;
    let best = Infinity;
    for (let j = 0; j < n; j++) {
      const len = this.postOff[ids[j]! + 1]! - this.postOff[ids[j]!]!;
      if (len < best) {
        best = len;
        k = j;
      }
    }
    const from = this.postOff[ids[k]!]!;
    const to = this.postOff[ids[k]! + 1]!;
    if (n === 1) return this.post.subarray(from, to);
    const out: number[] = [];
    outer: for (let p = from; p < to; p++) {
      const g = this.post[p]!;
      const a = g - k;
      const gs = this.sentOf[g]!;
      if (a < this.sentFirst[gs]! || a + n > this.sentEnd[gs]!) continue;
      for (let j = 0; j < n; j++) if (this.tok[a + j] !== ids[j]) continue outer;
      out.push(a);
    }
    return Int32Array.from(out);
  }

  /** The word left of position a and right of position b - 1 in their sentence (EDGE at the edge). */
  leftOf(a: number): number {
    return a > this.sentFirst[this.sentOf[a]!]! ? this.tok[a - 1]! : EDGE;
  }

  /** See leftOf. */
  rightOf(b: number): number {
    return b < this.sentEnd[this.sentOf[b - 1]!]! ? this.tok[b]! : EDGE;
  }
}
