import type { ChangeRow } from '../../core/edit/preview';
import { smallButton } from './SidePanel';
import { tokenDisplay } from '../editor/token-text';

/** Rows shown in a preview; the rest are counted. */
const SHOWN = 200;

/** Old → new tags of a run of tokens, token by token. */
export function ChangeLine({ row }: { row: ChangeRow }) {
  return (
    <span className="inline-flex flex-wrap gap-x-2">
      {row.tokens.map((tok, i) => (
        <span key={i} className="inline-flex flex-col font-mono text-xs leading-4">
          <span className="font-sans text-sm">{tokenDisplay(tok)}</span>
          <span className="text-red-800 line-through dark:text-red-300">
            {tokenDisplay(row.before[i] ?? '')}
          </span>
          <span className="text-emerald-800 dark:text-emerald-300">
            {tokenDisplay(row.after[i] ?? '')}
          </span>
        </span>
      ))}
    </span>
  );
}

/**
 * What an action would change, before it runs: one line per run of tokens (sentence, tokens,
 * old → new tags), with Apply and Cancel. Applying is one undoable step.
 */
export function ChangePreview(props: {
  title: string;
  rows: readonly ChangeRow[];
  onApply: () => void;
  onCancel: () => void;
}) {
  const sentences = new Set(props.rows.map((r) => r.sentence)).size;
  return (
    <section
      role="region"
      aria-label="Preview"
      className="m-2 rounded border border-blue-300 bg-blue-50 p-2 dark:border-blue-700 dark:bg-blue-950/40"
    >
      <h3 className="text-sm font-semibold">{props.title}</h3>
      <p className="text-xs">
        {props.rows.length} change{props.rows.length === 1 ? '' : 's'} in {sentences} sentence
        {sentences === 1 ? '' : 's'}; one step to undo.
      </p>
      <ol className="my-1 max-h-64 overflow-auto">
        {props.rows.slice(0, SHOWN).map((r, i) => (
          <li key={i} className="border-b border-blue-100 py-1 dark:border-blue-900">
            <span className="mr-2 font-mono text-xs text-slate-600 dark:text-slate-400">
              #{r.sentence + 1}
            </span>
            <ChangeLine row={r} />
          </li>
        ))}
        {props.rows.length > SHOWN && (
          <li className="text-xs">… and {props.rows.length - SHOWN} more</li>
        )}
      </ol>
      <div className="flex gap-2">
        <button
          type="button"
          className={smallButton}
          onClick={props.onApply}
          disabled={props.rows.length === 0}
        >
          Apply
        </button>
        <button type="button" className={smallButton} onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </section>
  );
}
