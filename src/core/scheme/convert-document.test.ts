import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from '../format/parse';
import { serialize } from '../format/serialize';
import { extractChunks } from './chunks';
import { convertDocumentScheme } from './convert-document';
import { SCHEMES } from './schemes';

/** The last field of each data line (tokens only: no blank, -DOCSTART- or comment lines). */
function tagColumn(text: string): string[] {
  return text
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '' && !l.startsWith('-DOCSTART-'))
    .map((l) => l.trim().split(/\s+/).at(-1) as string);
}

describe('convertDocumentScheme', () => {
  const bytes = readFileSync('../shared/corpora/conll2003/iob1/eng.testa');
  const doc = parse(bytes).document;

  it('IOB1 → IOB2 on CoNLL-2003 gives the tags of the independent IOB2 copy', () => {
    expect(doc.scheme.scheme).toBe('iob1');
    const r = convertDocumentScheme(doc, 'iob2');
    const out = new TextDecoder().decode(serialize(r.doc));
    const reference = readFileSync('../shared/corpora/conll2003/iob2/dev.txt', 'utf8');
    expect(tagColumn(out)).toEqual(tagColumn(reference));
    expect(r.changed).toBeGreaterThan(0);
    expect(r.skipped).toBe(0);
  });

  it('changes only tag fields, keeps every entity, and converts back to the same bytes', () => {
    const input = new TextDecoder().decode(bytes).split('\n');
    for (const to of SCHEMES) {
      const r = convertDocumentScheme(doc, to);
      const lines = new TextDecoder().decode(serialize(r.doc)).split('\n');
      expect(lines).toHaveLength(input.length);
      const strip = (l: string) => l.replace(/\S+$/, '');
      expect(lines.map(strip)).toEqual(input.map(strip));
      expect(r.doc.sentences.map((s) => extractChunks(s.tags, r.doc.scheme.rules))).toEqual(
        doc.sentences.map((s) => extractChunks(s.tags, doc.scheme.rules)),
      );
      const back = convertDocumentScheme(r.doc, 'iob1');
      expect(Buffer.from(serialize(back.doc)).equals(bytes)).toBe(true);
    }
  });
});
