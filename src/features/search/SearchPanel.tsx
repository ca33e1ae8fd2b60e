import { useEffect, useState } from 'react';
import { useSameFields } from '../shared/use-same-fields';
import { previewTransaction, type ChangeRow } from '../../core/edit/preview';
import { labelMatches, type SearchQuery } from '../../core/search/search';
import {
  currentMatches,
  labelAllMatches,
  runSearch,
  setFilter,
  warmSearch,
} from '../../store/checks';
import { selectRange, useEditor } from '../../store/editor-store';
import { ChangePreview } from '../checks/ChangePreview';
import { InContext } from '../checks/InContext';
import { SidePanel, smallButton } from '../checks/SidePanel';
import { visibleText } from '../editor/token-text';

type Mode = 'tokens' | 'label' | 'tags' | 'entityStart' | 'regex';

const MODES: readonly [Mode, string][] = [
  ['tokens', 'Words'],
  ['label', 'Entities of label'],
  ['tags', 'Tag pattern'],
  ['entityStart', 'Entities starting with I-'],
  ['regex', 'Regular expression'],
];

/** Matches listed at once. */
const SHOWN = 200;

const field =
  'rounded border border-slate-300 bg-white px-1 py-0.5 text-sm dark:border-slate-600 dark:bg-slate-800';

function queryOf(mode: Mode, text: string, caseSensitive: boolean): SearchQuery {
  switch (mode) {
    case 'tokens':
      return { kind: 'tokens', text, caseSensitive };
    case 'label':
      return { kind: 'label', type: text.trim() };
    case 'tags':
      return { kind: 'tags', pattern: text };
    case 'entityStart':
      return { kind: 'entityStart', prefix: 'I' };
    case 'regex':
      return { kind: 'regex', source: text, caseSensitive };
  }
}

/**
 * Search: words (literal, case option), entities by label, tag patterns (`O I-*`), entities
 * that start with I-, and regular expressions (run in a worker, stopped past 200 ms). Matches
 * can be shown as a filter and labelled all at once.
 */
export function SearchPanel() {
  const { search, names, readOnly } = useEditor(
    useSameFields((s) => ({ search: s.search, names: s.labels.names, readOnly: s.save.readOnly })),
  );
  const [mode, setMode] = useState<Mode>('tokens');
  const [text, setText] = useState('');
  const [caseSensitive, setCaseSensitive] = useState(false);
  const [label, setLabel] = useState('');
  const doc = useEditor((s) => s.doc);
  // the regex worker gets the document now, so a search answers within its time limit
  const tokens = doc?.tokens;
  useEffect(() => {
    if (mode === 'regex' && tokens) warmSearch();
  }, [mode, tokens]);
  // A preview belongs to one result, label and version of the document; any change hides it.
  const [shown, setPreview] = useState<{
    rows: ChangeRow[];
    key: readonly unknown[];
  } | null>(null);
  const result = search.result;
  const target = label || names[0] || '';
  const previewKey = [result, target, doc];
  const preview = shown && shown.key.every((k, i) => k === previewKey[i]) ? shown.rows : null;

  const submit = () => void runSearch(queryOf(mode, text, caseSensitive));
  return (
    <SidePanel panel="search" title="Search">
      <form
        role="search"
        className="space-y-1 border-b border-slate-200 px-3 py-2 dark:border-slate-700"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <div className="flex gap-1">
          <input
            id="search-input"
            aria-label="Search for"
            className={`${field} min-w-0 flex-1`}
            value={text}
            placeholder={mode === 'tags' ? 'e.g. O I-*' : mode === 'label' ? 'label name' : 'words'}
            disabled={mode === 'entityStart'}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) =>
              e.key === 'Escape' && document.querySelector<HTMLElement>('[role="grid"]')?.focus()
            }
          />
          <button type="submit" className={smallButton}>
            Find
          </button>
        </div>
        <div className="flex flex-wrap items-center gap-2 text-xs">
          <label className="flex items-center gap-1">
            Search in
            <select
              aria-label="Search mode"
              className={field}
              value={mode}
              onChange={(e) => setMode(e.target.value as Mode)}
            >
              {MODES.map(([m, l]) => (
                <option key={m} value={m}>
                  {l}
                </option>
              ))}
            </select>
          </label>
          <label className="flex items-center gap-1">
            <input
              type="checkbox"
              checked={caseSensitive}
              onChange={(e) => setCaseSensitive(e.target.checked)}
            />
            Match case
          </label>
        </div>
      </form>
      <div className="px-3 py-2 text-xs" role="status" aria-label="Search result">
        {search.running && 'Searching…'}
        {search.error && <span className="text-red-700 dark:text-red-300">{search.error}</span>}
        {result &&
          `${result.total} match${result.total === 1 ? '' : 'es'} in ${new Set(result.matches.map((m) => m.sentence)).size} sentences`}
      </div>
      {result && result.total > 0 && (
        <div className="flex flex-wrap items-center gap-2 px-3 pb-2 text-xs">
          <button type="button" className={smallButton} onClick={() => setFilter('matches')}>
            Show only matching sentences
          </button>
          <label className="flex items-center gap-1">
            Label all as
            <select
              aria-label="Label for all matches"
              className={field}
              value={target}
              onChange={(e) => setLabel(e.target.value)}
            >
              {names.map((n) => (
                <option key={n} value={n}>
                  {visibleText(n)}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className={smallButton}
            disabled={readOnly || !target}
            onClick={() => {
              const tr = doc ? labelMatches(doc, currentMatches(), target) : null;
              setPreview({ rows: doc && tr ? previewTransaction(doc, tr) : [], key: previewKey });
            }}
          >
            Label all matches…
          </button>
        </div>
      )}
      {preview && (
        <ChangePreview
          title={`Label the matches as ${target}`}
          rows={preview}
          onApply={() => {
            labelAllMatches(target);
            setPreview(null);
          }}
          onCancel={() => setPreview(null)}
        />
      )}
      <MatchList />
    </SidePanel>
  );
}

function MatchList() {
  const doc = useEditor((s) => s.doc);
  const result = useEditor((s) => s.search.result);
  if (!doc || !result) return null;
  return (
    <ol aria-label="Matches">
      {result.matches.slice(0, SHOWN).map((m, i) => {
        const s = doc.sentences[m.sentence];
        if (!s) return null;
        return (
          <li key={i}>
            <button
              type="button"
              className="w-full border-b border-slate-100 px-3 py-1 text-left text-xs hover:bg-slate-50 dark:border-slate-800 dark:hover:bg-slate-800"
              onClick={() => {
                selectRange(m.sentence, m.start, m.end);
                useEditor.setState((st) => ({ scrollRequest: st.scrollRequest + 1 }));
              }}
            >
              <span className="font-mono text-slate-600 dark:text-slate-400">
                #{m.sentence + 1}
              </span>{' '}
              <InContext doc={doc} sentence={s} start={m.start} end={m.end} />
            </button>
          </li>
        );
      })}
      {result.matches.length > SHOWN && (
        <li className="px-3 text-xs">… and {result.total - SHOWN} more</li>
      )}
    </ol>
  );
}
