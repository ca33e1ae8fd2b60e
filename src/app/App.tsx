import { useEffect } from 'react';
import { useEditor } from '../store/editor-store';
import { initApp } from '../store/session';
import { ProblemsPanel } from '../features/checks/ProblemsPanel';
import { ConsistencyPanel } from '../features/checks/ConsistencyPanel';
import { EntityBar } from '../features/editor/EntityBar';
import { TokenBar } from '../features/editor/TokenBar';
import { OfferBar } from '../features/editor/OfferBar';
import { ChangesPanel } from '../features/review/ChangesPanel';
import { ReviewBar } from '../features/review/ReviewBar';
import { StatsPanel } from '../features/review/StatsPanel';
import { SearchPanel } from '../features/search/SearchPanel';
import { handleGlobalKey } from '../features/editor/key-handler';
import { SentenceList } from '../features/editor/SentenceList';
import { DialectBar } from '../features/import-export/DialectBar';
import { DropZone } from '../features/import-export/DropZone';
import { ImportProgress } from '../features/import-export/ImportProgress';
import { Toolbar } from '../features/import-export/Toolbar';
import { HelpOverlay } from '../features/keymap/HelpOverlay';
import { LabelPalette } from '../features/palette/LabelPalette';
import { LabelSetPanel } from '../features/palette/LabelSetPanel';
import { Banners, EvictionNotice } from '../features/status/Banners';

let started = false;

/** The app shell. Editing happens in the sentence list; everything else frames it. */
export function App() {
  const panel = useEditor((s) => s.panel);
  const hasDoc = useEditor((s) => s.doc !== null);
  useEffect(() => {
    if (started) return;
    started = true;
    void initApp();
  }, []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const el = e.target as HTMLElement | null;
      if (el && (el.closest('input, textarea, select') || el.isContentEditable)) return;
      if (el?.closest('[role="grid"]')) return; // the grid handles its own keys
      if (handleGlobalKey(e)) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <div className="flex h-screen flex-col bg-white text-slate-900 dark:bg-slate-900 dark:text-slate-100">
      <Toolbar />
      <Banners />
      <ImportProgress />
      {hasDoc && <DialectBar />}
      <div className="flex min-h-0 flex-1">
        <main className="relative flex min-w-0 flex-1 flex-col">
          {hasDoc && <LabelPalette />}
          {hasDoc && <EntityBar />}
          {hasDoc && <TokenBar />}
          {hasDoc && <OfferBar />}
          {hasDoc && <ReviewBar />}
          {hasDoc ? (
            <SentenceList />
          ) : (
            <p className="p-4 text-sm">
              Open a corpus file (Open…, or drop it here), or open the sample.
            </p>
          )}
        </main>
        {panel === 'problems' && <ProblemsPanel />}
        {hasDoc && panel === 'consistency' && <ConsistencyPanel />}
        {hasDoc && panel === 'search' && <SearchPanel />}
        {hasDoc && panel === 'changes' && <ChangesPanel />}
        {hasDoc && panel === 'stats' && <StatsPanel />}
        {hasDoc && panel === 'labels' && <LabelSetPanel />}
      </div>
      <EvictionNotice />
      {panel === 'help' && <HelpOverlay />}
      <DropZone />
    </div>
  );
}
