// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { labelSpan } from '../../core/edit/commands';
import { parse } from '../../core/format/parse';
import { dispatch, setDocument, useEditor } from '../../store/editor-store';
import { useStorageNotice } from '../../store/persistence/storage-notice';
import { EvictionNotice, NOTICE_PAUSE_MS } from './Banners';

const TEXT = 'a\tO\nb\tO\n\nc\tO\nd\tO\n';

function open() {
  const r = parse(new TextEncoder().encode(TEXT));
  act(() =>
    setDocument({
      docId: 'notice',
      fileName: 'n.tsv',
      doc: r.document,
      options: {},
      diagnostics: r.diagnostics,
      diagnosticCounts: r.diagnosticCounts,
    }),
  );
}

/** Labels token `t` of sentence `s` with `type` (an edit, as a keypress makes it). */
function edit(s: number, t: number, type: string) {
  act(() => {
    const doc = useEditor.getState().doc;
    if (!doc) throw new Error('no document');
    expect(dispatch(labelSpan(doc, s, t, t + 1, type))).toBe(true);
  });
}

const notice = () => screen.queryByRole('note', { name: 'Storage notice' });
const wait = (ms: number) => act(() => vi.advanceTimersByTime(ms));

describe('the storage notice waits for a pause in the edits', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    useEditor.setState({
      save: { status: 'saved', error: '', readOnly: false, readOnlyReason: '', restored: 0 },
    });
    useStorageNotice.setState({
      persisted: false,
      safari: false,
      hidden: false,
      exportedDoc: null,
    });
    open();
    render(<EvictionNotice />);
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it('appears once no edit came for NOTICE_PAUSE_MS, not in the frame of an edit', () => {
    expect(notice()).toBeNull(); // nothing to lose yet
    // a run of edits, each sooner than the pause: the notice stays away while they come
    const types = ['X', 'Y', 'X', 'Y', 'X'];
    for (const type of types) {
      edit(0, 0, type);
      expect(notice()).toBeNull();
      wait(NOTICE_PAUSE_MS / 2);
    }
    expect(notice()).toBeNull();
    wait(NOTICE_PAUSE_MS / 2);
    expect(notice()).not.toBeNull();
    // once shown it stays while edits come
    edit(1, 1, 'Y');
    expect(notice()).not.toBeNull();
  });

  it('goes with an export and is due again after the next edit and a pause', () => {
    edit(0, 0, 'X');
    wait(NOTICE_PAUSE_MS);
    expect(notice()).not.toBeNull();
    act(() => useStorageNotice.setState({ exportedDoc: useEditor.getState().doc }));
    expect(notice()).toBeNull();
    wait(NOTICE_PAUSE_MS * 3);
    expect(notice()).toBeNull(); // exported: nothing to lose
    edit(1, 0, 'Y');
    expect(notice()).toBeNull();
    wait(NOTICE_PAUSE_MS);
    expect(notice()).not.toBeNull();
  });

  it('stays away once hidden, for this page', () => {
    edit(0, 0, 'X');
    wait(NOTICE_PAUSE_MS);
    expect(notice()).not.toBeNull();
    act(() => useStorageNotice.setState({ hidden: true }));
    expect(notice()).toBeNull();
    edit(1, 0, 'Y');
    wait(NOTICE_PAUSE_MS * 3);
    expect(notice()).toBeNull();
  });

  it('never appears when the browser keeps the storage', () => {
    act(() => useStorageNotice.setState({ persisted: true }));
    edit(0, 0, 'X');
    wait(NOTICE_PAUSE_MS * 3);
    expect(notice()).toBeNull();
  });
});
