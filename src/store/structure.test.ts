import { describe, expect, it } from 'vitest';
import { labelSpan } from '../core/edit/commands';
import { replay, type Op } from '../core/edit/history';
import { joinSentencesStep, splitSentenceStep, splitTokenStep } from '../core/structure/structure';
import { conll, parseText } from '../core/testing/fixtures';
import {
  cursorAfter,
  dispatch,
  dispatchStructure,
  moveCursor,
  redoEdit,
  setOpSink,
  setReviewed,
  undoEdit,
  useEditor,
} from './editor-store';
import { openInStore } from './testing';
import { previewRetype, retypeLabel } from './label-sets';

const open = openInStore;

const step = <T>(x: T | string): T => {
  if (typeof x === 'string') throw new Error(x);
  return x;
};

describe('structural edits in the store', () => {
  it('a sentence split moves review marks, change counts, problems and the cursor; undo puts them back', () => {
    const ops: Op[] = [];
    setOpSink((op) => ops.push(op));
    const file = open('a/O b/B-X c/I-X d/O', 'e/O f/I-Y', 'g/B-Z');
    dispatch(labelSpan(useEditor.getState().doc!, 2, 0, 1, 'W'));
    setReviewed([1, 2], true);
    moveCursor({ s: 0, t: 3 });
    const before = useEditor.getState();
    expect(before.tagIssues.has(1)).toBe(true); // I-Y after O
    expect([...before.changedBySentence]).toEqual([[2, 1]]);

    expect(dispatchStructure(step(splitSentenceStep(before.doc!, 0, 2)))).toBe(true);
    const st = useEditor.getState();
    expect(st.doc!.sentences.map((s) => s.tags.join(' '))).toEqual([
      'O B-X',
      'B-X O',
      'O I-Y',
      'B-W',
    ]);
    expect([...st.reviewed].sort()).toEqual([2, 3]);
    expect([...st.changedBySentence].sort((x, y) => x[0] - y[0])).toEqual([
      [1, 1], // the cut entity's new B-X is a change against the file
      [3, 1],
    ]);
    expect([...st.tagIssues.keys()]).toEqual([2]);
    expect(st.cursor).toEqual({ s: 1, t: 1 });
    expect(st.labels.counts.get('X')).toBe(2);

    undoEdit();
    const back = useEditor.getState();
    expect(back.doc!.sentences.map((s) => s.tags.join(' '))).toEqual(
      before.doc!.sentences.map((s) => s.tags.join(' ')),
    );
    expect(back.doc!.text).toBe(file.text);
    expect([...back.reviewed].sort()).toEqual([1, 2]);
    expect([...back.tagIssues.keys()]).toEqual([1]);
    expect(back.labels.counts.get('X')).toBe(1);
    redoEdit();
    expect(useEditor.getState().doc!.sentences).toHaveLength(4);

    // the op log replays to the same document, history and marks
    const r = replay(file, ops);
    expect(r.applied).toBe(ops.length);
    expect(r.doc.text).toBe(useEditor.getState().doc!.text);
    expect([...r.reviewed].sort()).toEqual([2, 3]);
    expect(r.history.done).toHaveLength(2);
    setOpSink(() => undefined);
  });

  it('a join keeps the cursor on its token; a token split keeps an entity whole', () => {
    open('a/O b/B-X', 'c/I-X d/O', 'e/O');
    moveCursor({ s: 1, t: 1 });
    expect(dispatchStructure(step(joinSentencesStep(useEditor.getState().doc!, 0)))).toBe(true);
    expect(useEditor.getState().cursor).toEqual({ s: 0, t: 3 });
    // B-X | I-X stay two entities across the join
    expect(useEditor.getState().doc!.sentences[0]!.tags).toEqual(['O', 'B-X', 'B-X', 'O']);
    open('New/B-LOC York-City/I-LOC is/O');
    expect(dispatchStructure(step(splitTokenStep(useEditor.getState().doc!, 0, 1, 4)))).toBe(true);
    expect(useEditor.getState().doc!.sentences[0]!.tags).toEqual(['B-LOC', 'I-LOC', 'I-LOC', 'O']);
  });

  it('cursorAfter follows the token', () => {
    const doc = open('a/O b/O c/O', 'd/O e/O');
    const split = step(splitTokenStep(parseText(conll('a/O bb/O c/O')).document, 0, 1, 1));
    expect(cursorAfter({ s: 0, t: 2 }, split)).toEqual({ s: 0, t: 3 });
    expect(cursorAfter({ s: 0, t: 1 }, split)).toEqual({ s: 0, t: 1 });
    const ss = step(splitSentenceStep(doc, 0, 1));
    expect(cursorAfter({ s: 0, t: 2 }, ss)).toEqual({ s: 1, t: 1 });
    expect(cursorAfter({ s: 1, t: 1 }, ss)).toEqual({ s: 2, t: 1 });
  });
});

describe('label set operations', () => {
  it('rename previews its counts, applies in one step, and undo restores the palette', () => {
    open('a/B-X b/I-X c/B-Y', 'd/B-X');
    const names = useEditor.getState().labels.names;
    expect(previewRetype('X', 'Q')).toMatchObject({ entities: 2, sentences: 2 });
    expect(retypeLabel('X', 'Q')).toBe(true);
    expect(useEditor.getState().labels.names).toEqual(['Q', 'Y']);
    expect(useEditor.getState().history.done).toHaveLength(1);
    undoEdit();
    expect(useEditor.getState().labels.names).toEqual(names);
    expect(useEditor.getState().labels.counts.get('X')).toBe(2);
    redoEdit();
    expect(useEditor.getState().labels.names).toEqual(['Q', 'Y']);
  });
});
