import { describe, expect, it } from 'vitest';
import { conll, parseText } from '../core/testing/fixtures';
import { filterCounts, filterSentences, indexIn, rowOf, sentenceAtOffset } from './checks';
import { setDocument, setReviewed, useEditor } from './editor-store';

describe('the filtered list', () => {
  it('maps sentences to rows and moves by rows, staying inside the filter', () => {
    const visible = Int32Array.from([2, 5, 9]);
    const st = { ...useEditor.getState(), visible };
    expect(indexIn(visible, 5)).toBe(1);
    expect(indexIn(visible, 4)).toBe(-1);
    expect(rowOf(st, 5)).toBe(1);
    expect(rowOf(st, 6)).toBe(2); // filtered out: the next row
    expect(rowOf(st, 99)).toBe(2);
    expect(sentenceAtOffset(st, 2, 1)).toBe(5);
    expect(sentenceAtOffset(st, 9, 1)).toBe(9);
    expect(sentenceAtOffset(st, 5, -10)).toBe(2);
  });

  it('counts and lists each filter from the live state', () => {
    const doc = parseText(conll('a/O b/I-X', 'c/O', 'd/B-Y e/O'), { scheme: 'iob2' }).document;
    setDocument({
      docId: null,
      fileName: 'f',
      doc,
      options: {},
      diagnostics: [],
      diagnosticCounts: new Map(),
    });
    setReviewed([1], true);
    const st = useEditor.getState();
    expect(filterCounts(st)).toEqual({
      all: 3,
      matches: 0,
      changed: 0,
      problems: 1,
      inconsistent: 0,
      unreviewed: 2,
    });
    expect(filterSentences(st, 'problems')).toEqual([0]);
    expect(filterSentences(st, 'unreviewed')).toEqual([0, 2]);
    expect(filterSentences(st, 'all')).toBeNull();
  });
});
