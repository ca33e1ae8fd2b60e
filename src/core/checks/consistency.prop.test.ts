import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  clearSpan,
  labelSpan,
  relabelEntity,
  removeEntity,
  revertSentence,
  type Transaction,
} from '../edit/commands';
import { applyTransaction } from '../edit/history';
import { parse } from '../format/parse';
import { sentenceTokens, type CorpusDocument } from '../model/document';
import { extractChunks, type Chunk } from '../scheme/chunks';
import { SCHEMES } from '../scheme/schemes';
import {
  analyzeConsistency,
  applyVariant,
  ConsistencyIndex,
  type ConsistencySource,
  type Finding,
} from './consistency';
import { foldWord } from './corpus-table';

// A small vocabulary makes words recur; "," and "x" exercise the key filters; "Net", "nets",
// "NETS" are "net" folded, "Ab" is "ab", "bus" keeps its "s" (too short).
const WORDS = ['net', 'Net', 'nets', 'NETS', 'ab', 'Ab', 'bus', ',', 'x'];
// Raw tags, valid or not in the scheme: stray I-, E- and S- give odd entity shapes; "B" has
// an empty type and "I-O" a type named O.
const TAGS = [
  'O',
  'O',
  'O',
  'O',
  'B-X',
  'I-X',
  'E-X',
  'S-Y',
  'B-Y',
  'I-Y',
  'L-Y',
  'U-X',
  'B',
  'I-O',
];

const sentenceArb = fc.array(fc.tuple(fc.nat(WORDS.length - 1), fc.nat(TAGS.length - 1)), {
  minLength: 1,
  maxLength: 7,
});
const sourceArb = fc.record({
  scheme: fc.constantFrom(...SCHEMES),
  sentences: fc.array(sentenceArb, { minLength: 1, maxLength: 6 }),
  evidenceOnly: fc.boolean(),
  // Sometimes one sentence gets a malformed line (an extra column): it is quarantined.
  quarantine: fc.option(fc.nat(5), { freq: 4 }),
});
type SourceSpec = typeof sourceArb extends fc.Arbitrary<infer T> ? T : never;

function buildSource(spec: SourceSpec, i: number): ConsistencySource {
  const text = spec.sentences
    .map((s, si) =>
      s
        .map(([w, t], k) => {
          const extra = spec.quarantine === si && k === 0 ? '\tq' : '';
          return `${WORDS[w]}\t${TAGS[t]}${extra}\n`;
        })
        .join(''),
    )
    .join('\n');
  const doc = parse(new TextEncoder().encode(text), { scheme: spec.scheme }).document;
  return { name: `s${i}`, doc, evidenceOnly: spec.evidenceOnly };
}

const editArb = fc.tuple(
  fc.constantFrom('label', 'clear', 'remove', 'relabel', 'revert', 'suggest', 'variant'),
  fc.nat(20),
  fc.nat(20),
  fc.nat(20),
  fc.integer({ min: 1, max: 4 }),
  fc.constantFrom('X', 'Y', 'Z'),
);
type Edit = typeof editArb extends fc.Arbitrary<infer T> ? T : never;

function edit(
  sources: readonly ConsistencySource[],
  findingsNow: () => readonly Finding[],
  [kind, k, si, at, len, type]: Edit,
): { source: number; tr: Transaction | null } {
  const source = k % sources.length;
  const doc = sources[source]!.doc;
  const s = si % doc.sentences.length;
  const n = doc.sentences[s]!.length;
  const a = at % Math.max(1, n);
  const b = Math.min(n, a + len);
  const pick = () => {
    const findings = findingsNow();
    return findings[k % Math.max(1, findings.length)];
  };
  switch (kind) {
    case 'label':
      return { source, tr: labelSpan(doc, s, a, b, type) };
    case 'clear':
      return { source, tr: clearSpan(doc, s, a, b) };
    case 'remove':
      return { source, tr: removeEntity(doc, s, a) };
    case 'relabel':
      return { source, tr: relabelEntity(doc, s, a, type) };
    case 'revert':
      return { source, tr: revertSentence(doc, s) };
    case 'suggest': {
      const f = pick();
      if (!f) return { source, tr: null };
      const flagged = f.occurrences.filter((o) => o.flagged && o.source === source);
      return { source, tr: applyVariant(doc, f, f.suggested, flagged) };
    }
    case 'variant': {
      const f = pick();
      if (!f) return { source, tr: null };
      const mine = f.occurrences.filter((o) => o.source === source);
      return { source, tr: applyVariant(doc, f, at % f.variants.length, mine) };
    }
  }
}

// ---- A deliberately simple, slow reference: every n-gram of every sentence, compared as strings
// (folded with foldWord unless fold is false).

const typeToken = (t: string) =>
  t !== 'O' && /^[\p{L}\p{N}_.-]+$/u.test(t) ? t : JSON.stringify(t);

function variantId(chunks: readonly Chunk[], start: number, n: number): string {
  const end = start + n;
  const over = chunks.filter((c) => c.start < end && c.end > start);
  if (over.length === 0) return 'O';
  const crossing = over.some((c) => c.start < start || c.end > end);
  const only = over[0]!;
  if (over.length === 1 && only.start <= start && only.end >= end) {
    return (crossing ? 'inside:' : '') + typeToken(only.type);
  }
  const parts = over.map(
    (c) =>
      `${c.start < start ? '<' : ''}[${Math.max(c.start, start) - start},${Math.min(c.end, end) - start})${typeToken(c.type)}${c.end > end ? '>' : ''}`,
  );
  return (crossing ? 'cross:' : '') + parts.join('');
}

const crossingId = (id: string) => id.startsWith('inside:') || id.startsWith('cross:');

interface RefOccurrence {
  readonly source: number;
  readonly sentence: number;
  readonly start: number;
  readonly id: string;
  readonly crossing: boolean;
  readonly evidence: boolean;
  readonly left: string | null;
  readonly right: string | null;
}

function reference(sources: readonly ConsistencySource[], fold: boolean, maxLength = 8) {
  const form = fold ? foldWord : (w: string) => w;
  // Shown form of each compared word: its most frequent token text, the first met of equals.
  const seen = new Map<string, number>();
  for (const src of sources) {
    for (let k = 0; k < src.doc.tokens.tokenStart.length; k++) {
      const w = src.doc.text.slice(src.doc.tokens.tokenStart[k], src.doc.tokens.tokenEnd[k]);
      seen.set(w, (seen.get(w) ?? 0) + 1);
    }
  }
  const shown = new Map<string, string>();
  for (const [w, n] of seen) {
    const cur = shown.get(form(w));
    if (cur === undefined || n > seen.get(cur)!) shown.set(form(w), w);
  }
  const sents = sources.flatMap((src, source) =>
    src.doc.sentences.flatMap((s, sentence) =>
      s.quarantined
        ? []
        : [
            {
              source,
              sentence,
              tokens: sentenceTokens(src.doc, s).map(form),
              chunks: extractChunks(s.tags, src.doc.scheme.rules),
            },
          ],
    ),
  );
  const keys = new Map<string, string[]>();
  for (const s of sents) {
    for (const c of s.chunks) {
      const words = s.tokens.slice(c.start, c.end);
      const worth =
        words.some((w) => /[\p{L}\p{N}]/u.test(w)) &&
        !(words.length === 1 && [...words[0]!].length <= 1);
      if (words.length <= maxLength && worth) keys.set(JSON.stringify(words), words);
    }
  }
  const out = [];
  for (const [key, words] of keys) {
    const n = words.length;
    const occs: RefOccurrence[] = [];
    for (const s of sents) {
      for (let i = 0; i + n <= s.tokens.length; i++) {
        if (s.tokens.slice(i, i + n).join('\u0000') !== words.join('\u0000')) continue;
        const id = variantId(s.chunks, i, n);
        occs.push({
          source: s.source,
          sentence: s.sentence,
          start: i,
          id,
          crossing: crossingId(id),
          evidence: sources[s.source]!.evidenceOnly,
          left: i > 0 ? s.tokens[i - 1]! : null,
          right: i + n < s.tokens.length ? s.tokens[i + n]! : null,
        });
      }
    }
    const count = (id: string) => occs.filter((o) => o.id === id).length;
    const considered = [...new Set(occs.filter((o) => !o.crossing).map((o) => o.id))];
    if (considered.length < 2) continue;
    const ctx = (id: string) => {
      const others = occs.filter((o) => !o.crossing && o.id !== id && !o.evidence);
      if (others.length === 0) return 0;
      const group = occs.filter((o) => o.id === id);
      let sum = 0;
      for (const o of others) {
        sum += Math.max(
          ...group.map((g) => (o.left === g.left ? 0.5 : 0) + (o.right === g.right ? 0.5 : 0)),
        );
      }
      return sum / others.length;
    };
    const [suggested] = [...considered].sort(
      (x, y) => count(y) - count(x) || ctx(y) - ctx(x) || (x < y ? -1 : 1),
    );
    const flagged = (o: RefOccurrence) => !o.crossing && o.id !== suggested && !o.evidence;
    const first = occs.find(flagged);
    if (!first) continue;
    const total = occs.filter((o) => !o.crossing).length;
    const variants = [...new Set(occs.map((o) => o.id))].sort(
      (x, y) => count(y) - count(x) || (x < y ? -1 : 1),
    );
    out.push({
      id: key,
      kind: considered.every((id) => !id.startsWith('[')) ? 'type' : 'boundary',
      score: (count(suggested!) / total) * ((1 + ctx(suggested!)) / 2),
      suggested,
      variants: variants.map((id) => [id, count(id), crossingId(id)]),
      words: words.map((w) => shown.get(w)!),
      occurrences: occs.map((o) => [o.source, o.sentence, o.start, o.id, flagged(o)]),
      first: [first.source, first.sentence, first.start],
    });
  }
  const before = (a: number[], b: number[]) => a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!;
  out.sort((x, y) => y.score - x.score || before(x.first, y.first) || (x.id < y.id ? -1 : 1));
  return out.map(({ first: _, ...rest }) => rest);
}

function project(fs: readonly Finding[]) {
  return fs.map((f) => ({
    id: f.id,
    kind: f.kind,
    score: f.score,
    suggested: f.variants[f.suggested]!.id,
    variants: f.variants.map((v) => [v.id, v.count, v.crossing]),
    words: f.words,
    occurrences: f.occurrences.map((o) => [
      o.source,
      o.sentence,
      o.start,
      f.variants[o.variant]!.id,
      o.flagged,
    ]),
  }));
}

const corpusArb = fc.array(sourceArb, { minLength: 1, maxLength: 3 });

describe.each([
  ['exact', false],
  ['folded', true],
])('consistency (properties), words compared %s', (_, fold) => {
  const opts = { fold };
  it('agrees with a brute-force reference over all n-grams', () => {
    fc.assert(
      fc.property(corpusArb, fc.array(editArb, { maxLength: 4 }), (specs, edits) => {
        const sources = specs.map(buildSource);
        for (const e of edits) {
          const { source, tr } = edit(sources, () => analyzeConsistency(sources, opts), e);
          const next = tr && applyTransaction(sources[source]!.doc, tr);
          if (next) sources[source] = { ...sources[source]!, doc: next };
        }
        const fs = analyzeConsistency(sources, opts);
        expect(fs.every((f) => f.folded === fold)).toBe(true);
        expect(project(fs)).toEqual(reference(sources, fold));
        expect(project(analyzeConsistency(sources, { ...opts, maxLength: 2 }))).toEqual(
          reference(sources, fold, 2),
        );
      }),
      { numRuns: 400 },
    );
  });

  it('update after each edit equals a from-scratch analysis of the edited documents', () => {
    fc.assert(
      fc.property(corpusArb, fc.array(editArb, { minLength: 1, maxLength: 8 }), (specs, edits) => {
        const sources = specs.map(buildSource);
        const index = new ConsistencyIndex(sources, opts);
        for (const e of edits) {
          // findings() only now and then, so several updates pile up between two calls.
          const { source, tr } = edit(sources, () => index.findings(), e);
          if (!tr) continue;
          const next: CorpusDocument | null = applyTransaction(sources[source]!.doc, tr);
          expect(next).not.toBeNull();
          sources[source] = { ...sources[source]!, doc: next! };
          index.update(
            source,
            next!,
            tr.steps.map((s) => s.sentence),
          );
          if (e[3] % 3 === 0) expect(index.findings()).toEqual(analyzeConsistency(sources, opts));
        }
        expect(index.findings()).toEqual(analyzeConsistency(sources, opts));
      }),
      { numRuns: 400 },
    );
  });

  it('a build that pauses anywhere gives the index built at once, and updates it alike', async () => {
    await fc.assert(
      fc.asyncProperty(
        corpusArb,
        fc.record({
          tokens: fc.integer({ min: 1, max: 6 }),
          sentences: fc.integer({ min: 1, max: 4 }),
          keys: fc.integer({ min: 1, max: 4 }),
        }),
        fc.infiniteStream(fc.boolean()),
        fc.array(editArb, { maxLength: 4 }),
        async (specs, every, dueStream, edits) => {
          const sources = specs.map(buildSource);
          let pauses = 0;
          let points = 0;
          let dueAnswers = 0;
          const due = dueStream[Symbol.iterator]();
          const built = await ConsistencyIndex.build(
            sources,
            opts,
            () => {
              points += 1;
              const yes = due.next().value as boolean;
              if (yes) dueAnswers += 1;
              return yes;
            },
            async () => {
              pauses += 1;
              await Promise.resolve();
            },
            every,
          );
          // every point where the work could stop was offered, and it paused exactly when due
          const tokens = sources.reduce((n, s) => n + s.doc.tokens.tokenStart.length, 0);
          expect(points).toBeGreaterThanOrEqual(Math.floor(tokens / every.tokens));
          expect(pauses).toBe(dueAnswers);
          const atOnce = new ConsistencyIndex(sources, opts);
          expect(built.findings()).toEqual(atOnce.findings());
          for (const e of edits) {
            const { source, tr } = edit(sources, () => built.findings(), e);
            const next = tr && applyTransaction(sources[source]!.doc, tr);
            if (!next || !tr) continue;
            sources[source] = { ...sources[source]!, doc: next };
            const changed = tr.steps.map((x) => x.sentence);
            built.update(source, next, changed);
            atOnce.update(source, next, changed);
            expect(built.findings()).toEqual(atOnce.findings());
          }
          expect(built.findings()).toEqual(analyzeConsistency(sources, opts));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('applying the suggestion to flagged occurrences makes them read as suggested', () => {
    fc.assert(
      fc.property(corpusArb, (specs) => {
        const sources = specs.map(buildSource);
        for (const f of analyzeConsistency(sources, opts)) {
          const target = f.variants[f.suggested]!;
          // A type the commands cannot write (the empty type of a bare "B") is skipped.
          if (target.chunks.some((c) => c.type === '')) continue;
          sources.forEach((src, i) => {
            const mine = f.occurrences.filter((o) => o.flagged && o.source === i);
            const tr = applyVariant(src.doc, f, f.suggested, mine);
            if (!tr) return;
            const doc = applyTransaction(src.doc, tr)!;
            const g = analyzeConsistency([{ ...src, doc }], opts).find((x) => x.id === f.id);
            for (const o of mine) {
              // Overlapping occurrences rewrite each other: only lone ones must read as asked.
              const overlaps = mine.some(
                (p) => p !== o && p.sentence === o.sentence && p.start < o.end && o.start < p.end,
              );
              const now = g?.occurrences.find(
                (x) => x.sentence === o.sentence && x.start === o.start,
              );
              if (now && !overlaps) expect(g!.variants[now.variant]!.id).toBe(target.id);
            }
          });
        }
      }),
      { numRuns: 200 },
    );
  });
});
