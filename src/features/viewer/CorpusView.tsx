import { useMemo } from 'react';
import { countBySeverity, type DiagnosticCode } from '../../core/diagnostics';
import { describeDialect, describeScheme, summarize } from '../../core/model/summary';
import type { CorpusDocument } from '../../core/model/document';
import { collectLabels } from './labels';
import { Legend } from './Legend';
import { SentenceRow } from './SentenceRow';

interface Props {
  doc: CorpusDocument;
  fileName: string;
  diagnosticCounts: ReadonlyMap<DiagnosticCode, number>;
}

/** Read-only view of a corpus: its summary, its labels and every sentence. */
export function CorpusView({ doc, fileName, diagnosticCounts }: Props) {
  const labels = useMemo(() => collectLabels(doc), [doc]);
  const summary = useMemo(() => summarize(doc), [doc]);
  const severities = countBySeverity(diagnosticCounts);
  return (
    <main className="mx-auto max-w-6xl px-4 pb-16">
      <section
        aria-label="Corpus summary"
        className="sticky top-0 z-10 space-y-2 border-b border-slate-200 bg-white/95 py-3 backdrop-blur dark:border-slate-700 dark:bg-slate-900/95"
      >
        <h2 className="text-lg font-semibold">{fileName}</h2>
        <p className="text-sm text-slate-700 dark:text-slate-300">
          {summary.tokens} tokens · {summary.sentences} sentences · {summary.entities} entities ·{' '}
          {severities.error} errors · {severities.warning} warnings
        </p>
        <p className="text-xs text-slate-600 dark:text-slate-400">
          {describeDialect(doc)} — {describeScheme(doc)}
        </p>
        <Legend labels={labels} />
      </section>
      <ol aria-label="Sentences" className="divide-y divide-slate-100 dark:divide-slate-800">
        {doc.sentences.map((s, i) => (
          <SentenceRow key={s.id} doc={doc} sentence={s} number={i + 1} labelIndex={labels.index} />
        ))}
      </ol>
    </main>
  );
}
