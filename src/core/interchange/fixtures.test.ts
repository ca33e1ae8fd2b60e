// Hand-written inputs in each tool's documented format (fixtures/), imported: tags and findings.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from '../format/parse';
import { conll } from '../testing/fixtures';
import { importInterchange, type ImportResult, type InterchangeFormat } from './index';

const DIR = 'src/core/interchange/fixtures/';
const file = (name: string) => ({ name, text: readFileSync(DIR + name, 'utf8') });
const run = (format: InterchangeFormat, ...names: string[]) =>
  importInterchange(format, names.map(file));
/** Findings as `line CODE`, in order. */
const found = (r: ImportResult) => r.diagnostics.map((d) => `${d.line} ${d.code}`);

describe('doccano JSONL', () => {
  const r = run('jsonl-doccano', 'doccano.jsonl');
  it('reads "label", "labels", 1.x "entities" and "data"; prose is tokenized into words', () => {
    expect(r.conll).toBe(
      conll(
        'EU/B-ORG rejects/O German/B-MISC call/O to/O boycott/O British/B-MISC lamb/O ./O',
        'Peter/B-PER Blackburn/I-PER',
        'BRUSSELS/B-LOC 1996-08-22/O',
        'Barack/O Obama/O visited/O Paris/B-LOC ./O',
        'New/O York/O City/O is/O big/O ./O',
        'Labels/B-__proto__ are/B-constructor plain/O strings/O ./O',
        'Odd/O offsets/O here/O ./O',
        'Emoji/O 😀/O Anna/B-PER waves/O ./O',
      ),
    );
  });
  it('reports every span it leaves out, at its line, and skips malformed lines', () => {
    expect(found(r)).toEqual([
      '0 I_TOKENIZED',
      '4 I_SPAN_DUPLICATE',
      '4 W_SPAN_MISALIGNED',
      '5 W_SPAN_OVERLAP',
      '5 W_SPAN_OVERLAP',
      '6 E_JSON',
      '7 E_RECORD',
      '9 W_SPAN_LABEL',
      '9 W_SPAN_LABEL',
      '10 W_SPAN_SHAPE',
      ...Array(6).fill('10 W_SPAN_OFFSETS'),
    ]);
    expect(r.diagnostics.find((d) => d.code === 'W_SPAN_MISALIGNED')?.message).toBe(
      'label[0] "PER" [0, 9): ends inside the token "Obama"; span left out (never shifted to fit)',
    );
    expect(r.stats).toEqual({
      records: 9,
      recordsSkipped: 1,
      sentences: 8,
      tokens: 38,
      documents: 1,
      spans: 22,
      entities: 9,
      spansLeftOut: 12,
    });
  });
  it('writes a -DOCSTART- before each record when records hold several sentences', () => {
    const p = run('jsonl-doccano', 'doccano-prose.jsonl');
    expect(p.conll).toBe(
      '-DOCSTART-\tO\n\n' +
        conll('Anna/B-PER met/O Bob/B-PER ./O', 'They/O went/O to/O New/B-LOC York/I-LOC ./O') +
        '\n-DOCSTART-\tO\n\n' +
        conll('Dr./B-PER Who/I-PER left/O ./O') +
        '\n-DOCSTART-\tO\n\n' +
        conll('It/O ended/O ./O', 'Then/O Mr./O Smith/O came/O ./O'),
    );
    expect(found(p)).toEqual(['0 I_TOKENIZED', '0 I_DOCUMENTS', '3 W_SPAN_MISALIGNED']);
    const doc = parse(p.conll).document;
    expect(doc.sentences.map((s) => s.doc)).toEqual([0, 0, 1, 2, 2]);
  });
});

describe('Label Studio JSON', () => {
  const r = run('label-studio', 'label-studio.json');
  it('reads the first annotation not cancelled, else the first prediction; text from data', () => {
    expect(r.conll).toBe(
      conll(
        'Angela/B-PER Merkel/I-PER visited/O Paris/B-LOC ./O',
        'Siemens/B-ORG hires/O in/O Munich/O ./O',
        'Rome/B-LOC is/O old/O ./O',
      ),
    );
  });
  it('reports ignored annotations and results, cancelled tasks, bad spans, with task lines', () => {
    expect(found(r)).toEqual([
      '0 I_TOKENIZED',
      '2 I_IGNORED',
      '2 I_IGNORED',
      '50 I_IGNORED',
      '50 W_SPAN_SHAPE',
      '75 W_RECORD_REJECTED',
      '80 I_IGNORED',
      '80 W_SPAN_TEXT',
      '80 W_SPAN_MISALIGNED',
      '111 E_RECORD',
    ]);
    expect(r.stats).toMatchObject({ records: 5, recordsSkipped: 2, entities: 4, spansLeftOut: 2 });
  });
});

describe('brat standoff', () => {
  const r = run('brat', 'brat.txt', 'brat.ann');
  it('reads T lines; one sentence per line; triggers, relations, notes stay out', () => {
    expect(r.conll).toBe(
      conll(
        'Protein/B-Gene_or_gene_product kinase/I-Gene_or_gene_product C/I-Gene_or_gene_product phosphorylates/O MDM2/B-Gene_or_gene_product in/O human/O cells/O ./O',
        'The/O MDM2/B-Gene_or_gene_product gene/O is/O amplified/O in/O sarcomas/O ./O',
      ),
    );
  });
  it('reports each .ann line it does not read into tags', () => {
    expect(found(r)).toEqual([
      '0 I_TOKENIZED',
      '3 I_IGNORED',
      '4 I_IGNORED',
      '5 W_SPAN_OVERLAP',
      '7 W_SPAN_DISCONTINUOUS',
      '8 I_IGNORED',
      '9 I_IGNORED',
      '10 I_IGNORED',
      '11 I_IGNORED',
      '12 W_SPAN_TEXT',
      '12 W_SPAN_OVERLAP',
      '13 W_SPAN_MISALIGNED',
      '14 W_BRAT_LINE',
    ]);
    expect(r.diagnostics.every((d) => d.file === 'brat.ann')).toBe(true);
    expect(r.stats).toMatchObject({ spans: 8, entities: 3, spansLeftOut: 4 });
  });
  it('takes whitespace tokens when asked, and says so', () => {
    const w = importInterchange('brat', [file('brat.txt'), file('brat.ann')], {
      tokenize: 'whitespace',
    });
    expect(w.conll.split('\n')[7]).toBe('cells.\tO');
    expect(w.diagnostics[0]?.message).toMatch(/split at whitespace.*\(as asked\)/);
  });
});

describe('Prodigy JSONL', () => {
  const r = run('prodigy', 'prodigy.jsonl');
  it('uses the given tokens; drops whitespace tokens; rewrites a TAB in a token', () => {
    expect(r.conll).toBe(
      [
        'Apple/B-ORG is/O looking/O at/O buying/O U.K./B-GPE startup/O ./O',
        'Tim/B-PERSON Cook/I-PERSON',
        'left/O ./O',
        'Berlin/O calling/O',
      ]
        .map((s) => conll(s))
        .map((s, i) => (i === 2 ? s : `-DOCSTART-\tO\n\n${s}`))
        .join('\n') +
        '\n-DOCSTART-\tO\n\nNew York\tB-GPE\n' +
        '\n-DOCSTART-\tO\n\n' +
        conll('Plain/O text/O ,/O no/O tokens/O :/O Oslo/B-GPE ./O'),
    );
  });
  it('checks token_start/token_end against the offsets; skips rejected answers', () => {
    expect(found(r)).toEqual([
      '0 I_TOKENIZED',
      '0 I_DOCUMENTS',
      '2 W_TOKEN_WHITESPACE',
      '3 W_SPAN_TOKENS',
      '3 W_SPAN_MISALIGNED',
      '4 W_RECORD_REJECTED',
      '5 W_TOKEN_WHITESPACE',
    ]);
    expect(r.stats).toMatchObject({ records: 6, recordsSkipped: 1, documents: 5, spansLeftOut: 2 });
  });
});
