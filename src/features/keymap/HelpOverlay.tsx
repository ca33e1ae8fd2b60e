import { useEffect, useRef } from 'react';
import { setPanel, useEditor } from '../../store/editor-store';
import { customLabelKeys } from '../palette/label-keys';
import { labelShortcuts, SHORTCUTS, type Shortcut } from './registry';

/** The keyboard shortcuts, generated from the registry (label keys included). */
export function HelpOverlay() {
  const names = useEditor((s) => s.labels.names);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const all = [...SHORTCUTS, ...labelShortcuts(names, customLabelKeys())];
  const groups = new Map<string, Shortcut[]>();
  for (const s of all) groups.set(s.group, [...(groups.get(s.group) ?? []), s]);
  return (
    <div
      className="fixed inset-0 z-40 flex items-center justify-center bg-black/40 p-4"
      onMouseDown={() => setPanel('help')}
    >
      <div
        ref={ref}
        role="dialog"
        aria-modal="true"
        aria-label="Keyboard shortcuts"
        tabIndex={-1}
        onMouseDown={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === 'Escape' || e.key === '?') {
            e.preventDefault();
            setPanel('help');
          }
        }}
        className="max-h-full w-full max-w-3xl overflow-auto rounded-lg bg-white p-5 shadow-xl outline-none dark:bg-slate-900"
      >
        <div className="mb-3 flex items-center">
          <h2 className="text-lg font-semibold">Keyboard shortcuts</h2>
          <button
            type="button"
            className="ml-auto rounded px-2 hover:bg-slate-100 dark:hover:bg-slate-800"
            onClick={() => setPanel('help')}
          >
            Close
          </button>
        </div>
        <p className="mb-3 text-sm text-slate-700 dark:text-slate-300">
          Click a token (or drag across tokens, or click then shift-click) to select; press a label
          key or click a label. Click an entity&apos;s label to select the whole entity.
        </p>
        <div className="grid gap-4 sm:grid-cols-2">
          {[...groups].map(([group, items]) => (
            <section key={group}>
              <h3 className="mb-1 font-semibold">{group}</h3>
              <table className="w-full text-sm">
                <tbody>
                  {items.map((s) => (
                    <tr key={s.id}>
                      <td className="py-0.5 pr-2">{s.label}</td>
                      <td className="py-0.5 text-right">
                        {s.keys.map((k) => (
                          <kbd
                            key={k}
                            className="ml-1 rounded border border-slate-300 bg-slate-50 px-1 font-mono text-xs dark:border-slate-600 dark:bg-slate-800"
                          >
                            {k}
                          </kbd>
                        ))}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ))}
        </div>
      </div>
    </div>
  );
}
