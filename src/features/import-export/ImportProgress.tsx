import { useSameFields } from '../shared/use-same-fields';
import { useEditor } from '../../store/editor-store';
import { cancelImport } from '../../store/session';

/** Progress of a file being read (big files parse in a worker), with Cancel; or why it failed. */
export function ImportProgress() {
  const s = useEditor(useSameFields((st) => st.importState));
  if (s.phase === 'idle') return null;
  if (s.phase === 'failed') {
    return (
      <div
        role="alert"
        className="flex items-center gap-3 border-b border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
      >
        {s.error}
        <button
          type="button"
          className="rounded border border-red-400 px-2"
          onClick={() =>
            useEditor.setState({
              importState: { phase: 'idle', fileName: '', progress: 0, error: '' },
            })
          }
        >
          Dismiss
        </button>
      </div>
    );
  }
  const pct = Math.round(s.progress * 100);
  return (
    <div className="flex items-center gap-3 border-b border-slate-200 px-3 py-2 text-sm dark:border-slate-700">
      <label htmlFor="import-progress">Reading {s.fileName}…</label>
      <progress
        id="import-progress"
        max={100}
        value={pct}
        className="h-2 w-64"
        aria-valuetext={`${pct}%`}
      />
      <span>{pct}%</span>
      <button
        type="button"
        className="rounded border border-slate-400 px-2"
        onClick={() => cancelImport()}
      >
        Cancel
      </button>
    </div>
  );
}
