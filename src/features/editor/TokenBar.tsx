import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useSameFields } from '../shared/use-same-fields';
import { useEditor } from '../../store/editor-store';
import {
  joinWithNextSentence,
  mergeWithNextToken,
  onTokenNote,
  splitSentenceAtCursor,
  splitTokenAtCursor,
  tokenNote,
} from './token-actions';
import { tokenDisplay } from './token-text';

const small =
  'rounded border border-slate-300 px-1.5 text-xs hover:bg-slate-100 disabled:opacity-50 dark:border-slate-600 dark:hover:bg-slate-800';

/** Opens the split chooser (Shift+T). */
export function openTokenSplit(): void {
  window.dispatchEvent(new Event('retag:split-token'));
}

/**
 * Fixing the tokenization at the cursor: split the token (choose where), merge it with the
 * next, start a new sentence here, join with the next sentence. Each is one undoable step.
 */
export function TokenBar() {
  const { word, s, t, length, last, readOnly } = useEditor(
    useSameFields((st) => {
      const doc = st.doc;
      const sen = doc?.sentences[st.cursor.s];
      const k = sen ? sen.first + st.cursor.t : -1;
      return {
        word:
          doc && sen && k >= 0
            ? doc.text.slice(doc.tokens.tokenStart[k], doc.tokens.tokenEnd[k])
            : '',
        s: st.cursor.s,
        t: st.cursor.t,
        length: sen?.length ?? 0,
        last: doc ? st.cursor.s >= doc.sentences.length - 1 : true,
        readOnly: st.save.readOnly || !!sen?.quarantined,
      };
    }),
  );
  const note = useSyncExternalStore(onTokenNote, tokenNote);
  // the chooser belongs to one token: moving the cursor (or an edit of the token) closes it
  const here = `${s}:${t}:${word}`;
  const [chooserAt, setChooserAt] = useState<string | null>(null);
  const choosing = chooserAt === here;
  const setChoosing = (open: boolean) => setChooserAt(open ? here : null);
  const hereRef = useRef(here);
  useEffect(() => {
    hereRef.current = here;
  });
  useEffect(() => {
    const open = () => setChooserAt(hereRef.current);
    window.addEventListener('retag:split-token', open);
    return () => window.removeEventListener('retag:split-token', open);
  }, []);
  useEffect(() => {
    if (choosing) document.getElementById('split-gap-1')?.focus();
  }, [choosing]);

  const chars = [...word];
  const back = () => document.querySelector<HTMLElement>('[role="grid"]')?.focus();
  return (
    <div
      role="toolbar"
      aria-label="Tokens"
      className="flex min-h-7 flex-wrap items-center gap-2 border-b border-slate-200 px-3 py-0.5 text-xs dark:border-slate-700"
    >
      <span>
        Token <strong className="font-mono">{tokenDisplay(word)}</strong>
      </span>
      <button
        type="button"
        className={small}
        disabled={readOnly || chars.length < 2}
        aria-expanded={choosing}
        aria-keyshortcuts="Shift+T"
        onClick={() => setChoosing(!choosing)}
      >
        Split token…
      </button>
      <button
        type="button"
        className={small}
        disabled={readOnly || t >= length - 1}
        aria-keyshortcuts="Shift+M"
        onClick={() => mergeWithNextToken()}
      >
        Merge with next token
      </button>
      <button
        type="button"
        className={small}
        disabled={readOnly || t === 0}
        aria-keyshortcuts="Shift+Enter"
        onClick={() => splitSentenceAtCursor()}
      >
        New sentence from here
      </button>
      <button
        type="button"
        className={small}
        disabled={readOnly || last}
        aria-keyshortcuts="Shift+J"
        onClick={() => joinWithNextSentence()}
      >
        Join with next sentence
      </button>
      {note && (
        <span role="status" className="text-red-800 dark:text-red-300">
          {note}
        </span>
      )}
      {choosing && (
        <span
          role="group"
          aria-label="Where to split the token"
          className="flex w-full items-center font-mono text-sm"
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              setChoosing(false);
              back();
            }
          }}
        >
          {chars.map((ch, i) => {
            const at = chars.slice(0, i + 1).join('').length;
            return (
              <span key={i} className="flex items-center">
                <span>{tokenDisplay(ch)}</span>
                {i < chars.length - 1 && (
                  <button
                    id={`split-gap-${i + 1}`}
                    type="button"
                    className="mx-0.5 rounded border border-dashed border-blue-600 px-0.5 text-blue-800 hover:bg-blue-100 dark:text-blue-200 dark:hover:bg-blue-900"
                    aria-label={`Split after “${chars.slice(0, i + 1).join('')}”`}
                    onClick={() => {
                      if (splitTokenAtCursor(at)) {
                        setChoosing(false);
                        back();
                      }
                    }}
                  >
                    |
                  </button>
                )}
              </span>
            );
          })}
        </span>
      )}
    </div>
  );
}
