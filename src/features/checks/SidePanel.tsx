import type { ReactNode } from 'react';
import { setPanel, type Panel } from '../../store/editor-store';

export const smallButton =
  'rounded border border-slate-300 px-1.5 py-0.5 text-xs hover:bg-slate-100 focus-visible:outline focus-visible:outline-2 focus-visible:outline-blue-600 disabled:cursor-not-allowed disabled:opacity-50 dark:border-slate-600 dark:hover:bg-slate-800';

/** The frame of a side panel: a labelled region with a title, extra header controls and a close button. */
export function SidePanel(props: {
  panel: Panel;
  title: string;
  header?: ReactNode;
  children: ReactNode;
}) {
  return (
    <aside
      aria-label={props.title}
      className="flex w-[28rem] shrink-0 flex-col border-l border-slate-200 dark:border-slate-700"
    >
      <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 px-3 py-2 dark:border-slate-700">
        <h2 className="font-semibold">{props.title}</h2>
        {props.header}
        <button
          type="button"
          className="ml-auto rounded px-1.5 text-sm hover:bg-slate-100 dark:hover:bg-slate-800"
          onClick={() => setPanel(props.panel)}
          aria-label={`Close ${props.title.toLowerCase()}`}
        >
          ✕
        </button>
      </div>
      <div className="min-h-0 flex-1 overflow-auto text-sm">{props.children}</div>
    </aside>
  );
}
