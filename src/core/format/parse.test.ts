import { describe, expect, it } from 'vitest';
import { sentenceTokens } from '../model/document';
import { codes, parseText } from '../testing/fixtures';
import { parse } from './parse';
import { serialize } from './serialize';

const roundTrips = (text: string) => {
  const bytes = new TextEncoder().encode(text);
  expect(Buffer.from(serialize(parse(bytes).document)).equals(Buffer.from(bytes))).toBe(true);
};
const shape = (text: string) => {
  const { document: d } = parseText(text);
  return d.sentences.map((s) =>
    sentenceTokens(d, s)
      .map((t, i) => `${t}/${s.tags[i]}`)
      .join(' '),
  );
};

describe('parse: sentence breaks', () => {
  it('splits at blank lines, whitespace-only lines and runs of them', () => {
    const text = 'a\tO\n\nb\tO\n\t\nc\tO\n  \n\n\nd\tO\n';
    expect(shape(text)).toEqual(['a/O', 'b/O', 'c/O', 'd/O']);
    roundTrips(text);
  });
  it('splits at <s> and </s> lines; <s>\\tO is a token', () => {
    const text = '<s>\nx\tB-P\n</s>\n<s>\n<s>\tO\n</s>\n';
    expect(shape(text)).toEqual(['x/B-P', '<s>/O']);
    expect(parseText(text).document.dialect.sentenceMarkers).toBe(4);
  });
  it('reports unmatched, nested, unclosed and padded markers', () => {
    expect(codes(parseText('</s>\na\tO\n'))).toContain('W_UNMATCHED_CLOSE');
    expect(codes(parseText('<s>\na\tO\n<s>\nb\tO\n</s>\n'))).toContain('W_NESTED_OPEN');
    expect(codes(parseText('<s>\na\tO\n'))).toContain('W_UNCLOSED_OPEN');
    const padded = parseText('<s> \na\tO\n</s>\n');
    expect(codes(padded)).toContain('W_MARKER_WHITESPACE');
    expect(padded.document.sentences).toHaveLength(1);
  });
  it('treats -DOCSTART- as a document break, not a token', () => {
    const { document: d } = parseText(
      '-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\n\n-DOCSTART- -X- O O\n\nPeter NNP I-NP I-PER\n',
    );
    expect(d.sentences.map((s) => s.doc)).toEqual([0, 1]);
    expect(d.dialect.docStarts).toBe(2);
  });
  it('keeps # comment lines out of the tokens but reads a tagged # token as data', () => {
    const text =
      '#\thttp://x\t[2009]\t\n1\tDie\tO\tO\n2\tStadt\tB-LOC\tO\n\n#\thttp://y\t[2009]\n1\tJa\tO\tO\n';
    const { document: d } = parse(new TextEncoder().encode(text), { tagColumn: 2 });
    expect(d.dialect.comments).toBe(2);
    expect(sentenceTokens(d, d.sentences[0]!)).toEqual(['Die', 'Stadt']);
    expect(d.sentences[1]!.startLine).toBe(5);
    expect(d.dialect.tokenColumn).toBe(1);
    const wnut = parseText('#\tO\n#NFL\tB-org\n# just a note\n');
    expect(shape('#\tO\n#NFL\tB-org\n# just a note\n')).toEqual(['#/O #NFL/B-org']);
    expect(wnut.document.dialect.comments).toBe(1);
    roundTrips(text);
  });
});

describe('parse: columns', () => {
  it('splits TAB lines at TABs (tokens may hold spaces) and other lines at runs of spaces', () => {
    expect(shape('New York\tB-LOC\nis   O\n')).toEqual(['New York/B-LOC is/O']);
  });
  it('reports a space-separated line in a TAB file', () => {
    const r = parseText('a\tO\nb\tO\nc O\n');
    expect(codes(r)).toEqual(['W_DELIMITER']);
    expect(r.diagnostics[0]!.line).toBe(3);
  });
  it('quarantines a sentence with a wrong column count, keeps it verbatim, loads the rest', () => {
    const text = 'a\tO\nb\tO\tX\n\nc\tB-P\n';
    const r = parseText(text);
    expect(r.diagnostics[0]).toMatchObject({
      code: 'E_COLUMNS',
      line: 2,
      column: 1,
      severity: 'error',
      expected: '2 columns',
      found: '3 columns',
    });
    expect(r.diagnostics[0]!.message).toBe('expected 2 TAB-separated columns, found 3');
    expect(r.document.sentences.map((s) => s.quarantined)).toEqual([true, false]);
    roundTrips(text);
  });
  it('reports an empty token and an empty tag at their columns', () => {
    const empty = parseText('a\tO\n\tB-PER\n\nb\tO\nword\t\n');
    expect(empty.diagnostics.map((d) => `${d.code}@${d.line}:${d.column}`)).toEqual([
      'E_EMPTY_TOKEN@2:1',
      'E_EMPTY_TAG@5:6',
    ]);
  });
  it('reads the tag without trailing whitespace and keeps it on export', () => {
    const text = 'a\tO  \nb\tB-X\t\n';
    const r = parseText(text);
    expect(r.document.sentences[0]!.tags).toEqual(['O', 'B-X']);
    expect(codes(r).every((c) => c === 'I_TRAILING_WHITESPACE')).toBe(true);
    roundTrips(text);
  });
  it('reads the tag column it is told to, and says when the last column does not look like tags', () => {
    const text = 'a\tB-X\tfoo\nb\tI-X\tbar\n';
    const r = parseText(text);
    expect(codes(r)).toContain('W_TAG_COLUMN');
    expect(r.diagnostics.find((d) => d.code === 'W_TAG_COLUMN')!.message).toMatch(
      /column 3 does not look like tags.*column 2 does/,
    );
    const chosen = parse(new TextEncoder().encode(text), { tagColumn: 1 });
    expect(chosen.document.sentences[0]!.tags).toEqual(['B-X', 'I-X']);
    expect(codes(chosen)).not.toContain('W_TAG_COLUMN');
  });
  it('reports a tag column that does not exist', () => {
    expect(codes(parse(new TextEncoder().encode('a\tO\n'), { tagColumn: 5 }))).toContain(
      'E_TAG_COLUMN',
    );
  });
});

describe('parse: bytes and characters', () => {
  it('round-trips CRLF, a BOM, no final newline, and reads the same document as LF', () => {
    const crlf = '\uFEFFa\tB-X\r\nb\tI-X\r\n\r\nc\tO';
    roundTrips(crlf);
    const r = parseText(crlf);
    expect(shape(crlf)).toEqual(['a/B-X b/I-X', 'c/O']);
    expect(r.document.dialect).toMatchObject({
      bom: true,
      lineEnding: 'crlf',
      finalNewline: false,
    });
    expect(codes(r)).toEqual([]);
  });
  it('keeps U+FEFF and U+200B inside tokens (trim() would eat them) and reports them', () => {
    const text = 'Dubbz\uFEFF\tB-person\nwatched\u200Bwas\tO\n';
    expect(shape(text)).toEqual(['Dubbz\uFEFF/B-person watched\u200Bwas/O']);
    expect(codes(parseText(text))).toEqual(['W_BOM_INSIDE', 'I_INVISIBLE_CHAR']);
    roundTrips(text);
  });
  it('reports a lone CR', () => {
    expect(codes(parseText('a\tO\rb\tO\n'))).toContain('W_LONE_CR');
  });
  it('reports bytes that are not UTF-8 with line, column and byte offset, and writes them back', () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('a\tO\n\ncaf'),
      0xe9,
      ...new TextEncoder().encode('\tO\n\nb\tO\n'),
    ]);
    const r = parse(bytes);
    expect(r.diagnostics[0]).toMatchObject({
      code: 'E_ENCODING',
      line: 3,
      column: 4,
      byteOffset: 8,
      severity: 'error',
    });
    expect(r.document.sentences.map((s) => s.quarantined)).toEqual([false, true, false]);
    expect(r.document.patches).toHaveLength(1);
    expect(r.document.sentences[1]!.length).toBe(0);
    expect(Buffer.from(serialize(r.document)).equals(Buffer.from(bytes))).toBe(true);
  });
  it('refuses binary files with one diagnostic and still writes them back unchanged', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const r = parse(png);
    expect(codes(r)).toEqual(['E_BINARY']);
    expect(r.document.sentences).toHaveLength(0);
    expect(r.document.refused).toBe(true);
    expect(Buffer.from(serialize(r.document)).equals(Buffer.from(png))).toBe(true);
  });
  it('reports a line over the length cap and loads the other lines', () => {
    const text = `a\tO\n\n${'x'.repeat(200_000)}\tO\n\nb\tB-X\n`;
    const r = parseText(text);
    expect(r.diagnostics[0]).toMatchObject({ code: 'E_LINE_TOO_LONG', line: 3 });
    expect(r.diagnostics[0]!.message).toMatch(/limit is 100000/);
    expect(shape(text)).toEqual(['a/O', '', 'b/B-X']);
    roundTrips(text);
  });
  it('says an empty file and a file of blank lines hold 0 sentences', () => {
    expect(codes(parseText(''))).toEqual(['I_EMPTY_FILE']);
    const blank = parseText('\n\n \t\n');
    expect(codes(blank)).toEqual(['I_NO_TOKENS']);
    expect(blank.document.sentences).toHaveLength(0);
  });
  it('never throws on junk', () => {
    for (const junk of [
      '\t',
      '\t\t\n',
      '<s>',
      '-DOCSTART-',
      '#',
      '\r',
      '\r\r\n',
      '\uFEFF',
      ' \n\t\n',
      'a b c\nd\n',
    ]) {
      expect(() => parseText(junk)).not.toThrow();
      roundTrips(junk);
    }
  });
});

describe('regressions found in review', () => {
  it('keeps undecodable lines byte-exact after an edit that changes a tag length before them', async () => {
    const { applyStep, setTagsStep } = await import('../model/edit');
    const enc = (s: string) => [...new TextEncoder().encode(s)];
    const bytes = new Uint8Array([...enc('a O\nb O\n\nc O\n'), 0xff, ...enc(' O\n\nd O\n')]);
    const { document: doc } = parse(bytes);
    const r = applyStep(doc, setTagsStep(doc, 0, 0, ['B-LONGTYPE']));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const want = new Uint8Array([
      ...enc('a B-LONGTYPE\nb O\n\nc O\n'),
      0xff,
      ...enc(' O\n\nd O\n'),
    ]);
    expect(Buffer.from(serialize(r.doc)).equals(Buffer.from(want))).toBe(true);
  });
  it('undoes edits on tokens whose file tag is not a writable tag (CR, space in a TAB file)', async () => {
    const { applyStep, invertStep, setTagsStep } = await import('../model/edit');
    const { document: doc } = parseText('a\tB-X Y\nb\tO\r\r\n');
    expect(doc.sentences[0]!.tags).toEqual(['B-X Y', 'O\r']);
    const step = setTagsStep(doc, 0, 0, ['O', 'B-Z']);
    const r = applyStep(doc, step);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const back = applyStep(r.doc, invertStep(step));
    expect(back.ok).toBe(true);
  });
  it('scans a line full of control characters in linear time', () => {
    const t0 = Date.now();
    const r = parseText(`a${'\u0001'.repeat(80_000)}\tO\n${'w\tB-PER\r'.repeat(20_000)}\n`);
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(r.diagnosticCounts.get('I_INVISIBLE_CHAR')).toBe(80_000);
  });
  it('reports a token column that does not exist', () => {
    const r = parse(new TextEncoder().encode('a\tx\tO\n'), { tokenColumn: 8 });
    expect(codes(r)).toContain('E_TOKEN_COLUMN');
    expect(r.document.sentences[0]!.quarantined).toBe(false);
  });
});
