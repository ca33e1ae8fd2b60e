import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from '../format/parse';
import { serialize, serializeText } from '../format/serialize';
import type { CorpusDocument } from '../model/document';
import { PiecedText, textString } from '../model/text';
import { applyStep, invertStep, setTagsStep, type SetTagsStep } from '../model/edit';
import type { Chunk } from '../scheme/chunks';
import {
  chunkRulesFor,
  encodeChunks,
  SCHEMES as ALL_SCHEMES,
  type Scheme,
} from '../scheme/schemes';
import { validateTags } from '../scheme/validate';
import { joinSentencesTags, mergeTokensTags, splitSentenceTags, splitTokenTags } from './retag';
import {
  applyStructure,
  invertStructure,
  joinSentencesStep,
  mergeTokensStep,
  splitSentenceStep,
  splitTokenStep,
  type StructureError,
  type StructureStep,
} from './structure';
import { fullShape, invariantsHold, parsedShape, reparse } from './test-helpers';

// Generated files in the spirit of format/roundtrip.prop.test.ts (whose generator is private to
// that file), widened with more columns, the <s>/</s> dialect and per-scheme tag vocabularies.

const VOCAB: Record<string, readonly string[]> = {
  iob: ['O', 'O', 'O', 'B-PER', 'I-PER', 'I-PER', 'B-LOC', 'I-LOC', 'I-X', 'B-creative-work'],
  bioes: ['O', 'O', 'O', 'B-PER', 'I-PER', 'E-PER', 'S-PER', 'S-LOC', 'B-LOC', 'E-LOC', 'U-x'],
};
const SCHEMES: readonly Scheme[] = ['iob1', 'iob2', 'bioes', 'ioe1'];

const charArb = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('a', 'Z', 'x', 'é', '-', '.', 'b', 'q') },
  {
    weight: 1,
    arbitrary: fc.constantFrom('#', '<', 's', '>', '\u200B', '\uFEFF', '😀', '人', '"', ' ', '\r'),
  },
);
const tokenArb = fc.array(charArb, { minLength: 1, maxLength: 6 }).map((cs) => cs.join(''));

interface Line {
  token: string;
  extra: string[];
  tag: string;
  tab: boolean;
  trailing: string;
}
interface Block {
  before: string[];
  lines: Line[];
  after: string[];
}
interface GenFile {
  scheme: Scheme;
  bom: boolean;
  eol: string;
  finalNewline: boolean;
  markers: boolean;
  blocks: Block[];
}

const fileArb: fc.Arbitrary<GenFile> = fc
  .record({
    scheme: fc.constantFrom(...SCHEMES),
    columns: fc.constantFrom(2, 3, 4),
    allTab: fc.boolean(),
    bom: fc.boolean(),
    eol: fc.constantFrom('\n', '\r\n'),
    finalNewline: fc.boolean(),
    markers: fc.boolean(),
  })
  .chain((h) =>
    fc.record({
      scheme: fc.constant(h.scheme),
      bom: fc.constant(h.bom),
      eol: fc.constant(h.eol),
      finalNewline: fc.constant(h.finalNewline),
      markers: fc.constant(h.markers),
      blocks: fc.array(
        fc.record({
          before: fc.array(
            fc.constantFrom('', '', '\t', '# a comment', '-DOCSTART- -X- O O', '<s>'),
            { maxLength: 2 },
          ),
          lines: fc.array(
            fc.record({
              token: tokenArb,
              extra: fc.array(fc.constantFrom('NNP', 'I-NP', 'x'), {
                minLength: h.columns - 2,
                maxLength: h.columns - 2,
              }),
              tag: fc.constantFrom(...(VOCAB[h.scheme === 'bioes' ? 'bioes' : 'iob'] ?? [])),
              tab: h.allTab ? fc.constant(true) : fc.boolean(),
              trailing: fc.constantFrom('', '', '', ' ', '\t'),
            }),
            { minLength: 1, maxLength: 6 },
          ),
          after: fc.array(fc.constantFrom('', '</s>', '  '), { maxLength: 2 }),
        }),
        { minLength: 1, maxLength: 5 },
      ),
    }),
  );

function render(f: GenFile): string {
  const out: string[] = [];
  for (const b of f.blocks) {
    const body = b.lines.map((l) => {
      const token = l.tab ? l.token : l.token.replace(/ /g, '_');
      return [token, ...l.extra, l.tag].join(l.tab ? '\t' : ' ') + l.trailing;
    });
    if (f.markers)
      out.push(...b.before.filter((x) => x !== '' && x !== '<s>'), '<s>', ...body, '</s>');
    else out.push(...b.before, '', ...body, ...b.after, '');
  }
  const text = out.join(f.eol);
  return (f.bom ? '\uFEFF' : '') + (f.finalNewline ? text + f.eol : text);
}

/** One random edit: 0 split token, 1 merge, 2 split sentence, 3 join, 4 a tag edit. */
const opArb = fc.record({
  kind: fc.nat(4),
  s: fc.nat(),
  t: fc.nat(),
  at: fc.nat(),
  tags: fc.array(fc.constantFrom('O', 'B-PER', 'I-PER', 'S-LOC', 'E-PER', 'I-LOC'), {
    minLength: 1,
    maxLength: 3,
  }),
});
type Op = typeof opArb extends fc.Arbitrary<infer T> ? T : never;

function buildStep(doc: CorpusDocument, op: Op): StructureStep | StructureError | SetTagsStep {
  const n = doc.sentences.length;
  const si = op.s % n;
  const s = doc.sentences[si]!;
  const len = Math.max(1, s.length);
  switch (op.kind) {
    case 0: {
      const k = op.t % len;
      const text =
        s.length > 0
          ? doc.text.slice(doc.tokens.tokenStart[s.first + k], doc.tokens.tokenEnd[s.first + k])
          : '';
      return splitTokenStep(doc, si, k, 1 + (op.at % Math.max(1, text.length - 1)));
    }
    case 1:
      return mergeTokensStep(doc, si, op.t % Math.max(1, len - 1));
    case 2:
      return splitSentenceStep(doc, si, 1 + (op.t % Math.max(1, len - 1)));
    case 3:
      return joinSentencesStep(doc, si);
    default: {
      const start = op.t % len;
      return setTagsStep(doc, si, start, op.tags.slice(0, Math.max(0, s.length - start)));
    }
  }
}

const splitLines = (t: string) => t.split(/(?<=\n)/);

/** Old lines a structural step may change in the export: its own, and retagged tokens'. */
function allowedLines(
  before: CorpusDocument,
  after: CorpusDocument,
  st: StructureStep,
): [number, number] {
  const line = (s: number, i: number) => before.tokens.line[before.sentences[s]!.first + i]!;
  let lo = Infinity;
  let hi = -Infinity;
  const add = (n: number) => {
    lo = Math.min(lo, n);
    hi = Math.max(hi, n);
  };
  // old (sentence, token) of each token of the new sentences, or null for a new token
  const olds: [number, number | null][] = [];
  if (st.type === 'splitToken' || st.type === 'mergeTokens') {
    const ns = after.sentences[st.sentence]!;
    for (let j = 0; j < ns.length; j++) {
      if (st.type === 'splitToken')
        olds.push([j, j < st.token ? j : j > st.token + 1 ? j - 1 : null]);
      else olds.push([j, j < st.token ? j : j > st.token ? j + 1 : null]);
    }
    add(line(st.sentence, st.token));
    if (st.type === 'mergeTokens') add(line(st.sentence, st.token + 1));
    for (const [j, i] of olds) {
      if (i !== null && ns.tags[j] !== before.sentences[st.sentence]!.tags[i])
        add(line(st.sentence, i));
    }
    return [lo, hi];
  }
  const oldTag = (k: number) =>
    st.type === 'splitSentence'
      ? { s: st.sentence, i: k }
      : k < st.token
        ? { s: st.sentence, i: k }
        : { s: st.sentence + 1, i: k - st.token };
  if (st.type === 'splitSentence') {
    add(line(st.sentence, st.token - 1));
    add(line(st.sentence, st.token));
  }
  if (st.type === 'joinSentences') {
    add(line(st.sentence, st.token - 1) + 1);
    add(line(st.sentence + 1, 0) - 1);
  }
  st.after.forEach((tag, k) => {
    const o = oldTag(k);
    if (tag !== before.sentences[o.s]!.tags[o.i]) add(line(o.s, o.i));
  });
  return [lo, hi];
}

function checkExportLocality(before: CorpusDocument, after: CorpusDocument, st: StructureStep) {
  const a = splitLines(serializeText(before));
  const b = splitLines(serializeText(after));
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  let q = 0;
  while (q < a.length - p && q < b.length - p && a[a.length - 1 - q] === b[b.length - 1 - q]) q++;
  const from = p + 1;
  const to = a.length - q;
  if (from > to) return; // only lines inserted
  const [lo, hi] = allowedLines(before, after, st);
  expect(from).toBeGreaterThanOrEqual(lo);
  expect(to).toBeLessThanOrEqual(hi);
}

const counts = { applied: 0, refused: 0 };

/** The document with its text in pieces cut at `cuts` (as a 100 MB file arrives). */
function inPieces(doc: CorpusDocument, cuts: readonly number[]): CorpusDocument {
  const text = textString(doc.text);
  const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const parts = [...at, text.length].map((c, i) => text.slice(i === 0 ? 0 : at[i - 1], c));
  return { ...doc, text: new PiecedText(parts) };
}

function run(f: GenFile, ops: Op[], cuts: readonly number[] = []) {
  const parsed = parse(render(f), { scheme: f.scheme }).document;
  const original = cuts.length > 0 ? inPieces(parsed, cuts) : parsed;
  fc.pre(original.sentences.length > 0);
  let doc = original;
  const done: (StructureStep | SetTagsStep)[] = [];
  for (const op of ops) {
    const step = buildStep(doc, op);
    if (typeof step === 'string') {
      counts.refused += 1;
      continue;
    }
    if (step.type === 'setTags') {
      const r = applyStep(doc, step);
      if (r.ok) {
        doc = r.doc;
        done.push(step);
      }
      continue;
    }
    const viaJson = JSON.parse(JSON.stringify(step)) as StructureStep;
    const r = applyStructure(doc, viaJson);
    if (!r.ok) throw new Error(`built step refused: ${r.error}`);
    counts.applied += 1;
    // (a) equal to a parse of the new text, and the document's invariants hold
    expect(parsedShape(r.doc)).toEqual(parsedShape(reparse(r.doc)));
    expect(invariantsHold(r.doc)).toBe(true);
    // (c) the export changes only the edited lines (and tags re-encoded next to them)
    checkExportLocality(doc, r.doc, step);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(serialize(r.doc))).toBe(
      serializeText(r.doc),
    );
    // (b) the inverse gives the document back
    const back = applyStructure(r.doc, invertStructure(viaJson));
    if (!back.ok) throw new Error(`inverse refused: ${back.error}`);
    expect(fullShape(back.doc)).toEqual(fullShape(doc));
    doc = r.doc;
    done.push(viaJson);
  }
  // (b) undoing the whole sequence gives the original back
  for (const step of done.reverse()) {
    if (step.type === 'setTags') {
      const r = applyStep(doc, invertStep(step));
      if (!r.ok) throw new Error(r.error);
      doc = r.doc;
    } else {
      const r = applyStructure(doc, invertStructure(step));
      if (!r.ok) throw new Error(r.error);
      doc = r.doc;
    }
  }
  expect(fullShape(doc)).toEqual(fullShape(original));
}

describe('structural edits on generated files (properties)', () => {
  it('single steps: parse-equal, invertible, export-local', () => {
    fc.assert(
      fc.property(fileArb, opArb, (f, op) => run(f, [op])),
      { numRuns: 600 },
    );
  });

  it('the same on documents whose text is in pieces (PiecedText)', () => {
    fc.assert(
      fc.property(
        fileArb,
        fc.array(opArb, { minLength: 1, maxLength: 6 }),
        fc.array(fc.nat(2000), { minLength: 1, maxLength: 6 }),
        (f, ops, cuts) => run(f, ops, cuts),
      ),
      { numRuns: 300 },
    );
  });

  it('sequences of steps with tag edits in between', () => {
    fc.assert(
      fc.property(fileArb, fc.array(opArb, { minLength: 2, maxLength: 8 }), (f, ops) =>
        run(f, ops),
      ),
      { numRuns: 300 },
    );
    // The generator must reach the code: most steps apply.
    expect(counts.applied).toBeGreaterThan(counts.refused);
  });
});

/** Entities as one id per token (-1 = outside); runs of one id are one entity. */
const entitiesArb = fc
  .array(
    fc.record({ type: fc.constantFrom('O', 'X', 'Y'), length: fc.integer({ min: 1, max: 3 }) }),
    {
      minLength: 1,
      maxLength: 6,
    },
  )
  .map((runs) => {
    const ids: number[] = [];
    const types: string[] = [];
    for (const r of runs) {
      const id = r.type === 'O' ? -1 : types.push(r.type) - 1;
      for (let i = 0; i < r.length; i++) ids.push(id);
    }
    return { ids, types };
  });

function chunksOf(ids: readonly number[], types: readonly string[]): Chunk[] {
  const out: Chunk[] = [];
  for (let i = 0; i < ids.length;) {
    let j = i;
    while (j < ids.length && ids[j] === ids[i]) j++;
    if (ids[i]! >= 0) out.push({ start: i, end: j, type: types[ids[i]!]! });
    i = j;
  }
  return out;
}

describe('tags after structural edits of well-formed sentences (oracle)', () => {
  const encode = (ids: readonly number[], types: readonly string[], scheme: Scheme) =>
    encodeChunks(chunksOf(ids, types), ids.length, scheme);

  it('equal the scheme’s own encoding of the expected entities, and are well-formed', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ALL_SCHEMES),
        entitiesArb,
        entitiesArb,
        fc.nat(),
        (scheme, e, f, pick) => {
          const ctx = { scheme, rules: chunkRulesFor(scheme) };
          const { ids, types } = e;
          const tags = encode(ids, types, scheme);
          const i = pick % ids.length;
          const wellFormed = (t: readonly string[]) => expect(validateTags(t, scheme)).toEqual([]);
          // split token i: both parts in its entity
          const split = [...ids.slice(0, i + 1), ids[i]!, ...ids.slice(i + 1)];
          expect(splitTokenTags(tags, i, ctx)).toEqual(encode(split, types, scheme));
          wellFormed(splitTokenTags(tags, i, ctx));
          if (i + 1 < ids.length) {
            const m = ids[i]! >= 0 ? ids[i]! : ids[i + 1]!;
            const merged = [...ids.slice(0, i), m, ...ids.slice(i + 2)];
            expect(mergeTokensTags(tags, i, ctx)).toEqual(encode(merged, types, scheme));
            wellFormed(mergeTokensTags(tags, i, ctx));
          }
          if (i > 0) {
            const [a, b] = splitSentenceTags(tags, i, ctx);
            expect(a).toEqual(encode(ids.slice(0, i), types, scheme));
            expect(b).toEqual(encode(ids.slice(i), types, scheme));
            wellFormed(a);
            wellFormed(b);
          }
          const other = f.ids.map((x) => (x < 0 ? x : x + types.length));
          const joined = joinSentencesTags(tags, encode(f.ids, f.types, scheme), ctx);
          expect(joined).toEqual(encode([...ids, ...other], [...types, ...f.types], scheme));
          wellFormed(joined);
        },
      ),
      { numRuns: 1500 },
    );
  });
});
