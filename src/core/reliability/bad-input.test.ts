// reliability.md §5.B "Bad input" (cases 18–34), and cases 15, 16 and 47: one `it` per case
// (some cases have a second `it` for a second input), each asserting the exact behaviour the
// catalog requires. Real files come from ../shared; see docs/reliability-catalog-B.md.
import { textString } from '../model/text';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../diagnostics';
import { applyTransaction, EMPTY_HISTORY, record, undo } from '../edit/history';
import {
  decodeBytes,
  fileSizeRefusal,
  firstUnencodable,
  MAX_FILE_BYTES,
  MAX_FILE_SIZE_TEXT,
} from '../format/decode';
import { MAX_LINE_LENGTH } from '../format/lines';
import { parse, type ParseOptions, type ParseResult } from '../format/parse';
import { serialize } from '../format/serialize';
import { applyStep, invertStep, setTagsStep, type SetTagsStep } from '../model/edit';
import { lineText, sentenceTokens, type CorpusDocument } from '../model/document';
import { repairSentences } from '../review/tag-issues';
import { extractChunks } from '../scheme/chunks';
import { splitTag } from '../scheme/tags';
import { applyStructure, splitTokenStep, type StructureStep } from '../structure/structure';
import { startParse } from '../../workers/parse-client';

const SHARED = resolve(process.cwd(), '../shared');
const read = (file: string) => new Uint8Array(readFileSync(resolve(SHARED, file)));
const enc = (s: string) => new TextEncoder().encode(s);
const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));
const run = (input: string | Uint8Array, options?: ParseOptions): ParseResult =>
  parse(typeof input === 'string' ? enc(input) : input, options);
/** `CODE@line:column` of each diagnostic, in order. */
const at = (r: ParseResult) => r.diagnostics.map((d) => `${d.code}@${d.line}:${d.column}`);
const find = (r: ParseResult, code: string) => r.diagnostics.filter((d) => d.code === code);
/** Each sentence as `start-end[Q]: tok/TAG …` (Q: quarantined). */
const shape = (doc: CorpusDocument) =>
  doc.sentences.map(
    (s) =>
      `${s.startLine}-${s.endLine}${s.quarantined ? 'Q' : ''}: ` +
      sentenceTokens(doc, s)
        .map((t, i) => `${t}/${s.tags[i]}`)
        .join(' '),
  );
/** Tokens and tags only (no line numbers). */
const content = (doc: CorpusDocument) =>
  doc.sentences.map((s) => ({ tokens: sentenceTokens(doc, s), tags: s.tags, q: s.quarantined }));
const roundTrips = (bytes: Uint8Array, options?: ParseOptions) =>
  expect(same(serialize(parse(bytes, options).document), bytes), 'byte-identical export').toBe(
    true,
  );

describe('A. data loss cases handled by the parser', () => {
  it('B15: open → export without edits is byte-identical (CRLF, BOM, final newline or not, blank-line runs, <s>, comments, -DOCSTART-)', () => {
    const body = [
      '-DOCSTART- -X- O O',
      '',
      '# a comment',
      '<s>',
      'EU\tB-ORG',
      'rejects\tO  ',
      '</s>',
      '',
      '',
      '\t',
      '  ',
      '#\thttp://x\t[2009]\t',
      'German\tB-MISC',
      'call\tO',
      '<s>',
      'x\tO',
      '</s>',
      '',
    ];
    let variants = 0;
    for (const bom of ['', '\uFEFF'])
      for (const eol of ['\n', '\r\n'])
        for (const final of [true, false])
          for (const trailingBlanks of [0, 3]) {
            const lines = [...body, ...Array<string>(trailingBlanks).fill('')];
            let text = bom + lines.join(eol);
            if (!final) text = text.replace(/(\r?\n)+$/, '');
            const bytes = enc(text);
            const r = parse(bytes);
            expect(same(serialize(r.document), bytes), JSON.stringify(text.slice(0, 40))).toBe(
              true,
            );
            expect(r.document.sentences.map((s) => s.tags.join(' '))).toEqual([
              'B-ORG O',
              'B-MISC O',
              'O',
            ]);
            expect(r.document.dialect).toMatchObject({
              bom: bom !== '',
              lineEnding: eol === '\n' ? 'lf' : 'crlf',
              finalNewline: final,
              docStarts: 1,
              comments: 2,
              sentenceMarkers: 4,
            });
            variants += 1;
          }
    expect(variants).toBe(16);
    // and real files with each feature (the full corpus sweep is corpora.test.ts)
    for (const f of [
      'corpora/conll2003/iob1-crlf/eng.testa', // CRLF, -DOCSTART-
      'corpora/germeval2014/NER-de-dev.tsv', // # comments
      'corpora/wnut17/emerging.dev.conll', // lone-TAB sentence breaks
      'seeds/multipath-tcp.bio.txt', // <s> markers
    ])
      roundTrips(read(f));
  });

  it('B16: random edits on a real corpus → export → re-import gives the edited tags, each on its own token line (fast-check)', () => {
    const files = [
      { bytes: read('seeds/multipath-tcp.bio.txt'), options: {} },
      {
        bytes: read('corpora/conll2003/iob1-crlf/eng.testa').subarray(0, 60_000),
        options: {},
      },
      {
        bytes: read('corpora/germeval2014/NER-de-dev.tsv').subarray(0, 60_000),
        options: { tagColumn: 2 },
      },
    ];
    const TAGS = ['O', 'B-PER', 'I-PER', 'B-Protocol', 'I-ORG', 'B-人名', 'S-x', 'B-__proto__'];
    const editArb = fc.array(
      fc.tuple(
        fc.nat(),
        fc.nat(),
        fc.array(fc.constantFrom(...TAGS), { minLength: 1, maxLength: 4 }),
      ),
      { minLength: 1, maxLength: 8 },
    );
    for (const { bytes, options } of files) {
      const original = parse(bytes, options).document;
      const editable = original.sentences.filter((s) => !s.quarantined && s.length > 0);
      fc.assert(
        fc.property(editArb, (edits) => {
          let doc = original;
          const steps: SetTagsStep[] = [];
          for (const [si, start, after] of edits) {
            const s = editable[si % editable.length]!;
            const from = start % s.length;
            const step = setTagsStep(doc, s.id, from, after.slice(0, s.length - from));
            const r = applyStep(doc, step);
            expect(r.ok).toBe(true);
            if (r.ok) doc = r.doc;
            steps.push(step);
          }
          const out = serialize(doc);
          const back = parse(out, options).document;
          expect(back.sentences.map((s) => s.tags)).toEqual(doc.sentences.map((s) => s.tags));
          expect(back.sentences.map((s) => sentenceTokens(back, s))).toEqual(
            original.sentences.map((s) => sentenceTokens(original, s)),
          );
          // every tag sits on its own token's line, in the tag column
          const tc = back.dialect.tagColumn;
          const kc = back.dialect.tokenColumn;
          const misplaced: string[] = [];
          for (const s of back.sentences) {
            const toks = sentenceTokens(back, s);
            for (let i = 0; i < s.length; i++) {
              const n = back.tokens.line[s.first + i]!;
              const line = lineText(back, n);
              const fields = line.includes('\t') ? line.split('\t') : line.split(/ +/);
              if (fields[kc] !== toks[i] || fields[tc]?.replace(/[ \t]+$/, '') !== s.tags[i])
                misplaced.push(`line ${n}: ${line}`);
            }
          }
          expect(misplaced).toEqual([]);
          // only the lines of tokens whose tag changed differ
          const changed = new Set<number>();
          for (const s of doc.sentences)
            for (let i = 0; i < s.length; i++)
              if (s.tags[i] !== s.originalTags[i]) changed.add(doc.tokens.line[s.first + i]!);
          const was = new TextDecoder().decode(bytes).split('\n');
          const now = new TextDecoder().decode(out).split('\n');
          expect(now.length).toBe(was.length);
          const differ = [];
          for (let n = 1; n <= was.length; n++)
            if (!changed.has(n) && now[n - 1] !== was[n - 1]) differ.push(n);
          expect(differ, 'lines that changed without an edit').toEqual([]);
          let undone = doc;
          for (const st of steps.reverse()) {
            const r = applyStep(undone, invertStep(st));
            expect(r.ok).toBe(true);
            if (r.ok) undone = r.doc;
          }
          expect(same(serialize(undone), bytes)).toBe(true);
        }),
        { numRuns: 60 },
      );
    }
  });
});

describe('B. bad input', () => {
  it('B18: a line with 3 columns in a 2-column file → E_COLUMNS at its line and column 1, "expected 2 … found 3"; only its sentence is quarantined and it is exported verbatim', () => {
    const text = 'a\tB-X\nb\tI-X\n\nc\tO\tX\nd\tO\n\nf\tO\n';
    const r = run(text);
    expect(at(r)).toEqual(['E_COLUMNS@4:1']);
    expect(r.diagnostics[0]).toMatchObject({
      severity: 'error',
      message: 'expected 2 TAB-separated columns, found 3',
      expected: '2 columns',
      found: '3 columns',
    });
    expect(shape(r.document)).toEqual(['1-2: a/B-X b/I-X', '4-5Q: d/O', '7-7: f/O']);
    roundTrips(enc(text));
    // read-only: an edit of the quarantined sentence is refused, and an edit elsewhere leaves
    // its lines byte for byte
    const doc = r.document;
    expect(applyStep(doc, setTagsStep(doc, 1, 0, ['B-Y']))).toEqual({
      ok: false,
      error: 'quarantined',
    });
    const edited = applyStep(doc, setTagsStep(doc, 2, 0, ['B-Y']));
    expect(edited.ok && new TextDecoder().decode(serialize(edited.doc))).toBe(
      'a\tB-X\nb\tI-X\n\nc\tO\tX\nd\tO\n\nf\tB-Y\n',
    );
  });

  it('B18: a line with 1 column in a 2-column file → E_COLUMNS "found 1"; on a real corpus every other sentence loads unchanged', () => {
    const r = run('a\tO\nb\n\nc\tO\n');
    expect(at(r)).toEqual(['E_COLUMNS@2:1']);
    expect(r.diagnostics[0]!.message).toBe(
      'expected 2 TAB-separated columns, found 1 (the line has no TAB)',
    );
    expect(r.diagnostics[0]!.found).toBe('1 columns');
    expect(shape(r.document)).toEqual(['1-2Q: a/O', '4-4: c/O']);

    // The seed corpus with one token line given a third column and another cut to one column.
    const seed = read('seeds/multipath-tcp.bio.txt');
    const lines = new TextDecoder().decode(seed).split('\n');
    expect(lines[105]).toBe('Multipath\tB-Protocol'); // line 106
    expect(lines[189]).toBe('the\tO'); // line 190
    lines[105] = 'Multipath\tNNP\tB-Protocol';
    lines[189] = 'the';
    const bad = enc(lines.join('\n'));
    const good = parse(seed).document;
    const broken = parse(bad);
    expect(at(broken)).toEqual(['E_COLUMNS@106:1', 'E_COLUMNS@190:1']);
    expect(find(broken, 'E_COLUMNS').map((d) => d.message)).toEqual([
      'expected 2 TAB-separated columns, found 3',
      'expected 2 TAB-separated columns, found 1 (the line has no TAB)',
    ]);
    const q = broken.document.sentences.filter((s) => s.quarantined);
    expect(q.map((s) => [s.startLine, s.endLine])).toEqual([
      [106, 114],
      [179, 204],
    ]);
    expect(broken.document.sentences).toHaveLength(good.sentences.length);
    // all other sentences load exactly as before
    const before = content(good);
    const after = content(broken.document);
    for (let i = 0; i < before.length; i++)
      if (!after[i]!.q) expect(after[i], `sentence ${i}`).toEqual(before[i]);
    expect(same(serialize(broken.document), bad)).toBe(true);
  });

  it('B19: a space-separated line in a TAB file → W_DELIMITER at that line; a token with a space in a TAB file stays one token', () => {
    const text = 'New York\tB-LOC\nCity\tI-LOC\nis big\tO\nnice O\n\nx\tO\n';
    const r = run(text);
    expect(at(r)).toEqual(['W_DELIMITER@4:1']);
    expect(r.diagnostics[0]).toMatchObject({
      severity: 'warning',
      expected: 'TAB between columns',
    });
    expect(shape(r.document)).toEqual([
      '1-4: New York/B-LOC City/I-LOC is big/O nice/O',
      '6-6: x/O',
    ]);
    expect(r.document.dialect.separator).toBe('mixed');
    roundTrips(enc(text));
    // a real file that mixes both: StackOverflow NER's merged-labels file
    const so = parse(read('corpora/stackoverflow-ner/StackOverflow/train_merged_labels.txt'), {
      tagColumn: 1,
    });
    const first = find(so, 'W_DELIMITER')[0]!;
    const line = lineText(so.document, first.line);
    expect(line.includes('\t')).toBe(false);
    expect(line.includes(' ')).toBe(true);
  });

  it('B20: a CRLF file reads as the same document as its LF copy, "\\r\\n" blank lines split sentences, and export keeps CRLF; a lone CR is reported', () => {
    const crlf = read('corpora/conll2003/iob1-crlf/eng.testa');
    const lf = enc(new TextDecoder().decode(crlf).replaceAll('\r\n', '\n'));
    expect(lf.length).toBeLessThan(crlf.length);
    const a = parse(crlf);
    const b = parse(lf);
    expect(a.document.dialect.lineEnding).toBe('crlf');
    expect(b.document.dialect.lineEnding).toBe('lf');
    expect(a.document.sentences).toHaveLength(3250);
    expect(shape(a.document)).toEqual(shape(b.document));
    expect(at(a)).toEqual(at(b));
    roundTrips(crlf);
    // an edit keeps every line ending CRLF
    const s = a.document.sentences.findIndex((x) => x.tags.includes('I-PER'));
    const step = setTagsStep(a.document, s, 0, ['B-PER']);
    const edited = applyStep(a.document, step);
    expect(edited.ok).toBe(true);
    if (!edited.ok) return;
    const out = Buffer.from(serialize(edited.doc));
    let lone = 0;
    for (let i = out.indexOf(10); i >= 0; i = out.indexOf(10, i + 1)) if (out[i - 1] !== 13) lone++;
    expect(lone).toBe(0);
    expect(out.length).toBe(crlf.length + 'B-PER'.length - step.before[0]!.length);

    // A lone CR (not followed by LF) is reported at its line and column, read as part of the
    // line and kept on export.
    const text = 'a\tO\nb\tO\nc\tB-X\rd\tO\n\ne\tO\n';
    const r = run(text);
    expect(find(r, 'W_LONE_CR').map((d) => `${d.line}:${d.column}`)).toEqual(['3:6']);
    expect(find(r, 'W_LONE_CR')[0]!.severity).toBe('warning');
    // the CR joins two token lines into one line of 3 columns: that sentence is quarantined
    expect(at(r)).toEqual(['E_COLUMNS@3:1', 'W_LONE_CR@3:6']);
    expect(shape(r.document)).toEqual(['1-3Q: a/O b/O', '5-5: e/O']);
    roundTrips(enc(text));
  });

  it('B21: a UTF-8 BOM at the start is not part of the first token; a BOM mid-file is a warning with line/col and kept on export', () => {
    const text = '\uFEFFEU\tB-ORG\nrejects\tO\n';
    const r = run(text);
    expect(at(r)).toEqual([]);
    expect(sentenceTokens(r.document, r.document.sentences[0]!)[0]).toBe('EU');
    expect(r.document.dialect.bom).toBe(true);
    expect([...serialize(r.document).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    roundTrips(enc(text));

    const mid = 'a\tO\n\n\uFEFFb\tO\nx\uFEFFy\tO\n';
    const m = run(mid);
    expect(at(m)).toEqual(['W_BOM_INSIDE@3:1', 'W_BOM_INSIDE@4:2']);
    expect(m.diagnostics[0]).toMatchObject({ severity: 'warning', found: 'U+FEFF' });
    expect(sentenceTokens(m.document, m.document.sentences[1]!)).toEqual(['\uFEFFb', 'x\uFEFFy']);
    roundTrips(enc(mid));
  });

  it('B22: blank-line runs and whitespace-only lines ("\\t", "  ", "\\t \\t", CRLF ones) make one boundary and no empty sentences', () => {
    for (const eol of ['\n', '\r\n']) {
      const text = [
        'a\tO',
        '',
        '',
        '\t',
        '  ',
        '\t \t',
        '',
        'b\tB-X',
        '\t',
        'c\tO',
        '',
        '',
        '',
      ].join(eol);
      const r = run(text);
      expect(shape(r.document)).toEqual(['1-1: a/O', '8-8: b/B-X', '10-10: c/O']);
      expect(at(r)).toEqual([]);
      roundTrips(enc(text));
    }
    // WNUT-17 separates sentences with a lone TAB: its README count holds
    expect(parse(read('corpora/wnut17/emerging.dev.conll')).document.sentences).toHaveLength(1009);
  });

  it('B23: no final newline, or many trailing blank lines: the last sentence is there and the count matches the reference count', () => {
    const file = read('corpora/wnut17/emerging.dev.conll'); // README: 1,009 sentences
    const text = new TextDecoder().decode(file);
    const ref = parse(file).document;
    expect(ref.sentences).toHaveLength(1009);
    const last = content(ref).at(-1);
    for (const variant of [
      text.replace(/\n+$/, ''), // no final newline
      text.replace(/\n+$/, '\n'), // exactly one
      `${text}\n\n\n\n\n\n\n\n`, // many trailing blank lines
      `${text}\t\n  \n\t\n`, // trailing whitespace-only lines
    ]) {
      const bytes = enc(variant);
      const r = parse(bytes);
      expect(r.document.sentences).toHaveLength(1009);
      expect(content(r.document).at(-1)).toEqual(last);
      expect(at(r).filter((c) => !c.startsWith('I_'))).toEqual(
        at(parse(file)).filter((c) => !c.startsWith('I_')),
      );
      roundTrips(bytes);
    }
    expect(shape(run('a\tB-X\nb\tI-X').document)).toEqual(['1-2: a/B-X b/I-X']);
  });

  it('B24: spaces or TABs after the tag → the tag is read without them, an info diagnostic, the bytes kept on export', () => {
    const text = 'a\tB-PER \nb\tI-PER\t\nc\tO \t \nd O  \n';
    const r = run(text);
    expect(r.document.sentences[0]!.tags).toEqual(['B-PER', 'I-PER', 'O', 'O']);
    expect(at(r)).toEqual([
      'I_TRAILING_WHITESPACE@1:8',
      'I_TRAILING_WHITESPACE@2:8',
      'I_TRAILING_WHITESPACE@3:4',
      'W_DELIMITER@4:1',
      'I_TRAILING_WHITESPACE@4:4',
    ]);
    expect(r.diagnostics.every((d) => d.severity === 'info' || d.code === 'W_DELIMITER')).toBe(
      true,
    );
    roundTrips(enc(text));
    // an edit of a padded tag replaces the tag only: the padding stays
    const e = applyStep(r.document, setTagsStep(r.document, 0, 0, ['B-ORG']));
    expect(e.ok && new TextDecoder().decode(serialize(e.doc))).toBe(
      text.replace('B-PER ', 'B-ORG '),
    );
  });

  it('B25: O I-PER I-PER → W_I_WITHOUT_B, read as one PER entity, never rewritten on import; the repair is an explicit, undoable step', () => {
    const text = 'John\tB-PER\nsaid\tO\n\nthe\tO\nSmith\tI-PER\nfamily\tI-PER\n';
    const bytes = enc(text);
    const r = parse(bytes);
    expect(r.document.scheme.scheme).toBe('iob2');
    expect(at(r)).toEqual(['W_I_WITHOUT_B@5:7']);
    expect(r.diagnostics[0]).toMatchObject({ severity: 'warning', found: 'I-PER', sentence: 1 });
    const s = r.document.sentences[1]!;
    expect(s.tags).toEqual(['O', 'I-PER', 'I-PER']); // no silent rewrite to B-
    expect(extractChunks(s.tags, r.document.scheme.rules)).toEqual([
      { start: 1, end: 3, type: 'PER' },
    ]);
    // the one-click fix
    const tr = repairSentences(r.document, [1]);
    expect(tr?.steps).toEqual([
      { type: 'setTags', sentence: 1, start: 1, before: ['I-PER'], after: ['B-PER'] },
    ]);
    const fixed = applyTransaction(r.document, tr!)!;
    expect(fixed.sentences[1]!.tags).toEqual(['O', 'B-PER', 'I-PER']);
    expect(new TextDecoder().decode(serialize(fixed))).toBe(
      text.replace('Smith\tI-PER', 'Smith\tB-PER'),
    );
    const history = record(EMPTY_HISTORY, tr!, 0);
    const back = undo(fixed, history)!;
    expect(back.doc.sentences[1]!.tags).toEqual(['O', 'I-PER', 'I-PER']);
    expect(same(serialize(back.doc), bytes)).toBe(true);
    // declared scheme wins: the same sentence alone, declared IOB2
    expect(at(run('the\tO\nSmith\tI-PER\nfamily\tI-PER\n', { scheme: 'iob2' }))).toEqual([
      'W_I_WITHOUT_B@2:7',
    ]);
  });

  it('B26: BIOES/BILOU tags, lowercase b-per, bare B/I → the scheme is reported or a warning per tag; nothing crashes', () => {
    const bioes = run('a\tS-PER\nb\tB-X\nc\tE-X\n');
    expect(bioes.document.scheme.scheme).toBe('bioes');
    expect(bioes.document.scheme.detected.reason).toMatch(/BIOES/);
    expect(at(bioes)).toEqual([]);
    const bilou = run('a\tU-PER\nb\tB-X\nc\tL-X\n');
    expect(bilou.document.scheme.scheme).toBe('bilou');
    expect(bilou.document.scheme.detected.reason).toMatch(/BILOU/);
    expect(at(bilou)).toEqual([]);
    const lower = run('a\tb-per\nb\ti-per\nc\tO\n');
    expect(at(lower)).toEqual(['W_LOWERCASE_PREFIX@1:3', 'W_LOWERCASE_PREFIX@2:3']);
    expect(find(lower, 'W_LOWERCASE_PREFIX')[0]!.expected).toBe('B-per');
    const bare = run('a\tB\nb\tI\nc\tO\n');
    expect(at(bare)).toEqual(['W_EMPTY_TYPE@1:3', 'W_EMPTY_TYPE@2:3']);
    // any mix of odd tags: never throws, always round-trips
    const odd = fc.constantFrom(
      'O',
      'B',
      'I',
      'b-per',
      'S-X',
      'E-X',
      'U-Y',
      'L-Y',
      'M-Z',
      'X-',
      '-',
      'B--',
      'i-',
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(odd, { minLength: 1, maxLength: 5 }), { maxLength: 6 }),
        (sents) => {
          const t = sents.map((s) => s.map((tag, i) => `t${i}\t${tag}\n`).join('')).join('\n');
          const res = run(t);
          expect(same(serialize(res.document), enc(t))).toBe(true);
          expect(res.document.sentences.map((s) => s.tags)).toEqual(sents);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('B27: types with hyphens or Unicode → prefix is the text before the first "-", type the rest; they round-trip', () => {
    const text = 'a\tB-ORG-X\nb\tI-ORG-X\nc\tO\nd\tB-人名\ne\tI-人名\nf\tB-geo-loc\ng\tI-geo-loc\n';
    const r = run(text);
    expect(at(r)).toEqual([]);
    expect(splitTag('B-ORG-X')).toEqual({ prefix: 'B', type: 'ORG-X' });
    expect(splitTag('I-geo-loc')).toEqual({ prefix: 'I', type: 'geo-loc' });
    expect(splitTag('B-人名')).toEqual({ prefix: 'B', type: '人名' });
    const s = r.document.sentences[0]!;
    expect(extractChunks(s.tags, r.document.scheme.rules).map((c) => c.type)).toEqual([
      'ORG-X',
      '人名',
      'geo-loc',
    ]);
    roundTrips(enc(text));
    // and an edit to such a type is written back as is
    const e = applyStep(r.document, setTagsStep(r.document, 0, 3, ['B-geo-loc', 'I-geo-loc']));
    expect(e.ok && parse(serialize(e.doc)).document.sentences[0]!.tags.slice(3, 5)).toEqual([
      'B-geo-loc',
      'I-geo-loc',
    ]);
  });

  it('B28: <s>/</s> markers: balanced ones are boundaries; unmatched </s>, nested <s>, padded <s>, unclosed <s> are reported; "<s>\\tO" is a token', () => {
    const balanced = run('<s>\na\tO\n</s>\n<s>\nb\tB-X\n</s>\n');
    expect(at(balanced)).toEqual([]);
    expect(shape(balanced.document)).toEqual(['2-2: a/O', '5-5: b/B-X']);
    const text = '</s>\na\tO\n<s>\nb\tO\n<s>\nc\tO\n</s>\n<s> \nd\tO\n</s>\n<s>\tO\n<s>\ne\tO\n';
    const r = run(text);
    expect(at(r)).toEqual([
      'W_UNMATCHED_CLOSE@1:1',
      'W_NESTED_OPEN@5:1',
      'W_MARKER_WHITESPACE@8:4',
      'W_UNCLOSED_OPEN@12:1',
    ]);
    expect(r.diagnostics.every((d) => d.severity === 'warning')).toBe(true);
    expect(find(r, 'W_NESTED_OPEN')[0]!.message).toBe('<s> inside a sentence opened at line 3');
    expect(shape(r.document)).toEqual([
      '2-2: a/O',
      '4-4: b/O',
      '6-6: c/O',
      '9-9: d/O',
      '11-11: <s>/O',
      '13-13: e/O',
    ]);
    roundTrips(enc(text));
    // the seed's 65 sentences are delimited by markers
    const seed = parse(read('seeds/multipath-tcp.bio.txt'));
    expect(seed.document.sentences).toHaveLength(65);
    expect(seed.document.dialect.sentenceMarkers).toBe(130);
    expect(at(seed)).toEqual([]);
  });

  it('B29: cp1252 bytes in a UTF-8 file → E_ENCODING with byte offset and line/col, no U+FFFD in the document; reopening as windows-1252 re-parses cleanly and writes the same bytes back', () => {
    const bytes = new Uint8Array([...enc('a\tO\n\ncaf'), 0xe9, ...enc('\tB-LOC\nx\tO\n\nb\tO\n')]);
    const r = parse(bytes);
    expect(at(r)).toEqual(['E_ENCODING@3:4']);
    expect(r.diagnostics[0]).toMatchObject({
      severity: 'error',
      byteOffset: 8,
      found: '0xE9',
      expected: 'UTF-8',
      message: 'byte 0xE9 at offset 8 is not valid UTF-8',
    });
    expect(r.diagnostics[0]!.hint).toMatch(/windows-1252/);
    expect(textString(r.document.text).includes('\uFFFD')).toBe(false);
    expect(lineText(r.document, 3)).toBe('café\tB-LOC'); // the read-only raw view
    expect(shape(r.document)).toEqual(['1-1: a/O', '3-4Q: x/O', '6-6: b/O']);
    roundTrips(bytes);

    // "Reopen as windows-1252"
    const cp = parse(bytes, { encoding: 'windows-1252' });
    expect(at(cp)).toEqual([]);
    expect(shape(cp.document)).toEqual(['1-1: a/O', '3-4: café/B-LOC x/O', '6-6: b/O']);
    roundTrips(bytes, { encoding: 'windows-1252' });
    // edits are written in windows-1252 too, untouched bytes stay
    const e = applyStep(cp.document, setTagsStep(cp.document, 1, 0, ['B-Société']));
    expect(e.ok).toBe(true);
    if (!e.ok) return;
    const out = serialize(e.doc);
    expect([...out]).toEqual([
      ...enc('a\tO\n\ncaf'),
      0xe9,
      ...enc('\tB-Soci'),
      0xe9,
      ...enc('t'),
      0xe9,
      ...enc('\nx\tO\n\nb\tO\n'),
    ]);
    expect(parse(out, { encoding: 'windows-1252' }).document.sentences[1]!.tags).toEqual([
      'B-Société',
      'O',
    ]);
    // a structural edit (split "café" into "ca" + "fé") is written in windows-1252 as well
    const split = splitTokenStep(cp.document, 1, 0, 2);
    expect(typeof split).not.toBe('string');
    const applied = applyStructure(cp.document, split as StructureStep);
    expect(applied.ok).toBe(true);
    if (!applied.ok) return;
    const splitOut = serialize(applied.doc);
    expect(splitOut.includes(0xc3)).toBe(false); // no UTF-8 sneaks in
    const reread = parse(splitOut, { encoding: 'windows-1252' }).document;
    expect(reread.sentences.flatMap((x) => sentenceTokens(reread, x))).toEqual([
      'a',
      'ca',
      'fé',
      'x',
      'b',
    ]);
    expect(firstUnencodable('B-Société', 'windows-1252')).toBeNull();
    expect(firstUnencodable('B-人名', 'windows-1252')).toBe('人');
    expect(firstUnencodable('B-人名', 'utf-8')).toBeNull();
  });

  it('B29: a real German corpus saved as windows-1252: every line with an umlaut is E_ENCODING (no U+FFFD), and reopening as windows-1252 gives the UTF-8 original document', () => {
    const utf8 = read('corpora/germeval2014/NER-de-dev.tsv').subarray(0, 200_000);
    const cut = utf8.lastIndexOf(10) + 1;
    const text = new TextDecoder().decode(utf8.subarray(0, cut));
    // the few characters windows-1252 lacks become '?' (as a "Save as ANSI" would write them)
    const cp1252Text = [...text]
      .map((ch) => (firstUnencodable(ch, 'windows-1252') === null ? ch : '?'))
      .join('');
    const cpBytes = Uint8Array.from(cp1252Text, (ch) => {
      const b = new TextEncoder().encode(ch);
      if (b.length === 1) return b[0]!;
      // the windows-1252 byte of ch: search the 128 high bytes
      const d = new TextDecoder('windows-1252');
      for (let x = 0x80; x < 0x100; x++) if (d.decode(Uint8Array.of(x)) === ch) return x;
      throw new Error(ch);
    });
    const linesWithHigh = cp1252Text.split('\n').filter((l) => /[^\x00-\x7f]/.test(l)).length;
    expect(linesWithHigh).toBeGreaterThan(100);
    const asUtf8 = parse(cpBytes, { tagColumn: 2 });
    expect(asUtf8.diagnosticCounts.get('E_ENCODING')).toBe(linesWithHigh);
    expect(textString(asUtf8.document.text).includes('\uFFFD')).toBe(false);
    roundTrips(cpBytes, { tagColumn: 2 });
    const reopened = parse(cpBytes, { tagColumn: 2, encoding: 'windows-1252' });
    expect(reopened.diagnosticCounts.get('E_ENCODING') ?? 0).toBe(0);
    expect(at(reopened).filter((c) => c.startsWith('E'))).toEqual([]);
    expect(reopened.document.sentences.filter((s) => s.quarantined)).toHaveLength(0);
    const original = parse(enc(cp1252Text), { tagColumn: 2 });
    expect(content(reopened.document)).toEqual(content(original.document));
    roundTrips(cpBytes, { tagColumn: 2, encoding: 'windows-1252' });
  });

  it('B30: a PNG / NUL bytes in the first 8 KiB → "not a text file" in < 100 ms, nothing to render', () => {
    const png = new Uint8Array(8_000_000);
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    for (let i = 16; i < png.length; i++) png[i] = (i * 2654435761) >>> 24;
    const t0 = performance.now();
    const r = parse(png);
    const ms = performance.now() - t0;
    expect(ms).toBeLessThan(100);
    expect(at(r)).toEqual(['E_BINARY@0:0']);
    expect(r.diagnostics[0]!.message).toBe('not a text file: NUL byte at offset 8');
    expect(r.document.refused).toBe(true);
    expect(r.document.sentences).toHaveLength(0);
    expect(r.document.tokens.line).toHaveLength(0);
    expect(r.document.text).toBe('');
    expect(same(serialize(r.document), png)).toBe(true);
    // a NUL at byte 8191 refuses; the first NUL at byte 8192 does not (it is a control character)
    const text = (nulAt: number) => {
      const b = enc(`${'a\tO\n'.repeat(2100)}`);
      b[nulAt] = 0;
      return b;
    };
    expect(parse(text(8191)).document.refused).toBe(true);
    const later = parse(text(8192));
    expect(later.document.refused).toBe(false);
    expect(find(later, 'I_INVISIBLE_CHAR').map((d) => `${d.line}:${d.column}`)).toEqual(['2049:1']);
  });

  it('B31: an empty file, and a file of only blank lines → 0 sentences and an info; no phantom empty sentence', () => {
    const empty = run('');
    expect(at(empty)).toEqual(['I_EMPTY_FILE@0:0']);
    expect(empty.diagnostics[0]!.severity).toBe('info');
    expect(empty.document.sentences).toHaveLength(0);
    roundTrips(new Uint8Array(0));
    for (const blank of [
      '\n',
      '\n\n\n',
      '\r\n\r\n',
      '\t\n  \n',
      ' ',
      '\uFEFF',
      '\uFEFF\n\n',
      '<s>\n</s>\n',
    ]) {
      const r = run(blank);
      expect(r.document.sentences, JSON.stringify(blank)).toHaveLength(0);
      expect(find(r, 'I_NO_TOKENS')).toHaveLength(1);
      expect(r.diagnostics.every((d) => d.severity !== 'error')).toBe(true);
      roundTrips(enc(blank));
    }
  });

  it('B32: one 10 MB line → E_LINE_TOO_LONG naming the cap; the other lines load', () => {
    const text = `a\tO\n\n${'x'.repeat(10_000_000)}\tO\n\nb\tB-X\n`;
    const t0 = performance.now();
    const r = run(text);
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(at(r)).toEqual(['E_LINE_TOO_LONG@3:1']);
    expect(r.diagnostics[0]!.message).toBe(
      `line is 10000002 characters long; the limit is ${MAX_LINE_LENGTH}`,
    );
    expect(r.diagnostics[0]!.expected).toBe('at most 100000 characters');
    expect(shape(r.document)).toEqual(['1-1: a/O', '3-3Q: ', '5-5: b/B-X']);
    roundTrips(enc(text));
  });

  it('B33: "-DOCSTART- -X- O O" and "# comment" lines are kept verbatim in place on export and are never tokens', () => {
    const text =
      '-DOCSTART- -X- O O\n\n# source: x\nEU NNP B-NP B-ORG\n# mid-sentence note\nrejects VBZ B-VP O\n\n-DOCSTART- -X- O O\n\nPeter NNP B-NP B-PER\n';
    const r = run(text);
    expect(shape(r.document)).toEqual(['3-6: EU/B-ORG rejects/O', '10-10: Peter/B-PER']);
    expect(r.document.sentences.map((s) => s.doc)).toEqual([0, 1]);
    expect(r.document.dialect).toMatchObject({ docStarts: 2, comments: 2 });
    expect([...r.document.tokens.line]).toEqual([4, 6, 10]);
    const e = applyStep(r.document, setTagsStep(r.document, 0, 0, ['B-MISC']));
    expect(e.ok && new TextDecoder().decode(serialize(e.doc))).toBe(
      text.replace('B-NP B-ORG', 'B-NP B-MISC'),
    );
    // real files: CoNLL-2003 (-DOCSTART-, CRLF) and GermEval (# lines)
    const conll = read('corpora/conll2003/iob1-crlf/eng.testa');
    const c = parse(conll).document;
    const docstarts = new TextDecoder()
      .decode(conll)
      .split('\r\n')
      .filter((l) => l.startsWith('-DOCSTART-')).length;
    expect(c.dialect.docStarts).toBe(docstarts);
    expect(c.sentences.at(-1)!.doc).toBe(docstarts - 1);
    const ge = read('corpora/germeval2014/NER-de-dev.tsv');
    const g = parse(ge, { tagColumn: 2 }).document;
    const commentLines = new TextDecoder()
      .decode(ge)
      .split('\n')
      .filter((l) => l.startsWith('#\t'));
    expect(g.dialect.comments).toBe(commentLines.length);
    for (const s of g.sentences.slice(0, 200))
      for (const tok of sentenceTokens(g, s)) expect(tok.startsWith('http')).toBe(false);
    roundTrips(conll);
    roundTrips(ge, { tagColumn: 2 });
  });

  it('B34: an empty token ("\\tB-PER") or empty tag ("word\\t") → a diagnostic at the right column; the sentence is quarantined and exported verbatim', () => {
    const text = 'a\tO\n\tB-PER\n\nb\tO\nword\t\n\nc\tO\nword \t\n\nd\tB-X\n';
    const r = run(text);
    expect(at(r)).toEqual(['E_EMPTY_TOKEN@2:1', 'E_EMPTY_TAG@5:6', 'E_EMPTY_TAG@8:7']);
    expect(r.diagnostics.map((d) => d.message)).toEqual([
      'the token is empty',
      'the tag is empty',
      'the tag is empty',
    ]);
    expect(shape(r.document)).toEqual(['1-2Q: a/O', '4-5Q: b/O', '7-8Q: c/O', '10-10: d/B-X']);
    roundTrips(enc(text));
    // a middle tag column that holds only spaces (GermEval-like, tag column 3)
    const rows = Array.from({ length: 30 }, (_, i) => `${i + 1}\tw${i}\tO\tO`);
    rows[1] = '2\tStadt\t  \tO';
    const ge = run(rows.join('\n') + '\n', { tagColumn: 2 });
    expect(at(ge)).toEqual(['E_EMPTY_TAG@2:9']);
    expect(ge.document.sentences[0]!.quarantined).toBe(true);
  });
});

describe('D. load', () => {
  const HUGE = 600_000_000;
  /** A Uint8Array that claims to be 600 MB without allocating it (only `length` is read). */
  class Huge extends Uint8Array {
    override get length(): number {
      return HUGE;
    }
  }

  it('B47: the size limit fits a V8 string, and a file over it is refused with a message naming the limit', () => {
    // V8's longest string is 2^29-24 characters; a file decodes to at most one UTF-16 unit per
    // byte, so every file the limit lets through fits in one string.
    expect(MAX_FILE_BYTES).toBe(2 ** 29 - 24);
    expect(MAX_FILE_SIZE_TEXT).toBe('536,870,888 bytes (512 MiB)');
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.boolean(), (bytes, cp) => {
        const d = decodeBytes(bytes, cp ? 'windows-1252' : 'utf-8');
        expect(d.text.length).toBeLessThanOrEqual(bytes.length);
      }),
      { numRuns: 500 },
    );
    expect(fileSizeRefusal(MAX_FILE_BYTES)).toBeNull();
    expect(fileSizeRefusal(MAX_FILE_BYTES + 1)).not.toBeNull();
    expect(fileSizeRefusal(HUGE)).toBe(
      'file is 600,000,000 bytes; the limit is 536,870,888 bytes (512 MiB), the longest text a browser can hold as one string',
    );
  });

  it('B47: parsing a 600 MB file refuses it at once with E_FILE_TOO_LARGE (never throws, never "Invalid string length"), in the page and through the parse client', async () => {
    const huge = new Huge(0);
    expect(huge.length).toBe(HUGE);
    const t0 = performance.now();
    const r = parse(huge);
    expect(performance.now() - t0).toBeLessThan(100);
    expect(r.diagnostics).toHaveLength(1);
    const d: Diagnostic = r.diagnostics[0]!;
    expect(d).toMatchObject({ code: 'E_FILE_TOO_LARGE', severity: 'error', line: 0 });
    expect(d.message).toContain('the limit is 536,870,888 bytes (512 MiB)');
    expect(r.document.refused).toBe(true);
    expect(r.document.sentences).toHaveLength(0);
    // the client decides before it would start a worker (there is no Worker in Node: starting
    // one would throw), and hands back the same refusal
    const job = startParse(huge, {}, () => undefined);
    const viaClient = await job.result;
    expect(viaClient.diagnostics.map((x) => x.code)).toEqual(['E_FILE_TOO_LARGE']);
    expect(viaClient.document.refused).toBe(true);
  });
  it('B47: the app refuses a 600 MB file (also a brat .txt) before reading a byte, with a message naming the limit, and keeps what was open', async () => {
    const { openFiles } = await import('../../features/import-export/open-file');
    const { useEditor } = await import('../../store/editor-store');
    let reads = 0;
    const fake = (name: string, size: number) =>
      ({
        name,
        size,
        arrayBuffer: () => (reads++, Promise.reject(new Error('read'))),
        text: () => (reads++, Promise.reject(new RangeError('Invalid string length'))),
        slice: () => fake(name, 0),
      }) as unknown as File;
    const before = useEditor.getState().doc;
    for (const files of [
      [fake('corpus.conll', HUGE)],
      [fake('notes.txt', HUGE)],
      [fake('doc.txt', HUGE), fake('doc.ann', 10)],
    ]) {
      await openFiles(files);
      const st = useEditor.getState();
      expect(st.importState.phase).toBe('failed');
      expect(st.importState.fileName).toBe(files[0]!.name);
      expect(st.importState.error).toBe(
        `${files[0]!.name}: file is 600,000,000 bytes; the limit is 536,870,888 bytes (512 MiB), the longest text a browser can hold as one string. Split the corpus into smaller files.`,
      );
      expect(st.importState.error).not.toMatch(/Invalid string length/);
      expect(st.doc).toBe(before); // no empty document replaces what was open
    }
    expect(reads).toBe(0);
  });
});
