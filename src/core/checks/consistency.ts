import { codePointLength } from '../format/decode';
import type { CorpusDocument } from '../model/document';
import { CorpusTable } from './corpus-table';
import { runSteps, runStepsPausing, STEP_SIZES, type StepSizes, type Steps } from './steps';
import {
  buildFinding,
  compareRanked,
  occurrenceDetail,
  refreshVariantIds,
  variantIdsOf,
  type OccurrenceDetail,
  type RankedFinding,
} from './findings';
import type { ConsistencyOptions, ConsistencySource, Finding } from './types';

export type {
  ConsistencyOptions,
  ConsistencySource,
  Finding,
  Occurrence,
  Variant,
  VariantChunk,
} from './types';
export { occurrenceMessage } from './findings';
export { applyVariant, variantTags } from './apply-variant';

/** Default longest entity (tokens) whose words are checked. */
export const DEFAULT_MAX_KEY_LENGTH = 8;

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * Which entity texts are worth a key. Punctuation-only keys ("(", "--") and single tokens of
 * one character ("a", "I", "5", one Chinese character) recur everywhere in unrelated uses, so
 * their variation floods the results with noise and costs the longest occurrence scans.
 */
function keyWorthChecking(words: readonly string[]): boolean {
  if (!words.some((w) => LETTER_OR_DIGIT.test(w))) return false;
  return !(words.length === 1 && codePointLength(words[0]!) <= 1);
}

interface KeyState {
  readonly key: string;
  readonly ids: readonly number[];
  readonly worth: boolean;
  /** Entities (outside quarantined sentences) whose words are exactly this key. */
  anchors: number;
  /** Where the words occur (global positions): fixed, since tokens never change. */
  starts: Int32Array | null;
  /** Context, place and line of each occurrence, once the key is found to vary. */
  detail: OccurrenceDetail | null;
  /** The variant id of each occurrence as of the last check; only changed sentences are re-read. */
  labels: string[] | null;
}

/** Incremental: built once, then told which sentences of which source changed. */
export class ConsistencyIndex {
  private readonly table: CorpusTable;
  private readonly sources: ConsistencySource[];
  private readonly maxLength: number;
  private readonly keys = new Map<string, KeyState>();
  private readonly live = new Map<string, RankedFinding>();
  /** The ranked findings as of the last findings() call, and what changed since. */
  private ranked: RankedFinding[] = [];
  private readonly added: RankedFinding[] = [];
  private readonly dropped = new Set<RankedFinding>();
  private sorted: Finding[] | null = null;

  /**
   * Builds the index at once (`ConsistencyIndex.build` can pause between steps). `table` is for
   * `build` only: with it, the index is left empty for `build` to fill.
   */
  constructor(
    sources: readonly ConsistencySource[],
    options: ConsistencyOptions = {},
    table?: CorpusTable,
  ) {
    this.sources = sources.slice();
    this.maxLength = Math.max(1, Math.floor(options.maxLength ?? DEFAULT_MAX_KEY_LENGTH));
    this.table = table ?? CorpusTable.of(this.sources, options.fold ?? true);
    if (!table) runSteps(this.index(STEP_SIZES));
  }

  /**
   * Builds the index like the constructor, calling `pause` whenever `due()` says so at one of
   * the points the work can stop (a few ms apart): the worker stops while the user types.
   */
  static async build(
    sources: readonly ConsistencySource[],
    options: ConsistencyOptions,
    due: () => boolean,
    pause: () => Promise<void>,
    every: StepSizes = STEP_SIZES,
  ): Promise<ConsistencyIndex> {
    const all = sources.slice();
    const table = await runStepsPausing(
      CorpusTable.build(all, options.fold ?? true, every.tokens),
      due,
      pause,
    );
    const index = new ConsistencyIndex(all, options, table);
    await runStepsPausing(index.index(every), due, pause);
    return index;
  }

  /** Counts the entities of every sentence, then checks every key (the build's second half). */
  private *index(every: StepSizes): Steps<void> {
    const t = this.table;
    const sentences = Math.max(1, every.sentences);
    const keys = Math.max(1, every.keys);
    for (let gs = 0; gs < t.sentSource.length; gs++) {
      if (gs % sentences === sentences - 1) yield;
      const doc = this.sources[t.sentSource[gs]!]!.doc;
      const pairs = t.setChunks(doc, gs);
      for (let p = 0; p < pairs.length; p += 2) this.anchor(pairs[p]!, pairs[p + 1]!, 1);
    }
    let n = 0;
    for (const state of this.keys.values()) {
      if (++n % keys === 0) yield;
      this.refresh(state);
    }
  }

  /** All current findings, ranked best evidence first (score, then corpus order, then id). */
  findings(): Finding[] {
    if (this.added.length > 0 || this.dropped.size > 0) {
      const added = this.added.filter((r) => !this.dropped.has(r));
      const kept = this.ranked.filter((r) => !this.dropped.has(r));
      // After an edit a handful of findings change: insert them instead of sorting thousands.
      if (added.length > 64) this.ranked = [...kept, ...added].sort(compareRanked);
      else {
        for (const r of added) kept.splice(insertionPoint(kept, r), 0, r);
        this.ranked = kept;
      }
      this.added.length = 0;
      this.dropped.clear();
      this.sorted = null;
    }
    this.sorted ??= this.ranked.map((r) => r.finding);
    return this.sorted.slice();
  }

  /**
   * Takes the new version of source `source` (an edit of the same file: same tokens) and
   * re-checks the words that occur in the changed sentences. Sentences whose object changed are
   * re-read too, so a missed index in `changedSentences` cannot leave stale findings.
   */
  update(source: number, doc: CorpusDocument, changedSentences: readonly number[]): void {
    const src = this.sources[source];
    if (!src) throw new RangeError(`no source ${source}`);
    const old = src.doc;
    if (
      doc.sentences.length !== old.sentences.length ||
      doc.tokens.tokenStart.length !== old.tokens.tokenStart.length
    ) {
      throw new Error('ConsistencyIndex.update expects an edited version of the same document');
    }
    this.sources[source] = { ...src, doc };
    const changed = new Set<number>();
    for (const i of changedSentences) if (i >= 0 && i < doc.sentences.length) changed.add(i);
    for (let i = 0; i < doc.sentences.length; i++) {
      if (doc.sentences[i] !== old.sentences[i]) changed.add(i);
    }
    const t = this.table;
    const touched: number[] = [];
    for (const i of changed) {
      const gs = t.sentBase[source]! + i;
      const first = t.sentFirst[gs]!;
      const end = t.sentEnd[gs]!;
      if (first === end || t.sentOf[first] !== gs) continue; // empty or quarantined
      touched.push(gs);
      for (let g = first; g < end; g++) {
        if (t.chunkType[g]! >= 0 && t.chunkStart[g] === g) this.anchor(g, t.chunkEnd[g]!, -1);
      }
      const pairs = t.setChunks(doc, gs);
      for (let p = 0; p < pairs.length; p += 2) this.anchor(pairs[p]!, pairs[p + 1]!, 1);
    }
    // Every key that occurs in a changed sentence is one of its n-grams: look them all up.
    const affected = new Set<KeyState>();
    for (const gs of touched) {
      const end = t.sentEnd[gs]!;
      for (let a = t.sentFirst[gs]!; a < end; a++) {
        let key = '';
        for (let b = a + 1; b <= end && b - a <= this.maxLength; b++) {
          key += (b === a + 1 ? '' : ',') + t.tok[b - 1];
          const state = this.keys.get(key);
          if (state) affected.add(state);
        }
      }
    }
    for (const state of affected) this.refresh(state, touched);
  }

  /** Counts one more (or one fewer) entity over global [a, b). */
  private anchor(a: number, b: number, delta: number): void {
    if (b - a > this.maxLength) return;
    const key = this.table.keyAt(a, b);
    let state = this.keys.get(key);
    if (!state) {
      const ids = Array.from(this.table.tok.subarray(a, b));
      const worth = keyWorthChecking(ids.map((w) => this.table.words[w]!));
      state = { key, ids, worth, anchors: 0, starts: null, detail: null, labels: null };
      this.keys.set(key, state);
    }
    state.anchors += delta;
  }

  /**
   * Re-checks one key. With `sentences` (global indices) and an earlier check, only the
   * occurrences in those sentences are re-read, and the finding is rebuilt only if one of them
   * changed: an edit next to a frequent word leaves that word's (large) finding alone.
   */
  private refresh(state: KeyState, sentences?: readonly number[]): void {
    if (state.anchors <= 0) {
      this.drop(state.key);
      this.keys.delete(state.key);
      return;
    }
    if (!state.worth) return;
    const t = this.table;
    const n = state.ids.length;
    if (state.starts && state.labels && sentences) {
      let changed = false;
      for (const gs of sentences) {
        const [first, end] = [t.sentFirst[gs]!, t.sentEnd[gs]!];
        if (refreshVariantIds(t, n, state.starts, state.labels, first, end)) changed = true;
      }
      if (!changed) return;
    } else {
      state.starts ??= t.occurrences(state.ids);
      state.labels = variantIdsOf(t, n, state.starts);
    }
    this.drop(state.key);
    const starts = state.starts;
    const finding = buildFinding(t, state.ids, starts, state.labels, () => {
      state.detail ??= occurrenceDetail(t, this.sources, n, starts);
      return state.detail;
    });
    if (!finding) return;
    const o = finding.occurrences.find((x) => x.flagged)!;
    const firstFlagged = t.sentFirst[t.sentBase[o.source]! + o.sentence]! + o.start;
    const ranked = { finding, firstFlagged };
    this.live.set(state.key, ranked);
    this.added.push(ranked);
  }

  private drop(key: string): void {
    const old = this.live.get(key);
    if (!old) return;
    this.live.delete(key);
    this.dropped.add(old);
  }
}

/** Where `r` goes in the ranked list `list` (after its equals; ids make ties impossible). */
function insertionPoint(list: readonly RankedFinding[], r: RankedFinding): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareRanked(list[mid]!, r) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Finds inconsistently labelled words across all sources as one corpus, best evidence first. */
export function analyzeConsistency(
  sources: readonly ConsistencySource[],
  options?: ConsistencyOptions,
): Finding[] {
  return new ConsistencyIndex(sources, options).findings();
}
