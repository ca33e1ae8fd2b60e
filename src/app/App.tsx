import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { CorpusView } from '../features/viewer/CorpusView';
import { openSample, useCorpus } from '../store/corpus-store';

/** The app shell: a header, then the open corpus (the built-in sample at first). */
export function App() {
  const { status, doc, fileName, error, diagnosticCounts } = useCorpus(
    useShallow((s) => ({
      status: s.status,
      doc: s.doc,
      fileName: s.fileName,
      error: s.error,
      diagnosticCounts: s.diagnosticCounts,
    })),
  );
  useEffect(() => {
    if (useCorpus.getState().status === 'empty') void openSample();
  }, []);
  return (
    <div className="min-h-screen bg-white text-slate-900 dark:bg-slate-900 dark:text-slate-100">
      <header className="border-b border-slate-200 bg-slate-50 dark:border-slate-700 dark:bg-slate-950">
        <div className="mx-auto flex max-w-6xl items-center gap-3 px-4 py-2">
          <h1 className="text-xl font-bold tracking-tight">retag</h1>
          <span className="text-sm text-slate-600 dark:text-slate-400">
            correct BIO-tagged corpora
          </span>
        </div>
      </header>
      {status === 'loading' && (
        <p className="p-4" role="status">
          Loading {fileName}…
        </p>
      )}
      {status === 'failed' && (
        <p className="p-4 text-red-700 dark:text-red-300" role="alert">
          {error}
        </p>
      )}
      {status === 'ready' && doc && (
        <CorpusView doc={doc} fileName={fileName} diagnosticCounts={diagnosticCounts} />
      )}
    </div>
  );
}
