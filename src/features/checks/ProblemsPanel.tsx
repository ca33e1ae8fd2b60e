import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Diagnostic, Severity } from '../../core/diagnostics';
import { setPanel, useEditor } from '../../store/editor-store';
import { goToLine } from '../editor/actions';

/** Rows listed at once; the rest are counted (the listing is for reading, not for every row). */
const SHOWN = 500;

const SEVERITY_STYLE: Record<Severity, string> = {
  error: 'bg-red-100 text-red-900 dark:bg-red-900 dark:text-red-50',
  warning: 'bg-amber-100 text-amber-950 dark:bg-amber-900 dark:text-amber-50',
  info: 'bg-slate-200 text-slate-900 dark:bg-slate-700 dark:text-slate-50',
};

/** Import diagnostics, filterable by severity; click one to jump to its line. Persistent, not a toast. */
export function ProblemsPanel() {
  const { diagnostics, counts } = useEditor(
    useShallow((s) => ({ diagnostics: s.diagnostics, counts: s.diagnosticCounts })),
  );
  const [show, setShow] = useState<Record<Severity, boolean>>({
    error: true,
    warning: true,
    info: false,
  });
  const list = useMemo(() => diagnostics.filter((d) => show[d.severity]), [diagnostics, show]);
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const jump = (d: Diagnostic) => {
    if (d.line > 0 && goToLine(d.line))
      document.querySelector<HTMLElement>('[role="grid"]')?.focus();
  };
  return (
    <aside
      aria-label="Problems"
      className="flex w-96 shrink-0 flex-col border-l border-slate-200 dark:border-slate-700"
    >
      <div className="flex items-center gap-2 border-b border-slate-200 px-3 py-2 dark:border-slate-700">
        <h2 className="font-semibold">Problems ({total})</h2>
        {(['error', 'warning', 'info'] as const).map((sev) => (
          <label key={sev} className="flex items-center gap-1 text-xs">
            <input
              type="checkbox"
              checked={show[sev]}
              onChange={(e) => setShow({ ...show, [sev]: e.target.checked })}
            />
            {sev}s
          </label>
        ))}
        <button
          type="button"
          className="ml-auto rounded px-1.5 text-sm hover:bg-slate-100 dark:hover:bg-slate-800"
          onClick={() => setPanel('problems')}
          aria-label="Close problems"
        >
          ✕
        </button>
      </div>
      {total === 0 ? (
        <p className="p-3 text-sm">No problems found in this file.</p>
      ) : (
        <ol className="min-h-0 flex-1 overflow-auto text-sm">
          {list.slice(0, SHOWN).map((d, i) => (
            <li key={i}>
              <button
                type="button"
                onClick={() => jump(d)}
                className="w-full border-b border-slate-100 px-3 py-1.5 text-left hover:bg-slate-50 dark:border-slate-800 dark:hover:bg-slate-800"
              >
                <span
                  className={`mr-1 rounded px-1 text-xs font-semibold ${SEVERITY_STYLE[d.severity]}`}
                >
                  {d.code}
                </span>
                <span className="font-mono text-xs">
                  {d.line > 0 ? `line ${d.line}:${d.column}` : 'file'}
                </span>
                <span className="block">{d.message}</span>
                {d.hint && (
                  <span className="block text-xs text-slate-600 dark:text-slate-400">{d.hint}</span>
                )}
              </button>
            </li>
          ))}
          {list.length > SHOWN && (
            <li className="p-3 text-xs">
              … and {list.length - SHOWN} more (use retag check for the full list).
            </li>
          )}
        </ol>
      )}
    </aside>
  );
}
