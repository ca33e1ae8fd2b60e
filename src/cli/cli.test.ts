import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from './main';

const SEED = resolve(process.cwd(), '../shared/seeds/multipath-tcp.bio.txt');
const CORPORA = resolve(process.cwd(), '../shared/corpora');
const BIN = resolve(process.cwd(), 'bin/retag.mjs');
const text = (o: string | Uint8Array) => (typeof o === 'string' ? o : new TextDecoder().decode(o));
const tmp = mkdtempSync(join(tmpdir(), 'retag-cli-'));
const write = (name: string, content: string | Uint8Array) => {
  const p = join(tmp, name);
  writeFileSync(p, content);
  return p;
};

describe('retag check', () => {
  it('prints diagnostics as FILE:LINE:COL: severity CODE message, then a summary; exit 1 on errors', () => {
    const f = write('bad.tsv', 'a\tB-X\nb\tO\tX\n\nc\tI-P\nd\tB-Y\n');
    const r = run(['check', f]);
    expect(r.status).toBe(1);
    expect(text(r.stdout).split('\n').slice(0, 3)).toEqual([
      `${f}:2:1: error E_COLUMNS expected 2 TAB-separated columns, found 3 (expected 2 columns)`,
      `${f}:4:3: warning W_I_WITHOUT_B "I-P" after the sentence start starts no entity in IOB2 (expected B-P)`,
      `${f}: 3 tokens, 2 sentences, 1 document, 3 entities`,
    ]);
    expect(text(r.stdout)).toContain(
      '  diagnostics: 1 error, 1 warning, 0 infos; 1 sentence quarantined',
    );
  });
  it('summarises the seed: counts, entities per type, dialect, scheme; exit 0', () => {
    const r = run(['check', SEED]);
    expect(r.status).toBe(0);
    expect(text(r.stdout)).toBe(
      [
        `${SEED}: 1390 tokens, 65 sentences, 1 document, 122 entities`,
        '  entities: Protocol 92, Application 13, Operating_System 9, Architecture 5, Device 2, Language 1',
        '  dialect: TAB-separated, 2 columns (token 1, tag 2), <s>/</s> sentence markers, LF line endings',
        '  scheme: IOB2 (BIO), detected, confidence 1.000: B-/I- prefixes; 122 of 122 entities are well-formed IOB2 (BIO); entities read with the official conlleval rules',
        '  diagnostics: 0 errors, 0 warnings, 0 infos',
        '',
      ].join('\n'),
    );
  });
  it('reads the tag column it is given (1-based) and the scheme it is told', () => {
    const so = join(CORPORA, 'stackoverflow-ner/StackOverflow/test.txt');
    expect(text(run(['check', '--tag-column', '2', so]).stdout)).toContain(
      '55236 tokens, 4940 sentences, 1 document, 4654 entities',
    );
    const forced = text(run(['check', '--scheme-in', 'iob1', SEED]).stdout);
    expect(forced).toContain('scheme: IOB1, set by the user (detected IOB2 (BIO))');
  });
});

describe('retag spans', () => {
  it('prints one JSON object per entity per line, in file order', () => {
    const f = write('s.tsv', 'John\tB-PER\nSmith\tI-PER\nin\tO\nParis\tB-LOC\n\n"x"\tB-a"b\n');
    expect(text(run(['spans', f]).stdout)).toBe(
      '{"sentence": 0, "start": 0, "end": 2, "label": "PER"}\n{"sentence": 0, "start": 3, "end": 4, "label": "LOC"}\n{"sentence": 1, "start": 0, "end": 1, "label": "a\\"b"}\n',
    );
    const lines = text(run(['spans', SEED]).stdout)
      .trim()
      .split('\n');
    expect(lines).toHaveLength(122);
    expect(JSON.parse(lines[0]!)).toEqual({ sentence: 0, start: 0, end: 2, label: 'Protocol' });
  });
});

describe('review regressions', () => {
  it('exits 2 for a column that does not exist, in every command', () => {
    const f = write('cols.tsv', 'a I-X O\nb I-X B-Y\n');
    for (const argv of [
      ['convert', '--tag-column', '5', '--scheme', 'bioes', f],
      ['spans', '--tag-column', '5', f],
      ['check', '--token-column', '9', f],
    ]) {
      expect(() => run(argv)).toThrow(/column \d+ does not exist/);
    }
  });
  it('lists no spans for quarantined sentences, and escapes control characters in messages', () => {
    const f = write('q.tsv', 'a B-X\nb\nc I-X\nd I-X\n\ne B-Y\n');
    const r = run(['spans', f]);
    expect(text(r.stdout)).toBe('{"sentence": 1, "start": 0, "end": 1, "label": "Y"}\n');
    expect(r.stderr).toMatch(/1 malformed sentence not listed/);
    const cr = write('cr.tsv', 'a\tB-X\nb\tO\r\r\n');
    expect(text(run(['check', '--scheme-in', 'iob2', cr]).stdout)).toContain('\\u000D');
  });
});

describe('retag convert', () => {
  it('is byte-identical without a change of scheme', () => {
    const crlf = join(CORPORA, 'conll2003/iob1-crlf/eng.testa');
    const out = run(['convert', crlf]).stdout as Uint8Array;
    expect(Buffer.from(out).equals(readFileSync(crlf))).toBe(true);
  });
  it('rewrites only tag fields, and converts back losslessly (IOB2 ↔ BIOES on BioNLP13CG)', () => {
    const iob = join(CORPORA, 'bionlp13cg/iob/devel.tsv');
    const iobes = readFileSync(join(CORPORA, 'bionlp13cg/iobes/devel.tsv'));
    const toBioes = run(['convert', iob, '--scheme', 'bioes']).stdout as Uint8Array;
    // The IOBES copy lacks only the final blank line of the IOB copy.
    expect(Buffer.from(toBioes).subarray(0, iobes.length).equals(iobes)).toBe(true);
    const out = write('bioes.tsv', toBioes);
    const back = run(['convert', out, '--scheme', 'iob2']).stdout as Uint8Array;
    expect(Buffer.from(back).equals(readFileSync(iob))).toBe(true);
  });
  it('says which sentences it could not convert', () => {
    const f = write('sp.tsv', 'a\tB-X Y\nb\tI-X Y\n\nc\tB-Z\n');
    const r = run(['convert', f, '--scheme', 'bioes']);
    expect(r.stderr).toMatch(/1 sentence left unchanged: the new tags cannot be written/);
    expect(text(r.stdout)).toBe('a\tB-X Y\nb\tI-X Y\n\nc\tS-Z\n');
  });
});

describe('the retag program', () => {
  beforeAll(() => {
    execFileSync('npm', ['run', 'build:cli', '--silent'], { stdio: 'ignore' });
  });
  const retag = (...args: string[]) =>
    spawnSync('node', [BIN, ...args], { encoding: 'utf8', env: { ...process.env, VITEST: '' } });

  it('exits 0, 1 and 2 as documented, with one line and no stack trace on bad input', () => {
    expect(retag('check', SEED).status).toBe(0);
    // The sample's `networks`/`Networks` (O) are `network` (Application ×6) folded.
    const folded = retag('check', '--consistency', SEED);
    expect(folded.status).toBe(0);
    expect(folded.stdout.split('\n').slice(0, 1)).toEqual([
      `${SEED}:127:1: warning W_INCONSISTENT_TYPE "network" is no entity here but Application in 6 of 11 places (score 0.35)`,
    ]);
    const lines = folded.stdout.split('\n');
    expect(lines.slice(0, -2).map((l) => l.slice(SEED.length).split(':')[1])).toEqual([
      '127',
      '691',
      '727',
      '740',
      '775',
    ]);
    expect(lines.slice(-2)).toEqual(['1 inconsistency (5 occurrences flagged) in 1 file', '']);
    expect(retag('check', '--consistency', '--exact', SEED).stdout).toBe(
      '0 inconsistencies (0 occurrences flagged) in 1 file\n',
    );
    expect(retag('check', write('e.tsv', 'a\t\n')).status).toBe(1);
    for (const args of [
      ['check', join(tmp, 'missing.tsv')],
      ['frob'],
      ['check'],
      ['check', '--tag-column', '0', SEED],
      ['convert', SEED, '--scheme', 'xyz'],
      ['spans', SEED, SEED],
      ['check', '--json', SEED],
      ['check', '--exact', SEED],
      ['convert', '--consistency', SEED],
      ['check', tmp],
    ]) {
      const r = retag(...args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stderr).toMatch(/^retag: /);
      expect(r.stderr).not.toMatch(/\bat .*:\d+:\d+/);
    }
  });
  it('converts to brat (OUT.txt and OUT.ann), to JSON Lines and prints stats', () => {
    const out = join(tmp, 'seed-brat');
    const r = retag('convert', SEED, '--to', 'brat', '-o', out);
    expect(r.status).toBe(0);
    expect(readFileSync(`${out}.ann`, 'utf8').split('\n')[0]).toBe(
      'T1\tProtocol 0 13\tMultipath TCP',
    );
    const back = retag('convert', `${out}.txt`, '--to', 'jsonl-doccano');
    expect(back.status).toBe(0);
    expect(back.stdout.trim().split('\n')).toHaveLength(65);
    expect(retag('convert', SEED, '--to', 'brat').status).toBe(2);
    const bad = write('bad.jsonl', '{"text": "Anna Lee", "label": [[0, 3, "PER"]]}\n');
    const left = retag('convert', bad);
    expect(left.status).toBe(1);
    expect(left.stderr).toContain(`${bad}:1:1: warning W_SPAN_MISALIGNED`);
    const stats = retag('stats', '--json', SEED);
    expect(stats.status).toBe(0);
    expect(JSON.parse(stats.stdout).entities).toBe(122);
  });
  it('writes converted output to a file with -o', () => {
    const dest = join(tmp, 'bilou.txt');
    const r = retag('convert', SEED, '--scheme', 'bilou', '-o', dest);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/IOB2 \(BIO\) -> BILOU: \d+ sentences rewritten/);
    expect(readFileSync(dest, 'utf8')).toContain('U-Protocol');
  });
});
