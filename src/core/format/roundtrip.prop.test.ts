import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyStep, invertStep, setTagsStep, type SetTagsStep } from '../model/edit';
import { sentenceTokens } from '../model/document';
import { parse } from './parse';
import { serialize } from './serialize';

/** A generated file: sentences of token lines, with the structure lines between them. */
interface Line {
  token: string;
  extra: string[];
  tag: string;
  sep: string;
  trailing: string;
}
interface Block {
  before: string[]; // break, comment, marker and -DOCSTART- lines before the sentence
  lines: Line[];
  after: string[];
}
interface GenFile {
  bom: boolean;
  eol: string;
  finalNewline: boolean;
  blocks: Block[];
}

const TAGS = [
  'O',
  'O',
  'O',
  'B-PER',
  'I-PER',
  'B-creative-work',
  'I-creative-work',
  'S-人名',
  'E-LOC',
  'B-__proto__',
  'U-x',
  'L-x',
];
const tagArb = fc.constantFrom(...TAGS);
// Token characters: anything but line breaks and TABs, including invisible ones trim() would eat.
const charArb = fc.oneof(
  fc.constantFrom(
    'a',
    'Z',
    '#',
    '<',
    's',
    '>',
    '-',
    '.',
    '\u200B',
    '\uFEFF',
    'é',
    '😀',
    '人',
    '\u202E',
    '"',
    '\u0096',
  ),
  fc
    .string({ unit: 'binary', minLength: 1, maxLength: 1 })
    .filter((c) => !/[\0\t\n\r\u2028\u2029]/.test(c) && !/[\uD800-\uDFFF]/.test(c)),
);
const tokenArb = (spaces: boolean) =>
  fc
    .array(spaces ? fc.oneof(charArb, fc.constant(' ')) : charArb.filter((c) => c !== ' '), {
      minLength: 1,
      maxLength: 6,
    })
    .map((cs) => cs.join(''))
    .filter(
      (t) =>
        t.trim() === t.replace(/^[\s\uFEFF]+|[\s\uFEFF]+$/g, '') &&
        /^[^ \t]/.test(t) &&
        !t.startsWith('-DOCSTART-') &&
        !t.startsWith('#') &&
        !t.startsWith('\uFEFF'),
    );

const fileArb = (columns: number) =>
  fc.record({
    bom: fc.boolean(),
    eol: fc.constantFrom('\n', '\r\n'),
    finalNewline: fc.boolean(),
    blocks: fc.array(
      fc.record({
        before: fc.array(
          fc.constantFrom(
            '',
            '\t',
            '  ',
            '# a comment',
            '#\tsource\t[x]',
            '-DOCSTART- -X- O',
            '<s>',
          ),
          { maxLength: 3 },
        ),
        lines: fc.array(
          fc.boolean().chain((tab) =>
            fc.record({
              token: tokenArb(tab),
              extra: fc.array(fc.constantFrom('NNP', 'I-NP', 'x'), {
                minLength: columns - 2,
                maxLength: columns - 2,
              }),
              tag: tagArb,
              sep: fc.constant(tab ? '\t' : ' '),
              trailing: fc.constantFrom('', '', '', ' ', '\t'),
            }),
          ),
          { minLength: 1, maxLength: 5 },
        ),
        after: fc.array(fc.constantFrom('', '</s>', '\t'), { maxLength: 2 }),
      }),
      { maxLength: 6 },
    ),
  });

/** Renders a generated file, with optional replacement tags per sentence. */
function render(f: GenFile, tags?: readonly (readonly string[])[]): string {
  const out: string[] = [];
  f.blocks.forEach((b, i) => {
    out.push(...b.before, '');
    for (const [k, l] of b.lines.entries()) {
      out.push([l.token, ...l.extra, tags?.[i]?.[k] ?? l.tag].join(l.sep) + l.trailing);
    }
    out.push(...b.after, '');
  });
  const body = out.join(f.eol);
  return (f.bom ? '\uFEFF' : '') + (f.finalNewline ? body + f.eol : body);
}

const encode = (s: string) => new TextEncoder().encode(s);
const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

describe('round trip on generated files (properties)', () => {
  for (const columns of [2, 3]) {
    it(`serialize(parse(bytes)) is byte-identical and reads every token (${columns} columns)`, () => {
      fc.assert(
        fc.property(fileArb(columns), (f) => {
          const bytes = encode(render(f));
          const { document: doc } = parse(bytes);
          expect(same(serialize(doc), bytes)).toBe(true);
          const expected = f.blocks.map((b) => b.lines.map((l) => `${l.token}/${l.tag}`).join(' '));
          const got = doc.sentences.map((s) =>
            sentenceTokens(doc, s)
              .map((t, i) => `${t}/${s.tags[i]}`)
              .join(' '),
          );
          expect(got).toEqual(expected);
        }),
        { numRuns: 400 },
      );
    });

    it(`after random edits only the edited tag fields differ (${columns} columns)`, () => {
      const editArb = fc.array(
        fc.tuple(fc.nat(), fc.nat(), fc.array(tagArb, { minLength: 1, maxLength: 3 })),
        { maxLength: 6 },
      );
      fc.assert(
        fc.property(fileArb(columns), editArb, (f, edits) => {
          fc.pre(f.blocks.length > 0);
          const { document: original } = parse(encode(render(f)));
          let doc = original;
          const steps: SetTagsStep[] = [];
          for (const [si, start, after] of edits) {
            const s = doc.sentences[si % doc.sentences.length]!;
            const from = start % s.length;
            const run = after.slice(0, s.length - from);
            const step = setTagsStep(doc, si % doc.sentences.length, from, run);
            const r = applyStep(doc, step);
            expect(r.ok).toBe(true);
            if (r.ok) doc = r.doc;
            steps.push(JSON.parse(JSON.stringify(step)) as SetTagsStep);
          }
          const expected = render(
            f,
            doc.sentences.map((s) => s.tags),
          );
          const out = serialize(doc);
          expect(same(out, encode(expected))).toBe(true);
          // Re-reading the export gives the edited tags back.
          expect(parse(out).document.sentences.map((s) => s.tags)).toEqual(
            doc.sentences.map((s) => s.tags),
          );
          // Undoing every step (from JSON) restores the input bytes.
          let undone = doc;
          for (const step of steps.reverse()) {
            const r = applyStep(undone, invertStep(step));
            expect(r.ok).toBe(true);
            if (r.ok) undone = r.doc;
          }
          expect(same(serialize(undone), encode(render(f)))).toBe(true);
        }),
        { numRuns: 300 },
      );
    });
  }
});
