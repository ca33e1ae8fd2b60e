import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from '../format/parse';
import { sentenceTokens } from '../model/document';
import { extractChunks, type Chunk } from '../scheme/chunks';
import { chunkRulesFor, encodeChunks, SCHEMES, type Scheme } from '../scheme/schemes';
import {
  exportInterchange,
  importInterchange,
  INTERCHANGE_FORMATS,
  type ImportOptions,
  type InterchangeFormat,
} from './index';

const LABELS = ['PER', 'LOC', '__proto__', 'constructor', 'creative-work', '人名', 'x'];

/** Token characters: no TAB or line break (a CoNLL line could not hold them). */
const wordChar = fc.constantFrom(
  'a',
  'Z',
  'é',
  '😀',
  '人',
  '#',
  '<',
  '>',
  '\u200B',
  '.',
  ',',
  '-',
  '"',
  '0',
);
const word = fc
  .array(wordChar, { minLength: 1, maxLength: 6 })
  .map((cs) => cs.join(''))
  .filter((w) => w !== '-DOCSTART-');
/** Tokens a TAB-separated CoNLL file can hold, spaces inside included (not space-only). */
const spacedWord = fc
  .tuple(word, fc.constantFrom('', ' ', '  x', '\u00A0'))
  .map(([w, tail]) => w + tail);

interface GenSentence {
  tokens: string[];
  chunks: Chunk[];
  docBreak: boolean;
}

function sentenceArb(tok: fc.Arbitrary<string>): fc.Arbitrary<GenSentence> {
  return fc.array(tok, { minLength: 1, maxLength: 8 }).chain((tokens) =>
    fc.record({
      tokens: fc.constant(tokens),
      chunks: fc
        .array(fc.tuple(fc.nat(tokens.length - 1), fc.nat(3), fc.constantFrom(...LABELS)), {
          maxLength: 3,
        })
        .map((cs) => {
          const out: Chunk[] = [];
          let free = 0;
          for (const [s, len, type] of [...cs].sort((a, b) => a[0] - b[0])) {
            if (s < free) continue;
            const end = Math.min(tokens.length, s + len + 1);
            out.push({ start: s, end, type });
            free = end;
          }
          return out;
        }),
      docBreak: fc.boolean(),
    }),
  );
}

function toConll(sentences: readonly GenSentence[], scheme: Scheme): string {
  return sentences
    .map((s, i) => {
      const tags = encodeChunks(s.chunks, s.tokens.length, scheme);
      const lines = s.tokens.map((t, k) => `${t}\t${tags[k]}\n`).join('');
      return (s.docBreak && i > 0 ? '-DOCSTART-\tO\n\n' : '') + lines;
    })
    .join('\n');
}

function check(format: InterchangeFormat, text: string, scheme: Scheme, opts: ImportOptions = {}) {
  const doc = parse(text, { scheme }).document;
  const exp = exportInterchange(format, doc, 'p');
  const imp = importInterchange(format, exp.files, { scheme, ...opts });
  expect(imp.stats.spansLeftOut).toBe(0);
  const back = parse(imp.conll, { scheme }).document;
  expect(back.sentences.map((s) => sentenceTokens(back, s))).toEqual(
    doc.sentences.map((s) => sentenceTokens(doc, s)),
  );
  expect(back.sentences.map((s) => s.tags)).toEqual(doc.sentences.map((s) => s.tags));
  expect(back.sentences.map((s) => s.doc)).toEqual(doc.sentences.map((s) => s.doc));
}

describe('CoNLL → X → CoNLL on generated sentences', () => {
  for (const format of INTERCHANGE_FORMATS) {
    const tok = format === 'brat' ? word : spacedWord;
    it(`${format}: same tokens, sentence breaks, tags and documents`, () => {
      fc.assert(
        fc.property(
          fc.array(sentenceArb(tok), { minLength: 1, maxLength: 6 }),
          fc.constantFrom(...SCHEMES),
          (sentences, scheme) => {
            // brat keeps no tokens: its whitespace reading is asked for, as punctuation is random.
            check(
              format,
              toConll(sentences, scheme),
              scheme,
              format === 'brat' ? { tokenize: 'whitespace' } : {},
            );
          },
        ),
        { numRuns: 150 },
      );
    });
  }
  it('brat with the default tokenization, on pre-tokenized words', () => {
    const plain = fc
      .stringMatching(/^[A-Za-z0-9][A-Za-z0-9.-]{0,5}$/)
      .filter((w) => !/[A-Za-z]{2,}\.$/.test(w));
    const punct = fc.constantFrom('.', ',', '(', ')', '"', "'s", 'U.S.');
    fc.assert(
      fc.property(
        fc.array(sentenceArb(fc.oneof(plain, punct)), { minLength: 1, maxLength: 6 }),
        (s) => {
          check('brat', toConll(s, 'iob2'), 'iob2');
        },
      ),
      { numRuns: 150 },
    );
  });
});

/** JSON values built from the formats' own keys, so garbage reaches deep into the readers. */
const KEYS = [
  'text',
  'label',
  'labels',
  'entities',
  'tokens',
  'spans',
  'data',
  'annotations',
  'predictions',
  'result',
  'value',
  'start',
  'end',
  'start_offset',
  'end_offset',
  'token_start',
  'token_end',
  'type',
  'labels',
  'doc',
  'meta',
  'answer',
  'was_cancelled',
  '__proto__',
  'constructor',
];
const { tree } = fc.letrec((t) => ({
  tree: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(
      0,
      1,
      3,
      -1,
      1.5,
      1e300,
      Number.MAX_SAFE_INTEGER,
      'labels',
      'reject',
      'PER',
      '',
      'a b\n😀',
      '-DOCSTART-',
      true,
      null,
    ),
    fc.string(),
    fc.integer({ min: -5, max: 40 }),
    fc.array(t('tree'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom(...KEYS), t('tree'), { maxKeys: 5 }),
  ),
}));

describe('garbage in', () => {
  it('never throws, and the CoNLL written always parses without errors', () => {
    const input = fc.oneof(
      fc.string(),
      fc.array(tree, { maxLength: 4 }).map((vs) => vs.map((v) => JSON.stringify(v)).join('\n')),
      tree.map((v) => JSON.stringify(v)),
      fc
        .array(
          fc.constantFrom(
            'T1\tX 0 3\tabc',
            'T2\tY 2 1',
            'R1\tr A:T1',
            'E1\tEv:T1',
            'T3\tZ 0 2;3 4\tab',
            'junk',
            '#1\tn',
            'T4\t 0 1\ta',
            'T5\tX -1 99999999999999999999\tq',
          ),
          { maxLength: 6 },
        )
        .map((ls) => ls.join('\n')),
    );
    fc.assert(
      fc.property(
        input,
        fc.string(),
        fc.constantFrom<InterchangeFormat>(...INTERCHANGE_FORMATS),
        (text, txt, format) => {
          const files =
            format === 'brat'
              ? [
                  { name: 'a.txt', text: txt },
                  { name: 'a.ann', text },
                ]
              : [{ name: 'f', text }];
          const r = importInterchange(format, files);
          const p = parse(r.conll);
          expect(p.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
          const tokens = p.document.sentences.reduce((n, s) => n + s.length, 0);
          expect(tokens).toBe(r.stats.tokens);
          expect(p.document.sentences.length).toBe(r.stats.sentences);
        },
      ),
      { numRuns: 1500 },
    );
  });
});

describe('spans that do not fit', () => {
  it('are always reported and never reach the tags (every format)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-z]{1,4}$/), { minLength: 1, maxLength: 8 }),
        fc.array(fc.tuple(fc.nat(40), fc.nat(8), fc.constantFrom(...LABELS, '', 'a b')), {
          maxLength: 6,
        }),
        fc.constantFrom(...INTERCHANGE_FORMATS),
        (tokens, raw, format) => {
          const text = tokens.join(' ');
          const starts: number[] = [];
          let at = 0;
          for (const t of tokens) {
            starts.push(at);
            at += t.length + 1;
          }
          const ends = starts.map((s, k) => s + tokens[k]!.length);
          // Distinct spans (duplicates are read once, by design).
          const seen = new Set<string>();
          const spans = raw
            .map(([s, len, label]) => ({ start: s, end: s + len, label }))
            .filter(
              (s) =>
                !seen.has(`${s.start},${s.end},${s.label}`) &&
                seen.add(`${s.start},${s.end},${s.label}`),
            );
          const inRange = spans.filter((s) => s.end > s.start && s.end <= text.length);
          // brat splits a T line at spaces: a label with a space makes a line that is not a
          // span at all (W_SPAN_SHAPE), so it cannot overlap anything there.
          const blocking = format === 'brat' ? inRange.filter((s) => !/\s/.test(s.label)) : inRange;
          const expected = inRange.filter(
            (s) =>
              s.label !== '' &&
              s.label !== 'a b' &&
              starts.includes(s.start) &&
              ends.includes(s.end) &&
              !blocking.some((o) => o !== s && o.start < s.end && s.start < o.end),
          );
          const tokenList = starts.map((s, k) => [s, ends[k]]);
          const records: Record<InterchangeFormat, () => { name: string; text: string }[]> = {
            prodigy: () => [
              {
                name: 'f.jsonl',
                text: JSON.stringify({
                  text,
                  tokens: tokens.map((t, k) => ({
                    text: t,
                    start: starts[k],
                    end: ends[k],
                    id: k,
                    ws: true,
                  })),
                  spans: spans.map((s) => ({ start: s.start, end: s.end, label: s.label })),
                  meta: { doc: 0 },
                }),
              },
            ],
            'jsonl-doccano': () => [
              {
                name: 'f.jsonl',
                text: JSON.stringify({
                  text,
                  label: spans.map((s) => [s.start, s.end, s.label]),
                  tokens: tokenList,
                  doc: 0,
                }),
              },
            ],
            'label-studio': () => [
              {
                name: 'f.json',
                text: JSON.stringify([
                  {
                    data: { text, tokens: tokenList, doc: 0 },
                    annotations: [
                      {
                        result: spans.map((s) => ({
                          type: 'labels',
                          value: { start: s.start, end: s.end, labels: [s.label] },
                        })),
                      },
                    ],
                  },
                ]),
              },
            ],
            brat: () => [
              { name: 'f.txt', text },
              {
                name: 'f.ann',
                text: spans
                  .map(
                    (s, i) =>
                      `T${i + 1}\t${s.label} ${s.start} ${s.end}\t${text.slice(s.start, s.end)}\n`,
                  )
                  .join(''),
              },
            ],
          };
          const r = importInterchange(
            format,
            records[format](),
            format === 'brat' ? { tokenize: 'whitespace' } : {},
          );
          const doc = parse(r.conll).document;
          const got = doc.sentences.flatMap((s) =>
            extractChunks(s.tags, chunkRulesFor('iob2')).map((c) => ({
              start: starts[c.start],
              end: ends[c.end - 1],
              label: c.type,
            })),
          );
          const key = (s: { start?: number; end?: number; label: string }) =>
            `${s.start},${s.end},${s.label}`;
          expect(got.map(key).sort()).toEqual(expected.map(key).sort());
          expect(r.stats.spansLeftOut).toBe(spans.length - expected.length);
          const reported = r.diagnostics.filter(
            (d) => d.code.startsWith('W_SPAN_') && d.code !== 'W_SPAN_TEXT',
          );
          expect(reported.length).toBe(spans.length - expected.length);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
