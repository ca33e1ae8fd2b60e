import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from '../format/parse';
import { serialize } from '../format/serialize';
import { packResult, unpackResult } from './pack';

const jnlpbaDevel = () =>
  new Uint8Array(readFileSync(resolve(process.cwd(), '../shared/corpora/jnlpba/iobes/devel.tsv')));

describe('pack/unpack for the worker', () => {
  it('gives back an equal document, diagnostics and bytes', () => {
    const bytes = jnlpbaDevel();
    const r = parse(bytes);
    const back = unpackResult(structuredClone(packResult(r)));
    expect(back.document.sentences).toEqual(r.document.sentences);
    expect(back.document.dialect).toEqual(r.document.dialect);
    expect(back.diagnostics).toEqual(r.diagnostics);
    expect([...back.diagnosticCounts]).toEqual([...r.diagnosticCounts]);
    expect(Buffer.from(serialize(back.document)).equals(Buffer.from(bytes))).toBe(true);
  });
});

describe('tag arrays shared on unpack', () => {
  it('share one array between sentences with the same tags, and only between those', () => {
    const bytes = jnlpbaDevel();
    const r = parse(bytes);
    const back = unpackResult(structuredClone(packResult(r)));
    const sentences = back.document.sentences;
    const byKey = new Map<string, readonly string[]>();
    let shared = 0;
    for (const s of sentences) {
      expect(s.originalTags).toBe(s.tags);
      const key = JSON.stringify(s.tags);
      const first = byKey.get(key);
      if (first) {
        expect(s.tags).toBe(first);
        shared += 1;
      } else byKey.set(key, s.tags);
    }
    // the distinct arrays are exactly the distinct tag sequences
    expect(new Set(sentences.map((s) => s.tags)).size).toBe(byKey.size);
    expect(shared).toBeGreaterThan(0); // 346 of 1,932 here
  });
  it('keep a shared array unchanged when one of its sentences is edited', async () => {
    const { applyStep, setTagsStep } = await import('./edit');
    const text = 'a\tO\nb\tO\n\nc\tO\nd\tO\n';
    const back = unpackResult(packResult(parse(new TextEncoder().encode(text))));
    const [s0, s1] = back.document.sentences;
    expect(s0!.tags).toBe(s1!.tags);
    const r = applyStep(back.document, setTagsStep(back.document, 0, 0, ['B-X']));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.doc.sentences[0]!.tags).toEqual(['B-X', 'O']);
    expect(r.doc.sentences[1]!.tags).toEqual(['O', 'O']);
    expect(new TextDecoder().decode(serialize(r.doc))).toBe('a\tB-X\nb\tO\n\nc\tO\nd\tO\n');
  });
});
