import { describe, expect, it } from 'vitest';
import { tags } from '../testing/fixtures';
import type { Scheme } from './schemes';
import { repairTags, validateTags } from './validate';

const issues = (spec: string, scheme: Scheme) =>
  validateTags(tags(spec), scheme).map((i) => `${i.index}:${i.code}`);

describe('validateTags', () => {
  it('accepts valid sequences in every scheme', () => {
    expect(issues('B-X I-X O B-Y', 'iob2')).toEqual([]);
    expect(issues('I-X I-X B-X O I-Y', 'iob1')).toEqual([]);
    expect(issues('I-X E-X O E-Y', 'ioe2')).toEqual([]);
    expect(issues('I-X E-X I-X O I-Y', 'ioe1')).toEqual([]);
    expect(issues('B-X I-X E-X S-Y O', 'bioes')).toEqual([]);
    expect(issues('B-X I-X L-X U-Y O', 'bilou')).toEqual([]);
  });
  it('flags an I- after O in IOB2, and B-X I-Y', () => {
    expect(issues('O I-PER I-PER', 'iob2')).toEqual(['1:W_I_WITHOUT_B']);
    expect(issues('B-X I-Y', 'iob2')).toEqual(['1:W_TYPE_MISMATCH']);
  });
  it('flags E- without a start and unclosed entities in BIOES', () => {
    expect(issues('O E-X', 'bioes')).toEqual(['1:W_E_WITHOUT_START']);
    expect(issues('B-X O', 'bioes')).toEqual(['0:W_UNCLOSED_ENTITY']);
    expect(issues('B-X I-X', 'bioes')).toEqual(['1:W_UNCLOSED_ENTITY']);
  });
  it('flags B- without a touching entity in IOB1 and a lone E- in IOE1', () => {
    expect(issues('O B-X', 'iob1')).toEqual(['1:W_B_WITHOUT_PREVIOUS']);
    expect(issues('E-X O', 'ioe1')).toEqual(['0:W_E_WITHOUT_NEXT']);
    expect(issues('I-X O', 'ioe2')).toEqual(['0:W_UNCLOSED_ENTITY']);
  });
  it('flags unknown and lowercase prefixes and empty types', () => {
    expect(issues('S-X O', 'iob2')).toEqual(['0:W_UNKNOWN_PREFIX']);
    expect(issues('b-per i-per', 'iob2')).toEqual(['0:W_LOWERCASE_PREFIX', '1:W_LOWERCASE_PREFIX']);
    expect(issues('B- I', 'iob2')).toEqual(['0:W_EMPTY_TYPE', '1:W_EMPTY_TYPE']);
    expect(issues('O-X', 'iob2')).toEqual(['0:W_UNKNOWN_PREFIX']);
  });
});

describe('repairTags', () => {
  it('turns a stray I- into B- in IOB2 (the entity conlleval reads)', () => {
    expect(repairTags(tags('O I-PER I-PER'), 'iob2')).toEqual(tags('O B-PER I-PER'));
  });
  it('splits B-X I-Y into two entities', () => {
    expect(repairTags(tags('B-X I-Y'), 'iob2')).toEqual(tags('B-X B-Y'));
  });
  it('closes BIOES entities and upper-cases prefixes', () => {
    expect(repairTags(tags('B-X O'), 'bioes')).toEqual(tags('S-X O'));
    expect(repairTags(tags('b-per i-per'), 'iob2')).toEqual(tags('B-per I-per'));
  });
  it('drops entities without a type', () => {
    expect(repairTags(tags('B I O'), 'iob2')).toEqual(tags('O O O'));
  });
  it('leaves valid sentences unchanged', () => {
    expect(repairTags(tags('I-X B-X O'), 'iob1')).toEqual(tags('I-X B-X O'));
  });
});
