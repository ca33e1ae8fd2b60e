import { useSameFields } from '../shared/use-same-fields';
import { filterCounts, goToNext, setFilter, type NextKind } from '../../store/checks';
import { setReviewed, useEditor, type Filter } from '../../store/editor-store';
import { smallButton } from '../checks/SidePanel';
import { useCoalesced } from '../shared/use-coalesced';

const FILTERS: readonly [Filter, string][] = [
  ['all', 'All sentences'],
  ['matches', 'Search matches'],
  ['changed', 'Changed'],
  ['problems', 'With problems'],
  ['inconsistent', 'With inconsistencies'],
  ['unreviewed', 'Unreviewed'],
];

const NEXT: readonly [NextKind, string, string][] = [
  ['unreviewed', 'Next unreviewed', 'N'],
  ['problem', 'Next problem', 'E'],
  ['inconsistency', 'Next inconsistency', 'I'],
];

/**
 * Review progress and the list filter: reviewed / total as a progress bar, mark the cursor's
 * sentence reviewed, jump to the next unreviewed sentence, problem or inconsistency, and show
 * only the sentences of a kind (with live counts).
 */
export function ReviewBar() {
  // Counts and the cursor's sentence are coalesced: they follow the keypress that changed them
  // within 0.1 s. The filter (a controlled select) and read-only state are live.
  const filter = useEditor((s) => s.filter);
  const readOnly = useEditor((s) => s.save.readOnly);
  const shown = useCoalesced(
    useEditor(
      useSameFields((s) => ({
        // a string, not an object: useSameFields compares one level deep
        counts: JSON.stringify(filterCounts(s)),
        shown: s.visible ? s.visible.length : (s.doc?.sentences.length ?? 0),
        reviewedCount: s.reviewed.size,
        total: s.doc?.sentences.length ?? 0,
        cursorReviewed: s.reviewed.has(s.cursor.s),
        cursor: s.cursor.s,
      })),
    ),
  );
  const st = { ...shown, filter, readOnly };
  const counts = JSON.parse(st.counts) as Record<Filter, number>;
  const pct = st.total > 0 ? (100 * st.reviewedCount) / st.total : 0;
  return (
    <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 px-3 py-1 text-xs dark:border-slate-700">
      <label className="flex items-center gap-1">
        Show
        <select
          aria-label="Filter sentences"
          value={st.filter}
          onChange={(e) => setFilter(e.target.value as Filter)}
          className="rounded border border-slate-300 bg-white px-1 dark:border-slate-600 dark:bg-slate-800"
        >
          {FILTERS.map(([f, label]) => (
            <option key={f} value={f}>
              {label} ({counts[f]})
            </option>
          ))}
        </select>
      </label>
      {st.filter !== 'all' && (
        <>
          <span>{st.shown} shown</span>
          <button type="button" className={smallButton} onClick={() => setFilter(st.filter)}>
            Refresh
          </button>
        </>
      )}
      <span className="ml-2 flex items-center gap-1">
        Reviewed
        <progress
          aria-label="Reviewed sentences"
          max={st.total}
          value={st.reviewedCount}
          className="h-2 w-28 accent-emerald-600"
        />
        {st.reviewedCount} / {st.total} ({pct.toFixed(pct > 0 && pct < 1 ? 1 : 0)}%)
      </span>
      <button
        type="button"
        className={smallButton}
        disabled={st.readOnly || st.total === 0}
        onClick={() => {
          // the live cursor: the label may be up to 0.1 s behind it
          const live = useEditor.getState();
          setReviewed([live.cursor.s], !live.reviewed.has(live.cursor.s));
        }}
        title="V"
      >
        {st.cursorReviewed
          ? `Unmark sentence ${st.cursor + 1}`
          : `Mark sentence ${st.cursor + 1} reviewed`}
      </button>
      {NEXT.map(([kind, text, key]) => (
        <button
          key={kind}
          type="button"
          className={smallButton}
          onClick={() => goToNext(kind)}
          title={key}
        >
          {text}
        </button>
      ))}
    </div>
  );
}
