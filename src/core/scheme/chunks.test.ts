import { describe, expect, it } from 'vitest';
import { tags } from '../testing/fixtures';
import { extractChunks, type ChunkRules } from './chunks';

const read = (spec: string, rules: ChunkRules = 'conlleval') =>
  extractChunks(tags(spec), rules).map((c) => `${c.start}-${c.end}:${c.type}`);

describe('extractChunks, official conlleval rules', () => {
  it('reads IOB2 entities', () => {
    expect(read('B-PER I-PER O B-LOC')).toEqual(['0-2:PER', '3-4:LOC']);
  });
  it('reads IOB1: I- after O starts an entity, B- splits touching ones', () => {
    expect(read('I-ORG I-ORG B-ORG O I-PER')).toEqual(['0-2:ORG', '2-3:ORG', '4-5:PER']);
  });
  it('splits at a type change', () => {
    expect(read('B-X I-Y I-Y')).toEqual(['0-1:X', '1-3:Y']);
  });
  it('merges S-PER S-PER, which the official tables do not know', () => {
    expect(read('S-PER S-PER O')).toEqual(['0-2:PER']);
  });
  it('continues an entity over E-X B-X, as conlleval.pl does', () => {
    expect(read('B-X E-X B-X E-X')).toEqual(['0-4:X']);
  });
  it('splits types at the first hyphen only', () => {
    expect(read('B-creative-work I-creative-work')).toEqual(['0-2:creative-work']);
  });
  it('reads a bare B as an entity with an empty type', () => {
    expect(read('B I O')).toEqual(['0-2:']);
  });
  it('ends entities at the sentence end', () => {
    expect(read('O B-X')).toEqual(['1-2:X']);
  });
});

describe('extractChunks, BIOES-aware rules', () => {
  it('keeps S-PER S-PER apart', () => {
    expect(read('S-PER S-PER O', 'bioes')).toEqual(['0-1:PER', '1-2:PER']);
  });
  it('reads BIOES entities', () => {
    expect(read('B-X I-X E-X S-Y O B-Z E-Z', 'bioes')).toEqual(['0-3:X', '3-4:Y', '5-7:Z']);
  });
  it('starts an entity at a stray E- or I-', () => {
    expect(read('O E-X I-X', 'bioes')).toEqual(['1-2:X', '2-3:X']);
  });
  it('reads BILOU as BIOES', () => {
    expect(read('B-X L-X U-X U-X', 'bioes')).toEqual(['0-2:X', '2-3:X', '3-4:X']);
  });
});

describe('conlleval quirks kept on purpose', () => {
  it('reads the type "0" as empty, as Perl does', () => {
    expect(read('B I-0')).toEqual(['0-2:']);
  });
  it('treats [ and ] as one-token chunks in both rule sets', () => {
    expect(read('[ [')).toEqual(['0-1:', '1-2:']);
    expect(read('[ [', 'bioes')).toEqual(['0-1:', '1-2:']);
  });
});
