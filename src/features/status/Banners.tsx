import { useShallow } from 'zustand/react/shallow';
import { useEditor } from '../../store/editor-store';
import { exportBytes, takeOver } from '../../store/session';
import { exportCurrent } from '../import-export/download';

/** Persistent banners: storage failures (with export), read-only tabs (with take over), restores. */
export function Banners() {
  const s = useEditor(
    useShallow((st) => ({ save: st.save, fileName: st.fileName, restored: st.save.restored })),
  );
  const exportNow = () => exportCurrent(exportBytes, s.fileName);
  return (
    <>
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
