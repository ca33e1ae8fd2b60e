import { codePointLength } from '../format/decode';
import type { CorpusTable } from './corpus-table';
import type { ConsistencySource, Finding, Occurrence, Variant } from './types';
import { describeAt, isCrossingId, isTypeOnlyId, variantIdAt } from './variants';

/** A finding and where its first flagged occurrence is (global position), for ranking. */
export interface RankedFinding {
  readonly finding: Finding;
  readonly firstFlagged: number;
}

/** Orders findings best evidence first: score, then corpus order of the first flagged place, then id. */
export function compareRanked(x: RankedFinding, y: RankedFinding): number {
  if (x.finding.score !== y.finding.score) return y.finding.score - x.finding.score;
  if (x.firstFlagged !== y.firstFlagged) return x.firstFlagged - y.firstFlagged;
  return x.finding.id < y.finding.id ? -1 : x.finding.id > y.finding.id ? 1 : 0;
}

/**
 * Everything about the places a key's words occur that never changes (tokens never do):
 * computed once per key, and only for keys that turn out to vary, so re-checking a key after
 * an edit only re-reads tags.
 */
export interface OccurrenceDetail {
  /** Word ids left and right of each occurrence (EDGE at the sentence edge). */
  readonly left: Int32Array;
  readonly right: Int32Array;
  /** 1 where the occurrence lies in an evidence-only source. */
  readonly evidence: Uint8Array;
  readonly source: Int32Array;
  readonly sentence: Int32Array;
  readonly start: Int32Array;
  readonly line: Int32Array;
  readonly column: Int32Array;
}

/** Reads the unchanging facts about each occurrence of a key (see OccurrenceDetail). */
export function occurrenceDetail(
  t: CorpusTable,
  sources: readonly ConsistencySource[],
  n: number,
  starts: Int32Array,
): OccurrenceDetail {
  const len = starts.length;
  const o = {
    left: new Int32Array(len),
    right: new Int32Array(len),
    evidence: new Uint8Array(len),
    source: new Int32Array(len),
    sentence: new Int32Array(len),
    start: new Int32Array(len),
    line: new Int32Array(len),
    column: new Int32Array(len),
  };
  for (let i = 0; i < len; i++) {
    const a = starts[i]!;
    const gs = t.sentOf[a]!;
    const source = t.sentSource[gs]!;
    const src = sources[source]!;
    const k = a - t.base[source]!;
    const line = src.doc.tokens.line[k]!;
    const from = src.doc.lineStarts[line - 1] ?? 0;
    const to = src.doc.tokens.tokenStart[k]!;
    o.left[i] = t.leftOf(a);
    o.right[i] = t.rightOf(a + n);
    o.evidence[i] = src.evidenceOnly ? 1 : 0;
    o.source[i] = source;
    o.sentence[i] = t.sentIndex[gs]!;
    o.start[i] = a - t.sentFirst[gs]!;
    o.line[i] = line;
    o.column[i] = to === from ? 1 : codePointLength(src.doc.text.slice(from, to)) + 1;
  }
  return o;
}

/** The variant id of every occurrence of a key, from the current tags. */
export function variantIdsOf(t: CorpusTable, n: number, starts: Int32Array): string[] {
  const out = new Array<string>(starts.length);
  for (let i = 0; i < starts.length; i++) out[i] = variantIdAt(t, starts[i]!, starts[i]! + n);
  return out;
}

/**
 * Re-reads the variant ids of the occurrences that start in global [first, end) (one
 * sentence); true when one changed.
 */
export function refreshVariantIds(
  t: CorpusTable,
  n: number,
  starts: Int32Array,
  labels: string[],
  first: number,
  end: number,
): boolean {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! < first) lo = mid + 1;
    else hi = mid;
  }
  let changed = false;
  for (let i = lo; i < starts.length && starts[i]! < end; i++) {
    const id = variantIdAt(t, starts[i]!, starts[i]! + n);
    if (id !== labels[i]) {
      labels[i] = id;
      changed = true;
    }
  }
  return changed;
}

/**
 * Mean, over the occurrences `others`, of how well each one's neighbours match some occurrence
 * in `group`: 1 when both the left and the right token match, ½ for one side, 0 for none.
 * The sentence edge counts as a token, so two sentence-initial occurrences share their left.
 * The group is usually the large majority, so it is scanned once against sets of the others.
 */
function contextAgreement(
  occ: OccurrenceDetail,
  group: readonly number[],
  others: readonly number[],
  span: number,
): number {
  if (others.length === 0) return 0;
  const pair = (i: number) => (occ.left[i]! + 1) * span + (occ.right[i]! + 1);
  const lefts = new Set<number>();
  const rights = new Set<number>();
  const pairs = new Set<number>();
  for (const i of others) {
    lefts.add(occ.left[i]!);
    rights.add(occ.right[i]!);
    pairs.add(pair(i));
  }
  const seenL = new Set<number>();
  const seenR = new Set<number>();
  const seenP = new Set<number>();
  for (const i of group) {
    if (lefts.has(occ.left[i]!)) seenL.add(occ.left[i]!);
    if (rights.has(occ.right[i]!)) seenR.add(occ.right[i]!);
    if (pairs.has(pair(i))) seenP.add(pair(i));
  }
  let sum = 0;
  for (const i of others) {
    if (seenP.has(pair(i))) sum += 1;
    else if (seenL.has(occ.left[i]!) || seenR.has(occ.right[i]!)) sum += 0.5;
  }
  return sum / others.length;
}

/**
 * Builds the finding for the words `ids` occurring at global positions `starts`, labelled
 * `labels` (variant ids), or null when they are labelled consistently. `detailOf` is asked
 * only when they are not. Scoring (the ranking of findings):
 *
 *   score = share × (1 + context) / 2
 *
 * - share: occurrences with the suggested labelling / occurrences considered. Considered are
 *   those no entity crosses the edges of (one inside "New York" says nothing about "York").
 * - context: mean, over the flagged occurrences, of their best neighbour match with an
 *   occurrence of the suggested labelling (1 = same left and right token, ½ = one side).
 *   Variation in identical contexts is the classic sign of an error (Dickinson & Meurers 2003);
 *   without it, the score is halved rather than zeroed, as majority alone is still evidence.
 *
 * Suggested: the considered labelling with the most occurrences; ties go to the one whose
 * contexts the others share most, then to the smaller id. Flagged: considered occurrences
 * with another labelling, outside evidence-only sources. No flagged occurrence, no finding.
 */
export function buildFinding(
  t: CorpusTable,
  ids: readonly number[],
  starts: Int32Array,
  labels: readonly string[],
  detailOf: () => OccurrenceDetail,
): Finding | null {
  const n = ids.length;
  if (starts.length < 2) return null;
  const index = new Map<string, number>();
  const vid: string[] = [];
  const rep: number[] = [];
  const members: number[][] = [];
  const occV = new Int32Array(starts.length);
  let last = '';
  let lastV = -1;
  for (let i = 0; i < starts.length; i++) {
    const id = labels[i]!;
    let v = id === last ? lastV : index.get(id);
    if (v === undefined) {
      v = vid.length;
      index.set(id, v);
      vid.push(id);
      rep.push(starts[i]!);
      members.push([]);
    }
    last = id;
    lastV = v;
    members[v]!.push(i);
    occV[i] = v;
  }
  const considered: number[] = [];
  for (let v = 0; v < vid.length; v++) if (!isCrossingId(vid[v]!)) considered.push(v);
  if (considered.length < 2) return null;
  const occ = detailOf();
  const disagreeing = (v: number) => {
    const out: number[] = [];
    for (const w of considered) {
      if (w !== v) for (const i of members[w]!) if (occ.evidence[i] === 0) out.push(i);
    }
    return out;
  };
  const ctxOf = new Map<number, number>();
  const ctx = (v: number) => {
    let c = ctxOf.get(v);
    if (c === undefined) {
      c = contextAgreement(occ, members[v]!, disagreeing(v), t.words.length + 1);
      ctxOf.set(v, c);
    }
    return c;
  };
  const suggested = considered.reduce((best, v) => {
    const d = members[v]!.length - members[best]!.length;
    if (d !== 0) return d > 0 ? v : best;
    const c = ctx(v) - ctx(best);
    if (c !== 0) return c > 0 ? v : best;
    return vid[v]! < vid[best]! ? v : best;
  });
  const flagged = disagreeing(suggested);
  if (flagged.length === 0) return null;
  const total = considered.reduce((s, v) => s + members[v]!.length, 0);
  const score = (members[suggested]!.length / total) * ((1 + ctx(suggested)) / 2);

  const words = ids.map((w) => t.display[w]!);
  const order = vid.map((_, v) => v);
  order.sort((x, y) => members[y]!.length - members[x]!.length || (vid[x]! < vid[y]! ? -1 : 1));
  const remap = new Int32Array(vid.length);
  order.forEach((v, k) => (remap[v] = k));
  const variants: Variant[] = order.map((v) => {
    const { chunks, label } = describeAt(t, rep[v]!, rep[v]! + n, words);
    const id = vid[v]!;
    return { id, label, chunks, crossing: isCrossingId(id), count: members[v]!.length };
  });
  const isFlagged = new Uint8Array(starts.length);
  for (const i of flagged) isFlagged[i] = 1;
  const occurrences: Occurrence[] = new Array<Occurrence>(starts.length);
  for (let i = 0; i < starts.length; i++) {
    occurrences[i] = {
      source: occ.source[i]!,
      sentence: occ.sentence[i]!,
      start: occ.start[i]!,
      end: occ.start[i]! + n,
      variant: remap[occV[i]!]!,
      flagged: isFlagged[i] === 1,
      line: occ.line[i]!,
      column: occ.column[i]!,
    };
  }
  const kind = considered.every((v) => isTypeOnlyId(vid[v]!)) ? 'type' : 'boundary';
  const finding: Omit<Finding, 'message'> = {
    id: JSON.stringify(ids.map((w) => t.words[w]!)),
    kind,
    code: kind === 'type' ? 'W_INCONSISTENT_TYPE' : 'W_INCONSISTENT_BOUNDARY',
    words,
    folded: t.fold,
    variants,
    occurrences,
    suggested: remap[suggested]!,
    score,
    considered: total,
  };
  return { ...finding, message: findingMessage(finding) };
}

/** One line about a whole finding: its labellings with counts and the suggestion. */
function findingMessage(f: Omit<Finding, 'message'>): string {
  const parts = f.variants.filter((v) => !v.crossing).map((v) => `${v.label} in ${v.count}`);
  const inside = f.variants.filter((v) => v.crossing).reduce((s, v) => s + v.count, 0);
  const also = inside > 0 ? `; also part of a longer entity in ${inside}` : '';
  const suggested = f.variants[f.suggested]!;
  return `"${f.words.join(' ')}" is ${parts.join(', ')} of ${f.considered} places${also}; suggested: ${suggested.label} (score ${f.score.toFixed(2)})`;
}

/** The message for one occurrence: what it is here, what is suggested, with counts and score. */
export function occurrenceMessage(f: Finding, o: Occurrence): string {
  const found = f.variants[o.variant]!;
  const suggested = f.variants[f.suggested]!;
  return `"${f.words.join(' ')}" is ${found.label} here but ${suggested.label} in ${suggested.count} of ${f.considered} places (score ${f.score.toFixed(2)})`;
}
