import { describe, expect, it } from 'vitest';
import { conll, parseText } from '../testing/fixtures';
import { detectFormat, exportInterchange, importInterchange } from './index';

const doc = parseText(conll('Anna/B-PER 😀/O met/O New/B-LOC York/I-LOC', 'ok/O')).document;

describe('export formats', () => {
  it('doccano: text, label, tokens, doc; offsets in UTF-16 code units', () => {
    expect(exportInterchange('jsonl-doccano', doc, 'x').files).toEqual([
      {
        name: 'x.jsonl',
        text:
          '{"text":"Anna 😀 met New York","label":[[0,4,"PER"],[12,20,"LOC"]],"tokens":[[0,4],[5,7],[8,11],[12,15],[16,20]],"doc":0}\n' +
          '{"text":"ok","label":[],"tokens":[[0,2]],"doc":0}\n',
      },
    ]);
  });
  it('Label Studio: an array, one task per line; tokens and doc in data; offsets in code points', () => {
    const [f] = exportInterchange('label-studio', doc, 'x').files;
    expect(f?.name).toBe('x.json');
    expect(f?.text).toBe(
      '[\n' +
        '{"data":{"text":"Anna 😀 met New York","tokens":[[0,4],[5,6],[7,10],[11,14],[15,19]],"doc":0},"annotations":[{"result":[' +
        '{"id":"s0e0","from_name":"label","to_name":"text","type":"labels","value":{"start":0,"end":4,"text":"Anna","labels":["PER"]}},' +
        '{"id":"s0e1","from_name":"label","to_name":"text","type":"labels","value":{"start":11,"end":19,"text":"New York","labels":["LOC"]}}]}]},\n' +
        '{"data":{"text":"ok","tokens":[[0,2]],"doc":0},"annotations":[{"result":[]}]}\n' +
        ']\n',
    );
  });
  it('Prodigy: tokens with ws, spans with inclusive token_end, meta.doc; code points', () => {
    const [f] = exportInterchange('prodigy', doc, 'x').files;
    const first = JSON.parse(f!.text.split('\n')[0]!);
    expect(first.tokens[1]).toEqual({ text: '😀', start: 5, end: 6, id: 1, ws: true });
    expect(first.tokens[4]).toEqual({ text: 'York', start: 15, end: 19, id: 4, ws: false });
    expect(first.spans).toEqual([
      { start: 0, end: 4, token_start: 0, token_end: 0, label: 'PER' },
      { start: 11, end: 19, token_start: 3, token_end: 4, label: 'LOC' },
    ]);
    expect(first.meta).toEqual({ doc: 0 });
  });
  it('brat: a .txt with one sentence per line, a blank line between documents; T lines', () => {
    const d = parseText('a\tB-X\n\n-DOCSTART-\tO\n\n😀\tO\nb\tB-Y\n').document;
    expect(exportInterchange('brat', d, 'x').files).toEqual([
      { name: 'x.txt', text: 'a\n\n😀 b\n' },
      { name: 'x.ann', text: 'T1\tX 0 1\ta\nT2\tY 5 6\tb\n' },
    ]);
  });
  it('leaves quarantined sentences out, and says so', () => {
    const d = parseText('a\tB-X\nb\tO\tz\n\nc\tO\n').document;
    const r = exportInterchange('jsonl-doccano', d);
    expect(r.sentences).toBe(1);
    expect(r.sentencesLeftOut).toBe(1);
    expect(r.diagnostics.map((x) => x.code)).toEqual(['W_EXPORT']);
  });
});

describe('import details', () => {
  it('reads brat offsets as code points and a CRLF .ann', () => {
    const r = importInterchange('brat', [
      { name: 'a.txt', text: '😀 Anna\n' },
      { name: 'a.ann', text: 'T1\tPER 2 6\tAnna\r\n' },
    ]);
    expect(r.conll).toBe('😀\tO\nAnna\tB-PER\n');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['I_OFFSETS', 'I_TOKENIZED']);
  });
  it('reads a single Label Studio task object, and JSONL of tasks', () => {
    const task = {
      data: { text: 'Oslo' },
      annotations: [{ result: [{ type: 'labels', value: { start: 0, end: 4, labels: ['LOC'] } }] }],
    };
    for (const text of [
      JSON.stringify(task),
      `${JSON.stringify(task)}\n${JSON.stringify(task)}\n`,
    ]) {
      expect(importInterchange('label-studio', [{ name: 't.json', text }]).conll).toMatch(
        /^Oslo\tB-LOC\n/,
      );
    }
  });
  it('splits retag records without token offsets at whitespace only', () => {
    const r = importInterchange('jsonl-doccano', [
      {
        name: 'a.jsonl',
        text: '{"text": "U.S. Steel Ltd. said.", "label": [[0, 4, "LOC"]], "doc": 0}',
      },
    ]);
    expect(r.conll).toBe('U.S.\tB-LOC\nSteel\tO\nLtd.\tO\nsaid.\tO\n');
  });
  it('writes the scheme asked for', () => {
    const r = importInterchange(
      'jsonl-doccano',
      [{ name: 'a.jsonl', text: '{"text": "New York", "label": [[0, 8, "LOC"]]}' }],
      { scheme: 'bioes' },
    );
    expect(r.conll).toBe('New\tB-LOC\nYork\tE-LOC\n');
  });
  it('reports an empty input', () => {
    const r = importInterchange('prodigy', [{ name: 'e.jsonl', text: '' }]);
    expect(r.conll).toBe('');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['I_EMPTY']);
  });
});

describe('detectFormat', () => {
  it('tells formats by name and keys', () => {
    const f = (name: string, content: string, annBeside = false) =>
      detectFormat(name, content, { annBeside }).format;
    expect(f('a.ann', '')).toBe('brat');
    expect(f('a.txt', 'prose', true)).toBe('brat');
    expect(f('a.bio.txt', 'a\tO\n')).toBe('conll');
    expect(f('a.jsonl', '{"text": "a", "label": []}\n')).toBe('jsonl-doccano');
    expect(f('a.json', '{"text": "a", "entities": []}\n{"text": "b"}\n')).toBe('jsonl-doccano');
    expect(
      f('a.jsonl', '{"text": "a", "tokens": [{"text": "a", "start": 0, "end": 1}], "spans": []}'),
    ).toBe('prodigy');
    expect(f('a.json', '[{"data": {"text": "a"}, "annotations": []}]')).toBe('label-studio');
    expect(f('a.jsonl', '{"data": {"text": "a"}}')).toBe('label-studio');
    expect(f('a.conll', '[\tO\n')).toBe('conll');
    expect(f('a.json', 'not json')).toBe('label-studio');
  });
});
