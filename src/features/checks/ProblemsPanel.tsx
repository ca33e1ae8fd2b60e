import { useMemo, useState } from 'react';
import { useSameFields } from '../shared/use-same-fields';
import type { Diagnostic, DiagnosticCode } from '../../core/diagnostics';
import { previewTransaction, type ChangeRow } from '../../core/edit/preview';
import { countTagIssues, isSequenceCode, repairSentences } from '../../core/review/tag-issues';
import { repairSentencesNow, sentencesOfKind } from '../../store/checks';
import { moveCursor, useEditor } from '../../store/editor-store';
import { reimportWith } from '../../store/open-any';
import { reread } from '../../store/session';
import { goToLine } from '../editor/actions';
import { tokenDisplay } from '../editor/token-text';
import { ChangePreview } from './ChangePreview';
import { SidePanel, smallButton } from './SidePanel';

/** Rows listed per group; the rest are counted. */
const SHOWN = 200;

function focusGrid() {
  document.querySelector<HTMLElement>('[role="grid"]')?.focus();
}

/**
 * Every problem, grouped by kind with counts: invalid tag sequences (live, updated as you
 * edit), each fixable on its own or all of a kind in one undoable step after a preview; and
 * the import diagnostics of the file (click to jump).
 */
export function ProblemsPanel() {
  const { issues, diagnostics, readOnly } = useEditor(
    useSameFields((s) => ({
      issues: s.tagIssues,
      diagnostics: s.diagnostics,
      readOnly: s.save.readOnly,
    })),
  );
  const [open, setOpen] = useState<DiagnosticCode | null>(null);
  const [preview, setPreview] = useState<{
    title: string;
    sentences: number[];
    rows: ChangeRow[];
  } | null>(null);
  const groups = useMemo(() => countTagIssues(issues), [issues]);
  const fileProblems = useMemo(
    () => diagnostics.filter((d) => !isSequenceCode(d.code) && d.severity !== 'info'),
    [diagnostics],
  );
  const total = groups.reduce((a, [, n]) => a + n, 0) + fileProblems.length;

  const showPreview = (title: string, sentences: number[]) => {
    const doc = useEditor.getState().doc;
    const tr = doc ? repairSentences(doc, sentences) : null;
    setPreview({ title, sentences, rows: doc && tr ? previewTransaction(doc, tr) : [] });
  };

  return (
    <SidePanel
      panel="problems"
      title="Problems"
      header={<span className="text-sm">({total})</span>}
    >
      {preview && (
        <ChangePreview
          title={preview.title}
          rows={preview.rows}
          onApply={() => {
            repairSentencesNow(preview.sentences);
            setPreview(null);
          }}
          onCancel={() => setPreview(null)}
        />
      )}
      {total === 0 && <p className="p-3">No problems: every tag sequence is valid.</p>}
      {groups.length > 0 && (
        <p className="px-3 pt-2 text-xs text-slate-600 dark:text-slate-400">
          Invalid tag sequences, live. A fix rewrites the sentence as conlleval reads it,
          well-formed in the file&apos;s scheme.
        </p>
      )}
      <ul>
        {groups.map(([code, n]) => (
          <li key={code} className="border-b border-slate-100 dark:border-slate-800">
            <div className="flex items-center gap-2 px-3 py-1.5">
              <button
                type="button"
                className="text-left font-mono text-xs font-semibold"
                aria-expanded={open === code}
                onClick={() => setOpen(open === code ? null : code)}
              >
                {open === code ? '▾' : '▸'} {code}
              </button>
              <span className="rounded bg-amber-100 px-1 text-xs text-amber-950 dark:bg-amber-900 dark:text-amber-50">
                {n}
              </span>
              <button
                type="button"
                className={`${smallButton} ml-auto`}
                disabled={readOnly}
                onClick={() => showPreview(`Fix all ${code}`, sentencesOfKind(code))}
              >
                Fix all of this kind…
              </button>
            </div>
            {open === code && <IssueList code={code} readOnly={readOnly} onFix={showPreview} />}
          </li>
        ))}
      </ul>
      <ConversionNotes />
      {fileProblems.length > 0 && <FileProblems list={fileProblems} />}
    </SidePanel>
  );
}

function IssueList(props: {
  code: DiagnosticCode;
  readOnly: boolean;
  onFix: (title: string, sentences: number[]) => void;
}) {
  const issues = useEditor((s) => s.tagIssues);
  const rows: { s: number; t: number; message: string }[] = [];
  for (const [s, list] of issues) {
    for (const i of list)
      if (i.code === props.code) rows.push({ s, t: i.index, message: i.message });
  }
  rows.sort((a, b) => a.s - b.s || a.t - b.t);
  return (
    <ol className="pb-1">
      {rows.slice(0, SHOWN).map((r) => (
        <li key={`${r.s}:${r.t}`} className="flex items-start gap-2 px-5 py-0.5">
          <button
            type="button"
            className="flex-1 text-left hover:underline"
            onClick={() => {
              moveCursor({ s: r.s, t: r.t });
              focusGrid();
            }}
          >
            <span className="mr-1 font-mono text-xs">
              #{r.s + 1}:{r.t + 1}
            </span>
            {tokenDisplay(r.message)}
          </button>
          <button
            type="button"
            className={smallButton}
            disabled={props.readOnly}
            onClick={() => props.onFix(`Fix sentence ${r.s + 1}`, [r.s])}
            aria-label={`Fix sentence ${r.s + 1}`}
          >
            Fix…
          </button>
        </li>
      ))}
      {rows.length > SHOWN && <li className="px-5 text-xs">… and {rows.length - SHOWN} more</li>}
    </ol>
  );
}

function FileProblems({ list }: { list: readonly Diagnostic[] }) {
  const { options, edits } = useEditor(
    useSameFields((s) => ({ options: s.options, edits: s.history.done.length })),
  );
  const encodingErrors = list.filter((d) => d.code === 'E_ENCODING').length;
  return (
    <section aria-label="File problems" className="pt-2">
      <h3 className="px-3 text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">
        Reading the file ({list.length})
      </h3>
      {encodingErrors > 0 && options.encoding !== 'windows-1252' && (
        <p className="flex flex-wrap items-center gap-2 px-3 py-1 text-xs">
          {encodingErrors} {encodingErrors === 1 ? 'line is' : 'lines are'} not UTF-8 (shown with
          their bytes as windows-1252). If the file is windows-1252 (Latin-1):
          <button
            type="button"
            className={smallButton}
            onClick={() => {
              if (
                edits === 0 ||
                window.confirm(
                  'Re-reading the file starts over from the file: your edits to it are not carried over. Continue?',
                )
              )
                void reread({ ...options, encoding: 'windows-1252' });
            }}
          >
            Reopen as windows-1252
          </button>
        </p>
      )}
      <ol>
        {list.slice(0, SHOWN).map((d, i) => (
          <li key={i}>
            <button
              type="button"
              onClick={() => d.line > 0 && goToLine(d.line) && focusGrid()}
              className="w-full border-b border-slate-100 px-3 py-1.5 text-left hover:bg-slate-50 dark:border-slate-800 dark:hover:bg-slate-800"
            >
              <span className="mr-1 rounded bg-red-100 px-1 text-xs font-semibold text-red-900 dark:bg-red-900 dark:text-red-50">
                {d.code}
              </span>
              <span className="font-mono text-xs">
                {d.line > 0 ? `line ${d.line}:${d.column}` : 'file'}
              </span>
              <span className="block">{tokenDisplay(d.message)}</span>
              {d.hint && (
                <span className="block text-xs text-slate-600 dark:text-slate-400">{d.hint}</span>
              )}
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** What converting another tool's file (or raw text) did: its summary and every finding. */
function ConversionNotes() {
  const report = useEditor((s) => s.conversion);
  if (!report) return null;
  return (
    <section aria-label="Conversion" className="pt-2">
      <h3 className="px-3 text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">
        Converted from {report.from} ({report.notes.length})
      </h3>
      <p className="px-3 py-1 text-xs">
        {report.source}: {report.summary}
      </p>
      {report.tokenize && (
        <p className="flex flex-wrap items-center gap-1 px-3 py-1 text-xs">
          Text without tokens was split{' '}
          {report.tokenize === 'auto' ? '(auto)' : `at ${report.tokenize}`}. Read it again splitting
          {(['words', 'whitespace'] as const)
            .filter((t) => t !== report.tokenize)
            .map((t) => (
              <button
                key={t}
                type="button"
                className={smallButton}
                onClick={() => {
                  const st = useEditor.getState();
                  if (
                    st.history.done.length === 0 ||
                    window.confirm(
                      'Reading again starts over from the imported file: your edits are not carried over. Continue?',
                    )
                  )
                    void reimportWith(t);
                }}
              >
                {t === 'words' ? 'into words' : 'at whitespace'}
              </button>
            ))}
        </p>
      )}
      <ol>
        {report.notes.slice(0, SHOWN).map((d, i) => (
          <li key={i} className="border-b border-slate-100 px-3 py-1.5 dark:border-slate-800">
            <span
              className={`mr-1 rounded px-1 text-xs font-semibold ${d.severity === 'info' ? 'bg-slate-200 text-slate-900 dark:bg-slate-700 dark:text-slate-50' : 'bg-red-100 text-red-900 dark:bg-red-900 dark:text-red-50'}`}
            >
              {d.code}
            </span>
            <span className="font-mono text-xs">
              {d.file}
              {d.line > 0 ? `:${d.line}` : ''}
            </span>
            <span className="block">{d.message}</span>
          </li>
        ))}
      </ol>
      {report.notes.length > SHOWN && (
        <p className="px-3 text-xs">{report.notes.length - SHOWN} more (the CLI lists all).</p>
      )}
    </section>
  );
}
