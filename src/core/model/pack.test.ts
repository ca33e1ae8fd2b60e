import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from '../format/parse';
import { serialize } from '../format/serialize';
import { packResult, unpackResult } from './pack';

describe('pack/unpack for the worker', () => {
  it('gives back an equal document, diagnostics and bytes', () => {
    const bytes = new Uint8Array(
      readFileSync(resolve(process.cwd(), '../shared/corpora/jnlpba/iobes/devel.tsv')),
    );
    const r = parse(bytes);
    const back = unpackResult(structuredClone(packResult(r)));
    expect(back.document.sentences).toEqual(r.document.sentences);
    expect(back.document.dialect).toEqual(r.document.dialect);
    expect(back.diagnostics).toEqual(r.diagnostics);
    expect([...back.diagnosticCounts]).toEqual([...r.diagnosticCounts]);
    expect(Buffer.from(serialize(back.document)).equals(Buffer.from(bytes))).toBe(true);
  });
});
