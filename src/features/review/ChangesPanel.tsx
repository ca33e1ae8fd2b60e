import { useMemo } from 'react';
import { useSameFields } from '../shared/use-same-fields';
import { changeList, changesToJsonl, revertChange } from '../../core/edit/preview';
import { tokenText } from '../../core/model/document';
import { dispatch, moveCursor, useEditor } from '../../store/editor-store';
import { ChangeLine } from '../checks/ChangePreview';
import { SidePanel, smallButton } from '../checks/SidePanel';
import { tokenDisplay } from '../editor/token-text';
import { downloadBytes } from '../import-export/download';
import { useSettled } from './use-settled';

/** A sentence's tags as in the file and as now, token by token (changed ones marked). */
function SentenceDiff({ index }: { index: number }) {
  const doc = useEditor((s) => s.doc);
  const s = doc?.sentences[index];
  if (!doc || !s) return null;
  return (
    <span aria-label={`Sentence ${index + 1}, file vs now`} className="flex flex-wrap gap-x-2 py-1">
      {Array.from({ length: s.length }, (_, t) => {
        const changed = s.tags[t] !== s.originalTags[t];
        return (
          <span
            key={t}
            className={`inline-flex flex-col font-mono leading-4 ${changed ? 'rounded bg-amber-100 px-0.5 dark:bg-amber-900' : ''}`}
          >
            <span className="font-sans text-sm">{tokenDisplay(tokenText(doc, s, t))}</span>
            <span>{tokenDisplay(s.originalTags[t] ?? '')}</span>
            <span className={changed ? 'font-semibold' : ''}>{tokenDisplay(s.tags[t] ?? '')}</span>
          </span>
        );
      })}
    </span>
  );
}

/** Changes listed at once. */
const SHOWN = 300;

/**
 * The diff against the file: every run of changed tags (sentence, tokens, old → new), each
 * revertible on its own; the list exports as JSON Lines.
 */
export function ChangesPanel() {
  const { doc, fileName, readOnly } = useEditor(
    useSameFields((s) => ({ doc: s.doc, fileName: s.fileName, readOnly: s.save.readOnly })),
  );
  const settled = useSettled(doc);
  const rows = useMemo(() => (settled ? changeList(settled) : []), [settled]);
  if (!doc) return null;
  const exportJsonl = () => {
    const text = changesToJsonl(doc, fileName, rows);
    downloadBytes(new TextEncoder().encode(text), `${fileName}.changes.jsonl`);
  };
  return (
    <SidePanel
      panel="changes"
      title="Changes"
      header={
        <>
          <span className="text-sm">({rows.length})</span>
          <button
            type="button"
            className={smallButton}
            disabled={rows.length === 0}
            onClick={exportJsonl}
          >
            Export changes (JSON Lines)
          </button>
        </>
      }
    >
      {rows.length === 0 && <p className="p-3">No changes yet: the tags are as in the file.</p>}
      <ol>
        {rows.slice(0, SHOWN).map((r) => (
          <li
            key={`${r.sentence}:${r.start}`}
            className="flex items-start gap-2 border-b border-slate-100 px-3 py-1 dark:border-slate-800"
          >
            <button
              type="button"
              className="font-mono text-xs hover:underline"
              onClick={() => moveCursor({ s: r.sentence, t: r.start })}
              aria-label={`Go to sentence ${r.sentence + 1}`}
            >
              #{r.sentence + 1}
            </button>
            <span className="flex-1">
              <ChangeLine row={r} />
              <details className="text-xs">
                <summary className="cursor-pointer text-slate-600 dark:text-slate-400">
                  Whole sentence, file vs now
                </summary>
                <SentenceDiff index={r.sentence} />
              </details>
            </span>
            <button
              type="button"
              className={smallButton}
              disabled={readOnly}
              onClick={() => {
                const d = useEditor.getState().doc;
                if (d) dispatch(revertChange(d, r));
              }}
              aria-label={`Revert change in sentence ${r.sentence + 1} at token ${r.start + 1}`}
            >
              Revert
            </button>
          </li>
        ))}
        {rows.length > SHOWN && (
          <li className="p-3 text-xs">… and {rows.length - SHOWN} more (all are in the export)</li>
        )}
      </ol>
    </SidePanel>
  );
}
