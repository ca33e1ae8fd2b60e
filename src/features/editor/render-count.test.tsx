// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { labelSpan } from '../../core/edit/commands';
import { parse } from '../../core/format/parse';
import { dispatch, moveCursor, setDocument, undoEdit, useEditor } from '../../store/editor-store';
import { rowRenders, SentenceRow } from './SentenceRow';

const TEXT = ['a\tO\nb\tO\n', 'c\tB-X\nd\tI-X\n', 'e\tO\nf\tO\n', 'g\tO\n', 'h\tO\n'].join('\n');

function mount() {
  const r = parse(new TextEncoder().encode(TEXT));
  act(() =>
    setDocument({
      docId: 't',
      fileName: 't.tsv',
      doc: r.document,
      options: {},
      diagnostics: r.diagnostics,
      diagnosticCounts: r.diagnosticCounts,
    }),
  );
  render(
    <div>
      {r.document.sentences.map((s, i) => (
        <SentenceRow key={s.id} index={i} />
      ))}
    </div>,
  );
  rowRenders.clear();
}

const renders = () => Object.fromEntries([...rowRenders].sort((a, b) => a[0] - b[0]));

describe('one keypress re-renders one sentence row', () => {
  afterEach(() => cleanup());
  beforeEach(() => {
    useEditor.setState({
      save: { status: 'saved', error: '', readOnly: false, readOnlyReason: '', restored: 0 },
    });
    mount();
  });

  it('an edit re-renders exactly the edited row', () => {
    const doc = useEditor.getState().doc!;
    act(() => {
      expect(dispatch(labelSpan(doc, 2, 0, 2, 'X'))).toBe(true);
    });
    expect(renders()).toEqual({ 2: 1 });
    rowRenders.clear();
    act(() => {
      undoEdit();
    });
    // Undo also moves the cursor from sentence 0 to the undone edit in sentence 2.
    expect(renders()).toEqual({ 0: 1, 2: 1 });
  });

  it('a cursor move within a sentence re-renders that row only; across sentences, the two rows', () => {
    act(() => moveCursor({ s: 0, t: 1 }));
    expect(renders()).toEqual({ 0: 1 });
    rowRenders.clear();
    act(() => moveCursor({ s: 3, t: 0 }));
    expect(renders()).toEqual({ 0: 1, 3: 1 });
  });

  it('a label new to the document re-renders each row once (the colour index map grew)', () => {
    const doc = useEditor.getState().doc!;
    act(() => {
      dispatch(labelSpan(doc, 4, 0, 1, 'NEW'));
    });
    expect(renders()).toEqual({ 0: 1, 1: 1, 2: 1, 3: 1, 4: 1 });
  });
});
