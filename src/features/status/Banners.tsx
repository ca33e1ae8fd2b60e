import { useEffect, useState } from 'react';
import { useSameFields } from '../shared/use-same-fields';
import { useEditor } from '../../store/editor-store';
import {
  USAGE_WARNING,
  usageShare,
  useStorageNotice,
} from '../../store/persistence/storage-notice';
import { exportBytes, takeOver } from '../../store/session';
import { exportCurrent } from '../import-export/download';

const time = (ms: number) => new Date(ms).toLocaleTimeString();

function megabytes(bytes: number): string {
  return bytes >= 1e9 ? `${(bytes / 1e9).toFixed(1)} GB` : `${(bytes / 1e6).toFixed(1)} MB`;
}

/**
 * Persistent banners above the document: storage failures (with export), read-only tabs (with
 * take over), restores (with when the work was saved and exported), storage nearly full (with
 * an export nudge). Storage the browser may clear has its notice at the bottom of the window.
 */
export function Banners() {
  const n = useStorageNotice();
  // a flag, not the document: an edit re-renders the banners only when the flag turns
  const s = useEditor(
    useSameFields((st) => ({
      save: st.save,
      fileName: st.fileName,
      restored: st.save.restored,
      editedSinceExport: st.doc !== n.exportedDoc,
    })),
  );
  const exportNow = () => exportCurrent(exportBytes, s.fileName);
  const share = usageShare(n);
  return (
    <>
      {share > USAGE_WARNING && (
        <div
          role="alert"
          className="flex flex-wrap items-center gap-3 border-b border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-50"
        >
          Browser storage is {Math.round(share * 100)}% full ({megabytes(n.usage)} of{' '}
          {megabytes(n.quota)}): saving may soon fail. Export your work, and remove documents you no
          longer need.
          <button
            type="button"
            className="rounded border border-amber-600 px-2 py-0.5"
            onClick={() => void exportNow()}
          >
            Export backup
          </button>
        </div>
      )}
      {(s.save.status === 'unsaved' || s.save.status === 'memory') && s.save.error && (
        <div
          role="alert"
          className="flex flex-wrap items-center gap-3 border-b border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
        >
          <strong>Not saved.</strong> {s.save.error}
          <button
            type="button"
            className="rounded border border-red-500 px-2 py-0.5"
            onClick={() => void exportNow()}
          >
            Export now
          </button>
        </div>
      )}
      {s.save.readOnly && (
        <div
          role="alert"
          className="flex flex-wrap items-center gap-3 border-b border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-50"
        >
          {s.save.readOnlyReason}
          <button
            type="button"
            className="rounded border border-amber-600 px-2 py-0.5"
            onClick={() => void takeOver()}
          >
            Take over
          </button>
          <button
            type="button"
            className="rounded border border-amber-600 px-2 py-0.5"
            onClick={() => void exportNow()}
          >
            Export
          </button>
        </div>
      )}
      {s.restored > 0 && (
        <div
          role="status"
          className="flex items-center gap-3 border-b border-emerald-300 bg-emerald-50 px-3 py-1.5 text-sm text-emerald-950 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-50"
        >
          Recovered {s.restored} saved edit{s.restored === 1 ? '' : 's'} from your last session.
          {n.savedAt > 0 && <span>Last saved at {time(n.savedAt)}.</span>}
          <span>
            {n.exportedAt > 0 ? `Last exported at ${time(n.exportedAt)}` : 'Not exported yet'}
            {n.exportedAt > 0 && s.editedSinceExport ? ', with edits since.' : '.'}
          </span>
          <button
            type="button"
            className="rounded border border-emerald-600 px-2"
            onClick={() => useEditor.setState((st) => ({ save: { ...st.save, restored: 0 } }))}
          >
            Dismiss
          </button>
        </div>
      )}
    </>
  );
}

/** Time without an edit before the storage notice appears. */
export const NOTICE_PAUSE_MS = 1000;

/**
 * True once `active` has held through NOTICE_PAUSE_MS without a document change, and from then
 * on while it holds: what it gates waits for a pause in the annotator's typing.
 */
function useAfterPause(active: boolean): boolean {
  const [paused, setPaused] = useState(false);
  useEffect(() => {
    if (!active) return;
    let done = false;
    const due = () => {
      done = true;
      setPaused(true);
    };
    let timer = setTimeout(due, NOTICE_PAUSE_MS);
    const stop = useEditor.subscribe((st, prev) => {
      if (done || st.doc === prev.doc) return;
      clearTimeout(timer);
      timer = setTimeout(due, NOTICE_PAUSE_MS);
    });
    return () => {
      clearTimeout(timer);
      stop();
      setPaused(false);
    };
  }, [active]);
  return active && paused;
}

/**
 * Storage the browser may clear (persistence refused, or Safari's 7-day rule), while there are
 * edits not yet exported. It appears at the bottom of the window once the edits pause (the
 * first edit after an export makes it due): above the list it would push the row being edited
 * down, and in the frame of a keypress its appearing (which shortens the list) cost the first
 * key after a 1M-token import about 10 ms more of layout, paint and raster.
 */
export function EvictionNotice() {
  const n = useStorageNotice();
  // a flag, not the document: an edit re-renders the notice only when the flag turns
  const s = useEditor(
    useSameFields((st) => ({
      fileName: st.fileName,
      unexported: st.changedTags > 0 && st.doc !== n.exportedDoc,
    })),
  );
  const exportNow = () => exportCurrent(exportBytes, s.fileName);
  const evictable = (n.persisted === false || n.safari) && s.unexported && !n.hidden;
  const due = useAfterPause(evictable);
  if (!due) return null;
  return (
    <div
      role="note"
      aria-label="Storage notice"
      className="flex flex-wrap items-center gap-3 border-t border-slate-300 bg-slate-50 px-3 py-1.5 text-sm text-slate-900 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      {n.safari
        ? 'Safari deletes what this site stores after 7 days without a visit, so your saved edits may be lost: export a backup.'
        : 'Your edits are saved in this browser, but it may clear them when it runs low on space (storage is not persistent): export a backup from time to time.'}
      <button
        type="button"
        className="rounded border border-slate-500 px-2 py-0.5"
        onClick={() => void exportNow()}
      >
        Export backup
      </button>
      <button
        type="button"
        className="rounded border border-slate-500 px-2 py-0.5"
        onClick={() => useStorageNotice.setState({ hidden: true })}
      >
        Hide
      </button>
    </div>
  );
}
