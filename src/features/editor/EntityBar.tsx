import { useEffect, useRef } from 'react';
import { useSameFields } from '../shared/use-same-fields';
import { extractChunks } from '../../core/scheme/chunks';
import { useEditor } from '../../store/editor-store';
import { useCoalesced } from '../shared/use-coalesced';
import { applyLabel, moveBoundary, removeAtCursor } from './actions';
import { tokenDisplay, visibleText } from './token-text';

const small =
  'rounded border border-slate-300 px-1.5 text-xs hover:bg-slate-100 disabled:opacity-50 dark:border-slate-600 dark:hover:bg-slate-800';

/** Actions on the entity under the cursor: change its label, remove it, move either boundary. */
export function EntityBar() {
  // the cursor's sentence, not the document: an edit elsewhere does not re-render this bar
  // Coalesced: the keypress's frame paints the row; this bar follows within 0.1 s.
  const shown = useCoalesced(
    useEditor(
      useSameFields((st) => ({
        sentence: st.doc?.sentences[st.cursor.s],
        text: st.doc?.text ?? '',
        tokens: st.doc?.tokens,
        rules: st.doc?.scheme.rules,
        s: st.cursor.s,
        t: st.cursor.t,
        names: st.labels.names,
        readOnly: st.save.readOnly,
      })),
    ),
  );
  const { sentence, text, tokens, rules, s, t, names, readOnly } = shown;
  const c =
    sentence && rules
      ? extractChunks(sentence.tags, rules).find((k) => k.start <= t && t < k.end)
      : undefined;
  // Uncontrolled, set when the bar catches up: as a controlled select (or one set on every
  // render, which live store changes also cause) it would jump back to the old label until
  // the bar catches up with the edit the select itself made.
  const select = useRef<HTMLSelectElement>(null);
  const type = c?.type;
  useEffect(() => {
    if (select.current && type !== undefined) select.current.value = type;
  }, [shown, type]);
  if (!sentence || !tokens || !c) {
    return (
      <div className="min-h-8 border-b border-slate-200 px-3 py-1 text-xs text-slate-600 dark:border-slate-700 dark:text-slate-400">
        Sentence {s + 1}, token {t + 1}. Select tokens and press a label key; press ? for all
        shortcuts.
      </div>
    );
  }
  const words = Array.from({ length: c.end - c.start }, (_, i) => {
    const k = sentence.first + c.start + i;
    return text.slice(tokens.tokenStart[k], tokens.tokenEnd[k]);
  }).join(' ');
  return (
    <div
      role="toolbar"
      aria-label="Entity"
      className="flex min-h-8 flex-wrap items-center gap-2 border-b border-slate-200 px-3 py-1 text-xs dark:border-slate-700"
    >
      <span>
        Entity <strong>{tokenDisplay(c.type)}</strong>: “{tokenDisplay(words)}” (tokens{' '}
        {c.start + 1}–{c.end})
      </span>
      <label className="flex items-center gap-1">
        Label
        <select
          ref={select}
          defaultValue={c.type}
          disabled={readOnly}
          onChange={(e) => {
            if (!applyLabel(e.target.value)) e.target.value = c.type;
          }}
          className="rounded border border-slate-300 bg-white px-1 dark:border-slate-600 dark:bg-slate-800"
        >
          {(names.includes(c.type) ? names : [c.type, ...names]).map((n) => (
            <option key={n} value={n}>
              {visibleText(n)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className={small} disabled={readOnly} onClick={() => removeAtCursor()}>
        Remove
      </button>
      <span className="flex items-center gap-1">
        Start
        <button
          type="button"
          className={small}
          disabled={readOnly || c.start === 0}
          onClick={() => moveBoundary('start', -1)}
          aria-label="Move the start one token left"
        >
          ◀
        </button>
        <button
          type="button"
          className={small}
          disabled={readOnly || c.end - c.start < 2}
          onClick={() => moveBoundary('start', 1)}
          aria-label="Move the start one token right"
        >
          ▶
        </button>
      </span>
      <span className="flex items-center gap-1">
        End
        <button
          type="button"
          className={small}
          disabled={readOnly || c.end - c.start < 2}
          onClick={() => moveBoundary('end', -1)}
          aria-label="Move the end one token left"
        >
          ◀
        </button>
        <button
          type="button"
          className={small}
          disabled={readOnly || c.end >= sentence.length}
          onClick={() => moveBoundary('end', 1)}
          aria-label="Move the end one token right"
        >
          ▶
        </button>
      </span>
    </div>
  );
}
