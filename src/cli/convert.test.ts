import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from '../core/format/parse';
import { sentenceTokens } from '../core/model/document';
import { UsageError } from './args';
import { run } from './main';

const SEED = resolve(process.cwd(), '../shared/seeds/multipath-tcp.bio.txt');
const FIXTURES = resolve(process.cwd(), 'src/core/interchange/fixtures');
const tmp = mkdtempSync(join(tmpdir(), 'retag-convert-'));
const text = (o: string | Uint8Array) => (typeof o === 'string' ? o : new TextDecoder().decode(o));
const write = (name: string, content: string | Uint8Array) => {
  const p = join(tmp, name);
  writeFileSync(p, content);
  return p;
};

/** Tokens and tags per sentence, to compare two CoNLL texts. */
const content = (conll: string | Uint8Array) => {
  const d = parse(text(conll)).document;
  return d.sentences.map((s) => [sentenceTokens(d, s).join(' '), s.tags.join(' ')]);
};

describe('retag convert --to / --from', () => {
  it('goes CoNLL → each format → CoNLL with the same tokens and tags (the seed)', () => {
    const want = content(readFileSync(SEED));
    for (const to of ['jsonl-doccano', 'label-studio', 'prodigy'] as const) {
      const out = run(['convert', SEED, '--to', to]);
      expect(out.status, to).toBe(0);
      expect(out.stderr).toBe(`retag: ${SEED}: conll -> ${to}: 65 sentences written, 0 left out\n`);
      const f = write(`seed.${to === 'label-studio' ? 'json' : 'jsonl'}`, out.stdout);
      const back = run(['convert', f]);
      expect(back.status).toBe(0);
      expect(content(back.stdout)).toEqual(want);
    }
    const brat = run(['convert', SEED, '--to', 'brat', '-o', join(tmp, 'seed')]);
    expect(brat.files?.map((f) => f.path)).toEqual([join(tmp, 'seed.txt'), join(tmp, 'seed.ann')]);
    for (const f of brat.files ?? []) writeFileSync(f.path, f.bytes);
    for (const input of ['seed.ann', 'seed.txt']) {
      const back = run(['convert', join(tmp, input)]);
      expect(back.status).toBe(0);
      expect(content(back.stdout)).toEqual(want);
    }
  });

  it('writes the scheme asked for, from any format', () => {
    const f = write('one.jsonl', '{"text": "New York", "label": [[0, 8, "LOC"]]}\n');
    expect(text(run(['convert', f, '--scheme', 'bioes']).stdout)).toBe('New\tB-LOC\nYork\tE-LOC\n');
    expect(text(run(['convert', f, '--to', 'conll', '--scheme', 'iob1']).stdout)).toBe(
      'New\tI-LOC\nYork\tI-LOC\n',
    );
  });

  it('prints findings as FILE:LINE:COL: severity CODE message; exit 1 when a span was left out', () => {
    const f = join(FIXTURES, 'doccano.jsonl');
    const r = run(['convert', f]);
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toMatch(/doccano\.jsonl:1:1: info I_TOKENIZED text without token offsets/);
    expect(lines).toContain(
      `${f}:4:1: warning W_SPAN_MISALIGNED label[0] "PER" [0, 9): ends inside the token "Obama"; span left out (never shifted to fit)`,
    );
    expect(lines.some((l) => l.includes('I_SPAN_DUPLICATE'))).toBe(false);
    expect(run(['convert', f, '--verbose']).stderr).toContain('I_SPAN_DUPLICATE');
    expect(lines.at(-1)).toBe(
      `retag: ${f}: jsonl-doccano -> conll: 9 records (1 skipped), 8 sentences, 38 tokens, 9 entities; 12 spans left out`,
    );
    const clean = write('clean.jsonl', '{"text": "Oslo", "label": [[0, 4, "LOC"]]}\n');
    expect(run(['convert', clean]).status).toBe(0);
  });

  it('reads brat with the tokenization asked for', () => {
    const ann = join(FIXTURES, 'brat.ann');
    const r = run(['convert', ann, '--tokenize', 'whitespace']);
    expect(text(r.stdout).split('\n')[7]).toBe('cells.\tO');
    expect(r.stderr).toMatch(/I_TOKENIZED text without token offsets was split at whitespace/);
    expect(run(['convert', ann, '--from', 'brat', '--to', 'prodigy']).status).toBe(1);
  });

  it('refuses what cannot work, as usage errors', () => {
    for (const argv of [
      ['convert', SEED, '--to', 'brat'],
      ['convert', SEED, '--to', 'xml'],
      ['convert', SEED, '--to', 'prodigy', '--scheme', 'bioes'],
      ['convert', SEED, '--tokenize', 'chars'],
      ['check', SEED, '--to', 'prodigy'],
      ['spans', SEED, '--json'],
      ['convert', write('x.conll', 'a\tO\n'), '--from', 'brat'],
    ]) {
      expect(() => run(argv), argv.join(' ')).toThrow(UsageError);
    }
  });

  it('keeps the CoNLL → CoNLL convert byte-identical', () => {
    const out = run(['convert', SEED]).stdout as Uint8Array;
    expect(Buffer.from(out).equals(readFileSync(SEED))).toBe(true);
  });
});

describe('retag stats', () => {
  it('prints the text layout (pinned on the seed)', () => {
    const r = run(['stats', SEED]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(
      [
        SEED,
        '  tokens       1390',
        '  sentences    65',
        '  documents    1',
        '  entities     122',
        '  scheme       IOB2 (BIO), detected',
        '  invalid      none',
        '  quarantined  none',
        '',
        '  type                count   share  mean length',
        '  Protocol               92   75.4%         1.62',
        '  Application            13   10.7%         1.23',
        '  Operating_System        9    7.4%         1.67',
        '  Architecture            5    4.1%         2.00',
        '  Device                  2    1.6%         2.50',
        '  Language                1    0.8%         3.00',
        '',
        '  length    count   share  by type',
        '       1       57   46.7%  Protocol 42, Application 11, Operating_System 3, Device 1',
        '       2       56   45.9%  Protocol 44, Application 1, Operating_System 6, Architecture 5',
        '       3        7    5.7%  Protocol 5, Application 1, Language 1',
        '       4        2    1.6%  Protocol 1, Device 1',
        '',
      ].join('\n'),
    );
  });
  it('prints one JSON object with --json (pinned on the seed)', () => {
    const r = run(['stats', '--json', SEED]);
    expect(r.stdout).toBe(
      `{"file":${JSON.stringify(SEED)},"tokens":1390,"sentences":65,"documents":1,"entities":122,"scheme":"iob2","schemeName":"IOB2 (BIO)","schemeSource":"detected",` +
        '"entitiesByType":[["Protocol",92],["Application",13],["Operating_System",9],["Architecture",5],["Device",2],["Language",1]],' +
        '"lengths":[[1,57],[2,56],[3,7],[4,2]],' +
        '"lengthsByType":[["Protocol",[[1,42],[2,44],[3,5],[4,1]]],["Application",[[1,11],[2,1],[3,1]]],["Operating_System",[[1,3],[2,6]]],["Architecture",[[2,5]]],["Device",[[1,1],[4,1]]],["Language",[[3,1]]]],' +
        '"invalid":[],"invalidSentences":0,"quarantined":[]}\n',
    );
  });
  it('shows invalid sequences, quarantined sentences and odd labels safely; exit 1 on errors', () => {
    const f = write('bad.tsv', 'a\tI-X\nb\tO\n\nc\tB-__proto__\nd\tO\tz\n\ne\tB-a\u0007b\n');
    const r = run(['stats', f]);
    expect(r.status).toBe(1);
    expect(text(r.stdout)).toContain('  invalid      W_I_WITHOUT_B 1 (in 1 sentence)\n');
    expect(text(r.stdout)).toContain('  quarantined  1 sentence (line 4); see retag check\n');
    expect(text(r.stdout)).toContain('  a\\u0007b ');
    const j = JSON.parse(text(run(['stats', '--json', f]).stdout));
    expect(j.entitiesByType).toEqual([
      ['X', 1],
      ['__proto__', 1],
      ['a\u0007b', 1],
    ]);
    expect(j.invalid).toEqual([['W_I_WITHOUT_B', 1]]);
    expect(j.quarantined).toEqual([{ sentence: 1, line: 4 }]);
  });
});
