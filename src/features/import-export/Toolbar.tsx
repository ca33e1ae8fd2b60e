import { useEffect, useRef, useState } from 'react';
import { useSameFields } from '../shared/use-same-fields';
import { isSequenceCode } from '../../core/review/tag-issues';
import {
  redoEdit,
  setPanel,
  undoEdit,
  useEditor,
  type EditorState,
} from '../../store/editor-store';
import type { DocRecord } from '../../store/persistence/db';
import {
  currentHandle,
  exportBytes,
  openSample,
  recentDocs,
  restoreDoc,
} from '../../store/session';
import { goToSentence } from '../editor/actions';
import { useCoalesced } from '../shared/use-coalesced';
import { canWriteBack, exportCurrent, pickFileWithHandle, writeToHandle } from './download';
import { ExportDialog } from './ExportDialog';
import { openFiles } from './open-file';
import { TextDialog } from './TextDialog';

const button =
  'rounded border border-slate-300 bg-white px-2 py-1 text-sm hover:bg-slate-100 focus-visible:outline focus-visible:outline-2 focus-visible:outline-blue-600 disabled:cursor-not-allowed disabled:opacity-50 dark:border-slate-600 dark:bg-slate-800 dark:hover:bg-slate-700';

const STATUS_TEXT = {
  saved: 'Saved',
  saving: 'Saving…',
  unsaved: 'Not saved',
  memory: 'Memory only',
} as const;

// Counted once per index/list object (both are replaced, never mutated): the toolbar's
// selector runs on every store change, cursor moves included.
const issueTotals = new WeakMap<object, number>();
const fileProblemTotals = new WeakMap<object, number>();

function problemCount(issues: EditorState['tagIssues'], diagnostics: EditorState['diagnostics']) {
  let a = issueTotals.get(issues);
  if (a === undefined) {
    a = 0;
    for (const l of issues.values()) a += l.length;
    issueTotals.set(issues, a);
  }
  let b = fileProblemTotals.get(diagnostics);
  if (b === undefined) {
    b = diagnostics.filter((d) => d.severity !== 'info' && !isSequenceCode(d.code)).length;
    fileProblemTotals.set(diagnostics, b);
  }
  return a + b;
}

// What changes with an edit (undo state, save status, counters) lives in small components
// with their own subscriptions: re-rendering the whole bar per keypress re-set the attributes
// of its inputs and cost the edit's frame about a millisecond. Counters are coalesced values
// (`useCoalesced`): the keypress's frame paints the edited row; they follow within 0.1 s, and a
// run of keypresses repaints them once per 0.1 s.

function UndoRedo() {
  const { canUndo, canRedo } = useEditor(
    useSameFields((s) => ({
      canUndo: s.history.done.length > 0 && !s.save.readOnly,
      canRedo: s.history.undone.length > 0 && !s.save.readOnly,
    })),
  );
  return (
    <>
      <button
        type="button"
        className={button}
        disabled={!canUndo}
        onClick={() => undoEdit()}
        aria-keyshortcuts="Control+Z"
      >
        Undo
      </button>
      <button
        type="button"
        className={button}
        disabled={!canRedo}
        onClick={() => redoEdit()}
        aria-keyshortcuts="Control+Shift+Z Control+Y"
      >
        Redo
      </button>
    </>
  );
}

function SaveStatus() {
  // Live, never coalesced: a lagging status would still say Saved in the frame that paints an
  // edit not yet written.
  const status = useEditor((s) => s.save.status);
  const readOnly = useEditor((s) => s.save.readOnly);
  return (
    <span
      role="status"
      aria-label={`Save status: ${readOnly ? 'Read-only' : STATUS_TEXT[status]}`}
      className={`rounded px-2 py-0.5 text-sm font-medium ${status === 'saved' && !readOnly ? 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-50' : status === 'saving' ? 'bg-slate-200 text-slate-900 dark:bg-slate-700 dark:text-slate-50' : 'bg-red-100 text-red-900 dark:bg-red-900 dark:text-red-50'}`}
    >
      {readOnly ? 'Read-only' : STATUS_TEXT[status]}
    </span>
  );
}

function ChangeCounter() {
  const changedTags = useCoalesced(useEditor((s) => s.changedTags));
  const changedSentences = useCoalesced(useEditor((s) => s.changedBySentence.size));
  return (
    <span className="text-sm text-slate-700 dark:text-slate-300" aria-live="polite">
      {changedTags} {changedTags === 1 ? 'tag' : 'tags'} changed in {changedSentences}{' '}
      {changedSentences === 1 ? 'sentence' : 'sentences'}
    </span>
  );
}

const PANELS = [
  ['search', 'Search'],
  ['consistency', 'Inconsistencies'],
  ['changes', 'Changes'],
  ['stats', 'Statistics'],
  ['labels', 'Label set'],
  ['problems', 'Problems'],
] as const;

function PanelButtons({ hasDoc }: { hasDoc: boolean }) {
  const panel = useEditor((s) => s.panel);
  const problems = useCoalesced(useEditor((s) => problemCount(s.tagIssues, s.diagnostics)));
  // while a file is read, or the first analysis of a document is due or runs, there is no
  // count yet: "…", not "0"
  const inconsistencies = useCoalesced(
    useEditor((s) =>
      s.importState.phase === 'parsing' ||
      (s.doc &&
        !s.doc.refused &&
        (s.consistency.status === 'idle' || s.consistency.status === 'running') &&
        s.consistency.findings.length === 0)
        ? '…'
        : String(s.consistency.findings.length),
    ),
  );
  const count = (p: (typeof PANELS)[number][0]) =>
    p === 'problems' ? ` (${problems})` : p === 'consistency' ? ` (${inconsistencies})` : '';
  return PANELS.map(([p, text]) => (
    <button
      key={p}
      type="button"
      className={button}
      aria-pressed={panel === p}
      disabled={!hasDoc && p !== 'problems'}
      onClick={() => setPanel(p)}
    >
      {text}
      {count(p)}
    </button>
  ));
}

/** The top bar: file actions, history, save status, change counter, navigation, panels. */
export function Toolbar() {
  const st = useEditor(
    useSameFields((s) => ({
      fileName: s.fileName,
      hasDoc: s.doc !== null,
      sentences: s.doc?.sentences.length ?? 0,
    })),
  );
  const inputRef = useRef<HTMLInputElement>(null);
  const [recent, setRecent] = useState<DocRecord[] | null>(null);
  const [gotoValue, setGotoValue] = useState('');
  const [note, setNote] = useState('');
  const [exportOpen, setExportOpen] = useState(false);
  const [textOpen, setTextOpen] = useState(false);

  useEffect(() => {
    if (!note) return;
    const t = setTimeout(() => setNote(''), 4000);
    return () => clearTimeout(t);
  }, [note]);

  const onOpen = async () => {
    if (canWriteBack()) {
      const picked = await pickFileWithHandle();
      if (picked) await openFiles([picked.file], picked.handle);
      return;
    }
    inputRef.current?.click();
  };

  const onExport = () => exportCurrent(exportBytes, st.fileName);

  const onWriteBack = async () => {
    const handle = currentHandle();
    const bytes = await exportBytes();
    if (!handle || !bytes) return;
    try {
      await writeToHandle(handle, bytes);
      setNote(`Wrote ${st.fileName}.`);
    } catch (e) {
      setNote(
        `Could not write ${st.fileName}: ${(e as Error).message}. The file on disk is unchanged.`,
      );
    }
  };

  return (
    <header className="flex flex-wrap items-center gap-2 border-b border-slate-200 bg-slate-50 px-3 py-2 dark:border-slate-700 dark:bg-slate-950">
      <span className="mr-1 text-lg font-bold tracking-tight">retag</span>
      <input
        ref={inputRef}
        id="open-file-input"
        type="file"
        multiple
        aria-label="Open a corpus file"
        className="sr-only"
        tabIndex={-1}
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          if (files.length > 0) void openFiles(files);
        }}
      />
      <button type="button" className={button} onClick={() => void onOpen()}>
        Open…
      </button>
      <button type="button" className={button} onClick={() => void openSample()}>
        Open sample
      </button>
      <div className="relative">
        <button
          type="button"
          className={button}
          aria-expanded={textOpen}
          onClick={() => setTextOpen(!textOpen)}
        >
          New from text…
        </button>
        {textOpen && <TextDialog onClose={() => setTextOpen(false)} />}
      </div>
      <div className="relative">
        <button
          type="button"
          className={button}
          aria-expanded={recent !== null}
          onClick={async () => setRecent(recent ? null : await recentDocs())}
        >
          Recent
        </button>
        {recent && (
          <ul
            aria-label="Recent documents"
            className="absolute left-0 top-full z-30 mt-1 max-h-80 w-80 overflow-auto rounded border border-slate-300 bg-white p-1 shadow-lg dark:border-slate-600 dark:bg-slate-800"
          >
            {recent.length === 0 && <li className="p-2 text-sm">No documents yet.</li>}
            {recent.map((d) => (
              <li key={d.id}>
                <button
                  type="button"
                  className="w-full rounded px-2 py-1 text-left text-sm hover:bg-slate-100 dark:hover:bg-slate-700"
                  onClick={() => {
                    setRecent(null);
                    void restoreDoc(d.id);
                  }}
                >
                  <span className="font-medium">{d.name}</span>
                  <span className="block text-xs text-slate-600 dark:text-slate-400">
                    {d.rev} edits · opened {new Date(d.openedAt).toLocaleString()}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <button
        id="export-button"
        type="button"
        className={button}
        disabled={!st.hasDoc}
        onClick={() => void onExport()}
        aria-keyshortcuts="Control+S"
      >
        Export
      </button>
      <div className="relative">
        <button
          type="button"
          className={button}
          disabled={!st.hasDoc}
          aria-expanded={exportOpen}
          onClick={() => setExportOpen(!exportOpen)}
        >
          Export as…
        </button>
        {exportOpen && <ExportDialog onClose={() => setExportOpen(false)} />}
      </div>
      {canWriteBack() && (
        <button
          type="button"
          className={button}
          disabled={!st.hasDoc || !currentHandle()}
          onClick={() => void onWriteBack()}
          title="Write the corrected file back to the file you opened"
        >
          Save to file
        </button>
      )}
      <span className="mx-1 h-6 w-px bg-slate-300 dark:bg-slate-600" aria-hidden="true" />
      <UndoRedo />
      <SaveStatus />
      <ChangeCounter />
      <form
        className="ml-auto flex items-center gap-1"
        onSubmit={(e) => {
          e.preventDefault();
          if (goToSentence(Number(gotoValue))) {
            document.querySelector<HTMLElement>('[role="grid"]')?.focus();
            setGotoValue('');
          } else setNote(`There is no sentence ${gotoValue} (1–${st.sentences}).`);
        }}
      >
        <label htmlFor="goto-sentence" className="text-sm">
          Go to sentence
        </label>
        <input
          id="goto-sentence"
          type="number"
          min={1}
          max={st.sentences}
          value={gotoValue}
          onChange={(e) => setGotoValue(e.target.value)}
          className="w-24 rounded border border-slate-300 bg-white px-1.5 py-0.5 text-sm dark:border-slate-600 dark:bg-slate-800"
        />
      </form>
      <PanelButtons hasDoc={st.hasDoc} />
      <button
        type="button"
        className={button}
        onClick={() => setPanel('help')}
        aria-keyshortcuts="?"
      >
        Shortcuts
      </button>
      {note && (
        <p role="status" className="w-full text-sm text-slate-700 dark:text-slate-300">
          {note}
        </p>
      )}
    </header>
  );
}
