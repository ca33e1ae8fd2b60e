import { describe, expect, it } from 'vitest';
import { labelSpan } from '../core/edit/commands';
import {
  filterCounts,
  filterSentences,
  goToNext,
  indexIn,
  offerOtherOccurrences,
  rowOf,
  sentenceAtOffset,
  setFilter,
} from './checks';
import { dispatch, moveCursor, setReviewed, undoEdit, useEditor } from './editor-store';
import { openInStore } from './testing';

const open = openInStore;

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
    // from a sentence the filter hides, one row down is the next shown sentence, not the one after
    expect(sentenceAtOffset(st, 3, 1)).toBe(5);
    expect(sentenceAtOffset(st, 3, -1)).toBe(2);
  });

  it('counts and lists each filter from the live state', () => {
    open('a/O b/I-X', 'c/O', 'd/B-Y e/O');
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

  it('never leaves the cursor on a hidden sentence; next … stays inside the filter', () => {
    open('a/O b/I-X', 'c/O', 'd/O', 'e/I-Y');
    setFilter('problems');
    expect([...(useEditor.getState().visible ?? [])]).toEqual([0, 3]);
    expect(goToNext('unreviewed')).toBe(true);
    expect(useEditor.getState().cursor.s).toBe(3); // 1 and 2 are unreviewed but hidden
    moveCursor({ s: 1, t: 0 });
    expect(useEditor.getState().visible).toBeNull();
    expect(useEditor.getState().filter).toBe('all');
  });

  it('an undo drops the label-all offer', async () => {
    open('a/O b/O', 'a/O');
    dispatch(labelSpan(useEditor.getState().doc!, 0, 0, 1, 'X'));
    await offerOtherOccurrences({ sentence: 0, start: 0, end: 1 }, 'X');
    expect(useEditor.getState().offer?.matches).toHaveLength(1);
    undoEdit();
    expect(useEditor.getState().offer).toBeNull();
  });

  it('an offer dismissed while an Ignore-case scan runs stays dismissed', async () => {
    open('a/O b/O', 'a/O', 'A/O');
    dispatch(labelSpan(useEditor.getState().doc!, 0, 0, 1, 'X'));
    const span = { sentence: 0, start: 0, end: 1 };
    await offerOtherOccurrences(span, 'X');
    expect(useEditor.getState().offer?.matches).toHaveLength(1);
    const scan = offerOtherOccurrences(span, 'X', false); // Ignore case ticked
    useEditor.setState({ offer: null }); // Dismiss, before the scan ends
    await scan;
    expect(useEditor.getState().offer).toBeNull();
  });

  it('an edit while the occurrences are scanned abandons the offer', async () => {
    open('a/O b/O', 'a/O');
    dispatch(labelSpan(useEditor.getState().doc!, 0, 0, 1, 'X'));
    const scan = offerOtherOccurrences({ sentence: 0, start: 0, end: 1 }, 'X');
    dispatch(labelSpan(useEditor.getState().doc!, 0, 1, 2, 'Y'));
    await scan;
    expect(useEditor.getState().offer).toBeNull();
    await offerOtherOccurrences({ sentence: 0, start: 0, end: 1 }, 'X');
    expect(useEditor.getState().offer?.matches).toEqual([{ sentence: 1, start: 0, end: 1 }]);
  });
});
